"""A card id is never handed out twice in a file: a deleted card's id stays retired.

SQLite gives a new row the largest id + 1, so deleting the newest card and adding
another reused its id, and a snapshot that held the old card read the new one as an
edit of it. Without a schema change (no AUTOINCREMENT, no counter table) the floor is
the largest card id the file shows it has used: in its cards and in its snapshots;
within a session, also every id handed out since (an undone card's id included).
"""

from __future__ import annotations

import json
import zlib
from typing import Any

from sqlalchemy import event, func, insert, select
from sqlalchemy.orm import ORMExecuteState, Session

from model.entities import Card, Snapshot
from model.review import MAX_SNAPSHOT_BYTES

FLOOR_KEY = "journeyboard.card_id_floor"


def keep_card_ids_unique(session: Session) -> None:
    """Give every new card of this session an id no card of the file ever had."""
    event.listen(session, "before_flush", _before_flush)
    event.listen(session, "do_orm_execute", _before_bulk_insert)


def _snapshot_ids(data: bytes) -> int:
    """The largest card id in a snapshot's bytes (0 if unreadable: opening it says so)."""
    try:
        unpacker = zlib.decompressobj()
        text = unpacker.decompress(data, MAX_SNAPSHOT_BYTES)
        cards = json.loads(text.decode("utf-8"))["cards"]
        column = cards["columns"].index("id")
        return max((r[column] for r in cards["rows"]
                    if type(r[column]) is int), default=0)
    except (zlib.error, UnicodeDecodeError, ValueError, KeyError, TypeError, IndexError,
            AttributeError):
        return 0


def _take(session: Session, count: int) -> list[int]:
    """``count`` fresh card ids, above every id the file has used."""
    floor = session.info.get(FLOOR_KEY)
    if floor is None:
        floor = max((_snapshot_ids(d) for d in session.scalars(select(Snapshot.data))),
                    default=0)
    with session.no_autoflush:
        used = session.scalar(select(func.max(Card.id))) or 0
    start = max(floor, used) + 1
    session.info[FLOOR_KEY] = start + count - 1
    return list(range(start, start + count))


def _before_flush(session: Session, _context: Any, _instances: Any) -> None:
    fresh = [o for o in session.new if isinstance(o, Card) and o.id is None]
    if fresh:
        for card, card_id in zip(fresh, _take(session, len(fresh)), strict=True):
            card.id = card_id
    # An id given explicitly (an undo putting a card back) raises the floor too.
    given = [o.id for o in session.new if isinstance(o, Card) and o.id is not None]
    if given and max(given) > session.info.get(FLOOR_KEY, 0):
        session.info[FLOOR_KEY] = max(given)


def _before_bulk_insert(state: ORMExecuteState) -> None:
    """Cards added in one statement (a CSV import) get their ids the same way."""
    if not state.is_insert or not isinstance(state.statement, type(insert(Card))):
        return
    if state.statement.table is not Card.__table__:
        return
    params = state.parameters
    if not isinstance(params, list) or all("id" in p for p in params):
        return
    missing = [i for i, p in enumerate(params) if "id" not in p]
    ids = iter(_take(state.session, len(missing)))
    state.parameters = [dict(p, id=next(ids)) if "id" not in p else p for p in params]
