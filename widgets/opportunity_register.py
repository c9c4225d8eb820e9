"""The opportunity register: a sortable, filterable table of the journey's opportunities.

A QAbstractTableModel over the records the app hands it; an inline edit is reported as
``edited(id, {field: value})`` and shown once the model's change comes back.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from enum import IntEnum
from typing import Any

from PySide6.QtCore import (
    QAbstractItemModel,
    QAbstractTableModel,
    QDate,
    QEvent,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QSortFilterProxyModel,
    Qt,
    Signal,
)
from PySide6.QtGui import QBrush, QColor, QKeyEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDateEdit,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QSplitter,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from model import style
from model.entities import OpportunityStatus
from model.i18n import QT_TR_NOOP
from model.records import OpportunityRecord
from widgets.i18n import qtr
from widgets.opportunity_detail import OpportunityDetail

Index = QModelIndex | QPersistentModelIndex
SORT_ROLE = Qt.ItemDataRole.UserRole + 1
NO_DATE = QDate(2000, 1, 1)  # the date editor's "no due date" value
OVERDUE_FILL = QColor(style.OVERDUE_FILL)
PRIORITY_FORMULA = QT_TR_NOOP("Priority = importance x (ease + 6 - cost) / 2, from 1 to 25")

STATUS_LABELS: dict[str, str] = {
    "": "—",
    OpportunityStatus.IDEA: QT_TR_NOOP("Idea"),
    OpportunityStatus.PLANNED: QT_TR_NOOP("Planned"),
    OpportunityStatus.IN_PROGRESS: QT_TR_NOOP("In progress"),
    OpportunityStatus.DONE: QT_TR_NOOP("Done"),
    OpportunityStatus.DROPPED: QT_TR_NOOP("Dropped"),
}
CLOSED = {OpportunityStatus.DONE.value, OpportunityStatus.DROPPED.value}


class Column(IntEnum):
    TITLE = 0
    CARDS = 1
    OWNER = 2
    DEPARTMENT = 3
    IMPORTANCE = 4
    COST = 5
    EASE = 6
    PRIORITY = 7
    STATUS = 8
    DUE = 9
    VOTES = 10  # dots on the linked cards in the voting round shown (hidden without one)


HEADERS = {
    Column.TITLE: QT_TR_NOOP("Title"),
    Column.CARDS: QT_TR_NOOP("Linked cards"),
    Column.OWNER: QT_TR_NOOP("Owner"),
    Column.DEPARTMENT: QT_TR_NOOP("Department"),
    Column.IMPORTANCE: QT_TR_NOOP("Importance"),
    Column.COST: QT_TR_NOOP("Cost"),
    Column.EASE: QT_TR_NOOP("Ease"),
    Column.PRIORITY: QT_TR_NOOP("Priority"),
    Column.STATUS: QT_TR_NOOP("Status"),
    Column.DUE: QT_TR_NOOP("Due"),
    Column.VOTES: QT_TR_NOOP("Votes"),
}
FIELDS = {
    Column.TITLE: "title", Column.OWNER: "owner", Column.IMPORTANCE: "importance",
    Column.COST: "cost", Column.EASE: "ease", Column.STATUS: "status", Column.DUE: "due_date",
}
SCORES = (Column.IMPORTANCE, Column.COST, Column.EASE)


def is_overdue(record: OpportunityRecord, today: dt.date) -> bool:
    due = record["due_date"]
    return due is not None and due < today and record["status"] not in CLOSED


def departments(record: OpportunityRecord) -> str:
    seen: list[str] = []
    for card in record["cards"]:
        if card["department"] and card["department"] not in seen:
            seen.append(card["department"])
    return ", ".join(seen)


def cards_text(record: OpportunityRecord) -> str:
    return "; ".join(" ".join(c["text"].split()) or "…" for c in record["cards"])


class OpportunityTableModel(QAbstractTableModel):
    """Rows of the register; editing reports the change instead of making it."""

    edited = Signal(int, dict)  # opportunity id, the one field the user changed

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._rows: list[OpportunityRecord] = []
        self._today = dt.date.today()
        self.votes: dict[int, int] | None = None  # per opportunity, in the round shown

    def set_rows(self, rows: Sequence[OpportunityRecord], today: dt.date) -> None:
        """Show new rows; the same opportunities in the same order only update their cells
        (a reset would close an editor that is still committing its value)."""
        rows = list(rows)
        if [r["id"] for r in rows] == [r["id"] for r in self._rows]:
            self._rows = rows
            self._today = today
            if rows:
                self.dataChanged.emit(self.index(0, 0),
                                      self.index(len(rows) - 1, len(Column) - 1))
            return
        self.beginResetModel()
        self._rows = rows
        self._today = today
        self.endResetModel()

    def record(self, row: int) -> OpportunityRecord:
        return self._rows[row]

    def row_of(self, opp_id: int) -> int | None:
        return next((i for i, r in enumerate(self._rows) if r["id"] == opp_id), None)

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(Column)

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return qtr(HEADERS[Column(section)])
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.ToolTipRole:
            if section == Column.PRIORITY:
                return qtr(PRIORITY_FORMULA)
            if section in SCORES:
                return self.tr("1 (low) to 5 (high)")
        return None

    def flags(self, index: Index) -> Qt.ItemFlag:
        base = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        if index.isValid() and Column(index.column()) in FIELDS:
            base |= Qt.ItemFlag.ItemIsEditable
        return base

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        rec = self._rows[index.row()]
        col = Column(index.column())
        if role == Qt.ItemDataRole.DisplayRole:
            return self._display(rec, col)
        if role == Qt.ItemDataRole.EditRole:
            if col == Column.DUE:
                due = rec["due_date"]
                return QDate(due.year, due.month, due.day) if due else NO_DATE
            return rec[FIELDS[col]] if col in FIELDS else None  # type: ignore[literal-required]
        if role == SORT_ROLE:
            if col == Column.VOTES:
                return float((self.votes or {}).get(rec["id"], 0))
            if col in SCORES or col == Column.PRIORITY:
                return float(rec[FIELDS.get(col, "priority")])  # type: ignore[literal-required]
            if col == Column.DUE:
                return rec["due_date"].isoformat() if rec["due_date"] else "9999"
            return (self._display(rec, col) or "").lower()
        if role == Qt.ItemDataRole.BackgroundRole and is_overdue(rec, self._today):
            return QBrush(OVERDUE_FILL)
        if role == Qt.ItemDataRole.ToolTipRole:
            if col == Column.DUE and is_overdue(rec, self._today):
                return self.tr("Overdue: due %s") % rec["due_date"]
            if col == Column.CARDS:
                return "\n".join(c["text"] for c in rec["cards"]) or None
            if col == Column.PRIORITY:
                return qtr(PRIORITY_FORMULA)
        if role == Qt.ItemDataRole.TextAlignmentRole and (
                col in SCORES or col in (Column.PRIORITY, Column.VOTES)):
            return int(Qt.AlignmentFlag.AlignCenter)
        return None

    def _display(self, rec: OpportunityRecord, col: Column) -> str:
        if col == Column.TITLE:
            return rec["title"]
        if col == Column.CARDS:
            return cards_text(rec)
        if col == Column.OWNER:
            return rec["owner"]
        if col == Column.DEPARTMENT:
            return departments(rec)
        if col in SCORES:
            return str(rec[FIELDS[col]])  # type: ignore[literal-required]
        if col == Column.PRIORITY:
            return f"{rec['priority']:g}"
        if col == Column.STATUS:
            return qtr(STATUS_LABELS.get(rec["status"], rec["status"]))
        if col == Column.VOTES:
            return "" if self.votes is None else str(self.votes.get(rec["id"], 0))
        due = rec["due_date"]
        return due.isoformat() if due else ""

    def setData(self, index: Index, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if not index.isValid() or role != Qt.ItemDataRole.EditRole:
            return False
        rec = self._rows[index.row()]
        col = Column(index.column())
        if col not in FIELDS:
            return False
        key = FIELDS[col]
        if col == Column.DUE:
            value = None if value is None or value == NO_DATE else value.toPython()
        elif col in SCORES:
            value = int(value)
        elif col == Column.TITLE:
            value = str(value).strip()
            if not value:
                return False  # an opportunity keeps a title
        else:
            value = str(value)
        if rec[key] == value:  # type: ignore[literal-required]
            return False
        self.edited.emit(rec["id"], {key: value})
        return True


class RegisterFilter(QSortFilterProxyModel):
    """Text in any column and, optionally, one status or only overdue items."""

    ANY = "*"
    OVERDUE = "overdue"

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._status = self.ANY
        self.setSortRole(SORT_ROLE)
        self.setFilterCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.setFilterKeyColumn(-1)

    def set_status(self, status: str) -> None:
        self.beginFilterChange()
        self._status = status
        self.endFilterChange()

    def filterAcceptsRow(self, source_row: int, source_parent: Index) -> bool:
        model = self.sourceModel()
        assert isinstance(model, OpportunityTableModel)
        rec = model.record(source_row)
        if self._status == self.OVERDUE:
            if not is_overdue(rec, model._today):
                return False
        elif self._status != self.ANY and rec["status"] != self._status:
            return False
        return super().filterAcceptsRow(source_row, source_parent)


class RegisterDelegate(QStyledItemDelegate):
    """Spin boxes 1..5 for scores, a list of statuses, a date editor with "no date"."""

    def createEditor(self, parent: QWidget, option: QStyleOptionViewItem,
                     index: Index) -> QWidget:
        col = Column(index.column())
        if col in SCORES:
            spin = QSpinBox(parent)
            spin.setRange(1, 5)
            return spin
        if col == Column.STATUS:
            combo = QComboBox(parent)
            for value, label in STATUS_LABELS.items():
                combo.addItem(qtr(label), value)
            return combo
        if col == Column.DUE:
            edit = QDateEdit(parent)
            edit.setCalendarPopup(True)
            edit.setMinimumDate(NO_DATE)
            edit.setSpecialValueText(self.tr("No date"))
            edit.setDisplayFormat("yyyy-MM-dd")
            return edit
        return super().createEditor(parent, option, index)

    def setEditorData(self, editor: QWidget, index: Index) -> None:
        value = index.data(Qt.ItemDataRole.EditRole)
        if isinstance(editor, QComboBox):
            editor.setCurrentIndex(max(editor.findData(value), 0))
        elif isinstance(editor, QDateEdit):
            editor.setDate(value if value != NO_DATE else QDate.currentDate())
        else:
            super().setEditorData(editor, index)

    def setModelData(self, editor: QWidget, model: QAbstractItemModel, index: Index) -> None:
        if isinstance(editor, QComboBox):
            model.setData(index, editor.currentData())
        elif isinstance(editor, QDateEdit):
            model.setData(index, editor.date())
        else:
            super().setModelData(editor, model, index)


class RegisterTable(QTableView):
    """The table; F2, Delete and Enter act on it, not on the window's canvas shortcuts."""

    delete_pressed = Signal()
    _OWN_KEYS = (Qt.Key.Key_F2, Qt.Key.Key_Delete, Qt.Key.Key_Return, Qt.Key.Key_Enter)

    def event(self, event: QEvent) -> bool:
        if (event.type() == QEvent.Type.ShortcutOverride and isinstance(event, QKeyEvent)
                and event.key() in self._OWN_KEYS
                and event.modifiers() == Qt.KeyboardModifier.NoModifier):
            event.accept()  # deliver it as a key press here instead of as a shortcut
            return True
        return super().event(event)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() == Qt.Key.Key_Delete and self.state() != self.State.EditingState:
            self.delete_pressed.emit()
            return
        super().keyPressEvent(event)


