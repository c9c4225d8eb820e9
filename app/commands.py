"""Undo commands: every change a user makes goes through one of these.

Commands hold ids and plain values, never ORM objects or graphics items; redo() is
the only place a change is made, undo() restores exactly what was there.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Sequence
from typing import Any

from PySide6.QtGui import QUndoCommand

from model.csv_io import CsvImportError, CsvRow, ImportResult, import_rows
from model.edits import Cell, EditError, Editor, Row

log = logging.getLogger(__name__)


class EditorCommand(QUndoCommand):
    """Base: a command that acts through the model's Editor.

    Subclasses implement apply() (the change) and revert() (its exact inverse). Both
    run inside a savepoint: if the model refuses the edit (EditError) or anything else
    fails, the database goes back to the savepoint and ``error`` tells why. A refused
    apply() marks the command obsolete, so QUndoStack.push() drops it instead of
    stacking a change that never happened. A failed revert() leaves the model as it
    was after the edit and reports through ``undo_failed``; the document then moves
    the stack's index back so that stack and model agree again.
    """

    def __init__(self, editor: Editor, text: str, parent: QUndoCommand | None = None) -> None:
        super().__init__(text, parent)
        self.editor = editor
        self.error: Exception | None = None
        self.undo_failed: Callable[[EditorCommand, Exception], None] | None = None
        self.skip_next_redo = False

    def _in_savepoint(self, step: Callable[[], None], what: str) -> Exception | None:
        savepoint = self.editor.session.begin_nested()
        try:
            step()
        except Exception as exc:
            savepoint.rollback()
            if not isinstance(exc, EditError):
                log.exception("%s %s failed", what, self.text())
                exc = EditError(f"{what}{self.text()} failed: {exc}")
            return exc
        savepoint.commit()
        return None

    def redo(self) -> None:
        if self.skip_next_redo:  # the model already holds this edit (a failed undo)
            self.skip_next_redo = False
            return
        error = self._in_savepoint(self.apply, "")
        if error is not None:
            self.error = error
            self.setObsolete(True)

    def undo(self) -> None:
        self.error = None
        error = self._in_savepoint(self.revert, "Undo of ")
        if error is not None:
            self.error = error
            if self.undo_failed is not None:
                self.undo_failed(self, error)

    def apply(self) -> None:
        raise NotImplementedError

    def revert(self) -> None:
        raise NotImplementedError


class CompoundCommand(QUndoCommand):
    """Several edits as one undo step (a paste, a multi-delete).

    The parts that the model refuses are left out; if it refuses every part, the
    command is obsolete and push() leaves no undo step and no modified marker.
    """

    def __init__(self, text: str) -> None:
        super().__init__(text)
        self.parts: list[EditorCommand] = []
        self._live: list[EditorCommand] | None = None
        self.error: Exception | None = None
        self.undo_failed: Callable[[CompoundCommand, Exception], None] | None = None
        self.skip_next_redo = False

    def add(self, part: EditorCommand) -> EditorCommand:
        self.parts.append(part)
        return part

    def redo(self) -> None:
        if self.skip_next_redo:
            self.skip_next_redo = False
            return
        if self._live is None:
            for part in self.parts:
                part.redo()
            self._live = [p for p in self.parts if p.error is None]
            if not self._live:
                self.error = self.parts[0].error if self.parts else None
                self.setObsolete(True)
            return
        for part in self._live:
            part.redo()

    def undo(self) -> None:
        assert self._live is not None
        undone: list[EditorCommand] = []
        for part in reversed(self._live):
            part.undo()
            if part.error is not None:
                # Put back what this step already undid: the model stays as after the edit.
                for done in reversed(undone):
                    done.redo()
                self.error = part.error
                if self.undo_failed is not None:
                    self.undo_failed(self, part.error)
                return
            undone.append(part)


UndoableCommand = EditorCommand | CompoundCommand


class EditFieldsCommand(EditorCommand):
    """Change some fields of one object; undo puts the old values back."""

    def __init__(
        self,
        editor: Editor,
        update: Callable[[int, Row], Row],
        obj_id: int,
        fields: Row,
        text: str,
        parent: QUndoCommand | None = None,
    ) -> None:
        super().__init__(editor, text, parent)
        self._update = update
        self.obj_id = obj_id
        self.fields = dict(fields)
        self.old: Row = {}

    def apply(self) -> None:
        self.old = self._update(self.obj_id, self.fields)

    def revert(self) -> None:
        self._update(self.obj_id, self.old)


class EditCardCommand(EditFieldsCommand):
    def __init__(self, editor: Editor, card_id: int, fields: Row) -> None:
        what = "Edit card text" if set(fields) == {"text"} else "Edit card"
        super().__init__(editor, editor.update_card, card_id, fields, what)


class EditStageCommand(EditFieldsCommand):
    def __init__(self, editor: Editor, stage_id: int, fields: Row) -> None:
        what = {"width": "Resize stage", "name": "Rename stage",
                "color": "Recolour stage"}.get(",".join(fields), "Edit stage")
        super().__init__(editor, editor.update_stage, stage_id, fields, what)


class EditLaneCommand(EditFieldsCommand):
    def __init__(self, editor: Editor, lane_id: int, fields: Row) -> None:
        what = {"name": "Rename lane", "color": "Recolour lane"}.get(",".join(fields),
                                                                   "Edit lane")
        super().__init__(editor, editor.update_lane, lane_id, fields, what)


class EditJourneyCommand(EditFieldsCommand):
    def __init__(self, editor: Editor, journey_id: int, fields: Row) -> None:
        what = "Rename journey" if set(fields) == {"name"} else "Edit journey"
        super().__init__(editor, editor.update_journey, journey_id, fields, what)


class AddCardCommand(EditorCommand):
    """Create a card in a cell; redo after undo recreates it with the same id."""

    def __init__(
        self,
        editor: Editor,
        journey_id: int,
        cell: Cell,
        index: int | None,
        fields: Row,
        parent: QUndoCommand | None = None,
    ) -> None:
        super().__init__(editor, "Add card", parent)
        self.journey_id = journey_id
        self.cell = cell
        self.index = index
        self.fields = dict(fields)
        self.card_id: int | None = None

    def apply(self) -> None:
        fields = dict(self.fields)
        if self.card_id is not None:
            fields["id"] = self.card_id
        self.card_id = self.editor.add_card(self.journey_id, self.cell, self.index, fields)

    def revert(self) -> None:
        assert self.card_id is not None
        self.editor.remove_card(self.card_id)


class MoveCardsCommand(EditorCommand):
    """Move one or several cards (one drag gesture) to a place in a cell.

    Keyboard nudges (Alt+arrows) carry a ``gesture`` number: nudges of the same cards
    within one gesture merge into one undo step.
    """

    NUDGE_ID = 1001

    def __init__(
        self, editor: Editor, card_ids: list[int], cell: Cell, index: int,
        gesture: int | None = None,
    ) -> None:
        super().__init__(editor, "Move card" if len(card_ids) == 1 else "Move cards")
        self.card_ids = list(card_ids)
        self.cell = cell
        self.index = index
        self.gesture = gesture
        self.old: list[tuple[int, Cell, int]] = []

    def apply(self) -> None:
        old = self.editor.move_cards(self.card_ids, self.cell, self.index)
        if not self.old:  # a merged command keeps the places from before the gesture
            self.old = old

    def revert(self) -> None:
        self.editor.place_cards(self.old)

    def id(self) -> int:
        return self.NUDGE_ID if self.gesture is not None else -1

    def mergeWith(self, other: QUndoCommand) -> bool:
        if not (
            isinstance(other, MoveCardsCommand)
            and other.gesture is not None
            and other.gesture == self.gesture
            and other.card_ids == self.card_ids
        ):
            return False
        self.cell, self.index = other.cell, other.index
        return True


class RemoveCommand(EditorCommand):
    """Delete an object through a remove/restore pair that round-trips a snapshot."""

    def __init__(
        self,
        editor: Editor,
        remove: Callable[[int], Any],
        restore: Callable[[Any], int],
        obj_id: int,
        text: str,
        parent: QUndoCommand | None = None,
    ) -> None:
        super().__init__(editor, text, parent)
        self._remove = remove
        self._restore = restore
        self.obj_id = obj_id
        self.snapshot: Any = None

    def apply(self) -> None:
        self.snapshot = self._remove(self.obj_id)

    def revert(self) -> None:
        self._restore(self.snapshot)


class DeleteCardCommand(RemoveCommand):
    def __init__(self, editor: Editor, card_id: int, parent: QUndoCommand | None = None) -> None:
        super().__init__(
            editor, editor.remove_card, editor.restore_card, card_id, "Delete card", parent
        )


class DeleteStageCommand(RemoveCommand):
    def __init__(self, editor: Editor, stage_id: int) -> None:
        super().__init__(
            editor, editor.remove_stage, editor.restore_stage, stage_id, "Delete stage"
        )


class DeleteLaneCommand(RemoveCommand):
    def __init__(self, editor: Editor, lane_id: int) -> None:
        super().__init__(editor, editor.remove_lane, editor.restore_lane, lane_id, "Delete lane")


class DeleteCurveCommand(RemoveCommand):
    def __init__(self, editor: Editor, curve_id: int) -> None:
        super().__init__(
            editor, editor.remove_curve, editor.restore_curve, curve_id, "Delete emotion curve"
        )


class DeleteJourneyCommand(RemoveCommand):
    def __init__(self, editor: Editor, journey_id: int) -> None:
        super().__init__(
            editor, editor.remove_journey, editor.restore_journey, journey_id, "Delete journey"
        )


class AddWithSnapshotCommand(EditorCommand):
    """Create an object; undo removes it keeping a snapshot, redo restores that snapshot.

    Restoring (rather than adding afresh) brings back the same id, so later commands on
    the stack that refer to it stay valid.
    """

    def __init__(
        self,
        editor: Editor,
        text: str,
        add: Callable[[], int],
        remove: Callable[[int], Row],
        restore: Callable[[Row], int],
    ) -> None:
        super().__init__(editor, text)
        self._add = add
        self._remove = remove
        self._restore = restore
        self.snapshot: Row | None = None
        self.obj_id: int | None = None

    def apply(self) -> None:
        if self.snapshot is None:
            self.obj_id = self._add()
        else:
            self.obj_id = self._restore(self.snapshot)

    def revert(self) -> None:
        assert self.obj_id is not None
        self.snapshot = self._remove(self.obj_id)


class AddStageCommand(AddWithSnapshotCommand):
    def __init__(self, editor: Editor, journey_id: int, index: int, fields: Row) -> None:
        fields = dict(fields)
        super().__init__(
            editor, "Add stage", lambda: editor.add_stage(journey_id, index, fields),
            editor.remove_stage, editor.restore_stage,
        )


class AddLaneCommand(AddWithSnapshotCommand):
    def __init__(self, editor: Editor, journey_id: int, index: int, fields: Row) -> None:
        fields = dict(fields)
        super().__init__(
            editor, "Add lane", lambda: editor.add_lane(journey_id, index, fields),
            editor.remove_lane, editor.restore_lane,
        )


class AddCurveCommand(AddWithSnapshotCommand):
    def __init__(self, editor: Editor, journey_id: int, fields: Row) -> None:
        fields = dict(fields)
        super().__init__(
            editor, "Add emotion curve", lambda: editor.add_curve(journey_id, fields),
            editor.remove_curve, editor.restore_curve,
        )


class ReorderCommand(EditorCommand):
    """Move a stage or lane to a new index; undo moves it back."""

    def __init__(
        self, editor: Editor, move: Callable[[int, int], int], obj_id: int, index: int,
        text: str,
    ) -> None:
        super().__init__(editor, text)
        self._move = move
        self.obj_id = obj_id
        self.index = index
        self.old = index

    def apply(self) -> None:
        self.old = self._move(self.obj_id, self.index)

    def revert(self) -> None:
        self._move(self.obj_id, self.old)


class MoveStageCommand(ReorderCommand):
    def __init__(self, editor: Editor, stage_id: int, index: int) -> None:
        super().__init__(editor, editor.move_stage, stage_id, index, "Move stage")


class MoveLaneCommand(ReorderCommand):
    def __init__(self, editor: Editor, lane_id: int, index: int) -> None:
        super().__init__(editor, editor.move_lane, lane_id, index, "Move lane")


class SetEmotionCommand(EditorCommand):
    def __init__(
        self, editor: Editor, curve_id: int, stage_id: int, value: int | None,
        note: str | None = None,
    ) -> None:
        super().__init__(editor, "Set emotion")
        self.curve_id = curve_id
        self.stage_id = stage_id
        self.value = value
        self.note = note
        self.old: tuple[int | None, str] = (None, "")

    def apply(self) -> None:
        self.old = self.editor.set_emotion(self.curve_id, self.stage_id, self.value, self.note)

    def revert(self) -> None:
        self.editor.set_emotion(self.curve_id, self.stage_id, self.old[0], self.old[1])


class AddJourneyCommand(EditorCommand):
    """Add a journey from a template, or duplicate one (source_id)."""

    def __init__(
        self, editor: Editor, name: str, template: str = "cjm7", source_id: int | None = None
    ) -> None:
        super().__init__(editor, "Duplicate journey" if source_id else "Add journey")
        self.name = name
        self.template = template
        self.source_id = source_id
        self.snapshot: dict[str, Any] | None = None
        self.journey_id: int | None = None

    def apply(self) -> None:
        if self.snapshot is not None:
            self.journey_id = self.editor.restore_journey(self.snapshot)
        elif self.source_id is not None:
            self.journey_id = self.editor.duplicate_journey(self.source_id, self.name)
        else:
            self.journey_id = self.editor.add_journey(self.template, self.name)

    def revert(self) -> None:
        assert self.journey_id is not None
        self.snapshot = self.editor.remove_journey(self.journey_id)


class AddPersonaCommand(EditorCommand):
    """Create a persona and (optionally) make it a journey's persona."""

    def __init__(self, editor: Editor, name: str, journey_id: int | None) -> None:
        super().__init__(editor, "Add persona")
        self.name = name
        self.journey_id = journey_id
        self.persona_id: int | None = None
        self.old_persona: int | None = None

    def apply(self) -> None:
        fields: Row = {"name": self.name}
        if self.persona_id is not None:
            fields["id"] = self.persona_id
        self.persona_id = self.editor.add_persona(fields)
        if self.journey_id is not None:
            old = self.editor.update_journey(self.journey_id, {"persona_id": self.persona_id})
            self.old_persona = old["persona_id"]

    def revert(self) -> None:
        assert self.persona_id is not None
        if self.journey_id is not None:
            self.editor.update_journey(self.journey_id, {"persona_id": self.old_persona})
        self.editor.remove_persona(self.persona_id)


