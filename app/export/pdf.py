"""PDF posters and tiled prints with reportlab: vector paths, real (searchable) text."""

from __future__ import annotations

import io
from collections.abc import Sequence
from functools import lru_cache
from pathlib import Path
from typing import Any

from reportlab.lib.colors import Color, HexColor
from reportlab.lib.utils import ImageReader
from reportlab.pdfbase.ttfonts import ShapedStr, shapeStr
from reportlab.pdfgen.canvas import Canvas

from app.export.atomic import ExportCancelled, atomic_path
from app.export.compose import MapDocument, Point, ProgressFn, Segment
from app.export.paper import Paper, Tile
from app.export.poster import draw_poster
from app.export.register import draw_register_pages, register_page_count
from app.export.text import REGULAR, place_line, register_fonts
from app.export.tiles import draw_tile
from app.export.verify import pdf as complete_pdf
from model.style import INVALID_COLOR
from model.text.measure import box_positions


@lru_cache(maxsize=256)
def _color(value: str) -> Color:
    try:
        return HexColor(value)
    except (ValueError, TypeError):
        return HexColor(INVALID_COLOR)


class PdfSurface:
    """The compose.Surface on a reportlab canvas (y flipped so that it points down)."""

    def __init__(self, canvas: Canvas) -> None:
        self.c = canvas

    def begin_page(self, paper: Paper) -> None:
        self.c.setPageSize((paper.width, paper.height))
        self.c.translate(0, paper.height)
        self.c.scale(1, -1)

    def end_page(self) -> None:
        self.c.showPage()

    def save(self) -> None:
        self.c.saveState()

    def restore(self) -> None:
        self.c.restoreState()

    def translate(self, dx: float, dy: float) -> None:
        self.c.translate(dx, dy)

    def scale(self, k: float) -> None:
        self.c.scale(k, k)

    def clip(self, x: float, y: float, w: float, h: float) -> None:
        p = self.c.beginPath()
        p.rect(x, y, w, h)
        self.c.clipPath(p, stroke=0, fill=0)

    def _paint(
        self, fill: str | None, stroke: str | None, width: float, alpha: float
    ) -> tuple[int, int]:
        if fill is not None:
            self.c.setFillColor(_color(fill))
            self.c.setFillAlpha(alpha)
        if stroke is not None:
            self.c.setStrokeColor(_color(stroke))
            self.c.setStrokeAlpha(alpha)
            self.c.setLineWidth(width)
        return (1 if fill is not None else 0, 1 if stroke is not None else 0)

    def rect(
        self,
        x: float,
        y: float,
        w: float,
        h: float,
        fill: str | None,
        stroke: str | None = None,
        width: float = 1.0,
        radius: float = 0.0,
        alpha: float = 1.0,
    ) -> None:
        do_fill, do_stroke = self._paint(fill, stroke, width, alpha)
        if radius > 0:
            self.c.roundRect(x, y, w, h, radius, stroke=do_stroke, fill=do_fill)
        else:
            self.c.rect(x, y, w, h, stroke=do_stroke, fill=do_fill)
        if alpha != 1.0:
            self.c.setFillAlpha(1)
            self.c.setStrokeAlpha(1)

    def line(
        self,
        x1: float,
        y1: float,
        x2: float,
        y2: float,
        color: str,
        width: float = 1.0,
        dash: Sequence[float] | None = None,
    ) -> None:
        self._paint(None, color, width, 1.0)
        if dash:
            self.c.setDash(list(dash), 0)
        self.c.line(x1, y1, x2, y2)
        if dash:
            self.c.setDash([], 0)

    def path(
        self,
        start: Point,
        segments: Sequence[Segment],
        fill: str | None,
        stroke: str | None,
        width: float = 1.0,
        alpha: float = 1.0,
        close: bool = False,
    ) -> None:
        p = self.c.beginPath()
        p.moveTo(*start)
        for seg in segments:
            if len(seg) == 3:
                (x1, y1), (x2, y2), (x3, y3) = seg
                p.curveTo(x1, y1, x2, y2, x3, y3)
            else:
                p.lineTo(*seg[0])
        if close:
            p.close()
        do_fill, do_stroke = self._paint(fill, stroke, width, alpha)
        self.c.setLineCap(1)
        self.c.setLineJoin(1)
        self.c.drawPath(p, stroke=do_stroke, fill=do_fill)
        self.c.setLineCap(0)
        self.c.setLineJoin(0)
        if alpha != 1.0:
            self.c.setFillAlpha(1)
            self.c.setStrokeAlpha(1)

    def circle(
        self, cx: float, cy: float, r: float, fill: str | None, stroke: str | None, width: float
    ) -> None:
        do_fill, do_stroke = self._paint(fill, stroke, width, 1.0)
        self.c.circle(cx, cy, r, stroke=do_stroke, fill=do_fill)

    def text(
        self, x: float, y: float, line: str, size: float, color: str, bold: bool = False,
        rtl: bool | None = None,
    ) -> None:
        if not line:
            return
        c = self.c
        c.saveState()
        c.translate(x, y)
        c.scale(1, -1)
        placed = place_line(line, bold, rtl)
        c.setFillColor(_color(color))
        for placed_run in placed.runs:
            run = placed_run.run
            c.setFont(run.font, size)
            drawn: Any = run.text
            if run.shape and not run.missing:
                shaped = shapeStr(run.text, run.font, size)
                if isinstance(shaped, ShapedStr):
                    drawn = shaped
            actual = run.missing or (run.shape and run.rtl)
            if actual:
                # Joined Arabic glyphs map back to presentation forms, and a character
                # no font has prints as a box: the typed characters go into the text
                # layer instead, so search and copy find them. In drawing order, as
                # glyphs would be: readers (poppler) put right-to-left runs back.
                shown = run.text[::-1] if run.rtl else run.text
                utf16 = shown.encode("utf-16-be", "surrogatepass").hex().upper()
                c.addLiteral(f"/Span <</ActualText <FEFF{utf16}>>> BDC")
            # Each run where model.text put it: the canvas draws it at the same place.
            x0 = placed_run.x * size
            if run.missing:  # one missing-glyph box per character, as on the canvas
                for x, ch in box_positions(run, bold):
                    c.drawString(x0 + x * size, 0, ch)
            else:
                c.drawString(x0, 0, drawn)
            if actual:
                c.addLiteral("EMC")
        c.restoreState()

    def image(self, x: float, y: float, w: float, h: float, data: bytes) -> None:
        c = self.c
        c.saveState()
        c.translate(x, y + h)  # drawn upright: the page's y points down
        c.scale(1, -1)
        c.drawImage(ImageReader(io.BytesIO(data)), 0, 0, w, h)
        c.restoreState()


