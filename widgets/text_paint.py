"""Drawing model.text lines with Qt: the bundled fonts, run by run where the model put them.

The canvas and the PNG export draw card text as glyph runs of the bundled font files
at the positions model.text computed (HarfBuzz for Arabic), so they show the layout's
lines exactly as the PDF does, at any zoom. The SVG export draws each run as text
(so it stays text), placed the same way. A run no bundled font covers is drawn in a
system font when the system has one for its script; otherwise, like the PDF, as
missing-glyph boxes, without asking Qt to search every installed font for a script
none supports (that search printed an "OpenType support missing" warning per font on
every export).
"""

from __future__ import annotations

import math
import re
from collections.abc import Sequence
from functools import cache

from PySide6.QtCore import QPointF
from PySide6.QtGui import QFont, QFontDatabase, QGlyphRun, QPainter, QPainterPath, QRawFont

from model.text import BOLD, FILES, QT_FAMILIES, PlacedLine, PlacedRun, Run, run_glyphs

_loaded: dict[str, str] = {}

# Scripts Qt only draws with OpenType support (qfontdatabase.cpp), by code point range.
_WS = QFontDatabase.WritingSystem
_OPENTYPE_SCRIPTS: tuple[tuple[str, str, QFontDatabase.WritingSystem], ...] = (
    ("\u0700", "\u074f", _WS.Syriac), ("\u0780", "\u07bf", _WS.Thaana),
    ("\u07c0", "\u07ff", _WS.Nko), ("\u0900", "\u097f", _WS.Devanagari),
    ("\u0980", "\u09ff", _WS.Bengali), ("\u0a00", "\u0a7f", _WS.Gurmukhi),
    ("\u0a80", "\u0aff", _WS.Gujarati), ("\u0b00", "\u0b7f", _WS.Oriya),
    ("\u0b80", "\u0bff", _WS.Tamil), ("\u0c00", "\u0c7f", _WS.Telugu),
    ("\u0c80", "\u0cff", _WS.Kannada), ("\u0d00", "\u0d7f", _WS.Malayalam),
    ("\u0d80", "\u0dff", _WS.Sinhala), ("\u1780", "\u17ff", _WS.Khmer),
)
_OPENTYPE_CHARS = re.compile("[" + "".join(f"{a}-{b}" for a, b, _ws in _OPENTYPE_SCRIPTS) + "]")

Op = tuple[QPointF, QFont | None, "str | QGlyphRun"]  # where, in which font, text or glyphs


def load_fonts() -> dict[str, str]:
    """Register the bundled fonts with Qt once; the Qt family of each font key."""
    if not _loaded:
        for key, path in FILES.items():
            font_id = QFontDatabase.addApplicationFont(str(path))
            families = QFontDatabase.applicationFontFamilies(font_id) if font_id >= 0 else []
            _loaded[key] = families[0] if families else QT_FAMILIES[key]
    return _loaded


@cache
def _system_has(ws: QFontDatabase.WritingSystem) -> bool:
    return bool(QFontDatabase.families(ws))


def system_can_draw(text: str) -> bool:
    """Whether Qt can find a font for ``text`` without probing every font in vain."""
    for ch in set(_OPENTYPE_CHARS.findall(text)):
        ws = next(w for a, b, w in _OPENTYPE_SCRIPTS if a <= ch <= b)
        if not _system_has(ws):
            return False
    return True


@cache
def raw_font(key: str, pixel_size: float) -> QRawFont:
    """A bundled font file at a size in the painter's user units (no hinting: exact advances)."""
    return QRawFont(str(FILES[key]), pixel_size, QFont.HintingPreference.PreferNoHinting)


@cache
def glyph_run(run: Run, size: float) -> QGlyphRun:
    """A run as the glyphs model.text chose, at the places it chose."""
    glyphs = run_glyphs(run, run.font == BOLD)
    out = QGlyphRun()
    out.setRawFont(raw_font(run.font, size))
    out.setGlyphIndexes(list(glyphs.ids))
    out.setPositions([QPointF(x * size, y * size)
                      for x, y in zip(glyphs.xs, glyphs.ys, strict=True)])
    return out


