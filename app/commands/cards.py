"""Card commands: add, edit, move (one gesture or merged nudges), delete, import from CSV."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtGui import QUndoCommand

from app.commands.base import EditFieldsCommand, EditorCommand, RemoveCommand
from model.csv_io import CsvImportError, CsvRow, ImportResult, import_rows
from model.edits import EditError, Editor
from model.layout import Cell
from model.records import CardFields
from model.snapshot import Row
from model.snapshot_types import CardSnapshot
from widgets.i18n import qtr


class EditCardCommand(EditFieldsCommand[CardFields]):
    def __init__(self, editor: Editor, card_id: int, fields: CardFields) -> None:
        what = qtr("Edit card text") if set(fields) == {"text"} else qtr("Edit card")
        super().__init__(editor, editor.update_card, card_id, fields, what)


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
        super().__init__(editor, qtr("Add card"), parent)
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
        super().__init__(editor, qtr("Move card") if len(card_ids) == 1 else qtr("Move cards"))
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


class DeleteCardCommand(RemoveCommand[CardSnapshot]):
    def __init__(self, editor: Editor, card_id: int, parent: QUndoCommand | None = None) -> None:
        super().__init__(
            editor, editor.remove_card, editor.restore_card, card_id, qtr("Delete card"), parent
        )


class ImportCardsCommand(EditorCommand):
    """Add the cards of a checked CSV file (and the journeys, stages, lanes it names)."""

    def __init__(self, editor: Editor, rows: Sequence[CsvRow]) -> None:
        super().__init__(editor, qtr("Import cards"))
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
