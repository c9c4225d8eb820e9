"""Canvas gestures become undo commands: the one place that translates what the user did."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject, QPoint, Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QMenu

from app.commands import (
    AddCardCommand,
    AddPersonaCommand,
    EditCardCommand,
    EditJourneyCommand,
    EditLaneCommand,
    EditStageCommand,
    MoveCardsCommand,
    MoveLaneCommand,
    MoveStageCommand,
    SetEmotionCommand,
)
from app.context import EditorContext
from app.structure import StructureDialogs
from model.layout import Cell
from model.palette import CARD_KIND_LABELS, default_card_kind
from model.records import (
    CardFields,
    FieldsEdit,
    HeaderKind,
    JourneyFields,
    LaneFields,
    StageFields,
    Target,
)
from widgets.i18n import qtr
from widgets.inspector import Inspector
from widgets.items import LaneHeaderItem
from widgets.journey_header import JourneyHeader
from widgets.palette import CardPalette


class CanvasController(QObject):
    """Connects the scene, inspector, journey header and palette to the model's commands."""

    def __init__(
        self,
        ctx: EditorContext,
        structure: StructureDialogs,
        inspector: Inspector,
        header: JourneyHeader,
        palette: CardPalette,
        card_actions: list[QAction],
        paste_action: QAction,
    ) -> None:
        super().__init__(ctx.window)
        self.ctx = ctx
        self.structure = structure
        self._card_actions = card_actions
        self._paste_action = paste_action
        # More entries for a lane header's menu (the view filters add Hide Lane).
        self.extend_lane_menu: Callable[[QMenu, int], None] | None = None
        s = ctx.scene
        s.cards_moved.connect(self.move_cards)
        s.cards_nudged.connect(self.nudge_cards)
        s.card_dropped.connect(self.add_card_of_kind)
        s.card_typed.connect(self.add_typed_card)
        s.card_text_edited.connect(lambda cid, text: self.edit_card(cid, {"text": text}))
        s.emotion_edited.connect(
            lambda curve, stage, value: ctx.push(
                SetEmotionCommand(ctx.editor(), curve, stage, value))
        )
        s.emotion_note_requested.connect(structure.edit_emotion_note)
        s.stage_moved.connect(lambda sid, i: ctx.push(MoveStageCommand(ctx.editor(), sid, i)))
        s.lane_moved.connect(lambda lid, i: ctx.push(MoveLaneCommand(ctx.editor(), lid, i)))
        s.stage_resized.connect(lambda sid, w: self.edit_stage(sid, {"width": w}))
        s.header_renamed.connect(
            lambda what, obj_id, name: structure.edit_header(what, obj_id, {"name": name}))
        s.context_requested.connect(self.show_context_menu)
        palette.kind_activated.connect(self.add_card_to_target_cell)
        inspector.card_edited.connect(self._card_edited)
        inspector.stage_edited.connect(self._stage_edited)
        inspector.lane_edited.connect(self._lane_edited)
        header.journey_edited.connect(self.edit_journey)
        header.persona_created.connect(self.create_persona)

    # -- cards ---------------------------------------------------------------------

    def move_cards(self, card_ids: list[int], cell: Cell, index: int) -> None:
        self.ctx.push(MoveCardsCommand(self.ctx.editor(), card_ids, cell, index))
        self.ctx.scene.select_cards(card_ids)

    def nudge_cards(self, card_ids: list[int], cell: Cell, index: int, gesture: int) -> None:
        self.ctx.push(MoveCardsCommand(self.ctx.editor(), card_ids, cell, index, gesture))
        self.ctx.scene.select_cards(card_ids)

    def add_card_of_kind(self, kind: str, cell: Cell, index: int) -> None:
        """A card from the palette: made, selected, and open for typing."""
        journey_id = self.ctx.journey_id
        if journey_id is None or kind not in CARD_KIND_LABELS:
            return
        command = AddCardCommand(self.ctx.editor(), journey_id, cell, index, {"kind": kind})
        if self.ctx.push(command) and command.card_id is not None:
            self.ctx.scene.select_cards([command.card_id])
            self.ctx.view.setFocus()
            self.ctx.scene.card_items[command.card_id].start_editing()

    def add_typed_card(self, cell: Cell, index: int, text: str) -> None:
        journey_id = self.ctx.journey_id
        if journey_id is None:
            return
        layout = self.ctx.scene.layout
        lane = layout.lane(cell[1]) if layout else None
        kind = default_card_kind(lane.kind if lane else "")
        self.ctx.push(AddCardCommand(self.ctx.editor(), journey_id, cell, index,
                                     {"kind": kind, "text": text}))

    def add_card_to_target_cell(self, kind: str) -> None:
        cell = self.target_cell()
        if cell is None:
            self.ctx.status(self.tr("Click a cell first, or drag the card into one."))
            return
        layout = self.ctx.scene.layout
        index = len(layout.cell_cards.get(cell, [])) if layout else 0
        self.add_card_of_kind(kind, cell, index)

    def target_cell(self) -> Cell | None:
        """Where a new or pasted card goes: the selected card's cell, else the clicked cell."""
        scene = self.ctx.scene
        selected = scene.selected_card_ids()
        if selected and selected[0] in scene.card_items:
            return scene.card_items[selected[0]].geom.cell
        lanes = [i for i in scene.selectedItems() if isinstance(i, LaneHeaderItem)]
        layout = scene.layout
        if len(lanes) == 1 and layout is not None and layout.stages:
            lane = layout.lane(lanes[0].lane_id)  # a selected lane: from its first stage
            return (layout.stages[0].id, lane.id) if lane.holds_cards else None
        return scene.card_cell()

    # -- fields ----------------------------------------------------------------------

    def edit_card(self, card_id: int, fields: CardFields) -> None:
        self.ctx.push(EditCardCommand(self.ctx.editor(), card_id, fields))

    def edit_stage(self, stage_id: int, fields: StageFields) -> None:
        self.ctx.push(EditStageCommand(self.ctx.editor(), stage_id, fields))

    def edit_lane(self, lane_id: int, fields: LaneFields) -> None:
        self.ctx.push(EditLaneCommand(self.ctx.editor(), lane_id, fields))

    def _card_edited(self, edit: FieldsEdit[CardFields]) -> None:
        self.edit_card(edit.target_id, edit.fields)

    def _stage_edited(self, edit: FieldsEdit[StageFields]) -> None:
        self.edit_stage(edit.target_id, edit.fields)

    def _lane_edited(self, edit: FieldsEdit[LaneFields]) -> None:
        self.edit_lane(edit.target_id, edit.fields)

    def edit_journey(self, fields: JourneyFields) -> None:
        journey_id = self.ctx.journey_id
        if journey_id is not None and fields:
            self.ctx.push(EditJourneyCommand(self.ctx.editor(), journey_id, fields))

    def create_persona(self, name: str) -> None:
        if self.ctx.doc is not None and name.strip():
            self.ctx.push(AddPersonaCommand(self.ctx.editor(), name.strip(), self.ctx.journey_id))

    # -- context menu -------------------------------------------------------------------

    def show_context_menu(self, target: Target, obj_id: int, cell: Cell | None,
                          pos: QPoint) -> None:
        menu = QMenu(self.ctx.window)
        menu.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)  # with the actions it owns
        if target is Target.CARD:
            menu.addActions(self._card_actions)
        elif target in (Target.STAGE, Target.LANE):
            kind = HeaderKind(target.value)
            label = kind.value.title()
            s = self.structure
            entries = [
                (qtr("Rename {0}…").format(label), lambda: s.rename_header(kind, obj_id)),
                (f"{label} Colour…", lambda: s.recolour_header(kind, obj_id)),
            ]
            if kind is HeaderKind.STAGE:
                entries += [
                    (qtr("Insert Stage Before"), lambda: s.add_stage(before=obj_id)),
                    (qtr("Insert Stage After"), lambda: s.add_stage(after=obj_id)),
                    (qtr("Delete Stage"), lambda: s.delete_stage(obj_id)),
                ]
            else:
                entries += [
                    (qtr("Insert Lane Below…"), lambda: s.add_lane(after=obj_id)),
                    (qtr("Delete Lane"), lambda: s.delete_lane(obj_id)),
                ]
            for text, slot in entries:
                action = menu.addAction(text)
                action.triggered.connect(lambda _c=False, f=slot: f())
            if kind is HeaderKind.LANE and self.extend_lane_menu is not None:
                self.extend_lane_menu(menu, obj_id)  # Hide Lane (a view filter)
        elif target is Target.CELL and cell is not None:
            add = menu.addMenu(self.tr("Add Card"))
            for kind_value, label in CARD_KIND_LABELS.items():
                action = add.addAction(qtr(label))
                action.triggered.connect(
                    lambda _c=False, k=kind_value: self.add_card_to_target_cell(k))
            menu.addAction(self._paste_action)
        menu.popup(pos)
