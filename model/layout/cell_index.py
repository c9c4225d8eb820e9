"""Which cards sit in each cell of a journey, kept current by SQLAlchemy events.

A big map's edit changes one or two cells; laying out 20,000 cards again for it is
what made editing slow. A CellIndex per journey knows each cell's cards and which
cells changed since the last layout; it is kept current by SQLAlchemy attribute and
collection events, so it sees every change to the ORM objects whoever makes it. What
it cannot follow (a rollback, expired cards) throws it away, and the next layout is
computed from scratch.
"""

from __future__ import annotations

import weakref
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy.orm import object_session

from model.entities import Card, Journey, Opportunity
from model.layout.frame import card_order, loaded
from model.layout.geometry import Cell, Metrics
from model.layout.journey_layout import JourneyLayout

_CARD_LAYOUT_FIELDS = frozenset(
    {"stage_id", "lane_id", "position", "kind", "text", "color", "severity", "journey"}
)
_indexes: weakref.WeakKeyDictionary[Journey, CellIndex] = weakref.WeakKeyDictionary()
_card_index: weakref.WeakKeyDictionary[Card, CellIndex] = weakref.WeakKeyDictionary()
_listening = False


@dataclass
class LayoutState:
    """What the next incremental layout starts from."""

    metrics: Metrics
    layout: JourneyLayout  # the last one handed out
    order: dict[Cell, list[int]]  # card ids of every cell in order, laid out or not
    stacks: dict[Cell, float] = field(default_factory=dict)  # height of each cell's cards


class CellIndex:
    """The cards in each cell of one journey, and the cells changed since the last layout."""

    def __init__(self, journey: Journey) -> None:
        self.valid = True
        self.cells: dict[Cell, dict[Card, None]] = {}
        self.home: dict[Card, Cell] = {}
        self.dirty: set[Cell] = set()
        self.state: LayoutState | None = None
        for card in journey.cards:
            self._put(card, (loaded(card, "stage_id"), loaded(card, "lane_id")))

    def _put(self, card: Card, cell: Cell) -> None:
        self.home[card] = cell
        members = self.cells.get(cell)
        if members is None:
            members = self.cells[cell] = {}
        members[card] = None
        _card_index[card] = self

    def _take(self, card: Card) -> Cell | None:
        cell = self.home.pop(card, None)
        if cell is not None:
            members = self.cells[cell]
            del members[card]
            if not members:
                del self.cells[cell]
            self.dirty.add(cell)
        return cell

    def added(self, card: Card) -> None:
        if card not in self.home:
            cell = (card.stage_id, card.lane_id)
            self._put(card, cell)
            self.dirty.add(cell)

    def removed(self, card: Card) -> None:
        self._take(card)

    def moved(self, card: Card, cell: Cell) -> None:
        old = self.home.get(card)
        if old is not None and old != cell:
            self._take(card)
            self._put(card, cell)
            self.dirty.add(cell)

    def touched(self, card: Card) -> None:
        cell = self.home.get(card)
        if cell is not None:
            self.dirty.add(cell)

    def ordered(self, cell: Cell) -> list[Card]:
        """The cards of a cell in order."""
        return sorted(self.cells.get(cell, ()), key=card_order)

    def ids(self, cell: Cell) -> list[int]:
        return [c.id for c in self.ordered(cell)]


def _live(index: CellIndex | None) -> CellIndex | None:
    return index if index is not None and index.valid else None


def _on_append(journey: Journey, card: Card, _initiator: Any) -> None:
    index = _live(_indexes.get(journey))
    if index is not None:
        index.added(card)


def _on_remove(journey: Journey, card: Card, _initiator: Any) -> None:
    index = _live(_indexes.get(journey))
    if index is not None:
        index.removed(card)


def _on_stage_set(card: Card, value: Any, _old: Any, _initiator: Any) -> None:
    index = _live(_card_index.get(card))
    if index is not None:
        index.moved(card, (value, card.lane_id))


def _on_lane_set(card: Card, value: Any, _old: Any, _initiator: Any) -> None:
    index = _live(_card_index.get(card))
    if index is not None:
        index.moved(card, (card.stage_id, value))


def _on_card_set(card: Card, _value: Any, _old: Any, _initiator: Any) -> None:
    index = _live(_card_index.get(card))
    if index is not None:
        index.touched(card)


def _drop(index: CellIndex | None) -> None:
    if index is not None:
        index.valid = False
        index.state = None


def _on_journey_expired(journey: Journey, attrs: Any, *_: Any) -> None:
    if attrs is None or "cards" in attrs:
        _drop(_indexes.pop(journey, None))


def _on_card_expired(card: Card, attrs: Any, *_: Any) -> None:
    if attrs is None or _CARD_LAYOUT_FIELDS.intersection(attrs):
        _drop(_card_index.get(card))


def _on_rollback(session: Any, _transaction: Any) -> None:
    # Rolled-back objects hold old values no event announced: start over.
    for journey, index in session.info.pop(_SESSION_KEY, {}).items():
        _drop(index)
        _indexes.pop(journey, None)


def _listen() -> None:
    global _listening
    if _listening:
        return
    _listening = True
    from sqlalchemy import event
    from sqlalchemy.orm import Session

    event.listen(Journey.cards, "append", _on_append)
    event.listen(Journey.cards, "remove", _on_remove)
    event.listen(Card.stage_id, "set", _on_stage_set)
    event.listen(Card.lane_id, "set", _on_lane_set)
    for attr in (Card.position, Card.kind, Card.text, Card.color, Card.severity):
        event.listen(attr, "set", _on_card_set)
    event.listen(Opportunity.cards, "append", _on_link)
    event.listen(Opportunity.cards, "remove", _on_link)
    event.listen(Journey.opportunities, "append", _on_opportunity)
    event.listen(Journey.opportunities, "remove", _on_opportunity)
    event.listen(Journey, "expire", _on_journey_expired)
    event.listen(Journey, "refresh", lambda j, _ctx, attrs: _on_journey_expired(j, attrs))
    event.listen(Card, "expire", _on_card_expired)
    event.listen(Card, "refresh", lambda c, _ctx, attrs: _on_card_expired(c, attrs))
    event.listen(Session, "after_soft_rollback", _on_rollback)


_SESSION_KEY = "journeyboard.cell_indexes"


def cell_index(journey: Journey) -> CellIndex:
    """The live cell index of a journey (built on first use)."""
    _listen()
    index = _live(_indexes.get(journey))
    if index is None:
        index = _indexes[journey] = CellIndex(journey)
        session = object_session(journey)
        if session is not None:
            # The session keeps the journey (and so its cards) alive while it is open:
            # without this a journey nobody holds is collected between two edits and
            # the next layout loads every card of it again.
            session.info.setdefault(_SESSION_KEY, {})[journey] = index
    return index


def _on_link(_opportunity: Opportunity, card: Card, _initiator: Any) -> None:
    _on_card_set(card, None, None, None)  # the card's marker changes


def _on_opportunity(_journey: Journey, opportunity: Opportunity, _initiator: Any) -> None:
    for card in opportunity.cards:  # an opportunity added or removed with its links
        _on_card_set(card, None, None, None)
