"""Snapshot and review commands: take, rename, delete, restore; start a review."""

from __future__ import annotations

from typing import Any

from app.commands.base import (
    AddWithSnapshotCommand,
    CompoundCommand,
    EditFieldsCommand,
    EditorCommand,
    RemoveCommand,
)
from app.commands.journeys import EditJourneyCommand
from model.edits import Editor
from model.records import SnapshotFields
from model.snapshot_types import SnapshotRow
from widgets.i18n import qtr


class TakeSnapshotCommand(AddWithSnapshotCommand[SnapshotRow]):
    """Store a labelled copy of a journey; undo removes it, redo puts the same one back."""

    def __init__(self, editor: Editor, journey_id: int, label: str) -> None:
        super().__init__(editor, qtr("Take snapshot"),
                         lambda: editor.take_snapshot(journey_id, label),
                         editor.remove_snapshot, editor.restore_snapshot)


class RenameSnapshotCommand(EditFieldsCommand[SnapshotFields]):
    def __init__(self, editor: Editor, snapshot_id: int, label: str) -> None:
        super().__init__(editor, editor.update_snapshot, snapshot_id, {"label": label},
                         qtr("Rename snapshot"))


class DeleteSnapshotCommand(RemoveCommand[SnapshotRow]):
    def __init__(self, editor: Editor, snapshot_id: int) -> None:
        super().__init__(editor, editor.remove_snapshot, editor.restore_snapshot, snapshot_id,
                         qtr("Delete snapshot"))


class RestoreSnapshotCommand(EditorCommand):
    """Restore a snapshot as a new journey beside the others (the snapshot stays)."""

    def __init__(self, editor: Editor, snapshot_id: int, name: str) -> None:
        super().__init__(editor, qtr("Restore snapshot as journey"))
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
    command = CompoundCommand(qtr("Start review"))
    command.add(TakeSnapshotCommand(editor, journey_id, label))
    command.add(EditJourneyCommand(editor, journey_id, {"next_review": next_review}))
    return command
