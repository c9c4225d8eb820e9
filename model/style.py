"""The one drawing specification: colours, pens, radii and type sizes for canvas and paper.

Qt-free, so the canvas (widgets/), every exporter (app/export/) and the model's defaults
read the same values; no other module writes a colour or a drawing size of its own.
Colours are ``#rrggbb`` strings (``#rrggbbaa`` never: alpha is a separate number, as
reportlab and QPainter both take it). Sizes are scene units (1 unit = 1 px at 100 % zoom)
unless the name says ``_PT``.
"""

from __future__ import annotations

import colorsys
from dataclasses import dataclass, fields, replace
from enum import Enum
from functools import lru_cache
from typing import Final

# --------------------------------------------------------------------------- colour maths


def rgb(color: str) -> tuple[int, int, int]:
    """The 0..255 channels of a ``#rrggbb`` (or ``#rgb``) colour."""
    h = color.lstrip("#")
    if len(h) == 3:
        h = "".join(c * 2 for c in h)
    return int(h[0:2], 16), int(h[2:4], 16), int(h[4:6], 16)


def hex_color(r: float, g: float, b: float) -> str:
    """``#rrggbb`` of 0..255 channels (rounded and clamped)."""
    return "#" + "".join(f"{max(0, min(255, round(c))):02x}" for c in (r, g, b))


def luminance(color: str) -> float:
    """Relative luminance (WCAG 2) of a colour, 0 (black) .. 1 (white)."""

    def channel(c: int) -> float:
        s = c / 255
        return s / 12.92 if s <= 0.03928 else ((s + 0.055) / 1.055) ** 2.4

    r, g, b = rgb(color)
    return 0.2126 * channel(r) + 0.7152 * channel(g) + 0.0722 * channel(b)


def contrast(a: str, b: str) -> float:
    """WCAG contrast ratio of two colours, 1 .. 21 (4.5 is the floor for body text)."""
    la, lb = sorted((luminance(a), luminance(b)), reverse=True)
    return (la + 0.05) / (lb + 0.05)


class Role(Enum):
    """What a user-chosen colour fills: decides how deep it goes on a dark canvas."""

    CARD = "card"
    STAGE = "stage"
    LANE = "lane"


# HLS lightness a light fill takes on the dark canvas, per role: lanes are the
# darkest layer, cards stand out from them, stage headers sit between.
_DARK_LIGHTNESS: Final = {Role.CARD: 0.27, Role.STAGE: 0.24, Role.LANE: 0.145}
_DARK_SATURATION: Final = {Role.CARD: 0.42, Role.STAGE: 0.36, Role.LANE: 0.16}


@lru_cache(maxsize=1024)
def dark_variant(color: str, role: Role) -> str:
    """The same hue deepened for a dark canvas (light text reads on it).

    Cached: a big map asks for the same few fills once per card.
    """
    try:
        r, g, b = rgb(color)
    except ValueError:
        return color
    h, _l, s = colorsys.rgb_to_hls(r / 255, g / 255, b / 255)
    s = min(s, _DARK_SATURATION[role])
    nr, ng, nb = colorsys.hls_to_rgb(h, _DARK_LIGHTNESS[role], s)
    return hex_color(nr * 255, ng * 255, nb * 255)


# --------------------------------------------------------------------------- fills users pick

# Card fills per kind (keys are model.entities.CardKind values).
CARD_KIND_COLORS: Final[dict[str, str]] = {
    "touchpoint": "#bfe3ff",
    "action": "#d9f2d0",
    "thought": "#efe0ff",
    "pain_point": "#ffc9c2",
    "opportunity": "#fff0a8",
    "backstage": "#dcdfe4",
    "note": "#fff7d6",
}

# Soft colours for cards, stages and lanes: light enough for dark text, distinct
# enough to tell apart on a projector and in print. Rows: light, then a shade deeper.
SOFT_COLORS: Final[tuple[str, ...]] = (
    "#fff7d6", "#fff0a8", "#ffe3c2", "#ffc9c2", "#ffd6e7", "#efe0ff", "#dfe3ff", "#bfe3ff",
    "#c9f0f0", "#d9f2d0", "#eef5c8", "#dcdfe4",
    "#ffe58f", "#ffd08a", "#ffb3a7", "#f7b8d2", "#d9c2f5", "#c2cbf5", "#9fd3f7", "#a9e3df",
    "#b9e4ab", "#dbe8a3", "#e9e4dc", "#f4f6f8",
)

