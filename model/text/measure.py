"""Widths of text in the bundled fonts, and lines cut into positioned runs for drawing.

Plain runs are measured from cached per-character advances; only runs of scripts that
need shaping (Arabic, Hebrew points, Indic) go through HarfBuzz.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from model.text.fonts import BOLD, REGULAR, face, font_for_char
from model.text.runs import NEEDS_SHAPING, Run, attaches, font_runs, visual_runs


class _MixedAdvances(dict[str, float]):
    """Advance (em) of each character in the font that draws it; filled on first use."""

    def __init__(self, bold: bool) -> None:
        super().__init__()
        self._bold = bold

    def __missing__(self, ch: str) -> float:
        main = BOLD if self._bold else REGULAR
        if attaches(ch) and not ch.isspace():
            value = 0.0
        else:
            key = font_for_char(ch, self._bold)
            value = face(key).advances[ch] if key is not None else face(main).notdef
        self[ch] = value
        return value


ADVANCES = {False: _MixedAdvances(False), True: _MixedAdvances(True)}


@dataclass(frozen=True)
class Glyphs:
    """A run as glyphs of one bundled font: ids and where each goes (em, y down)."""

    ids: tuple[int, ...]
    xs: tuple[float, ...]
    ys: tuple[float, ...]
    width: float


@lru_cache(maxsize=8192)
def shape(text: str, font: str) -> Glyphs:
    """``text`` shaped by HarfBuzz in one bundled font, glyphs in drawing order."""
    import uharfbuzz as hb

    f = face(font)
    buf = hb.Buffer()
    buf.add_str(text)
    buf.guess_segment_properties()
    hb.shape(f.hb_font, buf, {"kern": False})
    ids: list[int] = []
    xs: list[float] = []
    ys: list[float] = []
    pen = 0
    for info, pos in zip(buf.glyph_infos, buf.glyph_positions, strict=True):
        ids.append(info.codepoint)
        xs.append((pen + pos.x_offset) / f.upem)
        ys.append(-pos.y_offset / f.upem)
        pen += pos.x_advance
    return Glyphs(tuple(ids), tuple(xs), tuple(ys), pen / f.upem)


def shaped_width(text: str, font: str) -> float:
    """Width in em of ``text`` shaped by HarfBuzz in one bundled font."""
    return shape(text, font).width


@lru_cache(maxsize=8192)
def plain_glyphs(text: str, font: str, bold: bool) -> Glyphs:
    """An unshaped run as glyphs: one per character, at the advances text_width sums."""
    f = face(font)
    advances = ADVANCES[bold]
    ids: list[int] = []
    xs: list[float] = []
    pen = 0.0
    for ch in text:
        gid = f.glyph(ch)
        if gid or not attaches(ch):  # a mark nothing has: no second box
            ids.append(gid)
            xs.append(pen)
        pen += advances[ch]
    return Glyphs(tuple(ids), tuple(xs), (0.0,) * len(ids), pen)


def box_positions(run: Run, bold: bool = False) -> list[tuple[float, str]]:
    """Where each character of a run goes (em), one by one: for missing-glyph boxes."""
    advances = ADVANCES[bold]
    out: list[tuple[float, str]] = []
    pen = 0.0
    for ch in run.text:
        if not attaches(ch) and not ch.isspace():
            out.append((pen, ch))
        pen += advances[ch]
    return out


def run_glyphs(run: Run, bold: bool = False) -> Glyphs:
    """The glyphs a run is drawn with (missing characters: the missing-glyph box)."""
    if run.shape and not run.missing:
        return shape(run.text, run.font)
    return plain_glyphs(run.text, run.font, bold)


def em_width(text: str, bold: bool = False) -> float:
    """Width of one line in em (multiply by the size): shaped where the script needs it."""
    if not NEEDS_SHAPING.search(text):
        return sum(map(ADVANCES[bold].__getitem__, text))
    total = 0.0
    for font, piece in font_runs(text, bold):
        if NEEDS_SHAPING.search(piece):
            total += shaped_width(piece, font)
        else:
            total += sum(map(ADVANCES[bold].__getitem__, piece))
    return total


def text_width(text: str, size: float, bold: bool = False) -> float:
    """Width of one line at ``size`` (in the units of ``size``)."""
    return em_width(text, bold) * size


def _run_em(run: Run, bold: bool) -> float:
    if run.shape and not run.missing:
        return shaped_width(run.text, run.font)
    return sum(map(ADVANCES[bold].__getitem__, run.text))


@dataclass(frozen=True)
class PlacedRun:
    """A run of a line with its place: ``x`` from the line's left edge, in em."""

    run: Run
    x: float
    width: float


@dataclass(frozen=True)
class PlacedLine:
    """A line cut into runs in drawing order, each where it starts (em)."""

    text: str
    runs: tuple[PlacedRun, ...]
    width: float  # em

    @property
    def shaped(self) -> bool:
        """Whether some run is laid out by HarfBuzz (its PDF glyphs are not the text)."""
        return any(p.run.shape for p in self.runs)

    @property
    def missing(self) -> bool:
        return any(p.run.missing for p in self.runs)


@lru_cache(maxsize=16384)
def place_line(line: str, bold: bool = False, rtl: bool | None = None) -> PlacedLine:
    """``line`` as runs in visual order, each at its x (em); every drawer uses these."""
    x = 0.0
    placed: list[PlacedRun] = []
    for run in visual_runs(line, bold, rtl):
        w = _run_em(run, bold)
        placed.append(PlacedRun(run, x, w))
        x += w
    return PlacedLine(line, tuple(placed), x)