class AddMetricCommand(EditorCommand):
    """Add a metric to a card or a stage."""

    def __init__(self, editor: Editor, card_id: int | None, stage_id: int | None,
                 fields: Row) -> None:
        super().__init__(editor, "Add metric")
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
        super().__init__(editor, "Remove metric")
        self.metric_id = metric_id
        self.snapshot: Row | None = None

    def apply(self) -> None:
        self.snapshot = self.editor.remove_metric(self.metric_id)

    def revert(self) -> None:
        assert self.snapshot is not None
        self.editor.restore_metric(self.snapshot)


class ImportSurveyCommand(EditorCommand):
    """Store a survey's figures in one step, replacing that survey's earlier figures."""

    def __init__(self, editor: Editor, journey_id: int, source: str, kind: str,
                 rows: list[Row]) -> None:
        super().__init__(editor, "Import survey results")
        self.journey_id = journey_id
        self.source = source
        self.kind = kind
        self.rows = rows
        self.removed: list[Row] = []
        self.added: list[int] = []

    def apply(self) -> None:
        self.removed, self.added = self.editor.replace_survey_metrics(
            self.journey_id, self.source, self.kind, self.rows)

    def revert(self) -> None:
        self.editor.undo_survey_metrics(self.removed, self.added)


class ImportCardsCommand(EditorCommand):
    """Add the cards of a checked CSV file (and the journeys, stages, lanes it names)."""

    def __init__(self, editor: Editor, rows: Sequence[CsvRow]) -> None:
        super().__init__(editor, "Import cards")
        self.rows = rows
        self.marks: tuple[int, int, int, int] | None = None
        self.result: ImportResult | None = None

    def apply(self) -> None:
        self.marks = self.editor.id_marks()
        try:
            self.result = import_rows(self.editor.session, self.editor.hub, self.rows)
        except CsvImportError as exc:
            raise EditError(f"{exc} Nothing was imported.") from None

    def revert(self) -> None:
        assert self.marks is not None
        self.editor.remove_added_since(self.marks)