# Stage header colours of a new journey, in stage order (repeated past the seventh).
STAGE_COLORS: Final[tuple[str, ...]] = (
    "#dbe8f7", "#dcefe6", "#f6e7d3", "#ece1f5", "#f7dede", "#def2f2", "#f2efd6",
)
STAGE_DEFAULT_COLOR: Final = "#dfe7f2"

# Lane band colours a template gives a lane of a kind (keys are LaneKind values).
LANE_COLORS: Final[dict[str, str]] = {
    "emotion": "#fbfcfe",
    "pain_points": "#fdf3f2",
    "opportunities": "#fffbea",
    "backstage": "#f1f3f5",
    "support": "#f1f3f5",
    "divider": "#ffffff",
}
LANE_DEFAULT_COLOR: Final = "#f4f6f8"
LANE_TEMPLATE_COLOR: Final = "#f7f8fa"  # a template lane of a kind not listed above

CURVE_COLORS: Final[tuple[str, ...]] = (
    "#2f6fdf", "#d9480f", "#2b8a3e", "#9c36b5", "#e67700", "#0b7285",
)


# --------------------------------------------------------------------------- palettes


@dataclass(frozen=True)
class Palette:
    """Everything the map is drawn in that the user does not pick."""

    dark: bool
    background: str  # the canvas / the sheet
    text: str  # card, header and legend text
    muted: str  # labels, scale numbers, secondary text
    border: str  # card outline, map frame, divider line
    grid: str  # column and row lines, header outlines
    lane_header: str
    legend_fill: str
    backdrop: str  # behind a header pinned over the cards (drawn at BACKDROP_ALPHA)
    selection: str
    link: str  # the "linked to an opportunity" flag
    link_edge: str
    severity: str  # severity dots
    positive: str  # emotion tint above zero
    negative: str  # emotion tint below zero
    zero_line: str
    point_fill: str  # inside an emotion point
    note_fill: str  # under an emotion note
    value_label: str  # the dark chip with a point's value while dragging
    value_label_text: str
    edge_shadow: str  # the soft line under a card (drawn at EDGE_SHADOW_ALPHA)
    badge_usage_fill: str
    badge_usage_edge: str
    badge_usage_text: str
    badge_metric_fill: str
    badge_metric_edge: str
    badge_small_fill: str  # a metric from fewer than 30 answers
    badge_small_text: str
    heat_no_data: str
    vote_fill: str  # the dot-vote pill of a card with votes
    vote_edge: str
    vote_text: str
    vote_none_fill: str  # the pill of a card with none yet
    vote_none_text: str

    def fill(self, color: str, role: Role) -> str:
        """A user-picked (light) fill as this palette shows it."""
        return dark_variant(color, role) if self.dark else color

    def card_fill(self, kind: str, color: str = "") -> str:
        """A card's fill: its own colour, else its kind's, as this palette shows it."""
        return self.fill(card_fill(kind, color), Role.CARD)


LIGHT: Final = Palette(
    dark=False,
    background="#ffffff",
    text="#1f2933",
    muted="#52606d",
    border="#7b8794",
    grid="#c7ced8",
    lane_header="#eef1f5",
    legend_fill="#f8f9fb",
    backdrop="#ffffff",
    selection="#1c6ed6",
    link="#2e7d32",
    link_edge="#1b5e20",
    severity="#c92a2a",
    positive="#2b8a3e",
    negative="#c92a2a",
    zero_line="#9aa5b1",
    point_fill="#ffffff",
    note_fill="#ffffff",
    value_label="#1f2933",
    value_label_text="#ffffff",
    edge_shadow="#000000",
    badge_usage_fill="#eef2f6",
    badge_usage_edge="#8a96a5",
    badge_usage_text="#34404d",
    badge_metric_fill="#ffffff",
    badge_metric_edge="#5f6b7a",
    badge_small_fill="#fff4d6",
    badge_small_text="#7a4a00",
    heat_no_data="#ffffff",
    vote_fill="#e8590c",
    vote_edge="#7a1f00",
    vote_text="#ffffff",
    vote_none_fill="#ffffff",
    vote_none_text="#5f6b7a",
)

