"""The poster's persona panel and its strip of top opportunities."""

from __future__ import annotations

from app.export.compose import (
    GRID_LINE,
    HEADER_TEXT,
    INK,
    MUTED_TEXT,
    MapDocument,
    PersonaCard,
    Surface,
)
from app.export.text import elide, text_width, wrap
from model import style
from model.style import ASCENT, POSTER

Box = tuple[float, float, float, float]
SECTIONS = (("Goals", "goals"), ("Needs", "needs"), ("Frustrations", "frustrations"))


class _Flow:
    """Lines written down a column until its bottom; the last one that fits gets "…"."""

    def __init__(self, surface: Surface, x: float, y: float, w: float, bottom: float) -> None:
        self.s, self.x, self.y, self.w, self.bottom = surface, x, y, w, bottom

    def room(self, size: float) -> int:
        return max(0, int((self.bottom - self.y) // (size * 1.3)))

    def para(self, text: str, size: float, color: str, bold: bool = False,
             indent: float = 0.0, max_lines: int = 0, first: str = "") -> bool:
        lines_left = self.room(size)
        if lines_left <= 0 or not text.strip():
            return lines_left > 0
        cap = min(lines_left, max_lines) if max_lines else lines_left
        lines = wrap(text.strip(), self.w - indent, size, bold=bold, max_lines=cap)
        for i, line in enumerate(lines):
            if i == 0 and first:
                self.s.text(self.x, self.y + size * ASCENT, first, size, color, bold)
            self.s.text(self.x + indent, self.y + size * ASCENT, line, size, color, bold)
            self.y += size * 1.3
        return True

    def gap(self, h: float) -> None:
        self.y += h


def draw_persona_panel(surface: Surface, persona: PersonaCard, box: Box, u: float) -> None:
    """Photo, name, role, quote, goals, needs and frustrations of the journey's persona."""
    x, y, w, h = box
    surface.rect(x, y, w, h, fill=INK.legend_fill, stroke=GRID_LINE, width=0.6 * u,
                 radius=4 * u)
    pad = 9 * u
    if w >= h:  # a strip across a portrait sheet: photo, who, then the lists side by side
        _persona_strip(surface, persona, box, u, pad)
        return
    flow = _Flow(surface, x + pad, y + pad, w - 2 * pad, y + h - pad)
    if persona.photo:
        side = min(w - 2 * pad, 120 * u, h * 0.3)
        _photo(surface, persona.photo, x + pad, y + pad, side, u)
        flow.gap(side + 8 * u)
    _who(flow, persona, u)
    for heading, attr in SECTIONS:
        _section(flow, heading, getattr(persona, attr), u)


def _photo(surface: Surface, data: bytes, x: float, y: float, side: float, u: float) -> None:
    surface.image(x, y, side, side, data)
    surface.rect(x, y, side, side, fill=None, stroke=GRID_LINE, width=0.8 * u)


def _who(flow: _Flow, persona: PersonaCard, u: float) -> None:
    p = POSTER
    flow.para("PERSONA", p.panel_heading * u, style.ACCENT, bold=True, max_lines=1)
    flow.para(persona.name, p.panel_name * u, HEADER_TEXT, bold=True, max_lines=2)
    flow.para(persona.role, p.panel_text * u, MUTED_TEXT, max_lines=2)
    if persona.quote.strip():
        flow.gap(4 * u)
        flow.para(f"\u201c{persona.quote.strip()}\u201d", p.panel_text * 1.15 * u,
                  style.ACCENT, max_lines=6)
    flow.gap(6 * u)


def _section(flow: _Flow, heading: str, text: str, u: float) -> None:
    items = [t.strip(" -•\t") for t in text.splitlines() if t.strip(" -•\t")]
    if not items:
        return
    p = POSTER
    size = p.panel_text * u
    if flow.room(size) < 2:  # a heading with nothing under it says nothing
        return
    flow.para(heading.upper(), p.panel_heading * u, style.ACCENT, bold=True, max_lines=1)
    indent = text_width("\u2022 ", size)
    for item in items:
        if not flow.para(item, size, HEADER_TEXT, indent=indent, first="\u2022"):
            return
    flow.gap(5 * u)


def _persona_strip(surface: Surface, persona: PersonaCard, box: Box, u: float,
                   pad: float) -> None:
    x, y, w, h = box
    left = x + pad
    if persona.photo:
        side = h - 2 * pad
        _photo(surface, persona.photo, left, y + pad, side, u)
        left += side + 10 * u
    sections = [(hd, getattr(persona, a)) for hd, a in SECTIONS if getattr(persona, a).strip()]
    cols = 1 + len(sections)
    col_w = (x + w - pad - left - (cols - 1) * 10 * u) / cols
    flow = _Flow(surface, left, y + pad, col_w, y + h - pad)
    _who(flow, persona, u)
    for i, (heading, text) in enumerate(sections, start=1):
        col = _Flow(surface, left + i * (col_w + 10 * u), y + pad, col_w, y + h - pad)
        _section(col, heading, text, u)


# --------------------------------------------------------------------------- opportunities

_COLUMNS = (("#", 0.04), ("Opportunity", 0.46), ("Priority", 0.1), ("Owner", 0.2),
            ("Status", 0.2))


def register_height(doc: MapDocument, u: float) -> float:
    rows = min(len(doc.opportunities), POSTER.register_rows)
    size = POSTER.register_text * u
    return 2 * 6 * u + (rows + 2) * size * 1.5


def _compact_rows(doc: MapDocument, w: float, u: float) -> list[tuple[list[str], str]]:
    size = POSTER.panel_text * u
    indent = text_width("5  ", size, True)
    rows = []
    for opp in doc.opportunities[:POSTER.register_rows]:
        title = wrap(opp["title"], w - indent, size, bold=True, max_lines=2)
        meta = f"priority {opp['priority']:.0f}" + (f" \u00b7 {opp['owner']}" if opp["owner"]
                                                    else "")
        rows.append((title, elide(meta, w - indent, size)))
    return rows


def compact_register_height(doc: MapDocument, w: float, u: float) -> float:
    """Height of the top opportunities as a narrow list (under the persona)."""
    size = POSTER.panel_text * u
    lines = sum(len(t) + 1 for t, _ in _compact_rows(doc, w - 18 * u, u))
    return 2 * 9 * u + POSTER.panel_heading * 1.3 * u + lines * size * 1.3 + \
        len(doc.opportunities[:POSTER.register_rows]) * 3 * u


def draw_compact_register(surface: Surface, doc: MapDocument, box: Box, u: float) -> None:
    """The top opportunities by priority as a narrow list: rank, title, priority and owner."""
    x, y, w, h = box
    surface.rect(x, y, w, h, fill=INK.legend_fill, stroke=GRID_LINE, width=0.6 * u,
                 radius=4 * u)
    pad = 9 * u
    size = POSTER.panel_text * u
    flow = _Flow(surface, x + pad, y + pad, w - 2 * pad, y + h - pad)
    flow.para("TOP OPPORTUNITIES", POSTER.panel_heading * u, style.ACCENT, bold=True,
              max_lines=1)
    indent = text_width("5  ", size, True)
    for rank, (title, meta) in enumerate(_compact_rows(doc, w - 2 * pad, u), start=1):
        if flow.room(size) < len(title) + 1:
            break
        surface.text(flow.x, flow.y + size * ASCENT, str(rank), size, style.ACCENT, True)
        for line in title:
            surface.text(flow.x + indent, flow.y + size * ASCENT, line, size, HEADER_TEXT, True)
            flow.y += size * 1.3
        surface.text(flow.x + indent, flow.y + size * ASCENT, meta, size, MUTED_TEXT)
        flow.y += size * 1.3 + 3 * u


def draw_register_strip(surface: Surface, doc: MapDocument, box: Box, u: float) -> None:
    """The top opportunities by priority, as in the register (the full list has its page)."""
    x, y, w, h = box
    size = POSTER.register_text * u
    line_h = size * 1.5
    surface.rect(x, y, w, h, fill=INK.legend_fill, stroke=GRID_LINE, width=0.6 * u,
                 radius=3 * u)
    pad = 6 * u
    shown = doc.opportunities[:POSTER.register_rows]
    title = f"Top opportunities by priority ({len(shown)} of {len(doc.opportunities)})"
    surface.text(x + pad, y + pad + size * ASCENT, title, size, style.ACCENT, True)
    row_y = y + pad + line_h
    inner = w - 2 * pad
    cx = x + pad
    for heading, share in _COLUMNS:
        surface.text(cx, row_y + size * ASCENT, heading, size, MUTED_TEXT, True)
        cx += inner * share
    surface.line(x + pad, row_y + line_h - 2 * u, x + w - pad, row_y + line_h - 2 * u,
                 GRID_LINE, 0.6 * u)
    for rank, opp in enumerate(shown, start=1):
        row_y += line_h
        cells = (str(rank), opp["title"], f"{opp['priority']:.1f}", opp["owner"] or "\u2014",
                 opp["status"].replace("_", " "))
        cx = x + pad
        for (_heading, share), cell in zip(_COLUMNS, cells, strict=True):
            cw = inner * share - 6 * u
            surface.text(cx, row_y + size * ASCENT, elide(cell, cw, size), size, HEADER_TEXT,
                         bold=_heading == "Opportunity")
            cx += inner * share
