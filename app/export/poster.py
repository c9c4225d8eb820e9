"""One poster sheet: title block with legend, persona panel, the map, the top opportunities.

Everything grows with the paper (``unit`` is 1 on A4's short side); the map is the
canvas's own, scaled as a whole to its box (app.export.poster_layout), so every card
prints the lines the canvas shows and the type grows with the paper.
"""

from __future__ import annotations

from dataclasses import dataclass

from app.export.compose import (
    HEADER_TEXT,
    INK,
    MUTED_TEXT,
    MapDocument,
    Surface,
    draw_map,
)
from app.export.heat_layer import STRIP_H, draw_heat, draw_heat_legend
from app.export.paper import Fit, Paper
from app.export.poster_layout import PosterMap, fit_map, map_size
from app.export.poster_legend import draw_legend, legend_height
from app.export.poster_panels import (
    compact_register_height,
    draw_compact_register,
    draw_persona_panel,
    draw_register_strip,
    register_height,
)
from app.export.text import text_width, wrap
from model import style
from model.layout import Rect
from model.style import ASCENT, POSTER

Box = tuple[float, float, float, float]
PANEL_MAX = 0.24  # the persona column's largest share of a landscape sheet


@dataclass(frozen=True)
class PosterFrame:
    """Where things go on a poster page, and the map as laid out for its box."""

    unit: float  # 1 at A4 portrait's short side, grows with the paper
    margin: float
    title_box: Box
    legend_box: Box
    persona_box: Box | None
    register_box: Box | None
    map_box: Box
    map: PosterMap
    fit: Fit  # the poster map's coordinates -> the page

    @property
    def map_rect(self) -> Box:
        """Where the map is drawn on the page."""
        s = self.fit.scale
        return (self.fit.dx, self.fit.dy, self.map.layout.width * s, self.map.layout.height * s)

    def boxes(self) -> list[Box]:
        """Every part of the page that prints something."""
        out = [self.title_box, self.legend_box, self.map_rect]
        out += [b for b in (self.persona_box, self.register_box) if b is not None]
        return out


_FRAMES: dict[tuple[int, float, float], tuple[MapDocument, PosterFrame]] = {}


def poster_frame(doc: MapDocument, paper: Paper) -> PosterFrame:
    """The page plan of a poster (kept for the document: tiles ask for it per sheet)."""
    key = (id(doc), paper.width, paper.height)
    hit = _FRAMES.get(key)
    if hit is not None and hit[0] is doc:
        return hit[1]
    frame = _plan(doc, paper)
    if len(_FRAMES) > 8:
        _FRAMES.clear()
    _FRAMES[key] = (doc, frame)
    return frame


FACT_GAP = 14.0  # between "Persona: …", "Next review: …" and "Printed: …"


def _fact_rows(doc: MapDocument, w: float, u: float) -> list[list[tuple[str, str]]]:
    """Persona, next review and print date, flowed onto as many lines as they need
    (a fact that does not fit whole where the line has got to starts the next one)."""
    facts = [("Persona: ", doc.persona or "none")]
    if doc.review:
        facts.append(("Next review: ", doc.review))
    if doc.date:
        facts.append(("Printed: ", doc.date))
    msize = POSTER.meta * u
    rows: list[list[tuple[str, str]]] = [[]]
    cx = 0.0
    for label, value in facts:
        need = text_width(label, msize, True) + text_width(value, msize)
        if rows[-1] and cx + need > w:
            rows.append([])
            cx = 0.0
        rows[-1].append((label, value))
        cx += need + FACT_GAP * u
    return rows


def _title_height(doc: MapDocument, w: float, u: float) -> float:
    p = POSTER
    titles = len(wrap(doc.name, w, p.title * u, bold=True, max_lines=2))
    label = text_width("Objective: ", p.objective * u, True)
    lines = len(wrap(doc.objective.strip(), w - label, p.objective * u, max_lines=2)) if \
        doc.objective.strip() else 0
    facts = len(_fact_rows(doc, w, u))
    return (titles * p.title * 1.2 + 0.1 * p.title + lines * p.objective * 1.3
            + p.meta * (1.6 + 1.3 * facts)) * u


def _lead(doc: MapDocument) -> float:
    return STRIP_H if doc.heat is not None else 0.0


def _panel_width(doc: MapDocument, inner_w: float, map_h: float, gap: float) -> float:
    """The persona column: wider when the map has width to spare (its type is set by the
    sheet's height then), never narrower than its share (its text needs the room)."""
    need_w, need_h = map_size(doc.layout, _lead(doc))
    ideal = inner_w - gap - need_w * map_h / need_h
    return min(max(ideal, inner_w * POSTER.panel_share), inner_w * PANEL_MAX)