DARK: Final = Palette(
    dark=True,
    background="#181b20",
    text="#e9edf2",
    muted="#a9b4c0",
    border="#8793a1",
    grid="#39414c",
    lane_header="#252a31",
    legend_fill="#20252b",
    backdrop="#181b20",
    selection="#5ea1ff",
    link="#5cb860",
    link_edge="#a5d6a7",
    severity="#ff8a80",
    positive="#51cf66",
    negative="#ff6b6b",
    zero_line="#6b7683",
    point_fill="#181b20",
    note_fill="#252a31",
    value_label="#e9edf2",
    value_label_text="#181b20",
    edge_shadow="#000000",
    badge_usage_fill="#2f3640",
    badge_usage_edge="#6b7683",
    badge_usage_text="#d5dce4",
    badge_metric_fill="#181b20",
    badge_metric_edge="#8793a1",
    badge_small_fill="#4a3a12",
    badge_small_text="#ffe08a",
    heat_no_data="#252a31",
    vote_fill="#ff922b",
    vote_edge="#ffd8a8",
    vote_text="#181b20",
    vote_none_fill="#252a31",
    vote_none_text="#a9b4c0",
)


def palette_for(dark: bool) -> Palette:
    return DARK if dark else LIGHT


def card_fill(kind: str, color: str = "") -> str:
    """The colour a card is painted with on paper: its own, else its kind's."""
    return color or CARD_KIND_COLORS.get(kind, CARD_KIND_COLORS["note"])


BACKDROP_ALPHA: Final = 0.92
EDGE_SHADOW_ALPHA: Final = 0.16
TINT_ALPHA: Final = 0.16  # emotion area above / below zero
NOTE_ALPHA: Final = 0.92
UNSET_POINT_ALPHA: Final = 0.86
VALUE_LABEL_ALPHA: Final = 0.88
CURSOR_FILL_ALPHA: Final = 0.06  # the keyboard cell cursor's wash
PRESENTER_DIM_ALPHA: Final = 0.70  # over the stages not being talked about
TILE_OVERLAP_ALPHA: Final = 0.10
BLOCK_SHADE: Final = 112  # zoomed far out, a card is a block this % darker than its fill

# --------------------------------------------------------------------------- pens and radii

CARD_RADIUS: Final = 6.0
CARD_BORDER_W: Final = 0.8
CARD_SELECTED_W: Final = 2.2
HEADER_SELECTED_W: Final = 2.0
GRID_W: Final = 1.0
MAP_FRAME_W: Final = 1.2
DIVIDER_W: Final = 1.6
DIVIDER_DASH: Final = (8.0, 5.0)
ZERO_DASH: Final = (5.0, 4.0)
CURVE_W: Final = 3.0
POINT_RADIUS: Final = 4.5  # an emotion point on paper
POINT_W: Final = 2.0
HANDLE_RADIUS: Final = 7.0  # an emotion point on the canvas (a handle to drag)
HANDLE_W: Final = 2.5
NOTE_RADIUS: Final = 3.0
NOTE_BORDER_W: Final = 0.8
BADGE_H: Final = 13.0
BADGE_RADIUS: Final = 5.0
BADGE_BORDER_W: Final = 0.5
LINK_FLAG_W: Final = 0.8


@dataclass(frozen=True)
class SeverityDots:
    """Severity 1..5 as red dots along a card's bottom edge, right to left."""

    count_max: int = 5
    radius: float = 2.4
    step: float = 7.0  # centre to centre
    inset_right: float = 8.0  # card's right edge to the first dot's centre
    inset_bottom: float = 7.0  # card's bottom edge to the dots' centres

    def centres(self, right: float, bottom: float, severity: int) -> list[tuple[float, float]]:
        n = max(0, min(self.count_max, severity))
        return [(right - self.inset_right - i * self.step, bottom - self.inset_bottom)
                for i in range(n)]


SEVERITY_DOTS: Final = SeverityDots()

# --------------------------------------------------------------------------- the emotion scale

EMOTION_MIN: Final = -5
EMOTION_MAX: Final = 5
EMOTION_LABELS: Final = ((EMOTION_MAX, "+5"), (0, "0"), (EMOTION_MIN, "\u22125"))

# --------------------------------------------------------------------------- stage widths

MIN_STAGE_WIDTH: Final = 120.0
MAX_STAGE_WIDTH: Final = 1200.0
DEFAULT_STAGE_WIDTH: Final = 220.0

