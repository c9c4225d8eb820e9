"""Scribe capture: a line in the capture bar becomes a card in the cell it names."""

from __future__ import annotations

from PySide6.QtCore import QObject

from app.commands import AddCardCommand
from app.context import EditorContext
from model.capture import Capture, CaptureProblem, Named, ProblemKind, completions, parse_capture
from model.layout import JourneyLayout
from model.palette import default_card_kind
from widgets.capture_bar import CaptureBar


def map_names(layout: JourneyLayout) -> tuple[list[Named], list[Named]]:
    """The stages and the card lanes of a map, as the capture line may name them."""
    return ([Named(s.id, s.name) for s in layout.stages],
            [Named(lane.id, lane.name) for lane in layout.lanes if lane.holds_cards])


class CaptureController(QObject):
    """Opens the capture bar (Ctrl+K), adds what it reports, says what became of it."""

    def __init__(self, ctx: EditorContext, bar: CaptureBar) -> None:
        super().__init__(ctx.window)
        self.ctx = ctx
        self.bar = bar
        bar.hide()
        bar.submitted.connect(self.capture)
        bar.closed.connect(self.close)

    def open(self) -> None:
        layout = self.ctx.scene.layout
        if layout is None:
            self.ctx.status(self.tr("Open a journey to capture cards into."))
            return
        self.bar.set_completions(completions(*map_names(layout)))
        self.bar.start()

    def close(self) -> None:
        self.bar.hide()
        self.ctx.view.setFocus()

    def capture(self, line: str) -> bool:
        """Add the card a line describes, as one undo step; True if one was added."""
        layout = self.ctx.scene.layout
        journey_id = self.ctx.journey_id
        if layout is None or journey_id is None or not line.strip():
            return False
        result = parse_capture(line, *map_names(layout))
        if isinstance(result, CaptureProblem):
            self.bar.show_result(self.explain(result), ok=False)
            return False
        return self._add(result, layout, journey_id)

    def _add(self, capture: Capture, layout: JourneyLayout, journey_id: int) -> bool:
        cell = (capture.stage.id, capture.lane.id)
        kind = default_card_kind(layout.lane(capture.lane.id).kind)
        index = len(layout.cell_cards.get(cell, []))
        command = AddCardCommand(self.ctx.editor(), journey_id, cell, index,
                                 {"kind": kind, "text": capture.text})
        if not self.ctx.push(command) or command.card_id is None:
            self.bar.show_result(str(command.error), ok=False)
            return False
        self.ctx.scene.current_cell = cell
        self.ctx.scene.select_cards([command.card_id])
        item = self.ctx.scene.card_items.get(command.card_id)
        if item is not None:
            self.ctx.view.ensureVisible(item)
        self.bar.show_result(self.tr("Added to {0} / {1}").format(
            capture.stage.name, capture.lane.name), ok=True)
        return True

    def explain(self, problem: CaptureProblem) -> str:
        """The problem in words, with the names that would work."""
        k = ProblemKind
        ambiguous = problem.kind in (k.AMBIGUOUS_STAGE, k.AMBIGUOUS_LANE)
        names = (self.tr(" or ") if ambiguous else ", ").join(problem.candidates)
        messages = {
            k.NO_PLACE: self.tr("Nothing added: write “stage / lane: text”."),
            k.NO_TEXT: self.tr("Nothing added: type the card's text after the colon."),
            k.UNKNOWN_STAGE: self.tr("Nothing added: no stage “{0}”. Stages: {1}."),
            k.UNKNOWN_LANE: self.tr("Nothing added: no card lane “{0}”. Lanes: {1}."),
            k.AMBIGUOUS_STAGE: self.tr("Nothing added: “{0}” could be the stage {1}."),
            k.AMBIGUOUS_LANE: self.tr("Nothing added: “{0}” could be the lane {1}."),
        }
        return messages[problem.kind].format(problem.query, names)
