"""View → Heat Strip: colour touchpoint cards and a strip under the stage headers."""

from __future__ import annotations

from dataclasses import replace

from PySide6.QtCore import QRectF

from app.context import EditorContext
from app.panel_refresh import Changes, concerns
from model.changes import What
from model.records import CardBadge
from widgets.heat_strip import STRIP_H, HeatLegend, HeatStripItem


class HeatOverlay:
    """Keeps card badges, heat frames, the strip and the legend in line with the model."""

    def __init__(self, ctx: EditorContext) -> None:
        self.ctx = ctx
        self.on = False
        self.legend = HeatLegend()
        self.legend.hide()
        self.legend.kind_changed.connect(lambda _kind: self.refresh())
        self.strip: HeatStripItem | None = None
        ctx.heat = lambda: (self.legend.heat_kind() or "headline") if self.on else None

    def set_on(self, on: bool) -> None:
        self.on = on
        bar = self.ctx.window.statusBar()
        # In the status bar only while shown: even hidden, it would make the bar taller.
        if on:
            bar.addPermanentWidget(self.legend)
            self.legend.show()
        else:
            bar.removeWidget(self.legend)
        self.refresh()

    def cares(self, changes: Changes) -> bool:
        """Whether a step can change the badges or (while shown) the strip."""
        if self.on and any(what is What.CARD for what, _ in changes):
            return True  # a card moving to another stage changes both stages' heat
        return concerns(changes, (What.CARD, What.STAGE, What.JOURNEY, What.VOTE), False)

    def refresh(self) -> None:
        """Show the current document's badges, and the heat overlay when it is on."""
        doc, scene = self.ctx.doc, self.ctx.scene
        kind = self.legend.heat_kind()
        badges = doc.card_badges(kind) if doc is not None else {}
        for card_id, count in self.ctx.votes().items():  # the dot-vote pills
            badges[card_id] = replace(badges.get(card_id, CardBadge()), votes=count)
        scene.set_card_badges(badges, self.on)
        layout = scene.layout
        if not self.on or doc is None or layout is None:
            if self.strip is not None and self.strip.scene() is scene:
                scene.removeItem(self.strip)
            self.strip = None
            return
        if self.strip is None or self.strip.scene() is not scene:
            self.strip = HeatStripItem()
            scene.addItem(self.strip)
        self.strip.set_style(scene.canvas_style)
        cells = doc.stage_heat(kind)
        top = layout.metrics.stage_header_h
        self.strip.set_segments([
            (QRectF(s.column.x, top, s.column.w, STRIP_H), cells.get(s.id))
            for s in layout.stages
        ])