class CreatePersonaCommand(AddWithSnapshotCommand):
    """Add a persona to the library (a new one, or a duplicate's fields)."""

    def __init__(self, editor: Editor, fields: Row, text: str = "New persona") -> None:
        fields = dict(fields)
        super().__init__(editor, text, lambda: editor.add_persona(fields),
                         editor.remove_persona, editor.restore_persona)


class EditPersonaCommand(EditFieldsCommand):
    def __init__(self, editor: Editor, persona_id: int, fields: Row) -> None:
        what = "Set persona photo" if set(fields) == {"photo"} else "Edit persona"
        super().__init__(editor, editor.update_persona, persona_id, fields, what)


class DeletePersonaCommand(RemoveCommand):
    def __init__(self, editor: Editor, persona_id: int) -> None:
        super().__init__(editor, editor.remove_persona, editor.restore_persona, persona_id,
                         "Delete persona")


class EditCurveCommand(EditFieldsCommand):
    def __init__(self, editor: Editor, curve_id: int, fields: Row) -> None:
        what = "Set curve persona" if set(fields) == {"persona_id"} else "Edit emotion curve"
        super().__init__(editor, editor.update_curve, curve_id, fields, what)


class AddOpportunityCommand(AddWithSnapshotCommand):
    """Add an opportunity (e.g. turned from a pain point, linked to it)."""

    def __init__(self, editor: Editor, journey_id: int, fields: Row,
                 text: str = "Add opportunity") -> None:
        fields = dict(fields)
        super().__init__(editor, text, lambda: editor.add_opportunity(journey_id, fields),
                         editor.remove_opportunity, editor.restore_opportunity)


