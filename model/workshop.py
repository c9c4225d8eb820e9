"""Workshop data read from the model: saved views, voting rounds and their counts.

Typed records for the UI and the exporters, and the pure rules of dot voting
(which cards a round is on, how counts become an importance score).
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Mapping
from dataclasses import dataclass, field

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from model.entities import (
    SCORE_MAX,
    SCORE_MIN,
    CardKind,
    Journey,
    SavedView,
    Vote,
    VoteRound,
    saved_view_lanes,
)
from model.layout import JourneyLayout, compute_layout

MIN_VIEW_ZOOM = 0.01
MAX_VIEW_ZOOM = 10.0
MAX_DOTS = 99
MAX_VOTES = 9999
DIRECT = ""  # the participant of counts the facilitator entered directly


@dataclass(frozen=True)
class ViewFilter:
    """What a view shows: lanes left out, one persona's curves, a highlighted kind, zoom."""

    hidden_lanes: frozenset[int] = frozenset()
    persona_id: int | None = None  # only this persona's curves; None: every curve
    highlight_kind: str | None = None  # None: all cards alike
    zoom: float | None = None  # None: fit the map to the window

    @property
    def is_plain(self) -> bool:
        """True when the view filters nothing (zoom aside)."""
        return not self.hidden_lanes and self.persona_id is None and self.highlight_kind is None


@dataclass(frozen=True)
class SavedViewRecord:
    id: int
    journey_id: int
    name: str
    filter: ViewFilter = field(default_factory=ViewFilter)


@dataclass(frozen=True)
class VoteRoundRecord:
    id: int
    journey_id: int
    name: str
    dots: int
    pain_points: bool
    opportunities: bool
    started_at: dt.datetime

    def kinds(self) -> frozenset[str]:
        """The card kinds this round is on."""
        return round_kinds(self.pain_points, self.opportunities)


def round_kinds(pain_points: bool, opportunities: bool) -> frozenset[str]:
    kinds = set()
    if pain_points:
        kinds.add(CardKind.PAIN_POINT.value)
    if opportunities:
        kinds.add(CardKind.OPPORTUNITY.value)
    return frozenset(kinds)


def view_records(session: Session, journey_id: int) -> list[SavedViewRecord]:
    """A journey's saved views, in their order."""
    views = list(session.scalars(select(SavedView).where(SavedView.journey_id == journey_id)
                                 .order_by(SavedView.position, SavedView.id)))
    hidden: dict[int, set[int]] = defaultdict(set)
    if views:
        for view_id, lane_id in session.execute(select(
                saved_view_lanes.c.view_id, saved_view_lanes.c.lane_id).where(
                saved_view_lanes.c.view_id.in_([v.id for v in views]))):
            hidden[view_id].add(lane_id)
    return [SavedViewRecord(
        id=v.id, journey_id=v.journey_id, name=v.name,
        filter=ViewFilter(frozenset(hidden[v.id]), v.persona_id, v.highlight_kind, v.zoom))
        for v in views]


def find_view(session: Session, journey_id: int, name: str) -> SavedViewRecord | None:
    """A journey's saved view by name (case and outer spaces ignored)."""
    wanted = name.strip().casefold()
    return next((v for v in view_records(session, journey_id)
                 if v.name.strip().casefold() == wanted), None)


def round_records(session: Session, journey_id: int) -> list[VoteRoundRecord]:
    """A journey's voting rounds, oldest first."""
    rounds = session.scalars(select(VoteRound).where(VoteRound.journey_id == journey_id)
                             .order_by(VoteRound.id))
    return [VoteRoundRecord(id=r.id, journey_id=r.journey_id, name=r.name, dots=r.dots,
                            pain_points=r.pain_points, opportunities=r.opportunities,
                            started_at=r.started_at) for r in rounds]


def vote_counts(session: Session, round_id: int) -> dict[int, int]:
    """Dots per card in a round (every participant and the direct counts together)."""
    query = select(Vote.card_id, func.sum(Vote.count)).where(
        Vote.round_id == round_id).group_by(Vote.card_id)
    return {card_id: int(total) for card_id, total in session.execute(query)}


def participant_counts(session: Session, round_id: int) -> dict[str, int]:
    """Dots each participant has placed in a round (direct counts under DIRECT)."""
    query = select(Vote.participant, func.sum(Vote.count)).where(
        Vote.round_id == round_id).group_by(Vote.participant)
    return {who: int(total) for who, total in session.execute(query)}


def participant_votes(session: Session, round_id: int, participant: str) -> dict[int, int]:
    """The dots one participant placed, per card."""
    query = select(Vote.card_id, Vote.count).where(
        Vote.round_id == round_id, Vote.participant == participant)
    return {card_id: count for card_id, count in session.execute(query)}


def opportunity_votes(journey: Journey, counts: Mapping[int, int]) -> dict[int, int]:
    """Votes per opportunity: the dots on the cards it is linked to."""
    return {o.id: sum(counts.get(c.id, 0) for c in o.cards) for o in journey.opportunities}


def importance_from_votes(votes: Mapping[int, int]) -> dict[int, int]:
    """Importance 1..5 in proportion to the most-voted: the top gets 5, no votes 1.

    Ids without a vote are left out when nothing at all was voted (nothing to say).
    """
    top = max(votes.values(), default=0)
    if top <= 0:
        return {}
    span = SCORE_MAX - SCORE_MIN
    # Half up (not Python's half to even): 2.5 steps is 3 steps, as a person counts.
    return {key: SCORE_MIN + int(span * count / top + 0.5) for key, count in votes.items()}


def view_layout(journey: Journey, view: ViewFilter | None, *,
                incremental: bool = True) -> JourneyLayout:
    """A journey laid out as a view shows it: hidden lanes out, one persona's curves."""
    layout = compute_layout(journey, incremental=incremental,
                            hidden_lanes=view.hidden_lanes if view else frozenset())
    if view is not None and view.persona_id is not None:
        shown = {c.id for c in journey.curves if c.persona_id == view.persona_id}
        # Only the list is replaced: the incremental engine reads it for reuse, no more.
        layout.curves = [c for c in layout.curves if c.id in shown]
    return layout


def faded(fill: str, keep: float = 0.3) -> str:
    """A card colour washed towards white: the print version of a dimmed card."""
    value = fill.lstrip("#")
    if len(value) == 3:
        value = "".join(ch * 2 for ch in value)
    try:
        rgb = [int(value[i:i + 2], 16) for i in (0, 2, 4)]
    except ValueError:
        return fill
    return "#" + "".join(f"{round(255 - (255 - c) * keep):02x}" for c in rgb)
