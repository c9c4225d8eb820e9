"""The geometry types of a layout: rects, metrics, and what each stage, lane, card and curve gets.

Units are scene units (1 unit = 1 px at 100 % zoom = 0.75 pt when printed at 96 dpi
before fitting to paper).
"""

from __future__ import annotations

from dataclasses import dataclass

from model.entities import LaneKind
from model.style import CARD_LINE, CARD_PAD, CARD_PAD_TOP, CARD_TEXT, LANE_TEXT, STAGE_TEXT


@dataclass(frozen=True)
class Rect:
    x: float
    y: float
    w: float
    h: float

    @property
    def right(self) -> float:
        return self.x + self.w

    @property
    def bottom(self) -> float:
        return self.y + self.h

    @property
    def center(self) -> tuple[float, float]:
        return (self.x + self.w / 2, self.y + self.h / 2)

    def contains(self, x: float, y: float) -> bool:
        return self.x <= x < self.right and self.y <= y < self.bottom


@dataclass(frozen=True)
class Metrics:
    lane_header_w: float = 150.0
    stage_header_h: float = 64.0
    card_h: float = 72.0  # the smallest card: three lines of text
    card_gap: float = 8.0
    cell_pad: float = 10.0
    # Free room under the last card of a cell, to drop or type a new one.
    cell_tail: float = 26.0
    emotion_lane_h: float = 220.0
    emotion_pad_top: float = 30.0
    emotion_pad_bottom: float = 18.0
    divider_h: float = 30.0
    # Card text: size and line height in scene units, padding inside the card, and
    # how many lines a card grows to before the rest is cut with "…".
    card_text: float = CARD_TEXT
    card_line_h: float = CARD_TEXT * CARD_LINE
    card_pad_x: float = CARD_PAD
    card_pad_top: float = CARD_PAD_TOP
    card_pad_bottom: float = 20.0  # room for severity dots and metric badges
    card_max_lines: int = 10
    # Header names: stage names (bold, two lines at most) and lane names.
    stage_text: float = STAGE_TEXT
    lane_text: float = LANE_TEXT

    @property
    def min_lane_h(self) -> float:
        return self.cell_pad * 2 + self.card_h + self.cell_tail

    def card_height(self, lines: int) -> float:
        """Height of a card showing ``lines`` lines of text."""
        return max(self.card_h, self.card_pad_top + lines * self.card_line_h
                   + self.card_pad_bottom)

    def text_width(self, card_w: float) -> float:
        """The width card text wraps to in a card ``card_w`` wide."""
        return max(card_w - 2 * self.card_pad_x, 1.0)


METRICS = Metrics()

Cell = tuple[int, int]  # (stage_id, lane_id)
Point = tuple[float, float]
Bezier = tuple[Point, Point, Point, Point]  # start, control 1, control 2, end


@dataclass(frozen=True)
class StageGeom:
    id: int
    name: str
    color: str
    header: Rect
    column: Rect  # the whole column below the header


@dataclass(frozen=True)
class LaneGeom:
    id: int
    name: str
    kind: str
    color: str
    header: Rect
    band: Rect  # the row right of the header

    @property
    def holds_cards(self) -> bool:
        return self.kind not in (LaneKind.DIVIDER.value, LaneKind.EMOTION.value)


@dataclass(frozen=True)
class CardGeom:
    id: int
    kind: str
    text: str
    fill: str
    rect: Rect
    cell: Cell
    index: int
    severity: int | None = None
    linked: int = 0  # how many opportunities this card is linked to (a marker shows it)
    # The text as every drawer shows it: wrapped with the bundled fonts to the card's
    # width (model.text), each line's paragraph direction, and whether it was cut
    # short with "…" (then the full text is in the tooltip and the inspector).
    lines: tuple[str, ...] = ()
    rtl: tuple[bool, ...] = ()
    cut: bool = False


@dataclass(frozen=True)
class CurvePoint:
    stage_id: int
    x: float
    y: float
    value: int
    note: str
    run: int = 0  # points of one run sit on consecutive stages and are joined


@dataclass(frozen=True)
class UnsetPoint:
    """A stage where a curve has no value yet: a gap in the curve, shown as unset."""

    stage_id: int
    x: float
    y: float  # on the neutral line


@dataclass(frozen=True)
class CurveGeom:
    id: int
    name: str
    color: str
    lane_id: int
    points: tuple[CurvePoint, ...]
    # One smooth piece per run of consecutive stages that have a value; a stage
    # without a value breaks the curve rather than drawing a made-up 0.
    runs: tuple[tuple[Bezier, ...], ...]
    unset: tuple[UnsetPoint, ...] = ()

    @property
    def segments(self) -> tuple[Bezier, ...]:
        """Every bezier of every run (runs are not joined)."""
        return tuple(seg for run in self.runs for seg in run)

    def run_points(self) -> list[list[CurvePoint]]:
        """The points grouped by run, in stage order."""
        runs: list[list[CurvePoint]] = []
        for p in self.points:
            if not runs or runs[-1][-1].run != p.run:
                runs.append([])
            runs[-1].append(p)
        return runs


_new = object.__new__


def shifted_card(geom: CardGeom, x: float, y: float, index: int) -> CardGeom:
    """The same card at another place in its cell (its lane or column moved, a card above
    it came or went): a field-for-field copy with a new rect and index.

    A lane that grows moves every card below it: on a big map that is thousands of
    cards per edit, and the dataclass constructor (a checked ``__setattr__`` per
    field) was most of the incremental layout's time.
    """
    old = geom.rect
    rect = _new(Rect)
    rect.__dict__.update(x=x, y=y, w=old.w, h=old.h)
    out = _new(CardGeom)
    fields = out.__dict__
    fields.update(geom.__dict__)
    fields["rect"] = rect
    fields["index"] = index
    return out

