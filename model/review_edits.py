"""Reversible edits of snapshots and review dates (mixed into model.edits.Editor)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from model.changes import Change, ChangeHub, How, What
from model.edit_error import EditError
from model.entities import Journey, Snapshot, utcnow
from model.records import SnapshotFields, SnapshotRecord
from model.review import clamp_interval, decode_snapshot, encode_snapshot
from model.snapshot import Row, journey_snapshot, restore_journey
from model.snapshot_types import SnapshotRow, snapshot_row

SNAPSHOT_FIELDS = frozenset({"label"})


class SnapshotEdits:
    """Take, rename, delete and restore snapshots; each returns what its undo needs."""

    session: Session
    hub: ChangeHub

    def _snapshot(self, snapshot_id: int) -> Snapshot:
        snap = self.session.get(Snapshot, snapshot_id)
        if snap is None:
            raise EditError(f"No snapshot with id {snapshot_id}")
        return snap

    def _announce_snapshot(self, snapshot_id: int, how: How, journey_id: int) -> None:
        self.session.flush()
        self.hub.emit(Change(What.SNAPSHOT, snapshot_id, how, journey_id))

    def take_snapshot(self, journey_id: int, label: str,
                      taken_at: dt.datetime | None = None) -> int:
        """Store a compact copy of a journey as it is now; return the snapshot's id."""
        journey = self.session.get(Journey, journey_id)
        if journey is None:
            raise EditError(f"No journey with id {journey_id}")
        self.session.flush()
        snap = Snapshot(journey_id=journey_id, label=label.strip() or "Snapshot",
                        taken_at=taken_at or utcnow(), card_count=len(journey.cards),
                        data=encode_snapshot(journey_snapshot(journey)))
        self.session.add(snap)
        self.session.flush()
        self._announce_snapshot(snap.id, How.ADDED, journey_id)
        return snap.id

    def remove_snapshot(self, snapshot_id: int) -> SnapshotRow:
        snap = self._snapshot(snapshot_id)
        data = snapshot_row(snap)
        self.session.delete(snap)
        self._announce_snapshot(snapshot_id, How.REMOVED, data["journey_id"])
        return data

    def restore_snapshot(self, data: SnapshotRow) -> int:
        snap = Snapshot(**data)
        self.session.add(snap)
        self.session.flush()
        self._announce_snapshot(snap.id, How.ADDED, snap.journey_id)
        return snap.id

    def update_snapshot(self, snapshot_id: int, fields: SnapshotFields) -> SnapshotFields:
        if set(fields) - SNAPSHOT_FIELDS:
            raise EditError("Only a snapshot's label can change")
        label = fields.get("label")
        if not isinstance(label, str) or not label.strip():
            raise EditError("A snapshot needs a label")
        snap = self._snapshot(snapshot_id)
        old: SnapshotFields = {"label": snap.label}
        snap.label = label.strip()
        self._announce_snapshot(snapshot_id, How.UPDATED, snap.journey_id)
        return old

    def journey_from_snapshot(self, snapshot_id: int, name: str) -> int:
        """A new journey holding what the snapshot holds (fresh ids, after the others)."""
        data = decode_snapshot(self._snapshot(snapshot_id).data)
        last = max((j.position for j in self.session.query(Journey)), default=-1)
        journey = restore_journey(self.session, data, new_ids=True, name=name,
                                  position=last + 1, created_at=utcnow(),
                                  modified_at=utcnow(), persona_id=self._persona(data))
        self.session.flush()
        self.hub.emit(Change(What.JOURNEY, journey.id, How.ADDED, journey.id))
        return journey.id

    def _persona(self, data: dict[str, Any]) -> int | None:
        from model.entities import Persona

        persona_id = data["journey"].get("persona_id")
        # The persona may have been deleted since the snapshot was taken.
        return persona_id if persona_id and self.session.get(Persona, persona_id) else None

    # -- with the journey ----------------------------------------------------------

    def journey_snapshot_rows(self, journey_id: int) -> list[SnapshotRow]:
        """The journey's snapshots as rows, deleted (so deleting the journey can be undone)."""
        snaps = list(self.session.scalars(select(Snapshot).where(
            Snapshot.journey_id == journey_id).order_by(Snapshot.id)))
        rows = [snapshot_row(s) for s in snaps]
        for snap in snaps:
            self.session.delete(snap)
        self.session.flush()
        return rows

    def put_back_snapshot_rows(self, rows: list[SnapshotRow]) -> None:
        for data in rows:
            self.session.add(Snapshot(**data))
        self.session.flush()


def clean_review_fields(fields: Mapping[str, Any]) -> Row:
    """Review interval clamped to 1..24 months; next review a date or None."""
    out = dict(fields)
    if "review_interval_months" in out:
        value = out["review_interval_months"]
        if isinstance(value, bool) or not isinstance(value, int):
            raise EditError("The review interval is a whole number of months")
        out["review_interval_months"] = clamp_interval(value)
    if "next_review" in out and out["next_review"] is not None and (
        not isinstance(out["next_review"], dt.date) or isinstance(out["next_review"],
                                                                  dt.datetime)
    ):
        raise EditError("The next review is a date")
    return out


def snapshot_records(session: Session, journey_id: int) -> list[SnapshotRecord]:
    """A journey's snapshots, newest first, without loading their data."""
    query = select(Snapshot.id, Snapshot.journey_id, Snapshot.label, Snapshot.taken_at,
                   Snapshot.card_count).where(Snapshot.journey_id == journey_id).order_by(
        Snapshot.taken_at.desc(), Snapshot.id.desc())
    return [SnapshotRecord(id=r.id, journey_id=r.journey_id, label=r.label,
                           taken_at=r.taken_at, card_count=r.card_count)
            for r in session.execute(query)]


def load_snapshot(session: Session, snapshot_id: int) -> dict[str, Any]:
    """A stored snapshot unpacked (SnapshotError if damaged, KeyError if unknown)."""
    snap = session.get(Snapshot, snapshot_id)
    if snap is None:
        raise KeyError(snapshot_id)
    return decode_snapshot(snap.data)


class SnapshotView:
    """A snapshot built in a private in-memory database, to lay out and show read-only.

    It keeps the snapshot's own ids (so the compare view can point at the same cards)
    and never touches the project's session. Close it when done.
    """

    def __init__(self, data: dict[str, Any]) -> None:
        from sqlalchemy import create_engine

        from model.entities import Base

        self._engine = create_engine("sqlite://")
        Base.metadata.create_all(self._engine)
        self.session = Session(self._engine)
        self.journey: Journey = restore_journey(self.session, data, persona_id=None)

    def close(self) -> None:
        self.session.close()
        self._engine.dispose()
