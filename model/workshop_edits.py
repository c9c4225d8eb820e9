"""Reversible edits of saved views and dot-voting rounds (mixed into model.edits.Editor).

Views and votes hang off lanes, cards, personas and journeys; the ``take_*`` helpers
lift those rows out before their owner is deleted, so undoing the delete puts them back.
"""

from __future__ import annotations

import math
from collections.abc import Iterable
from typing import Any, cast

from sqlalchemy import delete, insert, select
from sqlalchemy.orm import Session

from model.changes import Change, ChangeHub, How, What
from model.edit_error import EditError
from model.entities import (
    Card,
    CardKind,
    Journey,
    Lane,
    Persona,
    SavedView,
    Vote,
    VoteRound,
    saved_view_lanes,
)
from model.snapshot import Row, row
from model.snapshot_types import VoteRow
from model.workshop import (
    DIRECT,
    MAX_DOTS,
    MAX_VIEW_ZOOM,
    MAX_VOTES,
    MIN_VIEW_ZOOM,
    round_kinds,
)

VIEW_FIELDS = frozenset({"name", "zoom", "highlight_kind", "persona_id", "hidden_lanes"})
ROUND_FIELDS = frozenset({"name", "dots", "pain_points", "opportunities"})


def take_votes(session: Session, card_ids: Iterable[int]) -> list[VoteRow]:
    """Delete the votes on some cards; return their rows for put_votes()."""
    ids = list(card_ids)
    if not ids:
        return []
    found = list(session.scalars(select(Vote).where(Vote.card_id.in_(ids))))
    rows = [cast(VoteRow, row(v)) for v in found]
    for vote in found:
        session.delete(vote)
    session.flush()
    return rows


def put_votes(session: Session, rows: Iterable[Row] | Iterable[VoteRow]) -> None:
    for data in rows:
        session.add(Vote(**data))
    session.flush()


def take_view_lanes(session: Session, lane_ids: Iterable[int]) -> list[list[int]]:
    """Take some lanes out of the saved views that hide them; [view_id, lane_id] pairs."""
    ids = list(lane_ids)
    if not ids:
        return []
    session.flush()
    pairs = [[v, lane] for v, lane in session.execute(select(
        saved_view_lanes.c.view_id, saved_view_lanes.c.lane_id).where(
        saved_view_lanes.c.lane_id.in_(ids)))]
    session.execute(delete(saved_view_lanes).where(saved_view_lanes.c.lane_id.in_(ids)))
    return pairs


def put_view_lanes(session: Session, pairs: Iterable[list[int]]) -> None:
    values = [{"view_id": v, "lane_id": lane} for v, lane in pairs]
    if values:
        session.flush()
        session.execute(insert(saved_view_lanes), values)


def hidden_lanes_of(session: Session, view_id: int) -> list[int]:
    session.flush()
    return sorted(session.scalars(select(saved_view_lanes.c.lane_id).where(
        saved_view_lanes.c.view_id == view_id)))


def take_round_votes(session: Session, round_id: int) -> list[Row]:
    """Delete a round's votes; their rows."""
    votes = list(session.scalars(select(Vote).where(Vote.round_id == round_id)))
    rows = [row(v) for v in votes]
    for vote in votes:
        session.delete(vote)
    session.flush()
    return rows


def take_journey_workshop(session: Session, journey_id: int) -> dict[str, Any]:
    """A journey's views and rounds, deleted (so deleting the journey can be undone)."""
    views = list(session.scalars(select(SavedView).where(
        SavedView.journey_id == journey_id).order_by(SavedView.id)))
    view_rows = []
    for view in views:
        data = row(view)
        data["hidden_lanes"] = hidden_lanes_of(session, view.id)
        view_rows.append(data)
        session.delete(view)
    rounds = list(session.scalars(select(VoteRound).where(
        VoteRound.journey_id == journey_id).order_by(VoteRound.id)))
    round_rows = []
    for found in rounds:
        data = row(found)
        data["votes"] = take_round_votes(session, found.id)
        round_rows.append(data)
        session.delete(found)
    session.flush()
    return {"views": view_rows, "rounds": round_rows}


def copy_views(session: Session, source: Journey, copy: Journey) -> None:
    """Give a duplicated journey the saved views of its original, on its own lanes.

    The copy's lanes are the original's in the same order (model.snapshot copies them by
    position). Voting rounds stay with the original: they record a workshop held on it.
    """
    session.flush()
    lanes = dict(zip((x.id for x in sorted(source.lanes, key=lambda x: x.position)),
                     (x.id for x in sorted(copy.lanes, key=lambda x: x.position)), strict=True))
    views = session.scalars(select(SavedView).where(
        SavedView.journey_id == source.id).order_by(SavedView.position, SavedView.id))
    for view in list(views):
        data = row(view)
        del data["id"]
        data["journey_id"] = copy.id
        twin = SavedView(**data)
        session.add(twin)
        session.flush()
        put_view_lanes(session, [[twin.id, lanes[lane]]
                                 for lane in hidden_lanes_of(session, view.id)])


