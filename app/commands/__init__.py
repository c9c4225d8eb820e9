"""Undo commands: every change a user makes goes through one of these.

Commands hold ids and plain values, never ORM objects or graphics items; redo() is
the only place a change is made, undo() restores exactly what was there. The
package is the app's vocabulary of edits (import from here); its modules group them:
base (savepoint, compound step, generic shapes), cards, structure (stages, lanes,
curves), journeys (with personas and opportunities), analysis (metrics, surveys)
and snapshots (with reviews).
"""

from __future__ import annotations

from app.commands.analysis import (
    AddMetricCommand,
    ImportSurveyCommand,
    RemoveMetricCommand,
)
from app.commands.base import (
    AddWithSnapshotCommand,
    CompoundCommand,
    EditFieldsCommand,
    EditorCommand,
    RemoveCommand,
    ReorderCommand,
    UndoableCommand,
)
from app.commands.cards import (
    AddCardCommand,
    DeleteCardCommand,
    EditCardCommand,
    ImportCardsCommand,
    MoveCardsCommand,
)
from app.commands.journeys import (
    AddJourneyCommand,
    AddOpportunityCommand,
    AddPersonaCommand,
    CreatePersonaCommand,
    DeleteJourneyCommand,
    DeleteOpportunityCommand,
    DeletePersonaCommand,
    EditJourneyCommand,
    EditOpportunityCommand,
    EditPersonaCommand,
)
from app.commands.snapshots import (
    DeleteSnapshotCommand,
    RenameSnapshotCommand,
    RestoreSnapshotCommand,
    TakeSnapshotCommand,
    start_review_command,
)
from app.commands.structure import (
    AddCurveCommand,
    AddLaneCommand,
    AddStageCommand,
    DeleteCurveCommand,
    DeleteLaneCommand,
    DeleteStageCommand,
    EditCurveCommand,
    EditLaneCommand,
    EditStageCommand,
    MoveLaneCommand,
    MoveStageCommand,
    SetEmotionCommand,
)

__all__ = [
    "AddCardCommand",
    "AddCurveCommand",
    "AddJourneyCommand",
    "AddLaneCommand",
    "AddMetricCommand",
    "AddOpportunityCommand",
    "AddPersonaCommand",
    "AddStageCommand",
    "AddWithSnapshotCommand",
    "CompoundCommand",
    "CreatePersonaCommand",
    "DeleteCardCommand",
    "DeleteCurveCommand",
    "DeleteJourneyCommand",
    "DeleteLaneCommand",
    "DeleteOpportunityCommand",
    "DeletePersonaCommand",
    "DeleteSnapshotCommand",
    "DeleteStageCommand",
    "EditCardCommand",
    "EditCurveCommand",
    "EditFieldsCommand",
    "EditJourneyCommand",
    "EditLaneCommand",
    "EditOpportunityCommand",
    "EditPersonaCommand",
    "EditStageCommand",
    "EditorCommand",
    "ImportCardsCommand",
    "ImportSurveyCommand",
    "MoveCardsCommand",
    "MoveLaneCommand",
    "MoveStageCommand",
    "RemoveCommand",
    "RemoveMetricCommand",
    "RenameSnapshotCommand",
    "ReorderCommand",
    "RestoreSnapshotCommand",
    "SetEmotionCommand",
    "TakeSnapshotCommand",
    "UndoableCommand",
    "start_review_command",
]
