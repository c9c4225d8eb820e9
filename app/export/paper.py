"""Paper sizes, orientation, the fit of a map onto a page, and tiling onto small sheets."""

from __future__ import annotations

import math
import re
from dataclasses import dataclass

MM = 72.0 / 25.4  # points per millimetre

# Portrait width x height in millimetres.
PAPERS: dict[str, tuple[float, float]] = {
    "A4": (210.0, 297.0),
    "A3": (297.0, 420.0),
    "A2": (420.0, 594.0),
    "A1": (594.0, 841.0),
    "A0": (841.0, 1189.0),
    "Letter": (215.9, 279.4),
    "Tabloid": (279.4, 431.8),
}
TILE_PAPERS = ("A4", "Letter")
ORIENTATIONS = ("auto", "portrait", "landscape")
MIN_DPI = 72
MAX_DPI = 600
# Beyond this a PNG would need gigabytes of memory; the user picks a lower DPI.
MAX_PIXELS = 200_000_000

TILE_MARGIN_MM = 10.0
TILE_OVERLAP_MM = 10.0

_CUSTOM = re.compile(
    r"^\s*(\d+(?:\.\d+)?)\s*[x*\u00d7]\s*(\d+(?:\.\d+)?)\s*(?:mm)?\s*$", re.IGNORECASE
)


class PaperError(ValueError):
    """A paper name, size or DPI that cannot be used."""


@dataclass(frozen=True)
class Paper:
    """A sheet in points, already oriented (``width`` is the horizontal side)."""

    name: str
    width: float
    height: float

    @property
    def landscape(self) -> bool:
        return self.width > self.height

    @property
    def width_mm(self) -> float:
        return self.width / MM

    @property
    def height_mm(self) -> float:
        return self.height / MM

    def pixels(self, dpi: int) -> tuple[int, int]:
        """Pixel size of this sheet at ``dpi``."""
        return (round(self.width / 72.0 * dpi), round(self.height / 72.0 * dpi))


def paper_size_mm(name: str) -> tuple[float, float]:
    """Portrait (w, h) in mm of a named paper (case-insensitive) or a custom ``WxH`` in mm."""
    for key, size in PAPERS.items():
        if key.lower() == name.strip().lower():
            return size
    match = _CUSTOM.match(name)
    if match:
        w, h = float(match.group(1)), float(match.group(2))
        if not (50 <= w <= 5000 and 50 <= h <= 5000):
            raise PaperError(f"custom paper {name!r}: each side must be 50 to 5000 mm.")
        return (w, h)
    raise PaperError(
        f"unknown paper {name!r}; use one of {', '.join(PAPERS)} or WIDTHxHEIGHT in mm "
        "(for example 500x700)."
    )


def canonical_paper_name(name: str) -> str:
    for key in PAPERS:
        if key.lower() == name.strip().lower():
            return key
    w, h = paper_size_mm(name)
    return f"{w:g}x{h:g} mm"


def make_paper(name: str, orientation: str = "auto", content_aspect: float = 1.0) -> Paper:
    """An oriented sheet; ``auto`` turns it to match the content's width/height ratio."""
    if orientation not in ORIENTATIONS:
        raise PaperError(f"unknown orientation {orientation!r}; use portrait or landscape.")
    w_mm, h_mm = paper_size_mm(name)
    short, long_ = min(w_mm, h_mm), max(w_mm, h_mm)
    custom = not any(key.lower() == name.strip().lower() for key in PAPERS)
    if orientation == "auto":
        if custom:
            w_mm, h_mm = w_mm, h_mm  # a custom size is taken as given
        elif content_aspect >= 1.0:
            w_mm, h_mm = long_, short
        else:
            w_mm, h_mm = short, long_
    elif orientation == "landscape":
        w_mm, h_mm = long_, short
    else:
        w_mm, h_mm = short, long_
    return Paper(canonical_paper_name(name), w_mm * MM, h_mm * MM)


