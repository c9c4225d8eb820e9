"""The one geometry engine: where stages, lanes, cards and the emotion curve go.

The canvas, the PDF poster and the PNG/SVG exports all draw from a ``JourneyLayout``,
so what prints is what the facilitator saw. Units are scene units (1 unit = 1 px at
100 % zoom = 0.75 pt when printed at 96 dpi before fitting to paper).
"""

from __future__ import annotations

import dataclasses
from collections import defaultdict
from dataclasses import dataclass, field

from model.entities import EMOTION_MAX, EMOTION_MIN, Card, Journey, LaneKind
from model.palette import card_fill


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
    card_h: float = 72.0
    card_gap: float = 8.0
    cell_pad: float = 10.0
    # Free room under the last card of a cell, to drop or type a new one.
    cell_tail: float = 26.0
    emotion_lane_h: float = 220.0
    emotion_pad_top: float = 30.0
    emotion_pad_bottom: float = 18.0
    divider_h: float = 30.0

    @property
    def min_lane_h(self) -> float:
        return self.cell_pad * 2 + self.card_h + self.cell_tail


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


@dataclass
class JourneyLayout:
    metrics: Metrics
    width: float
    height: float
    stages: list[StageGeom] = field(default_factory=list)
    lanes: list[LaneGeom] = field(default_factory=list)
    cards: dict[int, CardGeom] = field(default_factory=dict)
    curves: list[CurveGeom] = field(default_factory=list)
    cell_cards: dict[Cell, list[int]] = field(default_factory=dict)

    # -- lookups used by the canvas ------------------------------------------------

    def stage(self, stage_id: int) -> StageGeom:
        return next(s for s in self.stages if s.id == stage_id)

    def lane(self, lane_id: int) -> LaneGeom:
        return next(lane for lane in self.lanes if lane.id == lane_id)

    def cell_rect(self, cell: Cell) -> Rect:
        stage, lane = self.stage(cell[0]), self.lane(cell[1])
        return Rect(stage.column.x, lane.band.y, stage.column.w, lane.band.h)

    def stage_at(self, x: float) -> StageGeom | None:
        return next((s for s in self.stages if s.column.x <= x < s.column.right), None)

    def lane_at(self, y: float) -> LaneGeom | None:
        return next((lane for lane in self.lanes if lane.band.y <= y < lane.band.bottom), None)

    def cell_at(self, x: float, y: float) -> Cell | None:
        """The card-holding cell under a scene point, if any."""
        stage, lane = self.stage_at(x), self.lane_at(y)
        if stage is None or lane is None or not lane.holds_cards:
            return None
        return (stage.id, lane.id)

    def insert_index(self, cell: Cell, y: float, ignore: frozenset[int] = frozenset()) -> int:
        """Where a card dropped at height ``y`` lands among the cell's other cards."""
        index = 0
        for card_id in self.cell_cards.get(cell, []):
            if card_id in ignore:
                continue
            if self.cards[card_id].rect.center[1] < y:
                index += 1
        return index

    def slot_rect(self, cell: Cell, index: int) -> Rect:
        """The rect the card at ``index`` of a cell occupies (also the drop indicator)."""
        m = self.metrics
        stage, lane = self.stage(cell[0]), self.lane(cell[1])
        return Rect(
            stage.column.x + m.cell_pad,
            lane.band.y + m.cell_pad + index * (m.card_h + m.card_gap),
            stage.column.w - 2 * m.cell_pad,
            m.card_h,
        )

    def emotion_y(self, lane_id: int, value: float) -> float:
        band = self.lane(lane_id).band
        return emotion_y(band, value, self.metrics)

    def emotion_value(self, lane_id: int, y: float) -> int:
        """The snapped scale value at height ``y`` in an emotion lane."""
        band = self.lane(lane_id).band
        m = self.metrics
        top = band.y + m.emotion_pad_top
        bottom = band.bottom - m.emotion_pad_bottom
        frac = (bottom - y) / (bottom - top) if bottom > top else 0.5
        value = round(EMOTION_MIN + frac * (EMOTION_MAX - EMOTION_MIN))
        return max(EMOTION_MIN, min(EMOTION_MAX, value))

    def emotion_lane(self) -> LaneGeom | None:
        return next((lane for lane in self.lanes if lane.kind == LaneKind.EMOTION.value), None)