# --------------------------------------------------------------------------- type

ASCENT: Final = 0.93  # DejaVu Sans ascent / em

# Canvas (points of the system font at 100 % zoom).
CANVAS_CARD_PT: Final = 9.5
CANVAS_HEADER_PT: Final = 11.0
CANVAS_LEGEND_PT: Final = 8.5
CANVAS_VALUE_PT: Final = 8.5
CANVAS_BADGE_PT: Final = 7.0
CANVAS_BADGE_H: Final = 14.0
HEAT_STRIP_H: Final = 16.0  # the heat strip under the stage headers, canvas and paper
HEAT_STRIP_TEXT: Final = 7.5

# Paper, in scene units before the map is fitted to the sheet.
CARD_TEXT: Final = 12.5
CARD_LINE: Final = 1.22  # line height / size
CARD_PAD: Final = 8.0  # text inset from a card's left and right edges
CARD_PAD_TOP: Final = 6.0  # text inset from a card's top edge
STAGE_TEXT: Final = 15.0
LANE_TEXT: Final = 13.5
NOTE_TEXT: Final = 10.5
BADGE_TEXT: Final = 8.0
SCALE_TEXT: Final = 10.0


@dataclass(frozen=True)
class TypeSpec:
    """Type sizes and the pens and paddings that go with them, for one drawing of the map.

    ``TypeSpec()`` is the map at scene size; a poster scales it as a whole with
    ``scaled(k)`` so lines, pads and pens keep their proportion to the type.
    """

    card: float = CARD_TEXT
    card_line: float = CARD_LINE
    card_pad: float = CARD_PAD  # text inset from a card's left and right edges
    card_top: float = CARD_PAD_TOP
    stage: float = STAGE_TEXT
    lane: float = LANE_TEXT
    note: float = NOTE_TEXT
    badge: float = BADGE_TEXT
    badge_h: float = BADGE_H
    scale_text: float = SCALE_TEXT
    radius: float = CARD_RADIUS
    border: float = CARD_BORDER_W
    grid: float = GRID_W
    curve: float = CURVE_W
    point: float = POINT_RADIUS
    point_w: float = POINT_W
    severity: float = 1.0  # severity dot geometry factor
    k: float = 1.0  # the factor this spec was scaled by

    def scaled(self, k: float) -> TypeSpec:
        sizes = {f.name: getattr(self, f.name) * k for f in fields(self)
                 if f.name not in ("card_line", "k")}
        return replace(self, k=self.k * k, **sizes)


MAP_TYPE: Final = TypeSpec()
# On a poster badges, dots and notes are read from further away than on a screen.
POSTER_MAP_TYPE: Final = TypeSpec(note=11.5, badge=9.5, badge_h=15.5, severity=1.4,
                                  point=5.5, curve=3.5)


A4_SHORT_SIDE_PT: Final = 595.0

# --------------------------------------------------------------------------- status colours

# Compare mode: one colour per kind of change, on canvas, in the change list and on paper.
CHANGE_ADDED: Final = "#2e9d57"
CHANGE_CHANGED: Final = "#d98a00"
CHANGE_CHANGED_PRINT: Final = "#b07000"  # a shade deeper: reads on white paper
CHANGE_MOVED: Final = "#2f6fdf"
CHANGE_REMOVED: Final = "#c23b3b"
CHANGE_STRUCTURE: Final = "#7a4fc9"
CHANGE_OTHER: Final = "#444444"
CHANGE_OTHER_PRINT: Final = "#333333"
CHANGE_METRIC: Final = "#0f7c8c"  # a metric that moved (its chip: better/worse)
GHOST: Final = "#8c96a3"

# The priority matrix: a wash per quadrant and its bubbles' colour.
QUADRANT_FILLS: Final = {"quick_win": "#e3f4e1", "big_bet": "#e2ecfa",
                         "fill_in": "#f6f3df", "money_pit": "#f9e3e0"}
QUADRANT_BUBBLES: Final = {"quick_win": "#4caf50", "big_bet": "#3f7fd6",
                           "fill_in": "#c9a227", "money_pit": "#d9534f"}

OVERDUE_FILL: Final = "#ffd9d4"  # an overdue opportunity, in the register and on paper
OVERDUE_TEXT: Final = "#c23b3b"
WARNING_TEXT: Final = "#9a5b00"  # a small sample in the metrics table
ACCENT: Final = "#3f7fd6"  # headings of the printed sheets

