"""One entry point for every export format, used by the CLI and the Export dialog."""

from __future__ import annotations

from dataclasses import dataclass, replace
from pathlib import Path
from typing import TYPE_CHECKING

from sqlalchemy import select

from app.export.atomic import ExportError
from app.export.compose import MapDocument, ProgressFn
from app.export.paper import (
    ORIENTATIONS,
    Paper,
    PaperError,
    Tile,
    check_dpi,
    check_pixels,
    make_paper,
    plan_tiles,
)
from app.export.tiles import tile_has_content
from model.entities import Journey, Persona
from model.i18n import QT_TR_NOOP
from model.workshop import ViewFilter
from widgets.i18n import qtr

if TYPE_CHECKING:
    from PySide6.QtGui import QImage

    from model.store import Project

FORMATS = ("pdf", "png", "svg", "csv", "json")
FORMAT_TITLES = {
    "pdf": QT_TR_NOOP("PDF poster"),
    "png": QT_TR_NOOP("PNG image"),
    "svg": QT_TR_NOOP("SVG drawing"),
    "csv": QT_TR_NOOP("CSV (cards of all journeys)"),
    "json": QT_TR_NOOP("JSON (whole project)"),
}
PAGE_FORMATS = ("pdf", "png", "svg")


@dataclass(frozen=True)
class ExportOptions:
    """What to export and how. ``paper`` is a name (A0..A4, Letter, Tabloid) or WxH mm."""

    fmt: str = "pdf"
    paper: str = "A3"
    orientation: str = "auto"
    tile: str | None = None  # "A4" or "Letter": print the poster over several sheets
    dpi: int = 150
    csv_bom: bool = True  # a UTF-8 BOM, so that spreadsheets do not guess the encoding
    heat: str | None = None  # heat overlay: "headline", "nps", "csat", "ces", "custom"
    register_page: bool = True  # PDF: the opportunity register as extra page(s), if any
    register_on_poster: bool = False  # the top opportunities on the poster sheet itself
    view: str = ""  # a saved view's name: the map as that view shows it ("" whole map)

    def checked(self) -> ExportOptions:
        """The same options, or a PaperError/ExportError saying what is wrong."""
        if self.fmt not in FORMATS:
            raise ExportError(f"unknown format {self.fmt!r}; use one of {', '.join(FORMATS)}.")
        if self.orientation not in ORIENTATIONS:
            raise PaperError(f"unknown orientation {self.orientation!r}.")
        if self.fmt == "png":
            check_dpi(self.dpi)
        if self.tile is not None and self.fmt != "pdf":
            raise ExportError("tiled printing is for PDF only.")
        return replace(self)


def document(journey: Journey, heat: str | None = None,
             view: ViewFilter | None = None) -> MapDocument:
    return MapDocument.from_journey(journey, heat=heat, view=view)


def saved_view(project: Project, journey: Journey, name: str) -> ViewFilter | None:
    """A journey's saved view by name (None for ""), or an ExportError naming the views."""
    if not name:
        return None
    from model.workshop import find_view, view_records

    found = find_view(project.session, journey.id, name)
    if found is None:
        names = ", ".join(repr(v.name) for v in view_records(project.session, journey.id))
        raise ExportError(f"{journey.name!r} has no saved view named {name!r}; "
                          f"its views: {names or 'none'}.")
    return found.filter


def poster_paper(doc: MapDocument, options: ExportOptions) -> Paper:
    aspect = doc.layout.width / doc.layout.height if doc.layout.height else 1.0
    return make_paper(options.paper, options.orientation, aspect)


def prepared(doc: MapDocument, options: ExportOptions) -> MapDocument:
    """The document with the options that change what the poster holds."""
    # The dialog's ExportChoice stands in for ExportOptions too (it has no poster option).
    on_sheet = bool(getattr(options, "register_on_poster", False))
    page = bool(getattr(options, "register_page", True))
    if (doc.register_on_sheet, doc.register_page) == (on_sheet, page):
        return doc
    return replace(doc, register_on_sheet=on_sheet, register_page=page)