def emotion_y(band: Rect, value: float, m: Metrics = METRICS) -> float:
    top = band.y + m.emotion_pad_top
    bottom = band.bottom - m.emotion_pad_bottom
    frac = (value - EMOTION_MIN) / (EMOTION_MAX - EMOTION_MIN)
    return bottom - frac * (bottom - top)


STAGE_TIP = 12.0  # depth of the arrow point of a stage header


def stage_chevron(header: Rect, tip: float = STAGE_TIP) -> list[Point]:
    """The arrow-shaped outline a stage header is drawn with (canvas and exports)."""
    r = Rect(header.x + 2, header.y + 4, header.w - 4, header.h - 10)
    mid = r.y + r.h / 2
    return [
        (r.x, r.y),
        (r.right - tip, r.y),
        (r.right, mid),
        (r.right - tip, r.bottom),
        (r.x, r.bottom),
        (r.x + tip, mid),
    ]


def stage_label_rect(header: Rect, tip: float = STAGE_TIP) -> Rect:
    """Where a stage header's name goes, clear of the arrow's notch and point."""
    return Rect(header.x + tip + 6, header.y + 4, header.w - 2 * tip - 12, header.h - 10)


def curve_runs(stage_indexes: list[int]) -> list[int]:
    """The run number of each point: a new run starts after a stage with no point."""
    runs: list[int] = []
    for i, index in enumerate(stage_indexes):
        if i == 0:
            runs.append(0)
        else:
            runs.append(runs[-1] + (0 if index == stage_indexes[i - 1] + 1 else 1))
    return runs


def monotone_beziers(points: list[Point]) -> list[Bezier]:
    """A smooth curve through points that never overshoots them (Fritsch-Carlson)."""
    n = len(points)
    if n < 2:
        return []
    xs = [p[0] for p in points]
    ys = [p[1] for p in points]
    h = [xs[i + 1] - xs[i] for i in range(n - 1)]
    d = [(ys[i + 1] - ys[i]) / h[i] if h[i] else 0.0 for i in range(n - 1)]
    m = [0.0] * n
    m[0], m[-1] = d[0], d[-1]
    for i in range(1, n - 1):
        if d[i - 1] * d[i] <= 0:
            m[i] = 0.0
        else:
            w1 = 2 * h[i] + h[i - 1]
            w2 = h[i] + 2 * h[i - 1]
            m[i] = (w1 + w2) / (w1 / d[i - 1] + w2 / d[i])
    segments: list[Bezier] = []
    for i in range(n - 1):
        third = h[i] / 3
        segments.append(
            (
                points[i],
                (xs[i] + third, ys[i] + m[i] * third),
                (xs[i + 1] - third, ys[i + 1] - m[i + 1] * third),
                points[i + 1],
            )
        )
    return segments


def sample_beziers(segments: list[Bezier] | tuple[Bezier, ...], steps: int = 12) -> list[Point]:
    """Points along bezier segments (for hit tests and raster fallbacks)."""
    out: list[Point] = []
    for seg_i, (p0, p1, p2, p3) in enumerate(segments):
        for k in range(0 if seg_i == 0 else 1, steps + 1):
            t = k / steps
            u = 1 - t
            out.append(
                (
                    u**3 * p0[0] + 3 * u * u * t * p1[0] + 3 * u * t * t * p2[0] + t**3 * p3[0],
                    u**3 * p0[1] + 3 * u * u * t * p1[1] + 3 * u * t * t * p2[1] + t**3 * p3[1],
                )
            )
    return out


