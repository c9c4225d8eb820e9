"""Names of card and lane kinds, and the card kind a lane suggests (colours: model.style)."""

from __future__ import annotations

from model.entities import CardKind, LaneKind
from model.i18n import QT_TR_NOOP

CARD_KIND_LABELS: dict[str, str] = {
    CardKind.TOUCHPOINT: QT_TR_NOOP("Touchpoint"),
    CardKind.ACTION: QT_TR_NOOP("Action"),
    CardKind.THOUGHT: QT_TR_NOOP("Thought"),
    CardKind.PAIN_POINT: QT_TR_NOOP("Pain point"),
    CardKind.OPPORTUNITY: QT_TR_NOOP("Opportunity"),
    CardKind.BACKSTAGE: QT_TR_NOOP("Backstage"),
    CardKind.NOTE: QT_TR_NOOP("Note"),
}

# What a lane kind is called wherever a user sees or picks one.
LANE_KIND_LABELS: dict[str, str] = {
    LaneKind.ACTIONS: QT_TR_NOOP("Actions"),
    LaneKind.THOUGHTS: QT_TR_NOOP("Thoughts"),
    LaneKind.TOUCHPOINTS: QT_TR_NOOP("Touchpoints"),
    LaneKind.CHANNELS: QT_TR_NOOP("Channels"),
    LaneKind.PAIN_POINTS: QT_TR_NOOP("Pain points"),
    LaneKind.OPPORTUNITIES: QT_TR_NOOP("Opportunities"),
    LaneKind.BACKSTAGE: QT_TR_NOOP("Backstage"),
    LaneKind.EMOTION: QT_TR_NOOP("Emotion curve"),
    LaneKind.METRICS: QT_TR_NOOP("Metrics"),
    LaneKind.EVIDENCE: QT_TR_NOOP("Evidence"),
    LaneKind.FRONTSTAGE: QT_TR_NOOP("Frontstage"),
    LaneKind.SUPPORT: QT_TR_NOOP("Support processes"),
    LaneKind.TEXT: QT_TR_NOOP("Text"),
    LaneKind.DIVIDER: QT_TR_NOOP("Divider line (no cards)"),
}

# The card kind a new card gets when it is typed straight into a lane.
LANE_DEFAULT_CARD_KIND: dict[str, str] = {
    "actions": CardKind.ACTION,
    "thoughts": CardKind.THOUGHT,
    "touchpoints": CardKind.TOUCHPOINT,
    "channels": CardKind.TOUCHPOINT,
    "pain_points": CardKind.PAIN_POINT,
    "opportunities": CardKind.OPPORTUNITY,
    "backstage": CardKind.BACKSTAGE,
    "support": CardKind.BACKSTAGE,
    "frontstage": CardKind.ACTION,
    "evidence": CardKind.TOUCHPOINT,
}


def default_card_kind(lane_kind: str) -> str:
    """The kind of card a lane suggests (a note where it suggests nothing)."""
    return str(LANE_DEFAULT_CARD_KIND.get(lane_kind, CardKind.NOTE))