class OpportunityRegister(QWidget):
    """The register panel: filter bar, the table, and the priority formula."""

    opportunity_added = Signal()
    opportunity_deleted = Signal(int)
    cards_requested = Signal(list)  # card ids to show on the canvas

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("OpportunityRegister")
        self.model = OpportunityTableModel(self)
        self.proxy = RegisterFilter(self)
        self.proxy.setSourceModel(self.model)
        self.edited = self.model.edited

        self.filter_edit = QLineEdit()
        self.filter_edit.setPlaceholderText(qtr("Filter: title, owner, department, card…"))
        self.filter_edit.setClearButtonEnabled(True)
        self.filter_edit.setAccessibleName(qtr("Filter opportunities"))
        self.filter_edit.textChanged.connect(self.proxy.setFilterFixedString)
        self.status_combo = QComboBox()
        self.status_combo.setAccessibleName(qtr("Show status"))
        self.status_combo.addItem(qtr("Any status"), RegisterFilter.ANY)
        self.status_combo.addItem(qtr("Overdue"), RegisterFilter.OVERDUE)
        for value, label in STATUS_LABELS.items():
            if value:
                self.status_combo.addItem(qtr(label), value)
        self.status_combo.currentIndexChanged.connect(
            lambda _i: self.proxy.set_status(self.status_combo.currentData()))
        self.add_button = QPushButton(qtr("&New"))
        self.add_button.clicked.connect(self.opportunity_added.emit)
        self.delete_button = QPushButton(qtr("&Delete"))
        self.delete_button.clicked.connect(self._delete_selected)
        bar = QHBoxLayout()
        bar.addWidget(self.filter_edit, 1)
        bar.addWidget(self.status_combo)
        bar.addWidget(self.add_button)
        bar.addWidget(self.delete_button)

        self.table = RegisterTable()
        self.table.delete_pressed.connect(self._delete_selected)
        self.table.setModel(self.proxy)
        self.table.setAccessibleName(qtr("Opportunity register"))
        self.table.setItemDelegate(RegisterDelegate(self.table))
        self.table.setSortingEnabled(True)
        self.table.sortByColumn(Column.PRIORITY, Qt.SortOrder.DescendingOrder)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        # Double-click jumps to the cards; a click on the selected cell or F2 edits.
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.SelectedClicked
                                   | QAbstractItemView.EditTrigger.EditKeyPressed)
        self.table.doubleClicked.connect(self._on_double_clicked)
        self.table.setWordWrap(False)
        self.table.verticalHeader().hide()
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(False)
        header.setSectionResizeMode(Column.TITLE, QHeaderView.ResizeMode.Stretch)
        for col in (*SCORES, Column.PRIORITY):
            header.setSectionResizeMode(col, QHeaderView.ResizeMode.ResizeToContents)
        self.table.setColumnWidth(Column.CARDS, 160)
        self.table.setColumnHidden(Column.VOTES, True)  # shown with a voting round

        self.formula = QLabel(qtr(PRIORITY_FORMULA) + " · " + qtr("overdue items are red"))
        self.formula.setStyleSheet("color: palette(mid);")
        self.empty_label = QLabel(qtr("No opportunities yet: select a pain point and choose "
                                     "Turn into Opportunity, or click New."))
        self.empty_label.setWordWrap(True)

        outer = QVBoxLayout(self)
        outer.setContentsMargins(6, 6, 6, 6)
        outer.addLayout(bar)
        outer.addWidget(self.empty_label)
        self.detail = OpportunityDetail()
        self.detail.committed.connect(lambda oid, text: self.edited.emit(
            oid, {"description": text}))
        self.table.selectionModel().currentRowChanged.connect(lambda *_: self._show_detail())
        split = QSplitter(Qt.Orientation.Horizontal)
        split.setChildrenCollapsible(False)
        split.addWidget(self.table)
        split.addWidget(self.detail)
        split.setStretchFactor(0, 3)
        split.setStretchFactor(1, 1)
        outer.addWidget(split, 1)
        outer.addWidget(self.formula)

    def _show_detail(self) -> None:
        opp_id = self.selected_id()
        row = self.model.row_of(opp_id) if opp_id is not None else None
        if row is None:
            self.detail.show_opportunity(None, "", "")
            return
        rec = self.model.record(row)
        self.detail.show_opportunity(rec["id"], rec["title"], rec["description"])

    def set_opportunities(self, rows: Sequence[OpportunityRecord], today: dt.date) -> None:
        selected = self.selected_id()
        self.model.set_rows(rows, today)
        self.empty_label.setVisible(not rows)
        self.delete_button.setEnabled(bool(rows))
        if selected is not None:
            self.select(selected)
        self._show_detail()

    def set_votes(self, votes: dict[int, int] | None) -> None:
        """Dots per opportunity in the voting round shown; None: no round, no column."""
        if votes == self.model.votes:
            return
        self.model.votes = votes
        self.table.setColumnHidden(Column.VOTES, votes is None)
        rows = self.model.rowCount()
        if rows:
            self.model.dataChanged.emit(self.model.index(0, Column.VOTES),
                                        self.model.index(rows - 1, Column.VOTES))
        self.proxy.invalidate()  # a sort by votes follows the new counts

    def sort_by_votes(self) -> None:
        """Most-voted first."""
        self.table.sortByColumn(Column.VOTES, Qt.SortOrder.DescendingOrder)

    def select(self, opp_id: int) -> None:
        row = self.model.row_of(opp_id)
        if row is None:
            return
        index = self.proxy.mapFromSource(self.model.index(row, Column.TITLE))
        if index.isValid():
            self.table.setCurrentIndex(index)
            self.table.scrollTo(index)

    def selected_id(self) -> int | None:
        index = self.table.currentIndex()
        if not index.isValid():
            return None
        return self.model.record(self.proxy.mapToSource(index).row())["id"]

    def visible_titles(self) -> list[str]:
        """The titles in the order the table shows them (after sorting and filtering)."""
        return [self.proxy.index(r, Column.TITLE).data() for r in range(self.proxy.rowCount())]

    def _on_double_clicked(self, index: QModelIndex) -> None:
        rec = self.model.record(self.proxy.mapToSource(index).row())
        if rec["cards"]:
            self.cards_requested.emit([c["id"] for c in rec["cards"]])

    def _delete_selected(self) -> None:
        opp_id = self.selected_id()
        if opp_id is not None:
            self.opportunity_deleted.emit(opp_id)