# Printed sheets other than the map (register, persona sheet, review pack).
PAPER: Final = "#ffffff"
INK: Final = "#1d2733"
INK_MUTED: Final = "#4a5563"
RULE: Final = "#c5ccd6"
TABLE_HEAD_FILL: Final = "#e8edf3"
CROP_MARK: Final = "#000000"
INVALID_COLOR: Final = "#808080"  # drawn where a file holds a colour that does not parse

# A persona photo's placeholder (no photo yet).
PHOTO_PLACEHOLDER: Final = "#c9d3e0"
PHOTO_PLACEHOLDER_TEXT: Final = "#33415c"

# The heat scale's ink on its dark and light ends.
HEAT_INK_ON_LIGHT: Final = "#000000"
HEAT_INK_ON_DARK: Final = "#ffffff"


@dataclass(frozen=True)
class PosterSpec:
    """The poster's page furniture, in points on A4 portrait's short side (times the unit)."""

    margin: float = 20.0
    gap: float = 10.0
    title: float = 22.0  # the journey's name
    objective: float = 10.5
    meta: float = 7.5  # persona, dates
    legend: float = 6.5
    panel_name: float = 12.0
    panel_text: float = 7.5
    panel_heading: float = 6.5
    panel_share: float = 0.17  # of the sheet's width (landscape) or height (portrait)
    register_text: float = 7.0
    register_rows: int = 5
    accent_rule: float = 2.0


POSTER: Final = PosterSpec()

# --------------------------------------------------------------------------- window chrome


@dataclass(frozen=True)
class Chrome:
    """The window's own notes, banners and timer (not the map): light or dark desktop."""

    ok: str  # a line that worked ("Added …")
    problem: str  # an error said under a field
    warning: str  # an overdue review, a caveat on figures
    banner_fill: str  # the review reminder above the canvas
    banner_edge: str
    banner_text: str
    timer_done_fill: str  # the workshop timer once the time is up
    timer_done_text: str
    timer_flash_fill: str  # its pulse
    note_fill: str  # a note strip (the snapshot window's "read only")
    preview_fill: str  # behind the export preview
    preview_edge: str


LIGHT_CHROME: Final = Chrome(
    ok="#1d6b3a",
    problem="#b3261e",
    warning="#8a5a00",
    banner_fill="#fff4d6",
    banner_edge="#e3c46f",
    banner_text="#4a3b0b",
    timer_done_fill="#fff1c2",
    timer_done_text="#7a4b00",
    timer_flash_fill="#ffd86b",
    note_fill="#eef2f7",
    preview_fill="#d9dde3",
    preview_edge="#b8bfc9",
)

DARK_CHROME: Final = Chrome(
    ok="#7bd88f",
    problem="#ff8a80",
    warning="#ffc266",
    banner_fill="#3b3118",
    banner_edge="#6b5a22",
    banner_text="#ffe8a3",
    timer_done_fill="#4a3a12",
    timer_done_text="#ffe08a",
    timer_flash_fill="#7a5d0e",
    note_fill="#2a3038",
    preview_fill="#2a2f36",
    preview_edge="#4a525c",
)


def chrome_for(dark: bool) -> Chrome:
    return DARK_CHROME if dark else LIGHT_CHROME


@dataclass(frozen=True)
class WindowColors:
    """The window's own palette when View → Theme → Dark is chosen on a light desktop."""

    window: str
    window_text: str
    base: str  # inside fields and lists
    alternate_base: str
    text: str
    button: str
    button_text: str
    highlight: str
    highlighted_text: str
    tooltip_base: str
    tooltip_text: str
    placeholder: str
    link: str
    light: str  # bevels and frames
    mid: str
    dark: str
    disabled_text: str


DARK_WINDOW: Final = WindowColors(
    window="#2b2f36",
    window_text="#e9edf2",
    base="#1e2228",
    alternate_base="#262b31",
    text="#e9edf2",
    button="#353b43",
    button_text="#e9edf2",
    highlight="#3d7bd9",
    highlighted_text="#ffffff",
    tooltip_base="#353b43",
    tooltip_text="#e9edf2",
    placeholder="#8b96a3",
    link="#7fb0ff",
    light="#4a525c",
    mid="#3a4049",
    dark="#15181c",
    disabled_text="#7b8591",
)
