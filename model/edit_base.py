"""What every part of the Editor stands on: the session, the change hub, small helpers."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from typing import Any

from sqlalchemy.orm import Session

from model.changes import Change, ChangeHub, How, What
from model.edit_error import EditError
from model.entities import Card, Journey, Lane, LaneKind, Stage, utcnow
from model.layout import Cell, cell_index


def check_fields(fields: Mapping[str, object], allowed: frozenset[str]) -> None:
    unknown = set(fields) - allowed
    if unknown:
        raise EditError(f"Unknown field(s): {', '.join(sorted(unknown))}")


class EditBase:
    """Reversible edits on one project's session, announced on its change hub.

    Each edit changes the ORM objects, flushes, emits a ``Change`` and returns what an
    undo needs (old values, a snapshot, an old position).
    """

    def __init__(self, session: Session, hub: ChangeHub) -> None:
        self.session = session
        self.hub = hub

    def _get(self, cls: type[Any], obj_id: int) -> Any:
        obj = self.session.get(cls, obj_id)
        if obj is None:
            raise EditError(f"No {cls.__name__.lower()} with id {obj_id}")
        return obj

    def _emit(self, what: What, obj_id: int, how: How, journey_id: int | None) -> None:
        self.session.flush()
        if journey_id is not None:
            journey = self.session.get(Journey, journey_id)
            if journey is not None:
                journey.modified_at = self._now()
        self.hub.emit(Change(what, obj_id, how, journey_id))

    @staticmethod
    def _now() -> dt.datetime:
        """The time an edit happens (tests replace ``utcnow`` here to make time pass)."""
        return utcnow()

    @staticmethod
    def _set(obj: Any, fields: Mapping[str, Any]) -> dict[str, Any]:
        old = {key: getattr(obj, key) for key in fields}
        for key, value in fields.items():
            setattr(obj, key, value)
        return old

    def cell_cards(self, journey: Journey, cell: Cell) -> list[Card]:
        """Cards of one cell in order (from the journey's cell index, not a scan)."""
        return cell_index(journey).ordered(cell)

    @staticmethod
    def _renumber(items: list[Any]) -> None:
        """Positions 0..n-1 in list order (cards of a cell, stages, lanes)."""
        for i, item in enumerate(items):
            if item.position != i:
                item.position = i

    def _check_cell(self, journey: Journey, cell: Cell) -> None:
        stage = self._get(Stage, cell[0])
        lane = self._get(Lane, cell[1])
        if stage.journey_id != journey.id or lane.journey_id != journey.id:
            raise EditError("That cell belongs to another journey")
        if lane.kind in (LaneKind.DIVIDER.value, LaneKind.EMOTION.value):
            raise EditError(f"Cards cannot be placed in the {lane.name!r} lane")

    @staticmethod
    def _drop_cards(journey: Journey, cards: list[Card]) -> None:
        """Remove cards from their journey and from the opportunities they are linked to."""
        for card in cards:
            for opp in journey.opportunities:
                if card in opp.cards:
                    opp.cards.remove(card)
            journey.cards.remove(card)
