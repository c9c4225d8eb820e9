"""Colours and labels shared by the canvas and every exporter."""

from __future__ import annotations

from model.entities import CardKind

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
