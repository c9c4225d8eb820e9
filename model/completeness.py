"""The completeness check: what a journey map still lacks, measured against the method."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass
from enum import StrEnum

from sqlalchemy.orm import object_session

from model.changes import Change, How, What
from model.entities import Card, CardKind, Journey
from model.i18n import QT_TR_NOOP
from model.layout import Cell, cell_index
from model.layout.frame import card_order, loaded


class Rule(StrEnum):
    """One thing the method expects of a map."""

    NO_OBJECTIVE = "no_objective"
    NO_PERSONA = "no_persona"
    REVIEW_OVERDUE = "review_overdue"
    STAGE_WITHOUT_TOUCHPOINT = "stage_without_touchpoint"
    TOUCHPOINT_WITHOUT_CHANNEL = "touchpoint_without_channel"
    TOUCHPOINT_WITHOUT_USAGE = "touchpoint_without_usage"
    PAIN_WITHOUT_OPPORTUNITY = "pain_without_opportunity"
    OPPORTUNITY_WITHOUT_OWNER = "opportunity_without_owner"
    OPPORTUNITY_WITHOUT_STATUS = "opportunity_without_status"
    OPPORTUNITY_WITHOUT_DUE_DATE = "opportunity_without_due_date"


class Place(StrEnum):
    """What a finding is about, so that clicking it can show that place."""

    JOURNEY = "journey"
    STAGE = "stage"
    CARD = "card"
    OPPORTUNITY = "opportunity"


@dataclass(frozen=True)
class Finding:
    """One gap: the rule it breaks, the place it concerns and that place's name."""

    rule: Rule
    place: Place
    place_id: int
    subject: str = ""


# What each rule says, as source text (the panel translates it; the PDF prints it).
MESSAGES: dict[Rule, str] = {
    Rule.NO_OBJECTIVE: QT_TR_NOOP("The journey has no objective"),
    Rule.NO_PERSONA: QT_TR_NOOP("The journey has no persona"),
    Rule.REVIEW_OVERDUE: QT_TR_NOOP("The next review was due on %s"),
    Rule.STAGE_WITHOUT_TOUCHPOINT: QT_TR_NOOP("Stage “%s” has no touchpoint"),
    Rule.TOUCHPOINT_WITHOUT_CHANNEL: QT_TR_NOOP("Touchpoint “%s” has no channel"),
    Rule.TOUCHPOINT_WITHOUT_USAGE: QT_TR_NOOP("Touchpoint “%s” has no usage share"),
    Rule.PAIN_WITHOUT_OPPORTUNITY: QT_TR_NOOP("Pain point “%s” has no opportunity"),
    Rule.OPPORTUNITY_WITHOUT_OWNER: QT_TR_NOOP("Opportunity “%s” has no owner"),
    Rule.OPPORTUNITY_WITHOUT_STATUS: QT_TR_NOOP("Opportunity “%s” has no status"),
    Rule.OPPORTUNITY_WITHOUT_DUE_DATE: QT_TR_NOOP("Opportunity “%s” has no due date"),
}


def describe(finding: Finding, template: str | None = None) -> str:
    """One line for a finding, from its rule's message (or a translation of it)."""
    text = template if template is not None else MESSAGES[finding.rule]
    if "%s" not in text:
        return text
    subject = " ".join(finding.subject.split())
    if len(subject) > 48:
        subject = subject[:47] + "…"
    return text % (subject or "…")


def check(journey: Journey, today: dt.date) -> list[Finding]:
    """Every gap in one journey, in map order (journey, stages, cards, opportunities)."""
    return Findings().check(journey, today)


_WANTED = (CardKind.TOUCHPOINT.value, CardKind.PAIN_POINT.value)


@dataclass
class _Cell:
    """The findings of one cell's cards, in order, and which cards it held."""

    findings: list[Finding]
    touchpoint: bool  # the cell holds a touchpoint (its stage has one)
    card_ids: list[int]


