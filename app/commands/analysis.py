"""Metric and survey commands: a card's or stage's figures, a survey import."""

from __future__ import annotations

from app.commands.base import EditorCommand
from model.edits import Editor
from model.snapshot import Row
from model.snapshot_types import MetricRow
from widgets.i18n import qtr


class AddMetricCommand(EditorCommand):
    """Add a metric to a card or a stage."""

    def __init__(self, editor: Editor, card_id: int | None, stage_id: int | None,
                 fields: Row) -> None:
        super().__init__(editor, qtr("Add metric"))
        self.card_id = card_id
        self.stage_id = stage_id
        self.fields = dict(fields)
        self.metric_id: int | None = None

    def apply(self) -> None:
        fields = dict(self.fields)
        if self.metric_id is not None:
            fields["id"] = self.metric_id
        self.metric_id = self.editor.add_metric(self.card_id, self.stage_id, fields)

    def revert(self) -> None:
        assert self.metric_id is not None
        self.editor.remove_metric(self.metric_id)


class RemoveMetricCommand(EditorCommand):
    """Remove a metric; undo puts it back at its place."""

    def __init__(self, editor: Editor, metric_id: int) -> None:
        super().__init__(editor, qtr("Remove metric"))
        self.metric_id = metric_id
        self.snapshot: MetricRow | None = None

    def apply(self) -> None:
        self.snapshot = self.editor.remove_metric(self.metric_id)

    def revert(self) -> None:
        assert self.snapshot is not None
        self.editor.restore_metric(self.snapshot)


class ImportSurveyCommand(EditorCommand):
    """Store a survey's figures in one step, replacing that survey's earlier figures."""

    def __init__(self, editor: Editor, journey_id: int, source: str, kind: str,
                 rows: list[Row]) -> None:
        super().__init__(editor, qtr("Import survey results"))
        self.journey_id = journey_id
        self.source = source
        self.kind = kind
        self.rows = rows
        self.removed: list[MetricRow] = []
        self.added: list[int] = []

    def apply(self) -> None:
        self.removed, self.added = self.editor.replace_survey_metrics(
            self.journey_id, self.source, self.kind, self.rows)

    def revert(self) -> None:
        self.editor.undo_survey_metrics(self.removed, self.added)
