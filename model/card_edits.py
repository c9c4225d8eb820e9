"""Card edits: add, append many, remove and restore, move and place, update."""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import Any, cast

from sqlalchemy import func, insert, select

from model.changes import Change, How, What
from model.edit_base import EditBase, check_fields
from model.edit_error import EditError
from model.entities import Card, CardKind, Journey, Opportunity
from model.layout import Cell
from model.metric_edits import put_metrics, take_metrics
from model.records import CARD_DEFAULTS, CardFields
from model.snapshot import Row, card_links
from model.snapshot_types import CardSnapshot, card_row
from model.workshop_edits import put_votes, take_votes

CARD_FIELDS = frozenset(
    {"kind", "text", "color", "notes", "channel", "department", "owner", "usage_share",
     "severity"}
)

# What a card added by append_cards holds for a field it is not given.
_CARD_DEFAULTS: Row = dict(CARD_DEFAULTS)

# What a card snapshot holds besides the card's own fields (and its id).
_NOT_CARD_FIELDS = frozenset(
    {"opportunities", "metrics", "votes", "journey_id", "stage_id", "lane_id", "position"}
)

COLOR_RE = re.compile(r"#(?:[0-9a-fA-F]{3}){1,2}")


def clean_card_fields(fields: Mapping[str, Any]) -> Row:
    """Card fields checked and normalised (clipboard, CSV and UI values are untrusted)."""
    check_fields(fields, CARD_FIELDS)
    out = dict(fields)
    for key in ("text", "notes", "channel", "department", "owner"):
        if key in out and not isinstance(out[key], str):
            raise EditError(f"The card's {key} must be text")
    if "kind" in out and out["kind"] not in {k.value for k in CardKind}:
        raise EditError(f"Unknown card kind {out['kind']!r}")
    if "color" in out and out["color"] and not (
        isinstance(out["color"], str) and COLOR_RE.fullmatch(out["color"])
    ):
        raise EditError(f"A card colour is #rrggbb, #rgb or empty, not {out['color']!r}")
    if out.get("severity") is not None:
        value = out["severity"]
        if isinstance(value, bool) or not isinstance(value, int):
            raise EditError("Severity is a whole number from 1 to 5")
        out["severity"] = max(1, min(5, value))
    if out.get("usage_share") is not None:
        value = out["usage_share"]
        if isinstance(value, bool) or not isinstance(value, int | float):
            raise EditError("Usage share is a number from 0 to 1")
        out["usage_share"] = max(0.0, min(1.0, float(value)))
    return out


