"""What every part of the Editor stands on: the session, the change hub, small helpers."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from typing import Any, cast

from sqlalchemy import Table, event
from sqlalchemy.orm import Session
from sqlalchemy.orm.attributes import instance_state, set_committed_value

from model.changes import Change, ChangeHub, How, What
from model.edit_error import EditError
from model.entities import Card, Journey, Lane, LaneKind, Stage, utcnow
from model.layout import Cell, cell_index

# Cards whose positions an UPDATE statement shifted (the ORM was told without history):
# a rollback must make the ORM read them again, as it does for the cards it tracked.
_SHIFTED = "journeyboard.shifted_cards"
# A cell's cards shifting by the same step take one UPDATE from this many on.
_SHIFT_IN_SQL = 8
_listening = False


def _forget_shifted(session: Session, *_args: Any) -> None:
    for card in session.info.pop(_SHIFTED, []):
        if card in session and instance_state(card).persistent:
            session.expire(card, ["position"])


def _committed(session: Session, *_args: Any) -> None:
    session.info.pop(_SHIFTED, None)


def _listen() -> None:
    global _listening
    if not _listening:
        _listening = True
        event.listen(Session, "after_soft_rollback", _forget_shifted)
        event.listen(Session, "after_commit", _committed)


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
        _listen()

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

    def _renumber_cards(self, journey: Journey, cards: list[Card]) -> None:
        """Positions 0..n-1 for one cell's cards in list order, without an UPDATE each.

        A card moving in or out of a big cell shifts every card after it by one: those
        go in one UPDATE statement per step (the ORM is told the new values as the
        stored ones); a card with a pending change of its own goes through the ORM.
        """
        shifts: dict[int, list[tuple[Card, int]]] = {}
        for i, card in enumerate(cards):
            state = instance_state(card)
            old = card.__dict__.get("position") if state.persistent else None
            if old == i:
                continue
            if old is None or "position" in state.committed_state:
                card.position = i
            else:
                shifts.setdefault(i - old, []).append((card, i))
        table = cast(Table, Card.__table__)
        shifted = self.session.info.setdefault(_SHIFTED, [])
        for step, moved in shifts.items():
            if len(moved) < _SHIFT_IN_SQL:
                for card, i in moved:
                    card.position = i
                continue
            # Straight to the connection: no autoflush (the cards shifted have no pending
            # change, and a moving card's own row is written by the ORM) and no compiling.
            connection = self.session.connection()
            ids = [c.id for c, _ in moved]
            for at in range(0, len(ids), 500):
                chunk = ids[at:at + 500]
                connection.exec_driver_sql(
                    f"UPDATE {table.name} SET position = position + ? "
                    f"WHERE id IN ({', '.join('?' * len(chunk))})", (step, *chunk))
            for card, i in moved:
                set_committed_value(card, "position", i)
            shifted.extend(card for card, _ in moved)
            cell_index(journey).touched(moved[0][0])  # the index hears no event for these

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
