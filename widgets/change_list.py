"""The change list beside the map in compare mode; activating a card entry jumps to the card."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QColor, QStandardItem, QStandardItemModel
from PySide6.QtWidgets import QLabel, QListView, QPushButton, QVBoxLayout, QWidget

from model.diff import JourneyDiff, LineKind, change_lines, summary
from model.style import CHANGE_METRIC, CHANGE_OTHER
from widgets.diff_overlay import STATUS_COLORS, STRUCTURE_COLOR

CARD_ROLE = Qt.ItemDataRole.UserRole + 1

LINE_COLORS: dict[LineKind, str] = {
    **{LineKind(s.value): color for s, color in STATUS_COLORS.items()},
    LineKind.STRUCTURE: STRUCTURE_COLOR,
    LineKind.EMOTION: CHANGE_OTHER,
    LineKind.METRIC: CHANGE_METRIC,
    LineKind.OPPORTUNITY: CHANGE_OTHER,
}


class ChangeList(QWidget):
    """Shows a JourneyDiff as one line per change, grouped by kind."""

    card_activated = Signal(int)
    stop_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.title = QLabel()
        self.title.setWordWrap(True)
        self.model = QStandardItemModel(self)
        self.list = QListView()
        self.list.setModel(self.model)
        self.list.setEditTriggers(QListView.EditTrigger.NoEditTriggers)
        self.list.setWordWrap(True)
        self.list.setAccessibleName(self.tr("Changes"))
        self.stop_button = QPushButton(self.tr("Stop &Comparing"))
        box = QVBoxLayout(self)
        box.addWidget(self.title)
        box.addWidget(self.list, 1)
        box.addWidget(self.stop_button)
        self.list.activated.connect(self._on_activated)
        self.list.clicked.connect(self._on_activated)
        self.stop_button.clicked.connect(self.stop_requested)

    def entries(self) -> list[str]:
        return [self.model.item(r).text() for r in range(self.model.rowCount())]

    def _add(self, text: str, color: str, card_id: int | None = None) -> None:
        item = QStandardItem(text)
        item.setForeground(QColor(color))
        if card_id is not None:
            item.setData(card_id, CARD_ROLE)
            item.setToolTip(self.tr("Show this card on the map"))
        self.model.appendRow(item)

    def show_diff(self, diff: JourneyDiff, since: str) -> None:
        self.model.clear()
        if diff.empty:
            self.title.setText(self.tr("%1: nothing changed.").replace("%1", since))
        else:
            self.title.setText(self.tr("%1: %2").replace("%1", since).replace(
                "%2", summary(diff)))
        for line in change_lines(diff):
            self._add(line.text, LINE_COLORS[line.kind], line.card_id)

    def _on_activated(self, index: object) -> None:
        from PySide6.QtCore import QModelIndex

        assert isinstance(index, QModelIndex)
        card_id = index.data(CARD_ROLE)
        if card_id is not None:
            self.card_activated.emit(int(card_id))
