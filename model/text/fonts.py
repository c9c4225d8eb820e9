"""The bundled fonts, read from their files: coverage, advances and ascent, without Qt.

Widths come from the fonts' own tables (through HarfBuzz), so the canvas and every
exporter measure text alike. Advances are cached per character: a big map measures
hundreds of thousands of characters and asks HarfBuzz about each only once.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import Any

import resources

FONT_DIR = Path(resources.__file__).resolve().parent / "fonts"
REGULAR_FILE = FONT_DIR / "DejaVuSans.ttf"
BOLD_FILE = FONT_DIR / "DejaVuSans-Bold.ttf"
CJK_FILE = FONT_DIR / "DroidSansFallbackFull.ttf"

# The names the fonts go by in exporters (reportlab registers them under these).
REGULAR = "JB-DejaVuSans"
BOLD = "JB-DejaVuSans-Bold"
CJK = "JB-DroidSansFallback"

FILES = {REGULAR: REGULAR_FILE, BOLD: BOLD_FILE, CJK: CJK_FILE}
QT_FAMILIES = {REGULAR: "DejaVu Sans", BOLD: "DejaVu Sans", CJK: "Droid Sans Fallback"}
QT_FAMILY = QT_FAMILIES[REGULAR]
QT_CJK_FAMILY = QT_FAMILIES[CJK]

ELLIPSIS = "\u2026"


class _Advances(dict[str, float]):
    """Advance of each character in em (1.0 = the font size); filled on first use."""

    def __init__(self, face: Face) -> None:
        super().__init__()
        self._face = face

    def __missing__(self, ch: str) -> float:
        value = self[ch] = self._face.char_advance(ch)
        return value


@dataclass
class Face:
    """One bundled font file as HarfBuzz reads it."""

    key: str
    hb_font: Any
    upem: int
    coverage: frozenset[int]
    ascent: float  # em
    descent: float  # em, positive
    notdef: float  # em: the missing-glyph box
    advances: _Advances
    glyphs: dict[str, int] = field(default_factory=dict)

    def glyph(self, ch: str) -> int:
        """The glyph id of a character (0, the missing-glyph box, when there is none)."""
        gid = self.glyphs.get(ch)
        if gid is None:
            gid = self.glyphs[ch] = self.hb_font.get_nominal_glyph(ord(ch)) or 0
        return gid

    def char_advance(self, ch: str) -> float:
        gid = self.hb_font.get_nominal_glyph(ord(ch))
        if gid is None:
            return self.notdef
        return float(self.hb_font.get_glyph_h_advance(gid)) / self.upem


@cache
def face(key: str) -> Face:
    """The bundled font called ``key`` (REGULAR, BOLD or CJK), loaded once."""
    import uharfbuzz as hb

    blob = hb.Blob.from_file_path(str(FILES[key]))
    hb_face = hb.Face(blob)
    font = hb.Font(hb_face)
    upem = hb_face.upem
    extents = font.get_font_extents("ltr")
    loaded = Face(
        key=key,
        hb_font=font,
        upem=upem,
        coverage=frozenset(hb_face.unicodes),
        ascent=extents.ascender / upem,
        descent=-extents.descender / upem,
        notdef=font.get_glyph_h_advance(0) / upem,
        advances=None,  # type: ignore[arg-type]  # set just below: it needs the face
    )
    loaded.advances = _Advances(loaded)
    return loaded


def covers(key: str, ch: str) -> bool:
    return ord(ch) in face(key).coverage


def font_for_char(ch: str, bold: bool = False) -> str | None:
    """The bundled font that draws ``ch``, or None when none has a glyph for it."""
    code = ord(ch)
    main = BOLD if bold else REGULAR
    if code in face(main).coverage:
        return main
    if bold and code in face(REGULAR).coverage:
        return REGULAR
    if code in face(CJK).coverage:
        return CJK
    return None


def ascent(bold: bool = False) -> float:
    """Height of the main font above the baseline, in em."""
    return face(BOLD if bold else REGULAR).ascent