def put_back_journey_workshop(session: Session, rows: dict[str, Any]) -> None:
    for data in rows.get("views", []):
        data = dict(data)
        hidden = data.pop("hidden_lanes", [])
        session.add(SavedView(**data))
        session.flush()
        put_view_lanes(session, [[data["id"], lane] for lane in hidden])
    for data in rows.get("rounds", []):
        data = dict(data)
        votes = data.pop("votes", [])
        session.add(VoteRound(**data))
        session.flush()
        put_votes(session, votes)
    session.flush()


class WorkshopEdits:
    """Save, change, apply-independent edits of views; start, vote, reset voting rounds."""

    session: Session
    hub: ChangeHub

    def _announce_workshop(self, what: What, obj_id: int, how: How, journey_id: int) -> None:
        self.session.flush()
        self.hub.emit(Change(what, obj_id, how, journey_id))

    # -- saved views ---------------------------------------------------------------

    def _view(self, view_id: int) -> SavedView:
        view = self.session.get(SavedView, view_id)
        if view is None:
            raise EditError(f"No saved view with id {view_id}")
        return view

    def _clean_view(self, journey_id: int, fields: Row) -> Row:
        unknown = set(fields) - VIEW_FIELDS
        if unknown:
            raise EditError(f"Unknown view field(s): {', '.join(sorted(unknown))}")
        out = dict(fields)
        if "name" in out:
            name = out["name"]
            if not isinstance(name, str) or not name.strip():
                raise EditError("A saved view needs a name")
            out["name"] = name.strip()
        zoom = out.get("zoom")
        if zoom is not None and (isinstance(zoom, bool) or not isinstance(zoom, int | float)
                                 or not math.isfinite(zoom)
                                 or not MIN_VIEW_ZOOM <= zoom <= MAX_VIEW_ZOOM):
            raise EditError(f"A view's zoom is {MIN_VIEW_ZOOM:g}..{MAX_VIEW_ZOOM:g}")
        kind = out.get("highlight_kind")
        if kind is not None and kind not in {k.value for k in CardKind}:
            raise EditError(f"Unknown card kind {kind!r}")
        persona_id = out.get("persona_id")
        if persona_id is not None and self.session.get(Persona, persona_id) is None:
            raise EditError(f"No persona with id {persona_id}")
        if "hidden_lanes" in out:
            lanes = sorted(set(out["hidden_lanes"]))
            for lane_id in lanes:
                lane = self.session.get(Lane, lane_id)
                if lane is None or lane.journey_id != journey_id:
                    raise EditError("A view can only hide lanes of its own journey")
            out["hidden_lanes"] = lanes
        return out

    def _set_hidden(self, view_id: int, lanes: list[int]) -> None:
        self.session.flush()
        self.session.execute(delete(saved_view_lanes).where(saved_view_lanes.c.view_id == view_id))
        put_view_lanes(self.session, [[view_id, lane] for lane in lanes])

    def _hidden(self, view_id: int) -> list[int]:
        return hidden_lanes_of(self.session, view_id)

    def save_view(self, journey_id: int, fields: Row) -> int:
        """Store a named view (after the journey's others, or at ``position``); its id."""
        if self.session.get(Journey, journey_id) is None:
            raise EditError(f"No journey with id {journey_id}")
        data = dict(fields)
        view_id = data.pop("id", None)
        position = data.pop("position", None)
        data = self._clean_view(journey_id, data)
        if "name" not in data:
            raise EditError("A saved view needs a name")
        hidden = data.pop("hidden_lanes", [])
        if position is None:
            last = self.session.scalar(select(SavedView.position).where(
                SavedView.journey_id == journey_id).order_by(SavedView.position.desc()))
            position = 0 if last is None else last + 1
        view = SavedView(journey_id=journey_id, position=position, **data)
        if view_id is not None:
            view.id = view_id
        self.session.add(view)
        self.session.flush()
        self._set_hidden(view.id, hidden)
        self._announce_workshop(What.VIEW, view.id, How.ADDED, journey_id)
        return view.id

    def update_view(self, view_id: int, fields: Row) -> Row:
        """Rename a view or store other filters in it; the old values for undo."""
        view = self._view(view_id)
        data = self._clean_view(view.journey_id, fields)
        old: Row = {}
        if "hidden_lanes" in data:
            old["hidden_lanes"] = self._hidden(view_id)
            self._set_hidden(view_id, data.pop("hidden_lanes"))
        for key, value in data.items():
            old[key] = getattr(view, key)
            setattr(view, key, value)
        self._announce_workshop(What.VIEW, view_id, How.UPDATED, view.journey_id)
        return old

    def remove_view(self, view_id: int) -> Row:
        view = self._view(view_id)
        snap = row(view)
        snap["hidden_lanes"] = self._hidden(view_id)
        self.session.delete(view)
        self._announce_workshop(What.VIEW, view_id, How.REMOVED, snap["journey_id"])
        return snap

    def restore_view(self, snap: Row) -> int:
        data = dict(snap)
        journey_id = data.pop("journey_id")
        return self.save_view(journey_id, data)

    # -- voting rounds ----------------------------------------------------------------

    def _round(self, round_id: int) -> VoteRound:
        found = self.session.get(VoteRound, round_id)
        if found is None:
            raise EditError(f"No voting round with id {round_id}")
        return found

    def start_round(self, journey_id: int, fields: Row) -> int:
        """A new voting round (N dots per participant, on pain points and/or opportunities)."""
        if self.session.get(Journey, journey_id) is None:
            raise EditError(f"No journey with id {journey_id}")
        data = dict(fields)
        round_id = data.pop("id", None)
        started_at = data.pop("started_at", None)
        unknown = set(data) - ROUND_FIELDS
        if unknown:
            raise EditError(f"Unknown round field(s): {', '.join(sorted(unknown))}")
        dots = data.get("dots", 3)
        if isinstance(dots, bool) or not isinstance(dots, int) or not 1 <= dots <= MAX_DOTS:
            raise EditError(f"Each participant has 1..{MAX_DOTS} dots")
        if not data.get("pain_points", True) and not data.get("opportunities", True):
            raise EditError("A round is on pain points, opportunities or both")
        if not str(data.get("name", "")).strip():
            count = len(list(self.session.scalars(select(VoteRound.id).where(
                VoteRound.journey_id == journey_id))))
            data["name"] = f"Round {count + 1}"
        found = VoteRound(journey_id=journey_id, **data)
        if round_id is not None:
            found.id = round_id
        if started_at is not None:
            found.started_at = started_at
        self.session.add(found)
        self.session.flush()
        self._announce_workshop(What.VOTE, found.id, How.ADDED, journey_id)
        return found.id

    def remove_round(self, round_id: int) -> Row:
        found = self._round(round_id)
        snap = row(found)
        snap["votes"] = self.clear_votes(round_id, announce=False)
        self.session.delete(found)
        self._announce_workshop(What.VOTE, round_id, How.REMOVED, snap["journey_id"])
        return snap

    def restore_round(self, snap: Row) -> int:
        data = dict(snap)
        votes = data.pop("votes", [])
        journey_id = data.pop("journey_id")
        round_id = self.start_round(journey_id, data)
        put_votes(self.session, votes)
        return round_id

    def set_votes(self, round_id: int, card_id: int, participant: str, count: int) -> int:
        """Set how many dots a participant has on a card (0 takes them off); the old count."""
        found = self._round(round_id)
        card = self.session.get(Card, card_id)
        if card is None or card.journey_id != found.journey_id:
            raise EditError("That card is not on this journey")
        if card.kind not in round_kinds(found.pain_points, found.opportunities):
            raise EditError(f"{found.name} is not on cards of this kind")
        if isinstance(count, bool) or not isinstance(count, int) or not 0 <= count <= MAX_VOTES:
            raise EditError(f"A count is 0..{MAX_VOTES}")
        vote = self.session.get(Vote, (round_id, card_id, participant))
        old = vote.count if vote is not None else 0
        if participant != DIRECT:
            placed = sum(self.session.scalars(select(Vote.count).where(
                Vote.round_id == round_id, Vote.participant == participant)))
            if placed - old + count > found.dots:
                raise EditError(f"{participant} has no dots left")
        if count == 0:
            if vote is not None:
                self.session.delete(vote)
        elif vote is None:
            self.session.add(Vote(round_id=round_id, card_id=card_id, participant=participant,
                                  count=count))
        else:
            vote.count = count
        self._announce_workshop(What.VOTE, round_id, How.UPDATED, found.journey_id)
        return old

    def set_total(self, round_id: int, card_id: int, total: int) -> int:
        """Set a card's count as the facilitator counted it; the old direct count.

        The participants' dots stay; the direct count makes up the rest.
        """
        placed = sum(self.session.scalars(select(Vote.count).where(
            Vote.round_id == round_id, Vote.card_id == card_id, Vote.participant != DIRECT)))
        if isinstance(total, bool) or not isinstance(total, int) or total < placed:
            raise EditError(f"Participants placed {placed} dot(s) on that card here: "
                            "the count cannot be lower")
        return self.set_votes(round_id, card_id, DIRECT, total - placed)

    def clear_votes(self, round_id: int, announce: bool = True) -> list[Row]:
        """Take every dot off a round (reset); the rows, for put_back_votes()."""
        found = self._round(round_id)
        rows = take_round_votes(self.session, round_id)
        if announce:
            self._announce_workshop(What.VOTE, round_id, How.UPDATED, found.journey_id)
        return rows

    def put_back_votes(self, round_id: int, rows: list[Row]) -> None:
        found = self._round(round_id)
        put_votes(self.session, rows)
        self._announce_workshop(What.VOTE, round_id, How.UPDATED, found.journey_id)