def _canvas(path: Path, doc: MapDocument) -> Canvas:
    register_fonts()
    canvas = Canvas(str(path), initialFontName=REGULAR, initialFontSize=10, pageCompression=1)
    canvas.setTitle(doc.name)
    canvas.setAuthor("Journeyboard")
    canvas.setCreator("Journeyboard")
    canvas.setSubject(doc.objective[:200])
    return canvas


def write_poster_pdf(
    path: Path | str, doc: MapDocument, paper: Paper, progress: ProgressFn | None = None
) -> Path:
    """One page: the whole map on ``paper``."""
    target = Path(path)
    pages = 1 + register_page_count(doc)
    with atomic_path(target, verify=complete_pdf(pages=pages)) as tmp:
        canvas = _canvas(tmp, doc)
        surface = PdfSurface(canvas)
        surface.begin_page(paper)
        draw_poster(surface, doc, paper)
        surface.end_page()
        draw_register_pages(surface, doc, surface.begin_page, surface.end_page)
        if progress is not None and progress(1, 1) is False:
            raise ExportCancelled
        canvas.save()
    return target


def write_tiled_pdf(
    path: Path | str,
    doc: MapDocument,
    poster: Paper,
    tiles: list[Tile],
    progress: ProgressFn | None = None,
) -> Path:
    """The poster printed over several small sheets, one page each."""
    target = Path(path)
    pages = len(tiles) + register_page_count(doc)
    with atomic_path(target, verify=complete_pdf(pages=pages)) as tmp:
        canvas = _canvas(tmp, doc)
        surface = PdfSurface(canvas)
        for i, tile in enumerate(tiles):
            surface.begin_page(tile.sheet)
            draw_tile(surface, doc, poster, tile, doc.name)
            surface.end_page()
            if progress is not None and progress(i + 1, len(tiles)) is False:
                raise ExportCancelled
        draw_register_pages(surface, doc, surface.begin_page, surface.end_page)
        canvas.save()
    return target