class RunFonts:
    """QFonts for the bundled fonts at a size in the painter's user units, per device dpi."""

    def __init__(self) -> None:
        self._fonts: dict[tuple[str | None, float, float], QFont] = {}

    def font(self, key: str | None, size: float, dpi: float) -> QFont:
        """The font of a run (``key`` None: a system font, for text no bundled font has)."""
        cache_key = (key, size, dpi)
        font = self._fonts.get(cache_key)
        if font is None:
            font = QFont()
            if key is not None:
                font.setFamilies([load_fonts()[key]])
                font.setBold(key == BOLD)
                # The model measured this run in exactly this font: no fallback.
                font.setStyleStrategy(QFont.StyleStrategy.NoFontMerging)
            # A point size that makes the font ``size`` units of the painter's user space.
            font.setPointSizeF(max(size * 72.0 / dpi, 0.01))
            font.setHintingPreference(QFont.HintingPreference.PreferNoHinting)
            font.setKerning(False)
            self._fonts[cache_key] = font
        return font


def run_ops(placed: PlacedLine, x: float, baseline: float, size: float, dpi: float,
            fonts: RunFonts, as_text: bool = False) -> list[Op]:
    """What to draw for one line, left to right (``as_text``: runs as text, for SVG)."""
    return [_run_op(p, x, baseline, size, dpi, fonts, as_text) for p in placed.runs]


def _run_op(placed_run: PlacedRun, x: float, baseline: float, size: float, dpi: float,
            fonts: RunFonts, as_text: bool) -> Op:
    run = placed_run.run
    pos = QPointF(x + placed_run.x * size, baseline)
    if run.missing and system_can_draw(run.text):
        return pos, fonts.font(None, size, dpi), run.text
    if as_text and not run.missing:
        # Right-to-left marks keep a right-to-left run's edge spaces on its own side.
        text = f"\u200f{run.text}\u200f" if run.rtl else run.text
        return pos, fonts.font(run.font, size, dpi), text
    return pos, None, glyph_run(run, size)


# Qt's raster engine draws nothing for a glyph run whose glyphs come out larger than
# this on the device (its glyph cache stops at 64 px and the fallback draws no QRawFont
# glyphs): a PNG title at 150 dpi, a zoomed-in stage name. Those are filled as outlines.
LARGEST_CACHED_GLYPH_PX = 60.0


def outline(glyphs: QGlyphRun) -> QPainterPath:
    """A glyph run as one outline, baseline at y = 0 (only large text is drawn so)."""
    raw = glyphs.rawFont()
    path = QPainterPath()
    for glyph, at in zip(glyphs.glyphIndexes(), glyphs.positions(), strict=True):
        path.addPath(raw.pathForGlyph(glyph).translated(at))
    return path


def device_scale(painter: QPainter) -> float:
    """How many device pixels one user unit of the painter is (the larger axis)."""
    t = painter.combinedTransform()
    return max(math.hypot(t.m11(), t.m12()), math.hypot(t.m21(), t.m22()))


def draw_ops(painter: QPainter, ops: Sequence[Op]) -> None:
    """Draw prepared runs (the pen is the caller's)."""
    current: QFont | None = None
    scale: float | None = None
    for pos, font, what in ops:
        if isinstance(what, QGlyphRun):
            if scale is None:
                scale = device_scale(painter)
            if what.rawFont().pixelSize() * scale > LARGEST_CACHED_GLYPH_PX:
                painter.fillPath(outline(what).translated(pos), painter.pen().color())
                continue
            painter.drawGlyphRun(pos, what)
            continue
        if font is not None and font is not current:
            painter.setFont(font)
            current = font
        painter.drawText(pos, what)


def device_dpi(painter: QPainter) -> float:
    device = painter.device()
    return float(device.logicalDpiY()) if device is not None else 96.0

