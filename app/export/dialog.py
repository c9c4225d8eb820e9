"""The Export dialog's backend: an open project and one of its journeys."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtGui import QImage
from sqlalchemy import select

from app.export.compose import MapDocument
from app.export.service import (
    PAGE_FORMATS,
    ExportOptions,
    describe,
    export_document,
    export_journey,
    export_persona_sheet,
    preview_image,
    saved_view,
)
from app.paths import safe_file_stem
from model.entities import Persona
from model.workshop import view_records
from widgets.i18n import qtr

if TYPE_CHECKING:
    from PySide6.QtWidgets import QWidget

    from model.store import Project
    from widgets.export_dialog import ExportChoice
    from widgets.write_progress import Progress


def _options(choice: ExportChoice) -> ExportOptions:
    return ExportOptions(
        fmt=choice.fmt,
        paper=choice.paper,
        orientation=choice.orientation,
        tile=choice.tile,
        dpi=choice.dpi,
        csv_bom=choice.csv_bom,
        register_page=choice.register_page,
        register_on_poster=choice.register_on_poster,
        view=choice.view,
    )


PERSONA = "persona"  # the dialog's format key for a persona sheet


class ProjectExportBackend:
    """Describes, previews and writes exports of one journey of an open project."""

    def __init__(self, project: Any, journey_id: int, heat: str | None = None) -> None:
        self.project: Project = project
        self.journey_id = journey_id
        self.heat = heat  # the heat overlay shown in the window goes onto the export
        self._docs: dict[str, MapDocument] = {}
        journey = self.project.journey(journey_id)
        self.title = journey.name or qtr("Untitled journey")
        self.view_names = [v.name for v in view_records(project.session, journey_id)]

    @property
    def doc(self) -> MapDocument:
        return self.doc_for("")

    def doc_for(self, view: str) -> MapDocument:
        """The map as a saved view shows it ("" whole map); built once per view."""
        if view not in self._docs:  # the dialog is modal: the map cannot change meanwhile
            journey = self.project.journey(self.journey_id)
            self._docs[view] = MapDocument.from_journey(
                journey, heat=self.heat, view=saved_view(self.project, journey, view))
        return self._docs[view]

    def default_path(self, fmt: str) -> Path:
        folder = self.project.path.parent if self.project.path is not None else Path.home()
        return folder / f"{safe_file_stem(self.title)}.{fmt}"

    def personas(self) -> list[tuple[int, str]]:
        """(id, name) of the file's personas, the journey's own first, then by name."""
        own = self.project.journey(self.journey_id).persona_id
        rows = self.project.session.scalars(select(Persona).order_by(Persona.name, Persona.id))
        found = [(p.id, p.name or "Unnamed persona") for p in rows]
        return sorted(found, key=lambda p: p[0] != own)

    def persona_file_name(self, persona_id: int) -> str:
        name = dict(self.personas()).get(persona_id, "Persona")
        return f"{safe_file_stem(name)} - persona.pdf"

    def describe(self, choice: ExportChoice) -> str:
        if choice.fmt == PERSONA:
            name = dict(self.personas()).get(choice.persona_id or -1)
            if name is None:
                raise ValueError("Choose a persona.")
            return f"A4 portrait, one page: the persona sheet of “{name}”"
        return describe(self.doc_for(choice.view), _options(choice).checked())

    def preview(self, choice: ExportChoice, max_side: int) -> QImage | None:
        if choice.fmt == PERSONA:
            return None
        options = _options(choice).checked()
        if options.fmt not in PAGE_FORMATS:
            return None
        return preview_image(self.doc_for(choice.view), options, max_side)

    def export(self, path: Path, choice: ExportChoice, progress: Progress) -> Path:
        if choice.fmt == PERSONA:
            if choice.persona_id is None:
                raise ValueError("Choose a persona.")
            written = export_persona_sheet(self.project, choice.persona_id, path)
            progress(1, 1)
            return written
        options = _options(choice).checked()
        if options.fmt in PAGE_FORMATS:
            return export_document(self.doc_for(choice.view), path, options, progress)
        return export_journey(self.project, self.journey_id, path,
                              replace(options, heat=self.heat), progress)


def show_export_dialog(parent: QWidget | None, project: Project, journey_id: int) -> Path | None:
    """Show the Export dialog for a journey; the written file, or None when cancelled."""
    from widgets.export_dialog import run_export_dialog

    return run_export_dialog(ProjectExportBackend(project, journey_id), parent)
