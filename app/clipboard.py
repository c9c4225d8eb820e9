"""Copy, cut, paste and delete of cards: the clipboard carries cards as JSON and as text."""

from __future__ import annotations

import json

from PySide6.QtCore import QMimeData
from PySide6.QtGui import QGuiApplication

from app.canvas_controller import CanvasController
from app.commands import AddCardCommand, CompoundCommand, DeleteCardCommand
from app.context import EditorContext
from model.capture import paste_columns
from model.card_edits import CARD_FIELDS
from model.layout import Cell
from model.palette import default_card_kind
from model.snapshot import Row
from widgets.i18n import qtr
from widgets.items import LaneHeaderItem, StageHeaderItem

CARDS_MIME = "application/x-journeyboard-cards"


class CardClipboard:
    """The Edit menu's card operations, each one undo step (or none when nothing changes)."""

    def __init__(self, ctx: EditorContext, canvas: CanvasController) -> None:
        self.ctx = ctx
        self.canvas = canvas

    def _canvas_has_focus(self) -> bool:
        """Keys like Delete and Ctrl+A act on cards only while the map has the focus."""
        focus = self.ctx.window.focusWidget()
        view = self.ctx.view
        return focus is None or focus is view or view.isAncestorOf(focus)

    def copy(self) -> None:
        doc = self.ctx.doc
        if doc is None:
            return
        rows: list[Row] = []
        for card_id in self.ctx.scene.selected_card_ids():
            record = doc.card(card_id)
            if record is not None:
                rows.append({k: v for k, v in record.items() if k in CARD_FIELDS})
        if not rows:
            return
        mime = QMimeData()
        mime.setData(CARDS_MIME, json.dumps(rows).encode("utf-8"))
        mime.setText("\n".join(r["text"] for r in rows))
        QGuiApplication.clipboard().setMimeData(mime)

    def cut(self) -> None:
        cards = self.ctx.scene.selected_card_ids()
        if cards:
            self.copy()
            self.delete_cards(cards, qtr("Cut cards"))

    def paste(self) -> None:
        """Cards, lines or a block of spreadsheet cells from the target cell on, one step.

        Plain text gives one card per line; tab-separated columns go to consecutive stages.
        """
        journey_id = self.ctx.journey_id
        if journey_id is None:
            return
        cell = self.canvas.target_cell()
        if cell is None:
            self.ctx.status(qtr("Click a cell to paste into."))
            return
        placed = self._clipboard_cards(cell)
        if not placed:
            return
        layout = self.ctx.scene.layout
        next_index: dict[Cell, int] = {}
        children: list[AddCardCommand] = []
        for target, fields in placed:
            if target not in next_index:
                next_index[target] = len(layout.cell_cards.get(target, [])) if layout else 0
            children.append(AddCardCommand(self.ctx.editor(), journey_id, target,
                                           next_index[target], fields))
            next_index[target] += 1
        parent = CompoundCommand(qtr("Paste cards") if len(children) > 1 else qtr("Paste card"))
        for child in children:
            parent.add(child)
        assert self.ctx.doc is not None
        self.ctx.doc.push(parent)  # dropped, with no undo step, if every card is refused
        errors = [str(c.error) for c in children if c.error is not None]
        if errors:
            self.ctx.status(
                qtr("{0} of {1} pasted cards were refused: {2}").format(
                    len(errors), len(children), errors[0]), 8000)
        self.ctx.scene.select_cards([c.card_id for c in children
                                     if c.error is None and c.card_id is not None])

    def _clipboard_cards(self, cell: Cell) -> list[tuple[Cell, Row]]:
        mime = QGuiApplication.clipboard().mimeData()
        if mime is not None and mime.hasFormat(CARDS_MIME):
            try:
                data = json.loads(bytes(mime.data(CARDS_MIME).data()).decode("utf-8"))
                return [(cell, {k: v for k, v in r.items() if k in CARD_FIELDS})
                        for r in data if isinstance(r, dict)]
            except (ValueError, AttributeError, TypeError):
                return []
        layout = self.ctx.scene.layout
        if mime is None or not mime.hasText() or layout is None:
            return []
        columns = paste_columns(mime.text())
        stage_ids = [s.id for s in layout.stages]
        first = stage_ids.index(cell[0])
        if len(columns) > len(stage_ids) - first:
            self.ctx.status(
                qtr("Nothing pasted: the block has {0} columns but there are only {1} stages from "
                    "here on. Paste it further left.").format(
                    len(columns), len(stage_ids) - first), 8000)
            return []
        kind = default_card_kind(layout.lane(cell[1]).kind)
        return [((stage_ids[first + c], cell[1]), {"kind": kind, "text": text})
                for c, column in enumerate(columns) for text in column]

    def delete_selection(self) -> None:
        if self.ctx.doc is None or not self._canvas_has_focus():
            return  # Delete in a text field deletes text, not cards
        scene = self.ctx.scene
        items = scene.selectedItems()
        cards = scene.selected_card_ids()
        if cards:
            self.delete_cards(cards, qtr("Delete card") if len(cards) == 1 else qtr("Delete cards"))
        elif len(items) == 1 and isinstance(items[0], StageHeaderItem):
            self.canvas.structure.delete_stage(items[0].stage_id)
        elif len(items) == 1 and isinstance(items[0], LaneHeaderItem):
            self.canvas.structure.delete_lane(items[0].lane_id)

    def delete_cards(self, card_ids: list[int], text: str) -> None:
        assert self.ctx.doc is not None
        parent = CompoundCommand(text)
        for card_id in card_ids:
            parent.add(DeleteCardCommand(self.ctx.editor(), card_id))
        self.ctx.doc.push(parent)

    def select_all(self) -> None:
        if self._canvas_has_focus():
            self.ctx.scene.select_cards(list(self.ctx.scene.card_items))

    def edit_selected_card(self) -> None:
        cards = self.ctx.scene.selected_card_ids()
        if len(cards) == 1:
            self.ctx.scene.card_items[cards[0]].start_editing()
