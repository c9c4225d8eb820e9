"""Journey, persona and opportunity commands."""

from __future__ import annotations

from typing import Any

from app.commands.base import (
    AddWithSnapshotCommand,
    EditFieldsCommand,
    EditorCommand,
    RemoveCommand,
)
from model.edits import Editor
from model.records import JourneyFields, OpportunityFields, PersonaFields
from model.snapshot import Row
from model.snapshot_types import OpportunitySnapshot, PersonaSnapshot
from widgets.i18n import qtr


class EditJourneyCommand(EditFieldsCommand[JourneyFields]):
    def __init__(self, editor: Editor, journey_id: int, fields: JourneyFields) -> None:
        what = qtr("Rename journey") if set(fields) == {"name"} else qtr("Edit journey")
        super().__init__(editor, editor.update_journey, journey_id, fields, what)


class AddJourneyCommand(EditorCommand):
    """Add a journey from a template, or duplicate one (source_id)."""

    def __init__(
        self, editor: Editor, name: str, template: str = "cjm7", source_id: int | None = None
    ) -> None:
        super().__init__(editor, qtr("Duplicate journey") if source_id else qtr("Add journey"))
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


class DeleteJourneyCommand(RemoveCommand[dict[str, Any]]):
    def __init__(self, editor: Editor, journey_id: int) -> None:
        super().__init__(
            editor, editor.remove_journey, editor.restore_journey, journey_id, qtr("Delete journey")
        )


class AddPersonaCommand(EditorCommand):
    """Create a persona and (optionally) make it a journey's persona."""

    def __init__(self, editor: Editor, name: str, journey_id: int | None) -> None:
        super().__init__(editor, qtr("Add persona"))
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


class CreatePersonaCommand(AddWithSnapshotCommand[PersonaSnapshot]):
    """Add a persona to the library (a new one, or a duplicate's fields)."""

    def __init__(self, editor: Editor, fields: Row, text: str | None = None) -> None:
        fields = dict(fields)
        # Translated when made, not when this module is imported (before the translator).
        text = qtr("New persona") if text is None else text
        super().__init__(editor, text, lambda: editor.add_persona(fields),
                         editor.remove_persona, editor.restore_persona)


class EditPersonaCommand(EditFieldsCommand[PersonaFields]):
    def __init__(self, editor: Editor, persona_id: int, fields: PersonaFields) -> None:
        what = qtr("Set persona photo") if set(fields) == {"photo"} else qtr("Edit persona")
        super().__init__(editor, editor.update_persona, persona_id, fields, what)


class DeletePersonaCommand(RemoveCommand[PersonaSnapshot]):
    def __init__(self, editor: Editor, persona_id: int) -> None:
        super().__init__(editor, editor.remove_persona, editor.restore_persona, persona_id,
                         qtr("Delete persona"))


class AddOpportunityCommand(AddWithSnapshotCommand[OpportunitySnapshot]):
    """Add an opportunity (e.g. turned from a pain point, linked to it)."""

    def __init__(self, editor: Editor, journey_id: int, fields: Row,
                 text: str = qtr("Add opportunity")) -> None:
        fields = dict(fields)
        super().__init__(editor, text, lambda: editor.add_opportunity(journey_id, fields),
                         editor.remove_opportunity, editor.restore_opportunity)


class EditOpportunityCommand(EditFieldsCommand[OpportunityFields]):
    def __init__(self, editor: Editor, opp_id: int, fields: OpportunityFields,
                 text: str = "") -> None:
        super().__init__(editor, editor.update_opportunity, opp_id, fields,
                         text or qtr("Edit opportunity"))


class DeleteOpportunityCommand(RemoveCommand[OpportunitySnapshot]):
    def __init__(self, editor: Editor, opp_id: int) -> None:
        super().__init__(editor, editor.remove_opportunity, editor.restore_opportunity, opp_id,
                         qtr("Delete opportunity"))
