"""Stage, lane and emotion-curve commands: add, edit, move, delete, set a point."""

from __future__ import annotations

from app.commands.base import (
    AddWithSnapshotCommand,
    EditFieldsCommand,
    EditorCommand,
    RemoveCommand,
    ReorderCommand,
)
from model.edits import Editor
from model.records import CurveFields, LaneFields, StageFields
from model.snapshot import Row
from model.snapshot_types import CurveSnapshot, LaneSnapshot, StageSnapshot
from widgets.i18n import qtr


class EditStageCommand(EditFieldsCommand[StageFields]):
    def __init__(self, editor: Editor, stage_id: int, fields: StageFields) -> None:
        what = {"width": qtr("Resize stage"), "name": qtr("Rename stage"),
                "color": qtr("Recolour stage")}.get(",".join(fields), qtr("Edit stage"))
        super().__init__(editor, editor.update_stage, stage_id, fields, what)


class EditLaneCommand(EditFieldsCommand[LaneFields]):
    def __init__(self, editor: Editor, lane_id: int, fields: LaneFields) -> None:
        what = {"name": qtr("Rename lane"), "color": qtr("Recolour lane")}.get(",".join(fields),
                                                                   qtr("Edit lane"))
        super().__init__(editor, editor.update_lane, lane_id, fields, what)


class AddStageCommand(AddWithSnapshotCommand[StageSnapshot]):
    def __init__(self, editor: Editor, journey_id: int, index: int, fields: Row) -> None:
        fields = dict(fields)
        super().__init__(
            editor, qtr("Add stage"), lambda: editor.add_stage(journey_id, index, fields),
            editor.remove_stage, editor.restore_stage,
        )


class AddLaneCommand(AddWithSnapshotCommand[LaneSnapshot]):
    def __init__(self, editor: Editor, journey_id: int, index: int, fields: Row) -> None:
        fields = dict(fields)
        super().__init__(
            editor, qtr("Add lane"), lambda: editor.add_lane(journey_id, index, fields),
            editor.remove_lane, editor.restore_lane,
        )


class DeleteStageCommand(RemoveCommand[StageSnapshot]):
    def __init__(self, editor: Editor, stage_id: int) -> None:
        super().__init__(
            editor, editor.remove_stage, editor.restore_stage, stage_id, qtr("Delete stage")
        )


class DeleteLaneCommand(RemoveCommand[LaneSnapshot]):
    def __init__(self, editor: Editor, lane_id: int) -> None:
        super().__init__(editor, editor.remove_lane, editor.restore_lane, lane_id, qtr("Delete "
                                                                                       "lane"))


class MoveStageCommand(ReorderCommand):
    def __init__(self, editor: Editor, stage_id: int, index: int) -> None:
        super().__init__(editor, editor.move_stage, stage_id, index, qtr("Move stage"))


class MoveLaneCommand(ReorderCommand):
    def __init__(self, editor: Editor, lane_id: int, index: int) -> None:
        super().__init__(editor, editor.move_lane, lane_id, index, qtr("Move lane"))


class SetEmotionCommand(EditorCommand):
    def __init__(
        self, editor: Editor, curve_id: int, stage_id: int, value: int | None,
        note: str | None = None,
    ) -> None:
        super().__init__(editor, qtr("Set emotion"))
        self.curve_id = curve_id
        self.stage_id = stage_id
        self.value = value
        self.note = note
        self.old: tuple[int | None, str] = (None, "")

    def apply(self) -> None:
        self.old = self.editor.set_emotion(self.curve_id, self.stage_id, self.value, self.note)

    def revert(self) -> None:
        self.editor.set_emotion(self.curve_id, self.stage_id, self.old[0], self.old[1])


class AddCurveCommand(AddWithSnapshotCommand[CurveSnapshot]):
    def __init__(self, editor: Editor, journey_id: int, fields: Row) -> None:
        fields = dict(fields)
        super().__init__(
            editor, qtr("Add emotion curve"), lambda: editor.add_curve(journey_id, fields),
            editor.remove_curve, editor.restore_curve,
        )


class EditCurveCommand(EditFieldsCommand[CurveFields]):
    def __init__(self, editor: Editor, curve_id: int, fields: CurveFields) -> None:
        what = (qtr("Set curve persona") if set(fields) == {"persona_id"}
                else qtr("Edit emotion curve"))
        super().__init__(editor, editor.update_curve, curve_id, fields, what)


class DeleteCurveCommand(RemoveCommand[CurveSnapshot]):
    def __init__(self, editor: Editor, curve_id: int) -> None:
        super().__init__(
            editor, editor.remove_curve, editor.restore_curve, curve_id, qtr("Delete emotion curve")
        )
