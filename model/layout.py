"""The one geometry engine: where stages, lanes, cards and the emotion curve go.

The canvas, the PDF poster and the PNG/SVG exports all draw from a ``JourneyLayout``,
so what prints is what the facilitator saw. Units are scene units (1 unit = 1 px at
100 % zoom = 0.75 pt when printed at 96 dpi before fitting to paper).
"""

from __future__ import annotations

import dataclasses
import weakref
from collections import defaultdict
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy.orm import object_session

from model.entities import EMOTION_MAX, EMOTION_MIN, Card, Journey, LaneKind, Opportunity
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
    linked: int = 0  # how many opportunities this card is linked to (a marker shows it)


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
    # The layout this one was computed from, and the cards whose geometry may differ
    # from it (None: any may differ). Lets the canvas touch only what an edit changed.
    base: JourneyLayout | None = field(default=None, repr=False, compare=False)
    changed_cards: frozenset[int] | None = field(default=None, repr=False, compare=False)
    _stage_ids: dict[int, StageGeom] | None = field(default=None, repr=False, compare=False)
    _lane_ids: dict[int, LaneGeom] | None = field(default=None, repr=False, compare=False)

    # -- lookups used by the canvas ------------------------------------------------

    def stage(self, stage_id: int) -> StageGeom:
        if self._stage_ids is None or len(self._stage_ids) != len(self.stages):
            self._stage_ids = {s.id: s for s in self.stages}
        return self._stage_ids[stage_id]

    def lane(self, lane_id: int) -> LaneGeom:
        if self._lane_ids is None or len(self._lane_ids) != len(self.lanes):
            self._lane_ids = {lane.id: lane for lane in self.lanes}
        return self._lane_ids[lane_id]

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


def _card_order(card: Card) -> tuple[int, int]:
    """Cards of a cell go by position; the id breaks a tie (a file may hold one)."""
    return (card.position if card.position is not None else -1, card.id or 0)


def _lane_height(lane_kind: str, fullest: int, m: Metrics) -> float:
    if lane_kind == LaneKind.DIVIDER.value:
        return m.divider_h
    if lane_kind == LaneKind.EMOTION.value:
        return m.emotion_lane_h
    return max(
        m.min_lane_h,
        2 * m.cell_pad + fullest * (m.card_h + m.card_gap) - m.card_gap + m.cell_tail,
    )


def _frame(
    journey: Journey, stages: list[Any], lanes: list[Any], fullest: dict[int, int], m: Metrics
) -> JourneyLayout:
    """Stage columns and lane bands of a layout (no cards or curves yet)."""
    width = m.lane_header_w + sum(s.width for s in stages)
    layout = JourneyLayout(metrics=m, width=width, height=0.0)
    y = m.stage_header_h
    for lane in lanes:
        h = _lane_height(lane.kind, fullest.get(lane.id, 0), m)
        layout.lanes.append(
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
    return layout


def _curves(journey: Journey, layout: JourneyLayout, stages: list[Any]) -> list[CurveGeom]:
    m = layout.metrics
    emotion = layout.emotion_lane()
    if emotion is None:
        return []
    out: list[CurveGeom] = []
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
            for p, run in zip(pts, curve_runs([order[p.stage_id] for p in pts]), strict=True)
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
            tuple(monotone_beziers([(p.x, p.y) for p in run])) for run in geom.run_points()
        )
        out.append(dataclasses.replace(geom, runs=runs))
    return out


def _full_layout(journey: Journey, m: Metrics) -> JourneyLayout:
    """Lay a journey out from scratch (the reference the incremental update must match)."""
    stages = sorted(journey.stages, key=lambda s: s.position)
    lanes = sorted(journey.lanes, key=lambda x: x.position)
    by_cell: dict[Cell, list[Card]] = defaultdict(list)
    for card in journey.cards:
        by_cell[(card.stage_id, card.lane_id)].append(card)
    fullest: dict[int, int] = defaultdict(int)
    for (_, lane_id), cards in by_cell.items():
        fullest[lane_id] = max(fullest[lane_id], len(cards))
    layout = _frame(journey, stages, lanes, fullest, m)
    links = _links(journey)
    stage_ids = {s.id for s in stages}
    lane_ids = {lane.id for lane in lanes}
    for cell, cards in by_cell.items():
        if cell[0] not in stage_ids or cell[1] not in lane_ids:
            continue
        ordered = sorted(cards, key=_card_order)
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
                linked=links.get(card.id, 0),
            )
    layout.curves = _curves(journey, layout, stages)
    return layout