def _plan(doc: MapDocument, paper: Paper) -> PosterFrame:
    p = POSTER
    u = min(paper.width, paper.height) / style.A4_SHORT_SIDE_PT
    margin, gap = p.margin * u, p.gap * u
    inner_w = paper.width - 2 * margin
    if paper.width >= paper.height:  # title and key side by side
        legend_w = min(inner_w * 0.45, 340 * u)
        text_w = inner_w - legend_w - gap
        band_h = max(_title_height(doc, text_w, u), legend_height(doc, legend_w, u))
        title_box = (margin, margin, text_w, band_h)
        legend_box = (margin + text_w + gap, margin, legend_w, band_h)
        top = margin + band_h
    else:  # a narrow sheet: the key under the title, across the page
        title_h = _title_height(doc, inner_w, u)
        title_box = (margin, margin, inner_w, title_h)
        legend_h = legend_height(doc, inner_w, u)
        legend_box = (margin, margin + title_h + gap / 2, inner_w, legend_h)
        top = margin + title_h + gap / 2 + legend_h
    top += gap + p.accent_rule * u
    bottom = paper.height - margin
    left, right = margin, paper.width - margin
    register_box = None
    wants_register = doc.register_on_sheet and bool(doc.opportunities)
    landscape = paper.width >= paper.height
    persona_box = None
    if doc.persona_card is not None and landscape:
        # A column at the left: the persona, and the top opportunities below it.
        pw = _panel_width(doc, inner_w, bottom - top, gap)
        persona_h = bottom - top
        if wants_register:
            rh = min(compact_register_height(doc, pw, u), persona_h * 0.45)
            register_box = (left, bottom - rh, pw, rh)
            persona_h -= rh + gap
        persona_box = (left, top, pw, persona_h)
        left += pw + gap
    elif wants_register:
        h = register_height(doc, u)
        register_box = (left, bottom - h, inner_w, h)
        bottom -= h + gap
    if doc.persona_card is not None and not landscape:
        ph = (paper.height - 2 * margin) * p.panel_share * 0.75
        persona_box = (left, top, inner_w, ph)
        top += ph + gap
    map_box = (left, top, right - left, max(bottom - top, 1.0))
    pm = fit_map(doc.layout, map_box[2], map_box[3], _lead(doc))
    dx = left + (map_box[2] - pm.layout.width * pm.scale) / 2
    fit = Fit(pm.scale, dx, top)
    return PosterFrame(u, margin, title_box, legend_box, persona_box, register_box, map_box,
                       pm, fit)


def draw_poster(
    surface: Surface,
    doc: MapDocument,
    paper: Paper,
    visible: Box | None = None,
) -> PosterFrame:
    """The whole poster on a white sheet.

    ``visible`` (poster points) lets a tile skip the cards it would clip away anyway.
    """
    frame = poster_frame(doc, paper)
    u = frame.unit
    surface.rect(0, 0, paper.width, paper.height, fill=INK.background)
    draw_title_block(surface, doc, frame)
    draw_legend(surface, doc, frame.legend_box, u)
    rule_y = max(frame.title_box[1] + frame.title_box[3],
                 frame.legend_box[1] + frame.legend_box[3]) + POSTER.gap * u / 2
    surface.rect(frame.margin, rule_y, paper.width - 2 * frame.margin, POSTER.accent_rule * u,
                 fill=style.ACCENT)
    if frame.persona_box is not None and doc.persona_card is not None:
        draw_persona_panel(surface, doc.persona_card, frame.persona_box, u)
    if frame.register_box is not None:
        if frame.register_box[2] < frame.map_box[2]:  # the narrow column under the persona
            draw_compact_register(surface, doc, frame.register_box, u)
        else:
            draw_register_strip(surface, doc, frame.register_box, u)
    pm = frame.map
    surface.save()
    surface.translate(frame.fit.dx, frame.fit.dy)
    surface.scale(frame.fit.scale)
    scene_visible = None
    if visible is not None and frame.fit.scale > 0:
        vx, vy, vw, vh = visible
        k = frame.fit.scale
        scene_visible = Rect((vx - frame.fit.dx) / k, (vy - frame.fit.dy) / k, vw / k, vh / k)
    draw_map(surface, pm.layout, scene_visible, doc.badges, pm.type)
    if doc.heat is not None:
        draw_heat(surface, pm.layout, doc.badges, doc.stage_heat, pm.type.k)
    surface.restore()
    if doc.heat is not None:
        lx, ly, _lw, lh = frame.legend_box
        draw_heat_legend(surface, lx + 6 * u, ly + lh - 10 * u, u, doc.heat)
    return frame


def draw_title_block(surface: Surface, doc: MapDocument, frame: PosterFrame) -> None:
    """The journey's name large, its objective below, then persona and dates."""
    p, u = POSTER, frame.unit
    x, y, w, _h = frame.title_box
    size = p.title * u
    line_y = y
    for line in wrap(doc.name, w, size, bold=True, max_lines=2):
        surface.text(x, line_y + size * ASCENT, line, size, HEADER_TEXT, True)
        line_y += size * 1.2
    line_y += size * 0.1
    if doc.objective.strip():
        osize = p.objective * u
        label = "Objective: "
        lw = text_width(label, osize, True)
        surface.text(x, line_y + osize * ASCENT, label, osize, style.ACCENT, True)
        for line in wrap(doc.objective.strip(), w - lw, osize, max_lines=2):
            surface.text(x + lw, line_y + osize * ASCENT, line, osize, HEADER_TEXT)
            line_y += osize * 1.3
    msize = p.meta * u
    line_y += msize * 0.6
    for row in _fact_rows(doc, w, u):
        cx = x
        for label, value in row:
            lw = text_width(label, msize, True)
            shown = wrap(value, x + w - cx - lw, msize, max_lines=1)[0]
            surface.text(cx, line_y + msize * ASCENT, label, msize, MUTED_TEXT, True)
            surface.text(cx + lw, line_y + msize * ASCENT, shown, msize, HEADER_TEXT)
            cx += lw + text_width(shown, msize) + FACT_GAP * u
        line_y += msize * 1.3
