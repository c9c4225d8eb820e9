"""The inspector's metrics list for the selected card or stage (model/view table)."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from model.metrics import SMALL_SAMPLE, MetricKind, format_value, is_small_sample, metric_label
from model.records import FieldsEdit, MetricFields, MetricRecord
from model.style import WARNING_TEXT
from widgets.chrome import chrome_text
from widgets.i18n import qtr

AnyIndex = QModelIndex | QPersistentModelIndex



class MetricTableModel(QAbstractTableModel):
    """Metrics as rows: metric, value, responses, period, source. Edits become a signal."""

    COLUMNS = ("metric", "value", "responses", "period", "source")
    EDITABLE = frozenset({"value", "responses", "period"})

    edit_requested = Signal(object)  # FieldsEdit[MetricFields]

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.records: list[MetricRecord] = []

    def set_records(self, records: Sequence[MetricRecord]) -> None:
        self.beginResetModel()
        self.records = list(records)
        self.endResetModel()

    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.records)

    def columnCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.COLUMNS)

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return [qtr("Metric"), qtr("Value"), qtr("Answers"), qtr("Period"),
                    qtr("Source")][section]
        return None

    def flags(self, index: AnyIndex) -> Qt.ItemFlag:
        base = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        if self.COLUMNS[index.column()] in self.EDITABLE:
            return base | Qt.ItemFlag.ItemIsEditable
        if self.COLUMNS[index.column()] == "metric" and (
            self.records[index.row()]["kind"] == MetricKind.CUSTOM.value
        ):
            return base | Qt.ItemFlag.ItemIsEditable
        return base

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        rec = self.records[index.row()]
        column = self.COLUMNS[index.column()]
        small = is_small_sample(rec["responses"])
        if role == Qt.ItemDataRole.DisplayRole:
            if column == "metric":
                return metric_label(rec["kind"], rec["name"])
            if column == "value":
                return format_value(rec["kind"], rec["value"], rec["unit"])
            if column == "responses":
                if rec["responses"] is None:
                    return ""
                return f"{rec['responses']}*" if small else str(rec["responses"])
            if column == "period":
                return rec["period"]
            return rec["source"] if rec["computed"] else qtr("typed")
        if role == Qt.ItemDataRole.EditRole:
            if column == "metric":
                return rec["name"]
            if column == "value":
                return "" if rec["value"] is None else f"{rec['value']:g}"
            if column == "responses":
                return "" if rec["responses"] is None else str(rec["responses"])
            return rec["period"]
        if role == Qt.ItemDataRole.ToolTipRole:
            tips = []
            if small:
                tips.append(qtr("Small sample: fewer than {n} answers.").format(n=SMALL_SAMPLE))
            if rec["kind"] == MetricKind.CSAT.value and rec["mean"] is not None:
                tips.append(qtr("Mean answer: {mean:.2f} of 5").format(mean=rec["mean"]))
            if rec["computed"]:
                tips.append(qtr("Computed from the answers in {source}.").format(
                    source=rec["source"]))
            return "\n".join(tips) or None
        if role == Qt.ItemDataRole.ForegroundRole and small and column in ("value", "responses"):
            return QBrush(QColor(WARNING_TEXT))
        return None

    def setData(self, index: AnyIndex, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if role != Qt.ItemDataRole.EditRole or not index.isValid():
            return False
        rec = self.records[index.row()]
        column = self.COLUMNS[index.column()]
        text = str(value).strip()
        fields: MetricFields
        try:
            if column == "value":
                number = float(text.replace(",", ".")) if text else None
                # a value typed by hand is kept as typed: no longer the survey's
                fields = {"value": number, "computed": False}
            elif column == "responses":
                fields = {"responses": int(text) if text else None}
            elif column == "metric":
                fields = {"name": text}
            else:
                fields = {"period": text}
        except ValueError:
            return False
        self.edit_requested.emit(FieldsEdit(rec["id"], fields))
        return True


class MetricsPanel(QWidget):
    """Lists, adds, edits and removes the metrics of one card or stage; reports edits."""

    metric_added = Signal(str)  # kind
    metric_edited = Signal(object)  # FieldsEdit[MetricFields]: what the user changed
    metric_removed = Signal(int)  # metric id

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("MetricsPanel")
        self.model = MetricTableModel(self)
        self.model.edit_requested.connect(self.metric_edited)
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.setMinimumHeight(110)
        self.kind_box = QComboBox()
        for kind in MetricKind:
            label = qtr("Custom…") if kind is MetricKind.CUSTOM else metric_label(kind)
            self.kind_box.addItem(label, kind.value)
        self.add_button = QPushButton(qtr("Add"))
        self.add_button.clicked.connect(
            lambda: self.metric_added.emit(str(self.kind_box.currentData())))
        self.remove_button = QPushButton(qtr("Remove"))
        self.remove_button.clicked.connect(self._remove_selected)
        self.title = QLabel()
        self.title.setStyleSheet("font-weight: 600")
        self.note = QLabel(qtr("* fewer than {n} answers: a small sample").format(n=SMALL_SAMPLE))
        chrome_text(self.note, lambda c: c.warning)
        self.note.setWordWrap(True)
        buttons = QHBoxLayout()
        buttons.addWidget(self.kind_box)
        buttons.addWidget(self.add_button)
        buttons.addStretch(1)
        buttons.addWidget(self.remove_button)
        box = QVBoxLayout(self)
        box.setContentsMargins(8, 4, 8, 8)
        box.addWidget(self.title)
        box.addWidget(self.table)
        box.addWidget(self.note)
        box.addLayout(buttons)
        self.show_metrics("", [])

    def show_metrics(self, title: str, records: Sequence[MetricRecord]) -> None:
        """Show a card's or stage's metrics (title names it)."""
        self.title.setText(title)
        self.model.set_records(records)
        self.note.setVisible(any(is_small_sample(r["responses"]) for r in records))
        self.remove_button.setEnabled(bool(records))

    def _remove_selected(self) -> None:
        rows = self.table.selectionModel().selectedRows()
        row = rows[0].row() if rows else (0 if len(self.model.records) == 1 else -1)
        if 0 <= row < len(self.model.records):
            self.metric_removed.emit(self.model.records[row]["id"])
