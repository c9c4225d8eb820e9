"""The Snapshots panel: a journey's stored snapshots, and what can be done with one."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

from PySide6.QtCore import QSignalBlocker, Qt, Signal, SignalInstance
from PySide6.QtGui import QStandardItem, QStandardItemModel
from PySide6.QtWidgets import (
    QAbstractItemView,
    QGridLayout,
    QLabel,
    QListView,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from model.records import SnapshotRecord

ID_ROLE = Qt.ItemDataRole.UserRole + 1


class SnapshotsPanel(QWidget):
    """Lists snapshots newest first; buttons and in-place renaming report snapshot ids."""

    take_requested = Signal()
    open_requested = Signal(int)
    compare_requested = Signal(int)
    restore_requested = Signal(int)
    rename_requested = Signal(int, str)
    delete_requested = Signal(int)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.model = QStandardItemModel(self)
        self.list = QListView()
        self.list.setModel(self.model)
        self.list.setAccessibleName(self.tr("Snapshots"))
        self.list.setEditTriggers(QAbstractItemView.EditTrigger.EditKeyPressed
                                  | QAbstractItemView.EditTrigger.SelectedClicked)
        self.list.setAlternatingRowColors(True)
        self.empty = QLabel(self.tr("No snapshots yet. Take one before a workshop or a "
                                    "review to compare with later."))
        self.empty.setWordWrap(True)
        self.take_button = QPushButton(self.tr("&Take Snapshot"))
        self.open_button = QPushButton(self.tr("&Open"))
        self.open_button.setToolTip(self.tr("Show the snapshot read-only"))
        self.compare_button = QPushButton(self.tr("Co&mpare"))
        self.compare_button.setToolTip(self.tr("Mark on the map what changed since"))
        self.restore_button = QPushButton(self.tr("Restore as &Journey"))
        self.restore_button.setToolTip(self.tr("Add a new journey holding the snapshot"))
        self.rename_button = QPushButton(self.tr("Re&name"))
        self.delete_button = QPushButton(self.tr("&Delete"))
        grid = QGridLayout()
        for i, button in enumerate((self.open_button, self.compare_button,
                                    self.restore_button, self.rename_button,
                                    self.delete_button)):
            grid.addWidget(button, i // 2, i % 2)
        box = QVBoxLayout(self)
        box.addWidget(self.take_button)
        box.addWidget(self.list, 1)
        box.addWidget(self.empty)
        box.addLayout(grid)
        self.take_button.clicked.connect(self.take_requested)
        self.open_button.clicked.connect(lambda: self._report(self.open_requested))
        self.compare_button.clicked.connect(lambda: self._report(self.compare_requested))
        self.restore_button.clicked.connect(lambda: self._report(self.restore_requested))
        self.delete_button.clicked.connect(lambda: self._report(self.delete_requested))
        self.rename_button.clicked.connect(self.start_rename)
        self.list.doubleClicked.connect(lambda _i: self._report(self.open_requested))
        self.model.itemChanged.connect(self._on_item_changed)
        self.list.selectionModel().selectionChanged.connect(self._enable)
        self._labels: dict[int, str] = {}
        self.show_snapshots([])

    def show_snapshots(self, records: Sequence[SnapshotRecord]) -> None:
        """Show a journey's snapshots (newest first), keeping the selected one selected."""
        selected = self.selected_id()
        with QSignalBlocker(self.model):
            self.model.clear()
            self._labels = {}
            for record in records:
                item = QStandardItem(record["label"])
                item.setData(record["id"], ID_ROLE)
                item.setToolTip(self.tr("%1 cards").replace("%1", str(record["card_count"])))
                item.setData(self._subtitle(record), Qt.ItemDataRole.StatusTipRole)
                item.setText(record["label"])
                self._labels[record["id"]] = record["label"]
                self.model.appendRow(item)
        self.list.reset()
        for row in range(self.model.rowCount()):
            if self.model.item(row).data(ID_ROLE) == selected:
                self.list.setCurrentIndex(self.model.index(row, 0))
        if self.selected_id() is None and self.model.rowCount():
            self.list.setCurrentIndex(self.model.index(0, 0))
        self.empty.setVisible(not records)
        self.list.setVisible(bool(records))
        self._enable()

    def _subtitle(self, record: SnapshotRecord) -> str:
        taken: dt.datetime = record["taken_at"]
        return self.tr("%1 · %2 cards").replace("%1", taken.strftime("%d %b %Y %H:%M")).replace(
            "%2", str(record["card_count"]))

    def labels(self) -> list[str]:
        """The labels shown, top to bottom."""
        return [self.model.item(r).text() for r in range(self.model.rowCount())]

    def selected_id(self) -> int | None:
        index = self.list.currentIndex()
        if not index.isValid():
            return None
        value = index.data(ID_ROLE)
        return int(value) if value is not None else None

    def select(self, snapshot_id: int) -> None:
        for row in range(self.model.rowCount()):
            if self.model.item(row).data(ID_ROLE) == snapshot_id:
                self.list.setCurrentIndex(self.model.index(row, 0))

    def start_rename(self) -> None:
        index = self.list.currentIndex()
        if index.isValid():
            self.list.setFocus()
            self.list.edit(index)

    def _report(self, signal: SignalInstance) -> None:
        snapshot_id = self.selected_id()
        if snapshot_id is not None:
            signal.emit(snapshot_id)

    def _on_item_changed(self, item: QStandardItem) -> None:
        snapshot_id = int(item.data(ID_ROLE))
        label = item.text().strip()
        old = self._labels.get(snapshot_id, "")
        if not label or label == old:
            with QSignalBlocker(self.model):
                item.setText(old)  # an empty name is refused: the old one comes back
            return
        self.rename_requested.emit(snapshot_id, label)

    def _enable(self, *_args: object) -> None:
        has = self.selected_id() is not None
        for button in (self.open_button, self.compare_button, self.restore_button,
                       self.rename_button, self.delete_button):
            button.setEnabled(has)
