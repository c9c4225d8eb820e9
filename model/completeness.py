"""The completeness check: what a journey map still lacks, measured against the method."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from enum import StrEnum

from model.entities import CardKind, Journey
from model.i18n import QT_TR_NOOP


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
    found: list[Finding] = []
    jid = journey.id
    if not journey.objective.strip():
        found.append(Finding(Rule.NO_OBJECTIVE, Place.JOURNEY, jid, journey.name))
    if journey.persona_id is None:
        found.append(Finding(Rule.NO_PERSONA, Place.JOURNEY, jid, journey.name))
    if journey.next_review is not None and journey.next_review < today:
        found.append(Finding(Rule.REVIEW_OVERDUE, Place.JOURNEY, jid,
                             journey.next_review.isoformat()))

    stages = sorted(journey.stages, key=lambda s: s.position)
    lanes = {lane.id: lane.position for lane in journey.lanes}
    order = {s.id: i for i, s in enumerate(stages)}
    # Only touchpoints and pain points can have a card finding: sorting just those keeps
    # the check cheap on a big map (it runs after every edit while the panel is live).
    wanted = (CardKind.TOUCHPOINT, CardKind.PAIN_POINT)
    cards = sorted(
        (c for c in journey.cards
         if c.kind in wanted and c.stage_id in order and c.lane_id in lanes),
        key=lambda c: (order[c.stage_id], lanes[c.lane_id], c.position),
    )
    touched = {c.stage_id for c in cards if c.kind == CardKind.TOUCHPOINT}
    for stage in stages:
        if stage.id not in touched:
            found.append(Finding(Rule.STAGE_WITHOUT_TOUCHPOINT, Place.STAGE, stage.id,
                                 stage.name))
    linked = {c.id for o in journey.opportunities for c in o.cards}
    for card in cards:
        if card.kind == CardKind.TOUCHPOINT:
            if not card.channel.strip():
                found.append(Finding(Rule.TOUCHPOINT_WITHOUT_CHANNEL, Place.CARD, card.id,
                                     card.text))
            if card.usage_share is None:
                found.append(Finding(Rule.TOUCHPOINT_WITHOUT_USAGE, Place.CARD, card.id,
                                     card.text))
        elif card.kind == CardKind.PAIN_POINT and card.id not in linked:
            found.append(Finding(Rule.PAIN_WITHOUT_OPPORTUNITY, Place.CARD, card.id, card.text))

    for opp in journey.opportunities:
        if not opp.owner.strip():
            found.append(Finding(Rule.OPPORTUNITY_WITHOUT_OWNER, Place.OPPORTUNITY, opp.id,
                                 opp.title))
        if not opp.status.strip():
            found.append(Finding(Rule.OPPORTUNITY_WITHOUT_STATUS, Place.OPPORTUNITY, opp.id,
                                 opp.title))
        if opp.due_date is None:
            found.append(Finding(Rule.OPPORTUNITY_WITHOUT_DUE_DATE, Place.OPPORTUNITY, opp.id,
                                 opp.title))
    return found
