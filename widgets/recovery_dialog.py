"""One dialog for all unsaved work left by crashes: recover, discard or keep each for later."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from enum import Enum

from PySide6.QtGui import QStandardItem, QStandardItemModel
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)


@dataclass(frozen=True)
class RecoveryItem:
    """One crashed session as the dialog shows it (plain data, no model objects)."""

    key: str
    title: str
    location: str
    last_change: str
    journeys: tuple[str, ...]


class RecoveryChoice(Enum):
    LATER = "later"
    RECOVER = "recover"
    DISCARD = "discard"


COLUMNS = 4  # map, where, last change, journeys; then the choice


class RecoveryDialog(QDialog):
    """Lists every recoverable session; one can be recovered now (the window shows one map)."""

    def __init__(self, items: Sequence[RecoveryItem], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.items = list(items)
        self.setWindowTitle(self.tr("Recover Unsaved Work"))
        layout = QVBoxLayout(self)
        intro = QLabel(
            self.tr(
                "Journeyboard closed unexpectedly with unsaved changes to %n map(s). "
                "Choose for each: recover it now (one map at a time), discard it (this "
                "cannot be undone) or keep it to decide at the next start.",
                "",
                len(self.items),
            )
        )
        intro.setWordWrap(True)
        layout.addWidget(intro)
        self.model = QStandardItemModel(len(self.items), COLUMNS + 1, self)
        self.model.setHorizontalHeaderLabels(
            [self.tr("Map"), self.tr("Folder"), self.tr("Last change"), self.tr("Journeys"),
             self.tr("Do")]
        )
        self.table = QTableView(self)
        self.table.setModel(self.model)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        self.table.verticalHeader().hide()
        self.combos: list[QComboBox] = []
        for row, item in enumerate(self.items):
            for column, text in enumerate(
                (item.title, item.location, item.last_change, ", ".join(item.journeys))
            ):
                cell = QStandardItem(text)
                cell.setToolTip(text)
                self.model.setItem(row, column, cell)
            combo = QComboBox(self.table)
            combo.addItem(self.tr("Keep for later"), RecoveryChoice.LATER)
            combo.addItem(self.tr("Recover"), RecoveryChoice.RECOVER)
            combo.addItem(self.tr("Discard"), RecoveryChoice.DISCARD)
            combo.currentIndexChanged.connect(lambda _i, r=row: self._one_recover_only(r))
            self.table.setIndexWidget(self.model.index(row, COLUMNS), combo)
            self.combos.append(combo)
        if self.combos:
            self.combos[0].setCurrentIndex(1)  # the newest crash first: recover it
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.table.horizontalHeader().setStretchLastSection(True)
        layout.addWidget(self.table)
        buttons = QDialogButtonBox(self)
        self.ok_button = buttons.addButton(self.tr("Apply"), QDialogButtonBox.ButtonRole.AcceptRole)
        self.discard_all_button = QPushButton(self.tr("Discard All…"), self)
        buttons.addButton(self.discard_all_button, QDialogButtonBox.ButtonRole.DestructiveRole)
        self.later_button = buttons.addButton(
            self.tr("Ask Me Later"), QDialogButtonBox.ButtonRole.RejectRole
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        self.discard_all_button.clicked.connect(self.discard_all)
        layout.addWidget(buttons)
        self.resize(760, 140 + 30 * min(len(self.items), 12))

    def _one_recover_only(self, row: int) -> None:
        if self.combos[row].currentData() is not RecoveryChoice.RECOVER:
            return
        for other, combo in enumerate(self.combos):
            if other != row and combo.currentData() is RecoveryChoice.RECOVER:
                combo.setCurrentIndex(0)

    def set_choice(self, row: int, choice: RecoveryChoice) -> None:
        self.combos[row].setCurrentIndex(self.combos[row].findData(choice))

    def discard_all(self) -> None:
        """Every item discarded; the caller asks for confirmation before acting on it."""
        for combo in self.combos:
            combo.setCurrentIndex(combo.findData(RecoveryChoice.DISCARD))
        self.accept()

    def choices(self) -> dict[str, RecoveryChoice]:
        """What to do with each item (all "later" when the dialog was dismissed)."""
        if self.result() != QDialog.DialogCode.Accepted:
            return {item.key: RecoveryChoice.LATER for item in self.items}
        return {
            item.key: combo.currentData()
            for item, combo in zip(self.items, self.combos, strict=True)
        }


__all__ = ["RecoveryChoice", "RecoveryDialog", "RecoveryItem"]
