"""PNG and SVG exports (and dialog previews) painted with QPainter from the same composition."""

from __future__ import annotations

import re
from collections.abc import Sequence
from pathlib import Path

from PySide6.QtCore import QPointF, QRectF, QSize, Qt
from PySide6.QtGui import (
    QColor,
    QGuiApplication,
    QImage,
    QPainter,
    QPainterPath,
    QPen,
)

from app.export.atomic import ExportError, atomic_path
from app.export.compose import MapDocument, Point, Segment
from app.export.paper import Paper, Tile, check_pixels
from app.export.poster import draw_poster
from app.export.tiles import draw_tile
from app.export.verify import png as complete_png
from app.export.verify import svg as complete_svg
from model.style import PAPER
from model.text import place_line
from widgets.text_paint import RunFonts, draw_ops, load_fonts, run_ops

_app: QGuiApplication | None = None

# Characters XML 1.0 does not allow (C0 controls but tab/LF/CR, lone surrogates,
# U+FFFE/U+FFFF). QSvgGenerator writes text as it is, so card text holding them
# would make an SVG no XML parser opens; they are shown as U+FFFD instead.
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")


def xml_safe(text: str) -> str:
    """``text`` with the characters XML cannot hold replaced by U+FFFD."""
    return _NOT_XML.sub("\ufffd", text)


def ensure_gui_app() -> None:
    """QPainter needs a QGuiApplication; one made here always uses the offscreen platform.

    An export draws into images and files only, so it needs no display; whatever
    QT_QPA_PLATFORM says (xcb without a display aborts the process inside Qt), the
    command-line argument wins over it.
    """
    global _app
    if QGuiApplication.instance() is None:
        # A QApplication (not just QGuiApplication), so that widgets can still be
        # created later in the same process (the editor, tests).
        from PySide6.QtWidgets import QApplication

        _app = QApplication(["journeyboard-export", "-platform", "offscreen"])
    load_fonts()


class QtSurface:
    """The compose.Surface on a QPainter whose user space is in points."""

    def __init__(self, painter: QPainter, xml: bool = False) -> None:
        self.p = painter
        self._xml = xml
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setRenderHint(QPainter.RenderHint.TextAntialiasing)
        device = painter.device()
        self._dpi = float(device.logicalDpiY()) if device is not None else 72.0
        self._fonts = RunFonts()

    def save(self) -> None:
        self.p.save()

    def restore(self) -> None:
        self.p.restore()

    def translate(self, dx: float, dy: float) -> None:
        self.p.translate(dx, dy)

    def scale(self, k: float) -> None:
        self.p.scale(k, k)

    def clip(self, x: float, y: float, w: float, h: float) -> None:
        self.p.setClipRect(QRectF(x, y, w, h), Qt.ClipOperation.IntersectClip)

    def _brush_pen(
        self, fill: str | None, stroke: str | None, width: float, alpha: float
    ) -> None:
        if fill is None:
            self.p.setBrush(Qt.BrushStyle.NoBrush)
        else:
            color = QColor(fill)
            color.setAlphaF(alpha)
            self.p.setBrush(color)
        if stroke is None:
            self.p.setPen(Qt.PenStyle.NoPen)
        else:
            color = QColor(stroke)
            color.setAlphaF(alpha)
            pen = QPen(color, width)
            pen.setCapStyle(Qt.PenCapStyle.RoundCap)
            pen.setJoinStyle(Qt.PenJoinStyle.RoundJoin)
            self.p.setPen(pen)

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
        self._brush_pen(fill, stroke, width, alpha)
        if radius > 0:
            self.p.drawRoundedRect(QRectF(x, y, w, h), radius, radius)
        else:
            self.p.drawRect(QRectF(x, y, w, h))

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
        pen = QPen(QColor(color), width)
        pen.setCapStyle(Qt.PenCapStyle.FlatCap)
        if dash:
            pen.setDashPattern([d / max(width, 1e-6) for d in dash])
        self.p.setPen(pen)
        self.p.drawLine(QPointF(x1, y1), QPointF(x2, y2))

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
        path = QPainterPath(QPointF(*start))
        for seg in segments:
            if len(seg) == 3:
                c1, c2, end = seg
                path.cubicTo(QPointF(*c1), QPointF(*c2), QPointF(*end))
            else:
                path.lineTo(QPointF(*seg[0]))
        if close:
            path.closeSubpath()
        self._brush_pen(fill, stroke, width, alpha)
        self.p.drawPath(path)

    def circle(
        self, cx: float, cy: float, r: float, fill: str | None, stroke: str | None, width: float
    ) -> None:
        self._brush_pen(fill, stroke, width, 1.0)
        self.p.drawEllipse(QPointF(cx, cy), r, r)

    def text(
        self, x: float, y: float, line: str, size: float, color: str, bold: bool = False,
        rtl: bool | None = None,
    ) -> None:
        if not line:
            return
        if self._xml:
            line = xml_safe(line)
        self.p.setPen(QColor(color))
        # Run by run where model.text placed them, each in its own font: an SVG
        # viewer then has no mixed-direction text to reorder, a PNG shows the glyphs
        # the PDF shows, and a run no bundled font covers cannot take the rest of
        # the line down with it.
        draw_ops(self.p, run_ops(place_line(line, bold, rtl), x, y, size, self._dpi,
                                 self._fonts, as_text=self._xml))

    def image(self, x: float, y: float, w: float, h: float, data: bytes) -> None:
        image = QImage.fromData(data)
        if not image.isNull():
            self.p.drawImage(QRectF(x, y, w, h), image)