# -- incremental layout ------------------------------------------------------------------
#
# A big map's edit changes one or two cells; laying out 20,000 cards again for it is
# what made editing slow. A CellIndex per journey knows each cell's cards and which
# cells changed since the last layout; it is kept current by SQLAlchemy attribute and
# collection events, so it sees every change to the ORM objects whoever makes it. What
# it cannot follow (a rollback, expired cards) throws it away, and the next layout is
# computed from scratch. Only cells that changed, and cells whose column or band moved,
# get new card geometry; everything else is the previous layout's objects.

_CARD_LAYOUT_FIELDS = frozenset(
    {"stage_id", "lane_id", "position", "kind", "text", "color", "severity", "journey"}
)
_indexes: weakref.WeakKeyDictionary[Journey, CellIndex] = weakref.WeakKeyDictionary()
_card_index: weakref.WeakKeyDictionary[Card, CellIndex] = weakref.WeakKeyDictionary()
_listening = False


@dataclass
class _LayoutState:
    metrics: Metrics
    layout: JourneyLayout  # the last one handed out
    order: dict[Cell, list[int]]  # card ids of every cell in order, laid out or not


class CellIndex:
    """The cards in each cell of one journey, and the cells changed since the last layout."""

    def __init__(self, journey: Journey) -> None:
        self.valid = True
        self.cells: dict[Cell, dict[Card, None]] = {}
        self.home: dict[Card, Cell] = {}
        self.dirty: set[Cell] = set()
        self.state: _LayoutState | None = None
        for card in journey.cards:
            self._put(card, (card.stage_id, card.lane_id))

    def _put(self, card: Card, cell: Cell) -> None:
        self.home[card] = cell
        members = self.cells.get(cell)
        if members is None:
            members = self.cells[cell] = {}
        members[card] = None
        _card_index[card] = self

    def _take(self, card: Card) -> Cell | None:
        cell = self.home.pop(card, None)
        if cell is not None:
            members = self.cells[cell]
            del members[card]
            if not members:
                del self.cells[cell]
            self.dirty.add(cell)
        return cell

    def added(self, card: Card) -> None:
        if card not in self.home:
            cell = (card.stage_id, card.lane_id)
            self._put(card, cell)
            self.dirty.add(cell)

    def removed(self, card: Card) -> None:
        self._take(card)

    def moved(self, card: Card, cell: Cell) -> None:
        old = self.home.get(card)
        if old is not None and old != cell:
            self._take(card)
            self._put(card, cell)
            self.dirty.add(cell)

    def touched(self, card: Card) -> None:
        cell = self.home.get(card)
        if cell is not None:
            self.dirty.add(cell)

    def ordered(self, cell: Cell) -> list[Card]:
        """The cards of a cell in order."""
        return sorted(self.cells.get(cell, ()), key=_card_order)

    def ids(self, cell: Cell) -> list[int]:
        return [c.id for c in self.ordered(cell)]


def _live(index: CellIndex | None) -> CellIndex | None:
    return index if index is not None and index.valid else None


def _on_append(journey: Journey, card: Card, _initiator: Any) -> None:
    index = _live(_indexes.get(journey))
    if index is not None:
        index.added(card)


def _on_remove(journey: Journey, card: Card, _initiator: Any) -> None:
    index = _live(_indexes.get(journey))
    if index is not None:
        index.removed(card)


def _on_stage_set(card: Card, value: Any, _old: Any, _initiator: Any) -> None:
    index = _live(_card_index.get(card))
    if index is not None:
        index.moved(card, (value, card.lane_id))


def _on_lane_set(card: Card, value: Any, _old: Any, _initiator: Any) -> None:
    index = _live(_card_index.get(card))
    if index is not None:
        index.moved(card, (card.stage_id, value))


def _on_card_set(card: Card, _value: Any, _old: Any, _initiator: Any) -> None:
    index = _live(_card_index.get(card))
    if index is not None:
        index.touched(card)