class CardEdits(EditBase):
    """The card edits of the Editor; each returns what its undo needs."""

    def add_card(
        self, journey_id: int, cell: Cell, index: int | None = None, fields: Row | None = None
    ) -> int:
        """Insert a card at ``index`` in a cell (end when None); return its id."""
        journey: Journey = self._get(Journey, journey_id)
        self._check_cell(journey, cell)
        fields = dict(fields or {})
        card_id = fields.pop("id", None)
        fields = clean_card_fields(fields)
        cards = self.cell_cards(journey, cell)
        index = len(cards) if index is None else max(0, min(index, len(cards)))
        card = Card(stage_id=cell[0], lane_id=cell[1], **fields)
        if card_id is not None:
            card.id = card_id
        cards.insert(index, card)
        journey.cards.append(card)
        self._renumber_cards(journey, cards)
        self.session.flush()
        self._emit(What.CARD, card.id, How.ADDED, journey_id)
        return card.id

    def append_cards(self, cards: list[tuple[int, Cell, Row]]) -> int:
        """Add many cards at the ends of their cells in one statement (CSV import).

        ``add_card`` renumbers a cell and flushes per card, which makes large imports
        quadratic. Here each cell is checked once, positions continue after the
        cell's last card, and each journey touched gets one UPDATED change (the new
        ids are not fetched). Returns the number of cards added.
        """
        if not cards:
            return 0
        self.session.flush()
        next_position: dict[Cell, int] = {}
        cell_journey: dict[Cell, int] = {}
        journeys: dict[int, Journey] = {}
        values: list[Row] = []
        for journey_id, cell, fields in cards:
            if cell not in next_position:
                journey = journeys.get(journey_id) or self._get(Journey, journey_id)
                journeys[journey_id] = journey
                self._check_cell(journey, cell)
                last = self.session.scalar(
                    select(func.max(Card.position)).where(
                        Card.stage_id == cell[0], Card.lane_id == cell[1]
                    )
                )
                next_position[cell] = 0 if last is None else last + 1
                cell_journey[cell] = journey_id
            elif cell_journey[cell] != journey_id:
                raise EditError("That cell belongs to another journey")
            if "id" in fields:
                raise EditError("Cards added together get new ids")
            values.append(
                {
                    **_CARD_DEFAULTS,
                    **clean_card_fields(fields),
                    "journey_id": journey_id,
                    "stage_id": cell[0],
                    "lane_id": cell[1],
                    "position": next_position[cell],
                }
            )
            next_position[cell] += 1
        # render_nulls: without it SQLAlchemy splits the batch wherever a None moves.
        self.session.execute(insert(Card).execution_options(render_nulls=True), values)
        now = self._now()
        for journey_id, journey in journeys.items():
            # The cards went in without the ORM: reload the journey's list on next use.
            self.session.expire(journey, ["cards"])
            journey.modified_at = now
            self.session.flush()
            self.hub.emit(Change(What.JOURNEY, journey_id, How.UPDATED, journey_id))
        return len(values)

    def remove_card(self, card_id: int) -> CardSnapshot:
        """Delete a card; return a snapshot that restore_card() puts back exactly."""
        card: Card = self._get(Card, card_id)
        journey = card.journey
        snap = CardSnapshot(**card_row(card), opportunities=card_links(self.session, card_id),
                            metrics=take_metrics(self.session, [card_id]),
                            votes=take_votes(self.session, [card_id]))
        cards = self.cell_cards(journey, (card.stage_id, card.lane_id))
        snap["position"] = cards.index(card)  # its place in the cell, whatever is stored
        cards.remove(card)
        self._drop_cards(journey, [card])
        self._renumber_cards(journey, cards)
        self._emit(What.CARD, card_id, How.REMOVED, journey.id)
        return snap

    def restore_card(self, snap: CardSnapshot) -> int:
        data = {k: v for k, v in snap.items() if k not in _NOT_CARD_FIELDS}
        cell = (snap["stage_id"], snap["lane_id"])
        card_id = self.add_card(snap["journey_id"], cell, snap["position"], data)
        card = self._get(Card, card_id)
        for opp_id in snap["opportunities"]:
            opp = self.session.get(Opportunity, opp_id)
            if opp is not None:
                opp.cards.append(card)
        self.session.flush()
        put_metrics(self.session, snap["metrics"])
        put_votes(self.session, snap["votes"])
        return card_id

    def move_cards(
        self, card_ids: list[int], cell: Cell, index: int | None = None
    ) -> list[tuple[int, Cell, int]]:
        """Move cards, in the given order, to consecutive places from ``index`` in a cell.

        ``index`` counts among the target cell's cards that are not moving. Returns each
        card's old (id, cell, index) for place_cards().
        """
        cards: list[Card] = [self._get(Card, cid) for cid in card_ids]
        if not cards:
            return []
        journey = cards[0].journey
        if any(c.journey_id != journey.id for c in cards):
            raise EditError("Cards of different journeys cannot move together")
        self._check_cell(journey, cell)
        old = [
            (c.id, (c.stage_id, c.lane_id),
             self.cell_cards(journey, (c.stage_id, c.lane_id)).index(c))
            for c in cards
        ]
        self._take_out(journey, cards)
        moving = set(card_ids)
        target = [c for c in self.cell_cards(journey, cell) if c.id not in moving]
        index = len(target) if index is None else max(0, min(index, len(target)))
        for card in cards:
            card.stage_id, card.lane_id = cell
        target[index:index] = cards
        self._renumber_cards(journey, target)
        for card in cards:
            self._emit(What.CARD, card.id, How.MOVED, journey.id)
        return old

    def place_cards(self, places: list[tuple[int, Cell, int]]) -> None:
        """Put cards at exact (cell, index) places: the undo of move_cards()."""
        cards = {cid: self._get(Card, cid) for cid, _, _ in places}
        if not cards:
            return
        journey = next(iter(cards.values())).journey
        self._take_out(journey, list(cards.values()))
        pending = set(cards)
        for cid, cell, index in sorted(places, key=lambda p: p[2]):
            card = cards[cid]
            pending.discard(cid)
            target = [
                c for c in self.cell_cards(journey, cell) if c.id not in pending and c.id != cid
            ]
            card.stage_id, card.lane_id = cell
            target.insert(min(index, len(target)), card)
            self._renumber_cards(journey, target)
        for cid in cards:
            self._emit(What.CARD, cid, How.MOVED, journey.id)

    def _take_out(self, journey: Journey, cards: list[Card]) -> None:
        """Remove cards from their cells' order (they stay in the journey)."""
        moving = {c.id for c in cards}
        for source_cell in {(c.stage_id, c.lane_id) for c in cards}:
            rest = [c for c in self.cell_cards(journey, source_cell) if c.id not in moving]
            self._renumber_cards(journey, rest)
        for card in cards:
            card.position = -1

    def update_card(self, card_id: int, fields: CardFields) -> CardFields:
        clean = clean_card_fields(fields)
        card: Card = self._get(Card, card_id)
        old = cast(CardFields, self._set(card, clean))
        self._emit(What.CARD, card_id, How.UPDATED, card.journey_id)
        return old
