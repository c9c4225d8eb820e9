"""The journey header's review date: a small button that shows it and opens the Review dialog."""

from __future__ import annotations

import datetime as dt

from PySide6.QtWidgets import QToolButton, QWidget

from widgets.chrome import chrome, follow_desktop
from widgets.review_banner import day_text


class ReviewChip(QToolButton):
    """Shows "Review: 26 February 2027" (amber when overdue); a click asks to edit it."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAutoRaise(True)
        self.setToolTip(self.tr("Review interval and next review date (Journey → Review…)"))
        self.setAccessibleName(self.tr("Next review"))
        self.compact = False  # a small screen: "Review…", the date in the tooltip
        self._shown: tuple[dt.date | None, int, dt.date] = (None, 3, dt.date.today())
        self.show_review(None, 3, dt.date.today())
        follow_desktop(self, lambda: self.show_review(*self._shown))

    def set_compact(self, compact: bool) -> None:
        self.compact = compact
        self.show_review(*self._shown)

    def show_review(self, next_review: dt.date | None, interval: int, today: dt.date) -> None:
        self._shown = (next_review, interval, today)
        if next_review is None:
            self.setText(self.tr("Review…") if self.compact else self.tr("Set review date…"))
            self.setStyleSheet("")
            return
        when = self.tr("Review: %1").replace("%1", day_text(next_review, today))
        self.setText(self.tr("Review…") if self.compact else when)
        overdue = next_review < today
        self.setStyleSheet(
            f"QToolButton {{ color: {chrome().warning}; font-weight: bold; }}" if overdue else "")
        self.setToolTip((when + "\n" if self.compact else "")
                        + self.tr("Every %n month(s); click to change", "", interval))