def pages(doc: MapDocument, options: ExportOptions) -> tuple[Paper, list[Tile] | None]:
    """The poster sheet and, when tiling, the small sheets it is printed on."""
    doc = prepared(doc, options)
    poster = poster_paper(doc, options)
    if options.tile:
        # A sheet that would print nothing (below a short map, say) is left out.
        tiles = [t for t in plan_tiles(poster, options.tile)
                 if tile_has_content(doc, poster, t)]
        return poster, [replace(t, number=i + 1, printed=len(tiles))
                        for i, t in enumerate(tiles)]
    return poster, None


def page_count(doc: MapDocument, options: ExportOptions) -> int:
    if options.fmt not in PAGE_FORMATS:
        return 0
    _, tiles = pages(doc, options)
    return len(tiles) if tiles else 1


def describe(doc: MapDocument, options: ExportOptions) -> str:
    """A one-line summary of the output (paper, pages or pixels) for the dialog."""
    if options.fmt not in PAGE_FORMATS:
        return qtr(FORMAT_TITLES[options.fmt])
    poster, tiles = pages(doc, options)
    template = qtr("{0} landscape ({1:.0f} x {2:.0f} mm)") if poster.landscape else qtr(
        "{0} portrait ({1:.0f} x {2:.0f} mm)")
    size = template.format(poster.name, poster.width_mm, poster.height_mm)
    if options.fmt == "png":
        w, h = check_pixels(poster, options.dpi)
        return qtr("{0}, {1} x {2} pixels at {3} DPI").format(size, w, h, options.dpi)
    if tiles:
        first = tiles[0]
        return qtr("{0} on {1} {2} sheets ({3} rows x {4} columns)").format(
            size, len(tiles), first.sheet.name, first.rows, first.cols)
    return size


def preview_image(doc: MapDocument, options: ExportOptions, max_side: int = 480) -> QImage:
    """The first page of a PDF/PNG/SVG export, small."""
    from app.export.qt_render import render_preview

    doc = prepared(doc, options)
    poster, tiles = pages(doc, options)
    return render_preview(doc, poster, tiles[0] if tiles else None, max_side)


def export_journey(
    project: Project,
    journey_id: int,
    path: Path | str,
    options: ExportOptions,
    progress: ProgressFn | None = None,
) -> Path:
    """Write one export file (CSV and JSON hold the whole project)."""
    options = options.checked()
    target = Path(path)
    if options.fmt == "csv":
        from app.export.data import write_csv

        return write_csv(target, project.journeys(), bom=options.csv_bom)
    if options.fmt == "json":
        from app.export.data import write_json

        personas = list(project.session.scalars(select(Persona).order_by(Persona.id)))
        return write_json(target, project.journeys(), personas)
    journey = project.journey(journey_id)
    doc = document(journey, options.heat, saved_view(project, journey, options.view))
    return export_document(doc, target, options, progress)


def export_register_csv(project: Project, path: Path | str, bom: bool = True) -> Path:
    """Every journey's opportunity register as CSV, in priority order."""
    from app.export.data import write_bytes
    from model.register import register_csv_bytes

    return write_bytes(path, register_csv_bytes(project.journeys(), bom=bom))


def export_persona_sheet(project: Project, persona_id: int, path: Path | str) -> Path:
    """The one-page A4 sheet of a persona (KeyError when the file has no such persona)."""
    from app.export.persona_sheet import write_persona_sheet

    persona = project.session.get(Persona, persona_id)
    if persona is None:
        raise KeyError(persona_id)
    used_by = [j for j in project.journeys() if j.persona_id == persona_id]
    return write_persona_sheet(path, persona, used_by)


def export_document(
    doc: MapDocument, target: Path, options: ExportOptions, progress: ProgressFn | None = None
) -> Path:
    """Write a PDF, PNG or SVG of one journey."""
    doc = prepared(doc, options)
    poster, tiles = pages(doc, options)
    if options.fmt == "pdf":
        from app.export.pdf import write_poster_pdf, write_tiled_pdf

        if tiles:
            return write_tiled_pdf(target, doc, poster, tiles, progress)
        return write_poster_pdf(target, doc, poster, progress)
    if options.fmt == "png":
        from app.export.qt_render import write_png

        path = write_png(target, doc, poster, options.dpi)
    elif options.fmt == "svg":
        from app.export.qt_render import write_svg

        path = write_svg(target, doc, poster)
    else:
        raise ExportError(f"{options.fmt} is not a page format.")
    if progress is not None:
        progress(1, 1)
    return path
