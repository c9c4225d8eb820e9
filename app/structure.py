"""Journeys, stages, lanes and emotion curves: the dialogs and in-place edits that shape a map."""

from __future__ import annotations

from typing import Any, cast

from PySide6.QtWidgets import QInputDialog, QMessageBox

from app.commands import (
    AddCurveCommand,
    AddJourneyCommand,
    AddLaneCommand,
    AddStageCommand,
    DeleteCurveCommand,
    DeleteJourneyCommand,
    DeleteLaneCommand,
    DeleteStageCommand,
    EditJourneyCommand,
    EditLaneCommand,
    EditStageCommand,
    SetEmotionCommand,
)
from app.context import EditorContext
from model.entities import LaneKind
from model.layout import CurveGeom
from model.palette import LANE_KIND_LABELS
from model.records import HeaderFields, HeaderKind, LaneFields, StageFields
from model.style import CURVE_COLORS
from model.templates import TEMPLATES
from widgets.color_picker import pick_color
from widgets.i18n import qtr


class StructureDialogs:
    """Adds, renames, recolours and deletes the parts of a journey, each as one undo step."""

    def __init__(self, ctx: EditorContext) -> None:
        self.ctx = ctx

    # -- journeys -------------------------------------------------------------------

    def add_journey(self) -> None:
        if self.ctx.doc is None:
            return
        parent = self.ctx.window
        titles = [qtr(t.title) for t in TEMPLATES.values()]
        title, ok = QInputDialog.getItem(parent, qtr("Add Journey"), qtr("Template:"), titles,
                                         1, False)
        if not ok:
            return
        key = next(k for k, t in TEMPLATES.items() if qtr(t.title) == title)
        name, ok = QInputDialog.getText(parent, qtr("Add Journey"), qtr("Journey name:"),
                                        text=qtr("New journey"))
        if ok:
            self.ctx.push(AddJourneyCommand(self.ctx.editor(), name.strip() or qtr("New journey"),
                                            key))

    def rename_journey(self) -> None:
        journey = self.ctx.doc.journey() if self.ctx.doc is not None else None
        if journey is None:
            return
        name, ok = QInputDialog.getText(self.ctx.window, qtr("Rename Journey"), qtr("Name:"),
                                        text=journey["name"])
        if ok and name.strip() and name.strip() != journey["name"]:
            self.ctx.push(EditJourneyCommand(self.ctx.editor(), journey["id"],
                                             {"name": name.strip()}))

    def duplicate_journey(self) -> None:
        journey = self.ctx.doc.journey() if self.ctx.doc is not None else None
        if journey is not None:
            self.ctx.push(AddJourneyCommand(self.ctx.editor(), f"{journey['name']} (copy)",
                                            source_id=journey["id"]))

    def delete_journey(self) -> None:
        journey = self.ctx.doc.journey() if self.ctx.doc is not None else None
        if journey is None:
            return
        answer = QMessageBox.question(
            self.ctx.window, qtr("Delete Journey"),
            qtr("Delete the journey “{0}” with all its cards? You can undo this.").format(
                journey['name']),
        )
        if answer == QMessageBox.StandardButton.Yes:
            self.ctx.push(DeleteJourneyCommand(self.ctx.editor(), journey["id"]))

    # -- stages and lanes -------------------------------------------------------------

    def _stage_ids(self) -> list[int]:
        layout = self.ctx.scene.layout
        return [s.id for s in layout.stages] if layout else []

    def _lane_ids(self) -> list[int]:
        layout = self.ctx.scene.layout
        return [x.id for x in layout.lanes] if layout else []

    def add_stage(self, before: int | None = None, after: int | None = None) -> None:
        """A new stage (at the end, or beside one), scrolled to, its name typed in place."""
        journey_id = self.ctx.journey_id
        if journey_id is None:
            return
        ids = self._stage_ids()
        if before in ids:
            index = ids.index(before)
        elif after in ids:
            index = ids.index(after) + 1
        else:
            index = len(ids)
        command = AddStageCommand(self.ctx.editor(), journey_id, index,
                                  {"name": qtr("Stage {0}").format(len(ids) + 1)})
        if self.ctx.push(command) and command.obj_id is not None:
            self._reveal_and_rename(HeaderKind.STAGE, command.obj_id)

    def add_lane(self, after: int | None = None) -> None:
        """A new lane of a kind picked by its human name, its name typed in place."""
        journey_id = self.ctx.journey_id
        if journey_id is None:
            return
        kinds = [k.value for k in LaneKind]
        labels = [qtr(LANE_KIND_LABELS.get(k, k)) for k in kinds]
        label, ok = QInputDialog.getItem(self.ctx.window, qtr("Add Lane"), qtr("Kind of lane:"),
                                         labels, 0, False)
        if not ok:
            return
        kind = kinds[labels.index(label)]
        ids = self._lane_ids()
        index = ids.index(after) + 1 if after in ids else len(ids)
        name = label.split(" (")[0]  # "Divider line (no cards)" -> "Divider line"
        command = AddLaneCommand(self.ctx.editor(), journey_id, index,
                                 {"name": name, "kind": kind})
        if self.ctx.push(command) and command.obj_id is not None:
            self._reveal_and_rename(HeaderKind.LANE, command.obj_id)

    def _reveal_and_rename(self, kind: HeaderKind, obj_id: int) -> None:
        """Scroll a new stage or lane into view and let the user type its name there."""
        self.ctx.refresh()
        scene = self.ctx.scene
        items = scene.stage_items if kind is HeaderKind.STAGE else scene.lane_items
        item = items.get(obj_id)
        if item is None:
            return
        header = item.geom.header
        self.ctx.view.ensureVisible(header.x, header.y, header.w, header.h, 40, 40)
        self.ctx.view.setFocus()
        scene.start_header_rename(kind.value, obj_id)

    def edit_header(self, kind: HeaderKind, obj_id: int, fields: HeaderFields) -> None:
        # A header's name and colour are fields of a stage and of a lane alike.
        editor = self.ctx.editor()
        if HeaderKind(kind) is HeaderKind.STAGE:
            self.ctx.push(EditStageCommand(editor, obj_id, cast(StageFields, fields)))
        else:
            self.ctx.push(EditLaneCommand(editor, obj_id, cast(LaneFields, fields)))

    def rename_header(self, kind: HeaderKind, obj_id: int) -> None:
        """Type a new name of a stage or lane over its header."""
        kind = HeaderKind(kind)
        self.ctx.view.setFocus()
        self.ctx.scene.start_header_rename(kind.value, obj_id)

    def recolour_header(self, kind: HeaderKind, obj_id: int) -> None:
        """Pick a new colour of a stage or lane."""
        kind = HeaderKind(kind)
        layout = self.ctx.scene.layout
        if layout is None:
            return
        geom = layout.stage(obj_id) if kind is HeaderKind.STAGE else layout.lane(obj_id)
        color = pick_color(self.ctx.window, geom.color, f"{kind.value.title()} Colour")
        if color is not None and color != geom.color:
            self.edit_header(kind, obj_id, {"color": color})

    def delete_stage(self, stage_id: int) -> None:
        if len(self._stage_ids()) <= 1:
            self.ctx.status(qtr("A journey keeps at least one stage."))
            return
        self.ctx.push(DeleteStageCommand(self.ctx.editor(), stage_id))

    def delete_lane(self, lane_id: int) -> None:
        if len(self._lane_ids()) <= 1:
            self.ctx.status(qtr("A journey keeps at least one lane."))
            return
        self.ctx.push(DeleteLaneCommand(self.ctx.editor(), lane_id))

    # -- emotion curves ------------------------------------------------------------------

    def add_curve(self) -> None:
        """Another curve (to-be, a second persona), starting as a copy of the current one."""
        journey_id = self.ctx.journey_id
        if self.ctx.doc is None or journey_id is None:
            return
        name, ok = QInputDialog.getText(self.ctx.window, qtr("Add Emotion Curve"),
                                        qtr("Curve name (e.g. a persona):"), text=qtr("To-be"))
        if not ok:
            return
        count = len(self.ctx.doc.curves())
        fields: dict[str, Any] = {"name": name.strip() or qtr("Curve"),
                                  "color": CURVE_COLORS[count % len(CURVE_COLORS)]}
        source = self.current_curve()
        if source is not None:
            fields["points"] = [{"stage_id": p.stage_id, "value": p.value}
                                for p in source.points]
        command = AddCurveCommand(self.ctx.editor(), journey_id, fields)
        if self.ctx.push(command) and command.obj_id is not None:
            self.ctx.scene.set_current_curve(command.obj_id)

    def current_curve(self) -> CurveGeom | None:
        """The curve last worked on, else the first one."""
        layout = self.ctx.scene.layout
        if layout is None or not layout.curves:
            return None
        current = self.ctx.scene.current_curve_id
        return next((c for c in layout.curves if c.id == current), layout.curves[0])

    def delete_curve(self) -> None:
        if self.ctx.doc is None:
            return
        curves = self.ctx.doc.curves()
        if not curves:
            self.ctx.status(qtr("This journey has no emotion curve."))
            return
        names = [f"{i + 1}. {c['name']}" for i, c in enumerate(curves)]
        name, ok = QInputDialog.getItem(self.ctx.window, qtr("Delete Emotion Curve"), qtr("Curve:"),
                                        names, 0, False)
        if ok:
            self.ctx.push(DeleteCurveCommand(self.ctx.editor(), curves[names.index(name)]["id"]))

    def edit_emotion_note(self, curve_id: int, stage_id: int) -> None:
        """Ask for the short note shown beside an emotion point."""
        point = self.ctx.doc.emotion_point(curve_id, stage_id) if self.ctx.doc else None
        if point is None:
            return
        note, ok = QInputDialog.getMultiLineText(
            self.ctx.window, qtr("Emotion Note"),
            qtr("Why does the customer feel {0:+d} here?").format(point['value']), point["note"],
        )
        if ok and note != point["note"]:
            self.ctx.push(SetEmotionCommand(self.ctx.editor(), curve_id, stage_id,
                                            point["value"], note))