class EditOpportunityCommand(EditFieldsCommand):
    def __init__(self, editor: Editor, opp_id: int, fields: Row, text: str = "") -> None:
        super().__init__(editor, editor.update_opportunity, opp_id, fields,
                         text or "Edit opportunity")


class DeleteOpportunityCommand(RemoveCommand):
    def __init__(self, editor: Editor, opp_id: int) -> None:
        super().__init__(editor, editor.remove_opportunity, editor.restore_opportunity, opp_id,
                         "Delete opportunity")


# -- snapshots and reviews (issue 12) ----------------------------------------------------


class TakeSnapshotCommand(AddWithSnapshotCommand):
    """Store a labelled copy of a journey; undo removes it, redo puts the same one back."""

    def __init__(self, editor: Editor, journey_id: int, label: str) -> None:
        super().__init__(editor, "Take snapshot",
                         lambda: editor.take_snapshot(journey_id, label),
                         editor.remove_snapshot, editor.restore_snapshot)


class RenameSnapshotCommand(EditFieldsCommand):
    def __init__(self, editor: Editor, snapshot_id: int, label: str) -> None:
        super().__init__(editor, editor.update_snapshot, snapshot_id, {"label": label},
                         "Rename snapshot")


class DeleteSnapshotCommand(RemoveCommand):
    def __init__(self, editor: Editor, snapshot_id: int) -> None:
        super().__init__(editor, editor.remove_snapshot, editor.restore_snapshot, snapshot_id,
                         "Delete snapshot")


class RestoreSnapshotCommand(EditorCommand):
    """Restore a snapshot as a new journey beside the others (the snapshot stays)."""

    def __init__(self, editor: Editor, snapshot_id: int, name: str) -> None:
        super().__init__(editor, "Restore snapshot as journey")
        self.snapshot_id = snapshot_id
        self.name = name
        self.snapshot: dict[str, Any] | None = None
        self.journey_id: int | None = None

    def apply(self) -> None:
        if self.snapshot is not None:
            self.journey_id = self.editor.restore_journey(self.snapshot)
        else:
            self.journey_id = self.editor.journey_from_snapshot(self.snapshot_id, self.name)

    def revert(self) -> None:
        assert self.journey_id is not None
        self.snapshot = self.editor.remove_journey(self.journey_id)


def start_review_command(editor: Editor, journey_id: int, label: str,
                         next_review: Any) -> CompoundCommand:
    """One undo step: a snapshot of the journey as it was, and the next review date."""
    command = CompoundCommand("Start review")
    command.add(TakeSnapshotCommand(editor, journey_id, label))
    command.add(EditJourneyCommand(editor, journey_id, {"next_review": next_review}))
    return command
