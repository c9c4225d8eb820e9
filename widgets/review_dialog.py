"""Journey → Review…: how often the journey is reviewed and when the next review is."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QDate
from PySide6.QtWidgets import (
    QCheckBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSpinBox,
    QWidget,
)

from model.review import MAX_INTERVAL_MONTHS, MIN_INTERVAL_MONTHS, add_months


class ReviewDialog(QDialog):
    """Edits a journey's review interval and next review date (``values()`` after OK)."""

    def __init__(self, name: str, next_review: dt.date | None, interval: int, today: dt.date,
                 last_snapshot: str = "", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Review “%1”").replace("%1", name))
        self._today = today
        self.interval = QSpinBox()
        self.interval.setRange(MIN_INTERVAL_MONTHS, MAX_INTERVAL_MONTHS)
        self.interval.setSuffix(self.tr(" months"))
        self.interval.setValue(interval)
        self.scheduled = QCheckBox(self.tr("Review on"))
        self.date = QDateEdit()
        self.date.setCalendarPopup(True)
        self.date.setDisplayFormat("d MMMM yyyy")
        self.date.setAccessibleName(self.tr("Next review date"))
        start = next_review or add_months(today, interval)
        self.date.setDate(QDate(start.year, start.month, start.day))
        self.scheduled.setChecked(next_review is not None)
        self.date.setEnabled(next_review is not None)
        self.scheduled.toggled.connect(self.date.setEnabled)
        from_interval = QPushButton(self.tr("&From today"))
        from_interval.setToolTip(self.tr("Today plus the interval"))
        from_interval.clicked.connect(self.schedule_from_today)
        row = QHBoxLayout()
        row.addWidget(self.scheduled)
        row.addWidget(self.date, 1)
        row.addWidget(from_interval)
        form = QFormLayout(self)
        form.addRow(self.tr("Review &every:"), self.interval)
        form.addRow(self.tr("Next review:"), row)
        if last_snapshot:
            form.addRow(self.tr("Last snapshot:"), QLabel(last_snapshot))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                   | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)

    def schedule_from_today(self) -> None:
        day = add_months(self._today, self.interval.value())
        self.scheduled.setChecked(True)
        self.date.setDate(QDate(day.year, day.month, day.day))

    def values(self) -> tuple[dt.date | None, int]:
        """(next review date or None, interval in months)."""
        if not self.scheduled.isChecked():
            return None, self.interval.value()
        day = self.date.date()
        return dt.date(day.year(), day.month(), day.day()), self.interval.value()
