"""Names of card and lane kinds, and the card kind a lane suggests (colours: model.style)."""

from __future__ import annotations

from model.entities import CardKind, LaneKind

CARD_KIND_LABELS: dict[str, str] = {
    CardKind.TOUCHPOINT: "Touchpoint",
    CardKind.ACTION: "Action",
    CardKind.THOUGHT: "Thought",
    CardKind.PAIN_POINT: "Pain point",
    CardKind.OPPORTUNITY: "Opportunity",
    CardKind.BACKSTAGE: "Backstage",
    CardKind.NOTE: "Note",
}

# What a lane kind is called wherever a user sees or picks one.
LANE_KIND_LABELS: dict[str, str] = {
    LaneKind.ACTIONS: "Actions",
    LaneKind.THOUGHTS: "Thoughts",
    LaneKind.TOUCHPOINTS: "Touchpoints",
    LaneKind.CHANNELS: "Channels",
    LaneKind.PAIN_POINTS: "Pain points",
    LaneKind.OPPORTUNITIES: "Opportunities",
    LaneKind.BACKSTAGE: "Backstage",
    LaneKind.EMOTION: "Emotion curve",
    LaneKind.METRICS: "Metrics",
    LaneKind.EVIDENCE: "Evidence",
    LaneKind.FRONTSTAGE: "Frontstage",
    LaneKind.SUPPORT: "Support processes",
    LaneKind.TEXT: "Text",
    LaneKind.DIVIDER: "Divider line (no cards)",
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