def _drop(index: CellIndex | None) -> None:
    if index is not None:
        index.valid = False
        index.state = None


def _on_journey_expired(journey: Journey, attrs: Any, *_: Any) -> None:
    if attrs is None or "cards" in attrs:
        _drop(_indexes.pop(journey, None))


def _on_card_expired(card: Card, attrs: Any, *_: Any) -> None:
    if attrs is None or _CARD_LAYOUT_FIELDS.intersection(attrs):
        _drop(_card_index.get(card))


def _on_rollback(session: Any, _transaction: Any) -> None:
    # Rolled-back objects hold old values no event announced: start over.
    for journey, index in session.info.pop(_SESSION_KEY, {}).items():
        _drop(index)
        _indexes.pop(journey, None)


def _listen() -> None:
    global _listening
    if _listening:
        return
    _listening = True
    from sqlalchemy import event
    from sqlalchemy.orm import Session

    event.listen(Journey.cards, "append", _on_append)
    event.listen(Journey.cards, "remove", _on_remove)
    event.listen(Card.stage_id, "set", _on_stage_set)
    event.listen(Card.lane_id, "set", _on_lane_set)
    for attr in (Card.position, Card.kind, Card.text, Card.color, Card.severity):
        event.listen(attr, "set", _on_card_set)
    event.listen(Opportunity.cards, "append", _on_link)
    event.listen(Opportunity.cards, "remove", _on_link)
    event.listen(Journey.opportunities, "append", _on_opportunity)
    event.listen(Journey.opportunities, "remove", _on_opportunity)
    event.listen(Journey, "expire", _on_journey_expired)
    event.listen(Journey, "refresh", lambda j, _ctx, attrs: _on_journey_expired(j, attrs))
    event.listen(Card, "expire", _on_card_expired)
    event.listen(Card, "refresh", lambda c, _ctx, attrs: _on_card_expired(c, attrs))
    event.listen(Session, "after_soft_rollback", _on_rollback)


_SESSION_KEY = "journeyboard.cell_indexes"


def cell_index(journey: Journey) -> CellIndex:
    """The live cell index of a journey (built on first use)."""
    _listen()
    index = _live(_indexes.get(journey))
    if index is None:
        index = _indexes[journey] = CellIndex(journey)
        session = object_session(journey)
        if session is not None:
            # The session keeps the journey (and so its cards) alive while it is open:
            # without this a journey nobody holds is collected between two edits and
            # the next layout loads every card of it again.
            session.info.setdefault(_SESSION_KEY, {})[journey] = index
    return index


def compute_layout(
    journey: Journey, metrics: Metrics = METRICS, *, incremental: bool = True
) -> JourneyLayout:
    """Lay out a journey: columns from stage widths, rows grown to fit their fullest cell.

    Incrementally from the previous layout of the journey when there is one (same
    result as ``incremental=False``, which computes everything again).
    """
    if not incremental:
        return _full_layout(journey, metrics)
    index = cell_index(journey)
    state = index.state
    if state is not None and state.metrics != metrics:
        return _full_layout(journey, metrics)
    layout = _update(journey, index, state, metrics)
    return layout


def _links(journey: Journey) -> dict[int, int]:
    """How many opportunities each card of the journey is linked to."""
    links: dict[int, int] = defaultdict(int)
    for opportunity in journey.opportunities:
        for card in opportunity.cards:
            links[card.id] += 1
    return links


def _on_link(_opportunity: Opportunity, card: Card, _initiator: Any) -> None:
    _on_card_set(card, None, None, None)  # the card's marker changes


def _on_opportunity(_journey: Journey, opportunity: Opportunity, _initiator: Any) -> None:
    for card in opportunity.cards:  # an opportunity added or removed with its links
        _on_card_set(card, None, None, None)