def check_dpi(dpi: int) -> int:
    if not MIN_DPI <= dpi <= MAX_DPI:
        raise PaperError(f"DPI must be from {MIN_DPI} to {MAX_DPI}, not {dpi}.")
    return dpi


def check_pixels(paper: Paper, dpi: int) -> tuple[int, int]:
    w, h = paper.pixels(check_dpi(dpi))
    if w * h > MAX_PIXELS:
        raise PaperError(
            f"{paper.name} at {dpi} DPI would be {w} x {h} pixels, too large for one image; "
            "choose a lower DPI or a smaller paper."
        )
    return w, h


@dataclass(frozen=True)
class Fit:
    """Scene -> page: ``page = offset + scale * scene``."""

    scale: float
    dx: float
    dy: float

    def map(self, x: float, y: float) -> tuple[float, float]:
        return (self.dx + self.scale * x, self.dy + self.scale * y)


def fit_rect(
    content_w: float, content_h: float, box: tuple[float, float, float, float]
) -> Fit:
    """Scale content to fit a box (x, y, w, h), centred horizontally, at the top."""
    x, y, w, h = box
    if content_w <= 0 or content_h <= 0 or w <= 0 or h <= 0:
        return Fit(1.0, x, y)
    scale = min(w / content_w, h / content_h)
    return Fit(scale, x + (w - content_w * scale) / 2, y)


@dataclass(frozen=True)
class Tile:
    """One printed sheet of a tiled poster."""

    row: int
    col: int
    rows: int
    cols: int
    sheet: Paper
    # Which part of the poster (in poster points) this sheet prints, and where.
    poster_x: float
    poster_y: float
    margin: float
    overlap: float
    # Its number among the sheets that are printed (sheets with nothing on them are not).
    number: int = 0
    printed: int = 0

    @property
    def printable(self) -> tuple[float, float, float, float]:
        m = self.margin
        return (m, m, self.sheet.width - 2 * m, self.sheet.height - 2 * m)

    @property
    def label(self) -> str:
        return f"row {self.row + 1} of {self.rows}, column {self.col + 1} of {self.cols}"


def _grid(poster: Paper, sheet: Paper, margin: float, overlap: float) -> tuple[int, int]:
    step_x = sheet.width - 2 * margin - overlap
    step_y = sheet.height - 2 * margin - overlap
    cols = max(1, math.ceil((poster.width - overlap) / step_x - 1e-9))
    rows = max(1, math.ceil((poster.height - overlap) / step_y - 1e-9))
    return rows, cols


def plan_tiles(
    poster: Paper,
    tile_paper: str,
    margin_mm: float = TILE_MARGIN_MM,
    overlap_mm: float = TILE_OVERLAP_MM,
) -> list[Tile]:
    """Sheets (row by row) that together print the poster, with an overlap band to glue.

    The sheet orientation that needs fewer sheets wins (portrait on a tie).
    """
    if tile_paper.strip().lower() not in (t.lower() for t in TILE_PAPERS):
        raise PaperError(f"tiles must be {' or '.join(TILE_PAPERS)}, not {tile_paper!r}.")
    margin, overlap = margin_mm * MM, overlap_mm * MM
    best: tuple[int, Paper, int, int] | None = None
    for orientation in ("portrait", "landscape"):
        sheet = make_paper(tile_paper, orientation)
        rows, cols = _grid(poster, sheet, margin, overlap)
        if best is None or rows * cols < best[0]:
            best = (rows * cols, sheet, rows, cols)
    assert best is not None
    _, sheet, rows, cols = best
    step_x = sheet.width - 2 * margin - overlap
    step_y = sheet.height - 2 * margin - overlap
    return [
        Tile(r, c, rows, cols, sheet, c * step_x, r * step_y, margin, overlap)
        for r in range(rows)
        for c in range(cols)
    ]
