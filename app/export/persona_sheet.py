"""A one-page persona sheet (A4 PDF): photo, name, role, goals, needs, frustrations, quote."""

from __future__ import annotations

import io
from pathlib import Path

from reportlab.lib.utils import ImageReader
from reportlab.pdfgen.canvas import Canvas

from app.export.atomic import atomic_path
from app.export.paper import make_paper
from app.export.pdf import PdfSurface
from app.export.text import REGULAR, elide, register_fonts, wrap
from app.export.verify import pdf as complete_pdf
from model import style
from model.entities import Journey, Persona
from model.images import PhotoError, prepare_photo

MARGIN = 50.0
PHOTO = 150.0
INK = style.INK
MUTED = style.INK_MUTED
ACCENT = style.ACCENT
SECTIONS = (("Goals", "goals"), ("Needs", "needs"), ("Frustrations", "frustrations"),
            ("Notes", "notes"))


def _photo(persona: Persona) -> ImageReader | None:
    """The stored photo, checked again (a file's bytes are untrusted); None if unusable."""
    if not persona.photo:
        return None
    try:
        return ImageReader(io.BytesIO(prepare_photo(persona.photo)))
    except PhotoError:
        return None


def write_persona_sheet(path: Path | str, persona: Persona, journeys: list[Journey]) -> Path:
    """Write the sheet of one persona; ``journeys`` are the ones it is the persona of."""
    target = Path(path)
    paper = make_paper("A4", "portrait")
    register_fonts()
    width = paper.width - 2 * MARGIN
    with atomic_path(target, verify=complete_pdf(pages=1)) as tmp:
        canvas = Canvas(str(tmp), initialFontName=REGULAR, initialFontSize=10,
                        pageCompression=1)
        canvas.setTitle(f"Persona: {persona.name}")
        canvas.setAuthor("Journeyboard")
        canvas.setCreator("Journeyboard")
        surface = PdfSurface(canvas)
        surface.begin_page(paper)
        x, y = MARGIN, MARGIN
        text_x = x
        image = _photo(persona)
        if image is not None:
            w, h = image.getSize()
            k = PHOTO / max(w, h)
            canvas.saveState()
            # The surface draws with y pointing down; an image must be drawn upright.
            canvas.translate(x, y + h * k)
            canvas.scale(1, -1)
            canvas.drawImage(image, 0, 0, w * k, h * k)
            canvas.restoreState()
            text_x = x + PHOTO + 20
        name_w = paper.width - MARGIN - text_x
        surface.text(text_x, y + 26, elide(persona.name or "Unnamed persona", name_w, 24, True),
                     24, INK, bold=True)
        line_y = y + 50
        if persona.role:
            for line in wrap(persona.role, name_w, 13, max_lines=2):
                surface.text(text_x, line_y, line, 13, MUTED)
                line_y += 17
        if persona.quote:
            line_y += 8
            for line in wrap(f"“{persona.quote.strip()}”", name_w, 12, max_lines=5):
                surface.text(text_x, line_y, line, 12, ACCENT)
                line_y += 16
        y = max(y + (PHOTO if image is not None else 0), line_y) + 24
        bottom = paper.height - MARGIN - 30
        for title, key in SECTIONS:
            body = str(getattr(persona, key) or "").strip()
            if not body or y > bottom - 30:
                continue
            surface.line(x, y, x + width, y, style.RULE, 0.6)
            surface.text(x, y + 18, title, 12, INK, bold=True)
            y += 26
            room = max(1, int((bottom - y) // 14))
            lines = [ln for part in body.splitlines() for ln in (wrap(part, width, 10.5) or [""])]
            if len(lines) > room:
                lines = [*lines[: room - 1], elide(lines[room - 1], width, 10.5, force=True)]
            for line in lines:
                surface.text(x, y + 10, line, 10.5, INK)
                y += 14
            y += 12
        if journeys:
            names = ", ".join(j.name for j in journeys)
            footer = elide(f"Persona of: {names}", width, 9)
            surface.text(x, paper.height - MARGIN, footer, 9, MUTED)
        surface.end_page()
        canvas.save()
    return target
