"""The inspector's metrics list turned into edits, and kept showing the model's metrics."""

from __future__ import annotations

from app.commands import AddMetricCommand, EditFieldsCommand, RemoveMetricCommand
from app.context import EditorContext
from model.entities import CardKind
from model.metrics import MetricKind
from model.records import FieldsEdit, MetricFields, Shown
from widgets.i18n import qtr
from widgets.inspector import Inspector


class MetricActions:
    """Adds, edits and removes the metrics of the card or stage the inspector shows."""

    def __init__(self, ctx: EditorContext, inspector: Inspector) -> None:
        self.ctx = ctx
        self.inspector = inspector
        panel = inspector.metrics
        panel.metric_added.connect(self.add_metric)
        panel.metric_edited.connect(self.edit_metric)
        panel.metric_removed.connect(self.remove_metric)

    def _target(self) -> tuple[int | None, int | None]:
        what, obj_id = self.inspector.showing()
        if what is Shown.CARD:
            return obj_id, None
        if what is Shown.STAGE:
            return None, obj_id
        return None, None

    def refresh(self) -> None:
        """Show the metrics of what the inspector shows (touchpoint cards and stages)."""
        doc = self.ctx.doc
        card_id, stage_id = self._target()
        if doc is None or (card_id is None and stage_id is None):
            self.inspector.show_metrics(None)
            return
        if card_id is not None:
            card = doc.card(card_id)
            if card is None or card["kind"] != CardKind.TOUCHPOINT.value:
                self.inspector.show_metrics(None)
                return
            self.inspector.show_metrics(qtr("Metrics of this touchpoint"),
                                        doc.metrics(card_id=card_id))
        else:
            self.inspector.show_metrics(qtr("Metrics of this stage"),
                                        doc.metrics(stage_id=stage_id))

    def add_metric(self, kind: str) -> None:
        card_id, stage_id = self._target()
        if card_id is None and stage_id is None:
            return
        fields: dict[str, object] = {"kind": kind}
        if kind == MetricKind.CUSTOM.value:
            fields.update(name=qtr("Metric"), range_min=0.0, range_max=10.0)
        self.ctx.push(AddMetricCommand(self.ctx.editor(), card_id, stage_id, fields))
        self.refresh()

    def edit_metric(self, edit: FieldsEdit[MetricFields]) -> None:
        editor = self.ctx.editor()
        self.ctx.push(EditFieldsCommand(editor, editor.update_metric, edit.target_id,
                                        edit.fields, qtr("Edit metric")))
        self.refresh()

    def remove_metric(self, metric_id: int) -> None:
        self.ctx.push(RemoveMetricCommand(self.ctx.editor(), metric_id))
        self.refresh()
