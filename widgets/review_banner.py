"""A non-modal strip above the map: a journey is due for review (Start review / Snooze)."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QDate, QLocale, Signal, SignalInstance
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QToolButton, QWidget

from widgets.chrome import chrome, follow_desktop


def day_text(day: dt.date, today: dt.date) -> str:
    """ "3 March", with the year when it is not this year's."""
    fmt = "d MMMM" if day.year == today.year else "d MMMM yyyy"
    return QLocale(QLocale.Language.English).toString(QDate(day.year, day.month, day.day), fmt)


class ReviewBanner(QFrame):
    """Says which journey is overdue; the buttons report the journey's id."""

    start_requested = Signal(int)
    snooze_requested = Signal(int)
    dismissed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("ReviewBanner")
        follow_desktop(self, self._restyle)
        self.journey_id: int | None = None
        self.message = QLabel()
        self.message.setAccessibleName(self.tr("Review reminder"))
        self.start_button = QPushButton(self.tr("&Start review"))
        self.start_button.setToolTip(self.tr("Take a snapshot of the journey as it is now and "
                                             "set the next review date"))
        self.snooze_button = QPushButton(self.tr("Snoo&ze a week"))
        close = QToolButton()
        close.setText("✕")
        close.setAutoRaise(True)
        close.setToolTip(self.tr("Hide until the file is opened again"))
        box = QHBoxLayout(self)
        box.setContentsMargins(10, 4, 6, 4)
        box.addWidget(self.message, 1)
        box.addWidget(self.start_button)
        box.addWidget(self.snooze_button)
        box.addWidget(close)
        self.start_button.clicked.connect(lambda: self._report(self.start_requested))
        self.snooze_button.clicked.connect(lambda: self._report(self.snooze_requested))
        close.clicked.connect(self._dismiss)
        self.hide()

    def _restyle(self) -> None:
        c = chrome()
        self.setStyleSheet(f"#ReviewBanner {{ background: {c.banner_fill}; border-bottom: 1px "
                           f"solid {c.banner_edge}; }} QLabel {{ color: {c.banner_text}; }}")

    def show_due(self, journey_id: int, name: str, due: dt.date, today: dt.date,
                 others: int = 0) -> None:
        self.journey_id = journey_id
        text = self.tr("%1 was due for review on %2").replace("%1", name or self.tr(
            "A journey")).replace("%2", day_text(due, today))
        if others:
            text += " " + self.tr("(and %n more overdue)", "", others)
        self.message.setText(text)
        self.show()

    def _report(self, signal: SignalInstance) -> None:
        if self.journey_id is not None:
            journey_id = self.journey_id
            self.hide()
            signal.emit(journey_id)

    def _dismiss(self) -> None:
        self.hide()
        self.dismissed.emit()