def compute_layout(journey: Journey, metrics: Metrics = METRICS) -> JourneyLayout:
    """Lay out a journey: columns from stage widths, rows grown to fit their fullest cell."""
    m = metrics
    stages = sorted(journey.stages, key=lambda s: s.position)
    lanes = sorted(journey.lanes, key=lambda x: x.position)
    by_cell: dict[Cell, list[Card]] = defaultdict(list)
    for card in journey.cards:
        by_cell[(card.stage_id, card.lane_id)].append(card)
    fullest: dict[int, int] = defaultdict(int)
    for (_, lane_id), cards in by_cell.items():
        fullest[lane_id] = max(fullest[lane_id], len(cards))

    width = m.lane_header_w + sum(s.width for s in stages)
    layout = JourneyLayout(metrics=m, width=width, height=0.0)

    y = m.stage_header_h
    lane_geoms: list[LaneGeom] = []
    for lane in lanes:
        if lane.kind == LaneKind.DIVIDER.value:
            h = m.divider_h
        elif lane.kind == LaneKind.EMOTION.value:
            h = m.emotion_lane_h
        else:
            n = fullest.get(lane.id, 0)
            h = max(
                m.min_lane_h,
                2 * m.cell_pad + n * (m.card_h + m.card_gap) - m.card_gap + m.cell_tail,
            )
        lane_geoms.append(
            LaneGeom(
                id=lane.id,
                name=lane.name,
                kind=lane.kind,
                color=lane.color,
                header=Rect(0.0, y, m.lane_header_w, h),
                band=Rect(m.lane_header_w, y, width - m.lane_header_w, h),
            )
        )
        y += h
    layout.height = y
    layout.lanes = lane_geoms

    x = m.lane_header_w
    for stage in stages:
        layout.stages.append(
            StageGeom(
                id=stage.id,
                name=stage.name,
                color=stage.color,
                header=Rect(x, 0.0, stage.width, m.stage_header_h),
                column=Rect(x, m.stage_header_h, stage.width, y - m.stage_header_h),
            )
        )
        x += stage.width

    stage_ids = {s.id for s in stages}
    lane_ids = {lane.id for lane in lanes}
    for cell, cards in by_cell.items():
        if cell[0] not in stage_ids or cell[1] not in lane_ids:
            continue
        ordered = sorted(cards, key=lambda c: c.position)
        layout.cell_cards[cell] = [c.id for c in ordered]
        for index, card in enumerate(ordered):
            layout.cards[card.id] = CardGeom(
                id=card.id,
                kind=card.kind,
                text=card.text,
                fill=card_fill(card.kind, card.color),
                rect=layout.slot_rect(cell, index),
                cell=cell,
                index=index,
                severity=card.severity,
            )

    emotion = layout.emotion_lane()
    if emotion is not None:
        centers = {s.id: s.header.center[0] for s in layout.stages}
        order = {s.id: i for i, s in enumerate(stages)}
        for curve in sorted(journey.curves, key=lambda c: c.position):
            pts = sorted(
                (p for p in curve.points if p.stage_id in centers),
                key=lambda p: order[p.stage_id],
            )
            cpoints = tuple(
                CurvePoint(
                    p.stage_id,
                    centers[p.stage_id],
                    emotion_y(emotion.band, p.value, m),
                    p.value,
                    p.note,
                    run,
                )
                for p, run in zip(pts, curve_runs([order[p.stage_id] for p in pts]),
                                  strict=True)
            )
            have = {p.stage_id for p in pts}
            zero = emotion_y(emotion.band, 0, m)
            geom = CurveGeom(
                id=curve.id,
                name=curve.name,
                color=curve.color,
                lane_id=emotion.id,
                points=cpoints,
                runs=(),
                unset=tuple(
                    UnsetPoint(s.id, centers[s.id], zero) for s in stages if s.id not in have
                ),
            )
            runs = tuple(
                tuple(monotone_beziers([(p.x, p.y) for p in run]))
                for run in geom.run_points()
            )
            layout.curves.append(dataclasses.replace(geom, runs=runs))
    return layout