def _update(
    journey: Journey, index: CellIndex, state: _LayoutState | None, m: Metrics
) -> JourneyLayout:
    stages = sorted(journey.stages, key=lambda s: s.position)
    lanes = sorted(journey.lanes, key=lambda x: x.position)
    prev = state.layout if state is not None else None
    order = dict(state.order) if state is not None else {}
    dirty = index.dirty if state is not None else set(index.cells)
    index.dirty = set()

    links = _links(journey)
    fresh: dict[Cell, list[Card]] = {}
    gone: set[int] = set()
    for cell in dirty:
        gone.update(order.get(cell, ()))
        in_cell = index.ordered(cell)
        if in_cell:
            fresh[cell] = in_cell
            order[cell] = [c.id for c in in_cell]
        else:
            order.pop(cell, None)
    for fresh_cards in fresh.values():
        gone.difference_update(c.id for c in fresh_cards)

    fullest: dict[int, int] = defaultdict(int)
    for (_, lane_id), ids in order.items():
        if len(ids) > fullest[lane_id]:
            fullest[lane_id] = len(ids)
    layout = _frame(journey, stages, lanes, fullest, m)

    moved_stages: set[int] = set()
    moved_lanes: set[int] = set()
    if prev is not None:
        # Keep the previous objects where nothing changed: the canvas skips those.
        old_stages = {s.id: s for s in prev.stages}
        for i, s in enumerate(layout.stages):
            old_stage = old_stages.get(s.id)
            if old_stage is not None and old_stage == s:
                layout.stages[i] = old_stage
            if (old_stage is None or old_stage.column.x != s.column.x
                    or old_stage.column.w != s.column.w):
                moved_stages.add(s.id)
        old_lanes = {lane.id: lane for lane in prev.lanes}
        for i, lane_geom in enumerate(layout.lanes):
            old_lane = old_lanes.get(lane_geom.id)
            if old_lane is not None and old_lane == lane_geom:
                layout.lanes[i] = old_lane
            if old_lane is None or old_lane.band.y != lane_geom.band.y:
                moved_lanes.add(lane_geom.id)

    geoms: dict[int, CardGeom] = dict(prev.cards) if prev is not None else {}
    changed: set[int] = set()
    for card_id in gone:
        if geoms.pop(card_id, None) is not None:
            changed.add(card_id)
    stage_at = {s.id: s for s in layout.stages}
    lane_at = {lane.id: lane for lane in layout.lanes}
    step = m.card_h + m.card_gap
    pad = m.cell_pad
    for cell, ids in order.items():
        stage = stage_at.get(cell[0])
        band = lane_at.get(cell[1])
        if stage is None or band is None:
            for card_id in ids:  # its stage or lane is gone: so are its cards
                if geoms.pop(card_id, None) is not None:
                    changed.add(card_id)
            continue
        layout.cell_cards[cell] = ids
        new_cards = fresh.get(cell)
        if new_cards is None:
            if prev is None or cell not in prev.cell_cards:
                new_cards = index.ordered(cell)  # a cell that was not laid out before
            elif cell[0] not in moved_stages and cell[1] not in moved_lanes:
                continue  # untouched: the previous geometry stands
        x = stage.column.x + pad
        w = stage.column.w - 2 * pad
        y0 = band.band.y + pad
        if new_cards is None:
            for i, card_id in enumerate(ids):
                old_geom = geoms[card_id]
                geoms[card_id] = CardGeom(
                    card_id, old_geom.kind, old_geom.text, old_geom.fill,
                    Rect(x, y0 + i * step, w, m.card_h), cell, i, old_geom.severity,
                    old_geom.linked,
                )
                changed.add(card_id)
            continue
        for i, card in enumerate(new_cards):
            geom = CardGeom(
                id=card.id,
                kind=card.kind,
                text=card.text,
                fill=card_fill(card.kind, card.color),
                rect=Rect(x, y0 + i * step, w, m.card_h),
                cell=cell,
                index=i,
                severity=card.severity,
                linked=links.get(card.id, 0),
            )
            known = geoms.get(card.id)
            if known is not None and known == geom:
                continue
            geoms[card.id] = geom
            changed.add(card.id)
    layout.cards = geoms
    layout.curves = _curves(journey, layout, stages)
    if prev is not None:
        old_curves = {c.id: c for c in prev.curves}
        layout.curves = [
            old_curve if (old_curve := old_curves.get(c.id)) == c and old_curve else c
            for c in layout.curves
        ]
        prev.base = None  # only the last step is kept: no chain of old layouts
        layout.base = prev
        layout.changed_cards = frozenset(changed)
    index.state = _LayoutState(m, layout, order)
    return layout
