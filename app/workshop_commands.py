"""Undo commands of workshop data: saved views and dot-voting rounds (issue 13)."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from app.commands import (
    AddWithSnapshotCommand,
    CompoundCommand,
    EditFieldsCommand,
    EditOpportunityCommand,
    EditorCommand,
    RemoveCommand,
)
from model.edits import Editor
from model.snapshot import Row
from model.workshop import ViewFilter


def _tr(text: str) -> str:
    return QCoreApplication.translate("WorkshopCommands", text)


def view_fields(name: str | None, view: ViewFilter) -> Row:
    """What a saved view stores, as the model's edit fields."""
    fields: Row = {"zoom": view.zoom, "highlight_kind": view.highlight_kind,
                   "persona_id": view.persona_id, "hidden_lanes": sorted(view.hidden_lanes)}
    if name is not None:
        fields["name"] = name
    return fields


class SaveViewCommand(AddWithSnapshotCommand[Row]):
    """Store the current filters and zoom under a name."""

    def __init__(self, editor: Editor, journey_id: int, name: str, view: ViewFilter) -> None:
        fields = view_fields(name, view)
        super().__init__(editor, _tr("Save view"), lambda: editor.save_view(journey_id, fields),
                         editor.remove_view, editor.restore_view)


class EditViewCommand(EditFieldsCommand[Row]):
    """Rename a saved view, or store the current filters in it."""

    def __init__(self, editor: Editor, view_id: int, fields: Row) -> None:
        text = _tr("Rename view") if set(fields) == {"name"} else _tr("Update view")
        super().__init__(editor, editor.update_view, view_id, fields, text)


class DeleteViewCommand(RemoveCommand[Row]):
    def __init__(self, editor: Editor, view_id: int) -> None:
        super().__init__(editor, editor.remove_view, editor.restore_view, view_id,
                         _tr("Delete view"))


class StartRoundCommand(AddWithSnapshotCommand[Row]):
    """Start a dot-voting round (N dots each, on pain points and/or opportunities)."""

    def __init__(self, editor: Editor, journey_id: int, fields: Row) -> None:
        fields = dict(fields)
        super().__init__(editor, _tr("Start voting round"),
                         lambda: editor.start_round(journey_id, fields),
                         editor.remove_round, editor.restore_round)


class DeleteRoundCommand(RemoveCommand[Row]):
    def __init__(self, editor: Editor, round_id: int) -> None:
        super().__init__(editor, editor.remove_round, editor.restore_round, round_id,
                         _tr("Delete voting round"))


class PlaceDotsCommand(EditorCommand):
    """A participant's dots on a card (one more, one fewer, or a number)."""

    def __init__(self, editor: Editor, round_id: int, card_id: int, participant: str,
                 count: int) -> None:
        text = _tr("Place dot") if participant else _tr("Enter vote count")
        super().__init__(editor, text)
        self.round_id = round_id
        self.card_id = card_id
        self.participant = participant
        self.count = count
        self.old = 0

    def apply(self) -> None:
        self.old = self.editor.set_votes(self.round_id, self.card_id, self.participant,
                                         self.count)

    def revert(self) -> None:
        self.editor.set_votes(self.round_id, self.card_id, self.participant, self.old)


class SetVoteTotalCommand(EditorCommand):
    """The facilitator enters a card's count; the participants' dots stay."""

    def __init__(self, editor: Editor, round_id: int, card_id: int, total: int) -> None:
        super().__init__(editor, _tr("Enter vote count"))
        self.round_id = round_id
        self.card_id = card_id
        self.total = total
        self.old = 0

    def apply(self) -> None:
        self.old = self.editor.set_total(self.round_id, self.card_id, self.total)

    def revert(self) -> None:
        self.editor.set_votes(self.round_id, self.card_id, "", self.old)


class ResetRoundCommand(EditorCommand):
    """Take every dot off a round; undo puts them all back."""

    def __init__(self, editor: Editor, round_id: int) -> None:
        super().__init__(editor, _tr("Reset voting round"))
        self.round_id = round_id
        self.rows: list[Row] = []

    def apply(self) -> None:
        self.rows = self.editor.clear_votes(self.round_id)

    def revert(self) -> None:
        self.editor.put_back_votes(self.round_id, self.rows)


def importance_command(editor: Editor, scores: dict[int, tuple[int, int]]) -> CompoundCommand:
    """One undo step setting each opportunity's importance: {id: (old, new)}, changed only."""
    command = CompoundCommand(_tr("Set importance from votes"))
    for opp_id, (_old, new) in sorted(scores.items()):
        command.add(EditOpportunityCommand(editor, opp_id, {"importance": new},
                                           _tr("Set importance from votes")))
    return command
