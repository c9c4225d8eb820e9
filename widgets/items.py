"""Graphics items of the journey canvas (cards, stage and lane headers, the emotion curve).

Each kind lives in its own module; this one keeps the names importable from one place.
"""

from __future__ import annotations

from widgets.card_item import CardItem, CardTextEditor
from widgets.emotion_items import EmotionCurveItem, EmotionHandleItem
from widgets.header_items import LaneHeaderItem, StageHeaderItem
from widgets.item_base import (
    CORNER_Z,
    HEADER_DRAG_Z,
    LANE_HEADER_Z,
    STAGE_HEADER_Z,
    ZOOMED_OUT_LOD,
    qrect,
    wrap_text,
)

__all__ = [
    "CORNER_Z",
    "HEADER_DRAG_Z",
    "LANE_HEADER_Z",
    "STAGE_HEADER_Z",
    "ZOOMED_OUT_LOD",
    "CardItem",
    "CardTextEditor",
    "EmotionCurveItem",
    "EmotionHandleItem",
    "LaneHeaderItem",
    "StageHeaderItem",
    "qrect",
    "wrap_text",
]