class Findings:
    """The completeness check of one journey, kept per cell between edits.

    Only touchpoints and pain points have card findings, and each depends on the card
    alone (and its links): after an edit only the cells of the cards it changed are
    checked again. ``note`` hears every model change; what it cannot place (a journey
    restored or imported, a stage or lane added or removed) makes the next check whole.
    """

    def __init__(self) -> None:
        self._journey_id: int | None = None
        self._cells: dict[Cell, _Cell] = {}
        self._cell_of: dict[int, Cell] = {}  # card id -> its cell when last checked
        self._linked: frozenset[int] = frozenset()
        self._cards: set[int] = set()  # cards changed since the last check
        self._whole = True

    def note(self, change: Change) -> None:
        """A model change: remember what the next check must look at again."""
        if change.what is What.CARD:
            self._cards.add(change.id)
        elif change.what is What.JOURNEY or (
            change.what in (What.STAGE, What.LANE) and change.how in (How.ADDED, How.REMOVED)
        ):
            self._whole = True  # cards came or went without a card change each

    def check(self, journey: Journey, today: dt.date) -> list[Finding]:
        """Every gap in the journey, in map order, as ``check`` finds it."""
        jid = journey.id
        found: list[Finding] = []
        if not journey.objective.strip():
            found.append(Finding(Rule.NO_OBJECTIVE, Place.JOURNEY, jid, journey.name))
        if journey.persona_id is None:
            found.append(Finding(Rule.NO_PERSONA, Place.JOURNEY, jid, journey.name))
        if journey.next_review is not None and journey.next_review < today:
            found.append(Finding(Rule.REVIEW_OVERDUE, Place.JOURNEY, jid,
                                 journey.next_review.isoformat()))
        self._update_cells(journey)
        stages = sorted(journey.stages, key=lambda s: s.position)
        lanes = [lane.id for lane in sorted(journey.lanes, key=lambda x: x.position)]
        cells = self._cells
        shown: list[_Cell] = []
        for stage in stages:
            touched = False
            for lane_id in lanes:
                entry = cells.get((stage.id, lane_id))
                if entry is not None:
                    shown.append(entry)
                    touched = touched or entry.touchpoint
            if not touched:
                found.append(Finding(Rule.STAGE_WITHOUT_TOUCHPOINT, Place.STAGE, stage.id,
                                     stage.name))
        for entry in shown:
            found.extend(entry.findings)
        for opp in journey.opportunities:
            if not opp.owner.strip():
                found.append(Finding(Rule.OPPORTUNITY_WITHOUT_OWNER, Place.OPPORTUNITY, opp.id,
                                     opp.title))
            if not opp.status.strip():
                found.append(Finding(Rule.OPPORTUNITY_WITHOUT_STATUS, Place.OPPORTUNITY, opp.id,
                                     opp.title))
            if opp.due_date is None:
                found.append(Finding(Rule.OPPORTUNITY_WITHOUT_DUE_DATE, Place.OPPORTUNITY,
                                     opp.id, opp.title))
        return found

    def _update_cells(self, journey: Journey) -> None:
        """Check again the cells whose cards changed (all of them the first time)."""
        index = cell_index(journey)
        linked = frozenset(c.id for o in journey.opportunities for c in o.cards)
        if self._whole or journey.id != self._journey_id:
            self._journey_id = journey.id
            self._cells.clear()
            self._cell_of.clear()
            dirty: set[Cell] = set(index.cells)
        else:
            dirty = set()
            session = object_session(journey)
            for card_id in self._cards | (linked ^ self._linked):
                old = self._cell_of.get(card_id)
                if old is not None:
                    dirty.add(old)
                card = session.get(Card, card_id) if session is not None else None
                if card is not None and loaded(card, "journey_id") == journey.id:
                    dirty.add((loaded(card, "stage_id"), loaded(card, "lane_id")))
        self._whole = False
        self._cards.clear()
        self._linked = linked
        for cell in dirty:
            entry = self._cells.pop(cell, None)
            if entry is not None:
                for card_id in entry.card_ids:
                    if self._cell_of.get(card_id) == cell:
                        del self._cell_of[card_id]
            entry = _check_cell(index.cells.get(cell, ()), linked)
            if entry is not None:
                self._cells[cell] = entry
                for card_id in entry.card_ids:
                    self._cell_of[card_id] = cell


_new = object.__new__


def _card_finding(rule: Rule, card_id: int, text: str) -> Finding:
    """A card's finding without the frozen dataclass's checked ``__setattr__`` per field
    (a big map's first check makes thousands)."""
    finding = _new(Finding)
    finding.__dict__.update(rule=rule, place=Place.CARD, place_id=card_id, subject=text)
    return finding


def _check_cell(cards: Iterable[Card], linked: frozenset[int]) -> _Cell | None:
    """The findings of a cell's touchpoints and pain points (None: it has neither)."""
    wanted = []
    for card in cards:
        fields = card.__dict__  # loaded values, without the ORM's descriptor per card
        kind = fields.get("kind")
        if kind is None:  # not loaded (expired)
            kind = card.kind
        if kind in _WANTED:
            wanted.append(card)
    if not wanted:
        return None
    wanted.sort(key=card_order)  # only these need their order
    found: list[Finding] = []
    ids: list[int] = []
    touchpoint = False
    for card in wanted:
        kind = loaded(card, "kind")
        card_id = loaded(card, "id")
        ids.append(card_id)
        if kind == _WANTED[0]:
            touchpoint = True
            if not loaded(card, "channel").strip():
                found.append(_card_finding(Rule.TOUCHPOINT_WITHOUT_CHANNEL, card_id,
                                           loaded(card, "text")))
            if loaded(card, "usage_share") is None:
                found.append(_card_finding(Rule.TOUCHPOINT_WITHOUT_USAGE, card_id,
                                           loaded(card, "text")))
        elif card_id not in linked:
            found.append(_card_finding(Rule.PAIN_WITHOUT_OPPORTUNITY, card_id,
                                       loaded(card, "text")))
    return _Cell(found, touchpoint, ids)
