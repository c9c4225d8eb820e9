"""Outlines and curves every drawer shares: the stage chevron and the emotion curve's beziers."""

from __future__ import annotations

from model.layout.geometry import Bezier, Point, Rect

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
