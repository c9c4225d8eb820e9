"""Colours and labels shared by the canvas and every exporter."""

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

CARD_KIND_COLORS: dict[str, str] = {
    CardKind.TOUCHPOINT: "#bfe3ff",
    CardKind.ACTION: "#d9f2d0",
    CardKind.THOUGHT: "#efe0ff",
    CardKind.PAIN_POINT: "#ffc9c2",
    CardKind.OPPORTUNITY: "#fff0a8",
    CardKind.BACKSTAGE: "#dcdfe4",
    CardKind.NOTE: "#fff7d6",
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

# Soft colours for cards, stages and lanes: light enough for dark text, distinct
# enough to tell apart on a projector and in print. Rows: light, then a shade deeper.
SOFT_COLORS: tuple[str, ...] = (
    "#fff7d6", "#fff0a8", "#ffe3c2", "#ffc9c2", "#ffd6e7", "#efe0ff", "#dfe3ff", "#bfe3ff",
    "#c9f0f0", "#d9f2d0", "#eef5c8", "#dcdfe4",
    "#ffe58f", "#ffd08a", "#ffb3a7", "#f7b8d2", "#d9c2f5", "#c2cbf5", "#9fd3f7", "#a9e3df",
    "#b9e4ab", "#dbe8a3", "#e9e4dc", "#f4f6f8",
)

CURVE_COLORS = ["#2f6fdf", "#d9480f", "#2b8a3e", "#9c36b5", "#e67700", "#0b7285"]

POSITIVE_TINT = "#2b8a3e"
NEGATIVE_TINT = "#c92a2a"
GRID_LINE = "#c7ced8"
HEADER_TEXT = "#1f2933"
CARD_BORDER = "#7b8794"


def card_fill(kind: str, color: str) -> str:
    """The colour a card is painted with: its own, else its kind's."""
    return color or CARD_KIND_COLORS.get(kind, CARD_KIND_COLORS[CardKind.NOTE])

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