def paint_page(
    painter: QPainter, doc: MapDocument, poster: Paper, tile: Tile | None, xml: bool = False
) -> None:
    """Paint the poster, or one tile of it, with the painter's user space in points.

    ``xml``: the painter writes XML (SVG), so text must be XML-safe.
    """
    surface = QtSurface(painter, xml)
    if tile is None:
        draw_poster(surface, doc, poster)
    else:
        draw_tile(surface, doc, poster, tile, doc.name)


def render_image(
    doc: MapDocument, poster: Paper, dpi: int, tile: Tile | None = None
) -> QImage:
    """The poster (or one tile) as an image of paper size x DPI, tagged with that DPI."""
    ensure_gui_app()
    sheet = tile.sheet if tile is not None else poster
    w, h = check_pixels(sheet, dpi)
    image = QImage(w, h, QImage.Format.Format_RGB32)
    if image.isNull():
        raise ExportError(f"not enough memory for a {w} x {h} pixel image.")
    dots_per_metre = round(dpi / 0.0254)
    image.setDotsPerMeterX(dots_per_metre)
    image.setDotsPerMeterY(dots_per_metre)
    return _paint_sheet(image, doc, poster, tile)


def _paint_sheet(image: QImage, doc: MapDocument, poster: Paper, tile: Tile | None) -> QImage:
    """Paint the page on a white image, scaled from points to the image's pixels."""
    sheet = tile.sheet if tile is not None else poster
    image.fill(QColor(PAPER))
    painter = QPainter(image)
    try:
        painter.scale(image.width() / sheet.width, image.height() / sheet.height)
        paint_page(painter, doc, poster, tile)
    finally:
        painter.end()
    return image


def render_preview(
    doc: MapDocument, poster: Paper, tile: Tile | None, max_side: int = 480
) -> QImage:
    """A small image of the first page the export will produce (for the dialog)."""
    ensure_gui_app()
    sheet = tile.sheet if tile is not None else poster
    k = max_side / max(sheet.width, sheet.height)
    w, h = max(1, round(sheet.width * k)), max(1, round(sheet.height * k))
    return _paint_sheet(QImage(w, h, QImage.Format.Format_RGB32), doc, poster, tile)


def write_png(path: Path | str, doc: MapDocument, paper: Paper, dpi: int) -> Path:
    """The poster as a PNG of paper size x DPI pixels with DPI metadata."""
    target = Path(path)
    image = render_image(doc, paper, dpi)
    with atomic_path(target, verify=complete_png(image.width(), image.height())) as tmp:
        # The stubs ask for a bytes format, but PySide6 only accepts a str at runtime.
        if not image.save(str(tmp), "PNG"):  # type: ignore[call-overload]
            raise ExportError(f"{target}: the PNG image could not be written.")
    return target


def write_svg(path: Path | str, doc: MapDocument, paper: Paper) -> Path:
    """The poster as SVG (vector; text stays text), one user unit per point."""
    from PySide6.QtSvg import QSvgGenerator

    ensure_gui_app()
    target = Path(path)
    with atomic_path(target, verify=complete_svg) as tmp:
        # SVG 1.1 rather than Tiny: it keeps clip paths (card text stays in its card).
        generator = QSvgGenerator(QSvgGenerator.SvgVersion.Svg11)
        generator.setFileName(str(tmp))
        generator.setResolution(72)
        generator.setSize(QSize(round(paper.width), round(paper.height)))
        generator.setViewBox(QRectF(0, 0, paper.width, paper.height))
        generator.setTitle(xml_safe(doc.name))
        generator.setDescription(f"Journey map exported by Journeyboard ({paper.name})")
        painter = QPainter()
        if not painter.begin(generator):
            raise ExportError(f"{target}: the SVG file could not be written.")
        try:
            paint_page(painter, doc, paper, None, xml=True)
        finally:
            # The generator writes the file here; False means it could not.
            ended = painter.end()
        if not ended:
            raise ExportError(f"{target}: the SVG file could not be written.")
    return target
