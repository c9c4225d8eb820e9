"""File → Import → Survey results…: pick a file, map its columns, preview the matches.

The wizard only asks; reading the file and matching answers are callbacks from app/
(``read`` and ``plan``), and the caller stores the result as one undoable step.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtWidgets import (
    QComboBox,
    QDoubleSpinBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QListWidget,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
    QWizard,
    QWizardPage,
)

from model.metrics import MetricKind, badge_text, is_small_sample, metric_label
from model.survey import SurveyError, SurveyMapping, SurveyPlan, SurveyTable
from widgets.chrome import chrome_text
from widgets.i18n import qtr

AnyIndex = QModelIndex | QPersistentModelIndex
NONE = ""



def guess_column(headers: list[str], words: tuple[str, ...]) -> str:
    """The first header that contains one of ``words`` (case-insensitive), or ''."""
    for word in words:
        for header in headers:
            if word in header.casefold():
                return header
    return NONE


class PreviewModel(QAbstractTableModel):
    """Where the answers go: touchpoint or stage, answers, the figure it will show."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.rows: list[tuple[str, int, str, bool]] = []

    def set_plan(self, plan: SurveyPlan | None, mapping: SurveyMapping | None) -> None:
        self.beginResetModel()
        self.rows = []
        if plan is not None and mapping is not None:
            for f in plan.figures:
                kind = qtr("stage") if f.target.stage_id is not None else qtr("touchpoint")
                figure = badge_text(mapping.kind, f.value, f.responses, mapping.name,
                                    mapping.unit)
                self.rows.append((f"{f.target.label} ({kind})", f.responses, figure,
                                  is_small_sample(f.responses)))
        self.endResetModel()

    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else 3

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return [qtr("Goes to"), qtr("Answers"), qtr("Figure")][section]
        return None

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        row = self.rows[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return (row[0], str(row[1]), row[2])[index.column()]
        if role == Qt.ItemDataRole.ToolTipRole and row[3]:
            return qtr("Small sample: fewer than 30 answers.")
        return None


class FilePage(QWizardPage):
    def __init__(self, wizard: SurveyWizard) -> None:
        super().__init__()
        self._wizard = wizard
        self.setTitle(qtr("Survey file"))
        self.setSubTitle(qtr("A CSV or Excel (.xlsx) export with one answer per row and a "
                            "header row."))
        self.path_edit = QLineEdit()
        self.path_edit.textChanged.connect(lambda _t: self.completeChanged.emit())
        browse = QPushButton(qtr("Browse…"))
        browse.clicked.connect(self._browse)
        self.error = QLabel()
        chrome_text(self.error, lambda c: c.problem)
        self.error.setWordWrap(True)
        row = QHBoxLayout()
        row.addWidget(self.path_edit, 1)
        row.addWidget(browse)
        box = QVBoxLayout(self)
        box.addLayout(row)
        box.addWidget(self.error)
        box.addStretch(1)

    def _browse(self) -> None:
        path, _ = QFileDialog.getOpenFileName(
            self, qtr("Survey results"), "", qtr("Survey results (*.csv *.xlsx);;All files (*)"))
        if path:
            self.path_edit.setText(path)

    def isComplete(self) -> bool:
        return bool(self.path_edit.text().strip())

    def validatePage(self) -> bool:
        self.error.clear()
        path = Path(self.path_edit.text().strip())
        try:
            self._wizard.table = self._wizard.read(path)
        except SurveyError as exc:
            self.error.setText(str(exc))
            return False
        self._wizard.path = path
        return True


class ColumnsPage(QWizardPage):
    def __init__(self, wizard: SurveyWizard) -> None:
        super().__init__()
        self._wizard = wizard
        self.setTitle(qtr("Columns"))
        self.setSubTitle(qtr("Which column holds the answer, and which names the touchpoint "
                            "or stage it is about (matched to card texts and stage names)."))
        self.score_box = QComboBox()
        self.target_box = QComboBox()
        self.kind_box = QComboBox()
        for kind in MetricKind:
            self.kind_box.addItem(metric_label(kind) if kind is not MetricKind.CUSTOM
                                  else qtr("Custom"), kind.value)
        self.date_box = QComboBox()
        self.segment_box = QComboBox()
        self.segment_value = QLineEdit()
        self.segment_value.setPlaceholderText(qtr("all segments"))
        self.persona_box = QComboBox()
        self.persona_value = QLineEdit()
        self.persona_value.setPlaceholderText(qtr("all personas"))
        self.source_edit = QLineEdit()
        self.name_edit = QLineEdit()
        self.unit_edit = QLineEdit()
        self.min_box = QDoubleSpinBox()
        self.max_box = QDoubleSpinBox()
        for spin, value in ((self.min_box, 0.0), (self.max_box, 10.0)):
            spin.setRange(-1e6, 1e6)
            spin.setValue(value)
        form = QFormLayout(self)
        form.addRow(qtr("Answer (score)"), self.score_box)
        form.addRow(qtr("Touchpoint or stage"), self.target_box)
        form.addRow(qtr("Metric"), self.kind_box)
        form.addRow(qtr("Custom name / unit"), _pair(self.name_edit, self.unit_edit))
        form.addRow(qtr("Custom answers from / to"), _pair(self.min_box, self.max_box))
        form.addRow(qtr("Date (optional)"), self.date_box)
        form.addRow(qtr("Segment (optional)"), _pair(self.segment_box, self.segment_value))
        form.addRow(qtr("Persona (optional)"), _pair(self.persona_box, self.persona_value))
        form.addRow(qtr("Survey name"), self.source_edit)
        self.kind_box.currentIndexChanged.connect(self._kind_changed)

    def initializePage(self) -> None:
        table = self._wizard.table
        headers = table.headers if table is not None else []
        for box, optional in ((self.score_box, False), (self.target_box, False),
                              (self.date_box, True), (self.segment_box, True),
                              (self.persona_box, True)):
            box.clear()
            if optional:
                box.addItem(qtr("(none)"), NONE)
            for header in headers:
                box.addItem(header, header)
        self._pick(self.score_box, guess_column(headers, ("nps", "csat", "ces", "score",
                                                          "rating", "answer")))
        self._pick(self.target_box, guess_column(headers, ("touchpoint", "stage", "channel")))
        self._pick(self.date_box, guess_column(headers, ("date", "time", "when", "submitted")))
        self._pick(self.segment_box, guess_column(headers, ("segment",)))
        self._pick(self.persona_box, guess_column(headers, ("persona",)))
        score = self.score_box.currentText().casefold()
        for kind in (MetricKind.CSAT, MetricKind.CES, MetricKind.NPS):
            if kind.value in score:
                self.kind_box.setCurrentIndex(self.kind_box.findData(kind.value))
                break
        if self._wizard.path is not None and not self.source_edit.text():
            self.source_edit.setText(self._wizard.path.name)
        self._kind_changed()

    @staticmethod
    def _pick(box: QComboBox, value: str) -> None:
        index = box.findData(value)
        if index >= 0:
            box.setCurrentIndex(index)

    def _kind_changed(self) -> None:
        custom = self.kind_box.currentData() == MetricKind.CUSTOM.value
        for widget in (self.name_edit, self.unit_edit, self.min_box, self.max_box):
            widget.setEnabled(custom)

    def mapping(self) -> SurveyMapping:
        def optional(box: QComboBox) -> str | None:
            return str(box.currentData()) or None

        kind = MetricKind(str(self.kind_box.currentData()))
        custom = kind is MetricKind.CUSTOM
        segment_column, persona_column = optional(self.segment_box), optional(self.persona_box)
        return SurveyMapping(
            score_column=str(self.score_box.currentData()),
            target_column=str(self.target_box.currentData()),
            kind=kind,
            source=self.source_edit.text().strip() or qtr("survey"),
            date_column=optional(self.date_box),
            segment_column=segment_column,
            segment=(self.segment_value.text().strip() or None) if segment_column else None,
            persona_column=persona_column,
            persona=(self.persona_value.text().strip() or None) if persona_column else None,
            name=self.name_edit.text().strip() if custom else "",
            unit=self.unit_edit.text().strip() if custom else "",
            range_min=self.min_box.value() if custom else None,
            range_max=self.max_box.value() if custom else None,
        )


def _pair(a: QWidget, b: QWidget) -> QWidget:
    w = QWidget()
    row = QHBoxLayout(w)
    row.setContentsMargins(0, 0, 0, 0)
    row.addWidget(a, 1)
    row.addWidget(b, 1)
    return w


class PreviewPage(QWizardPage):
    def __init__(self, wizard: SurveyWizard) -> None:
        super().__init__()
        self._wizard = wizard
        self.setTitle(qtr("Preview"))
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        self.model = PreviewModel(self)
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.unmatched = QListWidget()
        self.unmatched.setMaximumHeight(110)
        self.errors = QLabel()
        chrome_text(self.errors, lambda c: c.problem)
        self.errors.setWordWrap(True)
        box = QVBoxLayout(self)
        box.addWidget(self.summary)
        box.addWidget(self.table, 1)
        box.addWidget(QLabel(qtr("Rows that match no touchpoint or stage:")))
        box.addWidget(self.unmatched)
        box.addWidget(self.errors)

    def initializePage(self) -> None:
        w = self._wizard
        mapping = w.columns_page.mapping()
        self.unmatched.clear()
        self.errors.clear()
        try:
            assert w.table is not None
            w.plan = w.plan_survey(w.table, mapping)
            w.mapping = mapping
        except SurveyError as exc:
            w.plan = None
            self.errors.setText(str(exc))
        plan = w.plan
        self.model.set_plan(plan, mapping)
        if plan is None:
            self.summary.setText(qtr("Nothing can be imported."))
        else:
            self.summary.setText(
                qtr("{answers} answers go to {targets} touchpoints and stages; "
                   "{unmatched} rows match nothing; {skipped} rows have no answer or are "
                   "filtered out. Importing replaces earlier figures of “{source}”.").format(
                    answers=plan.matched_answers, targets=len(plan.figures),
                    unmatched=len(plan.unmatched), skipped=plan.skipped,
                    source=mapping.source))
            counts = Counter(text for _line, text in plan.unmatched)
            first: dict[str, int] = {}
            for line, text in plan.unmatched:
                first.setdefault(text, line)
            for text, n in counts.most_common(200):
                self.unmatched.addItem(qtr("“{text}” — {n} rows (first: line {line})").format(
                    text=text or qtr("(empty)"), n=n, line=first[text]))
            if plan.errors:
                self.errors.setText(qtr("Nothing will be imported until these are fixed:\n")
                                    + "\n".join(plan.errors))
        self.completeChanged.emit()

    def isComplete(self) -> bool:
        plan = self._wizard.plan
        return plan is not None and not plan.errors and bool(plan.figures)


class SurveyWizard(QWizard):
    """Asks for a survey file and its columns and shows where the answers would go."""

    def __init__(self, read: Callable[[Path], SurveyTable],
                 plan: Callable[[SurveyTable, SurveyMapping], SurveyPlan],
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(qtr("Import survey results"))
        self.read = read
        self.plan_survey = plan
        self.table: SurveyTable | None = None
        self.path: Path | None = None
        self.plan: SurveyPlan | None = None
        self.mapping: SurveyMapping | None = None
        self.file_page = FilePage(self)
        self.columns_page = ColumnsPage(self)
        self.preview_page = PreviewPage(self)
        for page in (self.file_page, self.columns_page, self.preview_page):
            self.addPage(page)
        self.setButtonText(QWizard.WizardButton.FinishButton, qtr("Import"))
        self.resize(640, 560)
