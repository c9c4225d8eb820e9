"""The scene's card items: kept in line with the layout by id, made lazily on big maps."""

from __future__ import annotations

from collections.abc import Callable, Iterator, Mapping
from typing import Any

from PySide6.QtCore import QPointF, QRectF
from PySide6.QtWidgets import QGraphicsScene

from model.layout import CardGeom, JourneyLayout
from model.records import CardBadge
from widgets.canvas_style import CanvasStyle, canvas_style
from widgets.card_badge import CardDecorations
from widgets.items import CardItem
from widgets.scene_blocks import LevelOfDetail

# Up to this many cards every card has its item; above, items are made for the part of
# the map in and around the window, and for what a click or a selection reaches.
EAGER_CARDS = 1000


class CardItems(Mapping[int, CardItem]):
    """The card items by card id: every card of the layout, its item made on first use."""

    def __init__(self, make: Callable[[int], CardItem]) -> None:
        self.made: dict[int, CardItem] = {}
        self.ids: Mapping[int, object] = {}
        self._make = make

    def __getitem__(self, card_id: int) -> CardItem:
        item = self.made.get(card_id)
        if item is None:
            if card_id not in self.ids:
                raise KeyError(card_id)
            item = self._make(card_id)
        return item

    def __contains__(self, card_id: object) -> bool:
        return card_id in self.ids

    def __iter__(self) -> Iterator[int]:
        return iter(self.ids)

    def __len__(self) -> int:
        return len(self.ids)


class SceneCards:
    """Makes, moves and removes the card items of a scene as the layout changes.

    A big map has many cards: only the items whose geometry changed are touched, and
    above EAGER_CARDS items are made for what is in and around the window.
    """

    def __init__(self, scene: QGraphicsScene, wire: Callable[[CardItem], None]) -> None:
        self._scene = scene
        self._wire = wire  # connects a new item's signals (the scene relays them)
        self._layout: JourneyLayout | None = None
        self.items = CardItems(self._make_by_id)
        self.detail = LevelOfDetail(scene, self.items.made)
        self.style = canvas_style()
        self.decorations = CardDecorations()  # metric and usage badges, heat frames

    def sync(self, previous: JourneyLayout | None, layout: JourneyLayout,
             visible: QRectF | None) -> None:
        """Touch only the card items whose geometry changed (by id; a big map has many)."""
        self._layout = layout
        items = self.items
        made = items.made
        items.ids = layout.cards
        changed = layout.changed_cards
        cards = layout.cards
        detail = self.detail
        if previous is not None and layout.base is previous and changed is not None:
            # The layout knows what the edit changed; of the cards that only moved (a
            # lane above grew) just those with an item need touching.
            moved = layout.moved_cards
            ids: Any = changed - moved if moved else changed
            for card_id in moved & made.keys() if moved else ():
                shifted = cards[card_id]
                shown = made[card_id]
                shown.geom = shifted  # the same card one place further: CardItem.set_geom's
                shown.setPos(shifted.rect.x, shifted.rect.y)  # cheap case, without checks
            rest = ids
            for card_id in rest:
                old, new = previous.cards.get(card_id), cards.get(card_id)
                if old is None or new is None or (
                    old.cell != new.cell or old.index != new.index or old.fill != new.fill
                    or old.rect.w != new.rect.w or old.rect.h != new.rect.h
                ):
                    if old is not None:
                        detail.forget(old.cell)
                    if new is not None:
                        detail.forget(new.cell)
        else:
            ids = [*cards, *(i for i in made if i not in cards)]
            detail.forget_all()
        eager = len(cards) <= EAGER_CARDS
        live = None if eager else self._live_rect(visible)
        if live is not None:
            left, top, right, bottom = live.left(), live.top(), live.right(), live.bottom()
        for card_id in ids:
            geom = cards.get(card_id)
            item = made.get(card_id)
            if geom is None:
                if item is not None:
                    self._scene.removeItem(made.pop(card_id))
                continue
            if item is None:
                r = geom.rect
                if eager or (live is not None and r.x < right and r.x + r.w > left
                             and r.y < bottom and r.y + r.h > top):
                    self._make(geom)
                continue
            old = item.geom
            if old is geom and item.x() == geom.rect.x and item.y() == geom.rect.y:
                continue
            item.set_geom(geom)

    def clear(self) -> None:
        """Remove every card item (no map is shown)."""
        for item in self.items.made.values():
            self._scene.removeItem(item)
        self.items.made.clear()
        self.items.ids = {}
        self._layout = None
        self.decorations.forget()
        self.detail.forget_all()

    def set_style(self, style: CanvasStyle) -> None:
        """Paint every card, badge and block in another palette."""
        self.style = style
        for item in self.items.made.values():
            item.set_style(style)
        self.decorations.set_style(style)
        self.detail.set_style(style)

    def _make(self, geom: CardGeom) -> CardItem:
        item = CardItem(geom)
        item.set_style(self.style)
        self._wire(item)
        self.items.made[geom.id] = item
        self.decorations.decorate(item, geom.id, geom.rect.w, geom.rect.h)
        self.detail.prepare(item)
        self._scene.addItem(item)
        return item

    def _make_by_id(self, card_id: int) -> CardItem:
        assert self._layout is not None
        return self._make(self._layout.cards[card_id])

    def set_badges(self, badges: dict[int, CardBadge], heat_on: bool | None = None) -> None:
        """Show cards' headline metrics and usage shares (and heat frames when on)."""
        self.decorations.badges = badges
        if heat_on is not None:
            self.decorations.heat_on = heat_on
        for card_id, item in self.items.made.items():
            self.decorations.decorate(item, card_id, item.geom.rect.w, item.geom.rect.h)

    def _live_rect(self, visible: QRectF | None) -> QRectF | None:
        """Where card items are made ahead of need: the visible part and a window around."""
        if self.detail.block_mode or visible is None:
            return None
        v = visible
        return v.adjusted(-v.width() / 2, -v.height() / 2, v.width() / 2, v.height() / 2)

    def make_around(self, visible: QRectF | None) -> None:
        """Make the card items in and around the visible part of the map."""
        live = self._live_rect(visible)
        if live is not None:
            self.make_in(live)

    def make_in(self, rect: QRectF) -> None:
        """Make the card items inside a scene rect that are not made yet (big maps)."""
        layout = self._layout
        if layout is None or len(self.items.made) == len(layout.cards):
            return
        m = layout.metrics
        step = m.card_h + m.card_gap
        made = self.items.made
        for ids in layout.cell_cards.values():
            if not ids:
                continue
            first = layout.cards[ids[0]].rect
            if first.x > rect.right() or first.right < rect.left():
                continue
            # Cards are at least card_h tall (they grow with their text): none past hi
            # reaches into the rect; above it, only those whose bottom does.
            hi = min(len(ids), int((rect.bottom() - first.y) // step) + 1)
            for card_id in ids[:hi]:
                if card_id not in made and layout.cards[card_id].rect.bottom >= rect.top():
                    self._make(layout.cards[card_id])

    def make_near(self, pos: QPointF, scale: float) -> None:
        """Make the card items around a point, so that a click there finds its card."""
        layout = self._layout
        if layout is None or len(self.items.made) == len(layout.cards):
            return
        r = 4.0 / max(scale, 1e-6)
        self.make_in(QRectF(pos.x() - r, pos.y() - r, 2 * r, 2 * r))
