"""File → Import: survey results (wizard) and cards from CSV, each one undoable step."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QFileDialog, QMessageBox, QProgressDialog, QWizard

from app.commands import ImportCardsCommand, ImportSurveyCommand
from app.context import EditorContext
from model.csv_io import CsvImportError, parse_csv
from model.survey import (
    Progress,
    SurveyError,
    SurveyMapping,
    SurveyPlan,
    SurveyTable,
    plan_survey,
    read_survey,
    survey_targets,
)
from widgets.i18n import qtr
from widgets.survey_wizard import SurveyWizard


class ImportActions:
    """Runs the survey wizard and the card CSV import on the current document."""

    def __init__(self, ctx: EditorContext) -> None:
        self.ctx = ctx
        self.wizard: SurveyWizard | None = None  # the open wizard (tests drive it)

    # -- survey ------------------------------------------------------------------------

    def make_wizard(self) -> SurveyWizard | None:
        if self.ctx.doc is None or self.ctx.journey_id is None:
            return None
        self.wizard = SurveyWizard(self._read, self._plan, self.ctx.window)
        return self.wizard

    def import_survey(self) -> None:
        wizard = self.make_wizard()
        if wizard is None:
            return
        if wizard.exec() == QWizard.DialogCode.Accepted:
            self.store(wizard)
        self.wizard = None

    def store(self, wizard: SurveyWizard) -> bool:
        """Store what the wizard previewed as one undo step."""
        plan, mapping, journey_id = wizard.plan, wizard.mapping, self.ctx.journey_id
        if plan is None or mapping is None or journey_id is None or plan.errors:
            return False
        command = ImportSurveyCommand(self.ctx.editor(), journey_id, mapping.source,
                                      mapping.kind.value, plan.metric_rows(mapping))
        if not self.ctx.push(command):
            return False
        self.ctx.status(qtr("Imported {n} answers onto {m} touchpoints and stages.").format(
            n=plan.matched_answers, m=len(plan.figures)))
        return True

    def _progress(self, label: str) -> tuple[QProgressDialog, Progress]:
        """A cancellable progress dialog, and the callback that moves it (chunked work)."""
        dialog = QProgressDialog(label, qtr("Cancel"), 0, 0, self.ctx.window)
        dialog.setWindowModality(Qt.WindowModality.WindowModal)
        dialog.setMinimumDuration(400)

        def step(done: int, total: int) -> bool:
            if total and dialog.maximum() != total:
                dialog.setMaximum(total)
            dialog.setValue(min(done, total) if total else 0)
            QApplication.processEvents()  # the window keeps painting and can cancel
            return not dialog.wasCanceled()

        return dialog, step

    def _read(self, path: Path) -> SurveyTable:
        dialog, step = self._progress(qtr("Reading {file}…").format(file=path.name))
        try:
            return read_survey(path, step)
        finally:
            dialog.close()

    def _plan(self, table: SurveyTable, mapping: SurveyMapping) -> SurveyPlan:
        doc, journey_id = self.ctx.doc, self.ctx.journey_id
        if doc is None or journey_id is None:
            raise SurveyError(None, qtr("No journey is open."))
        targets = survey_targets(doc.project.session, journey_id)
        dialog, step = self._progress(qtr("Matching answers…"))
        try:
            return plan_survey(table, mapping, targets, step)
        finally:
            dialog.close()

    # -- cards -------------------------------------------------------------------------

    def import_cards(self) -> None:
        path, _ = QFileDialog.getOpenFileName(self.ctx.window, qtr("Import cards"), "",
                                              qtr("CSV files (*.csv);;All files (*)"))
        if path:
            self.import_cards_from(Path(path))

    def import_cards_from(self, path: Path) -> bool:
        """Check the whole file, then add its cards in one undo step; say why not."""
        doc = self.ctx.doc
        if doc is None:
            return False
        journey = doc.journey()
        try:
            rows = parse_csv(path.read_bytes(), journey["name"] if journey else "")
        except OSError as exc:
            self._refuse(path, qtr("cannot read the file ({why}).").format(
                why=exc.strerror or exc))
            return False
        except CsvImportError as exc:
            self._refuse(path, str(exc))
            return False
        command = ImportCardsCommand(self.ctx.editor(), rows)
        doc.push(command)
        if command.error is not None or command.result is None:
            self._refuse(path, str(command.error))
            return False
        self.ctx.refresh()
        self.ctx.status(qtr("Imported {n} cards from {file}.").format(
            n=command.result.cards, file=path.name))
        return True

    def _refuse(self, path: Path, why: str) -> None:
        message = qtr("{file}: {why}").format(file=path.name, why=why)
        if not message.rstrip().endswith(qtr("Nothing was imported.")):
            message += " " + qtr("Nothing was imported.")
        self.ctx.status(message, 8000)
        QMessageBox.warning(self.ctx.window, qtr("Import cards"), message)
