"""Persona library gestures become undo commands; photos are checked before they are stored."""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QFileDialog, QWidget

from app.commands import (
    CreatePersonaCommand,
    DeletePersonaCommand,
    EditCurveCommand,
    EditJourneyCommand,
    EditPersonaCommand,
)
from app.context import EditorContext
from app.export.atomic import ExportError
from model.images import MAX_FILE_BYTES, PhotoError, prepare_photo
from model.records import FieldsEdit, PersonaFields
from widgets.i18n import qtr
from widgets.journey_header import JourneyHeader
from widgets.persona_panel import PersonaPanel


def ask_sheet_path(parent: QWidget, suggested: str) -> Path | None:
    """Ask where to write a persona sheet; None when cancelled (thin wrapper for tests)."""
    path, _ = QFileDialog.getSaveFileName(parent, qtr("Save persona sheet"), suggested,
                                          qtr("PDF (*.pdf)"))
    if not path:
        return None
    target = Path(path)
    return target if target.suffix.lower() == ".pdf" else target.with_suffix(".pdf")


def read_photo(path: Path) -> bytes:
    """The prepared photo from an image file; PhotoError says why a file cannot be one."""
    try:
        if path.stat().st_size > MAX_FILE_BYTES:
            raise PhotoError(qtr("{0} is too large for a photo (at most {1} MB).").format(
                                 path.name, MAX_FILE_BYTES // 2 ** 20))
        data = path.read_bytes()
    except OSError as exc:
        raise PhotoError(qtr("{0} cannot be read: {1}").format(
                             path.name, exc.strerror or exc)) from exc
    try:
        return prepare_photo(data)
    except PhotoError as exc:
        raise PhotoError(f"{path.name}: {exc}") from exc


class PersonaController(QObject):
    """Connects the persona panel and the journey header's persona to the model."""

    def __init__(self, ctx: EditorContext, panel: PersonaPanel, header: JourneyHeader,
                 show_panel: Callable[[], None]) -> None:
        super().__init__(ctx.window)
        self.ctx = ctx
        self.panel = panel
        self.header = header
        self._show_panel = show_panel
        panel.persona_added.connect(self.add_persona)
        panel.persona_duplicated.connect(self.duplicate_persona)
        panel.persona_deleted.connect(self.delete_persona)
        panel.persona_edited.connect(self.edit_persona)
        panel.photo_chosen.connect(lambda pid, path: self.set_photo(pid, Path(path)))
        panel.journey_persona_chosen.connect(self.set_journey_persona)
        panel.curve_persona_chosen.connect(self.set_curve_persona)
        panel.sheet_requested.connect(self.print_sheet)
        header.persona_opened.connect(self.open_persona)

    def refresh(self) -> None:
        """Show the model: the library, who the journey and its curves are for, the header."""
        self.refresh_panel()
        self.refresh_header()

    def refresh_panel(self) -> None:
        """The library and who the journey and its curves are for."""
        doc = self.ctx.doc
        if doc is None:
            return
        self.panel.set_personas(doc.persona_records())
        journey = doc.journey()
        persona_id = journey["persona_id"] if journey is not None else None
        self.panel.set_usage(persona_id, doc.curve_records())

    def refresh_header(self) -> None:
        """The journey's persona (photo and name) in the header."""
        doc = self.ctx.doc
        if doc is None:
            return
        journey = doc.journey()
        persona_id = journey["persona_id"] if journey is not None else None
        persona = doc.persona(persona_id) if persona_id is not None else None
        if persona is None:
            self.header.show_persona(None, "", None)
        else:
            self.header.show_persona(persona["id"], persona["name"], persona["photo"])

    def add_persona(self) -> None:
        if self.ctx.doc is None:
            return
        command = CreatePersonaCommand(self.ctx.editor(), {"name": self.tr("New persona")})
        if self.ctx.push(command) and command.obj_id is not None:
            self._select(command.obj_id)
            self.panel.form.name_edit.setFocus()
            self.panel.form.name_edit.selectAll()

    def duplicate_persona(self, persona_id: int) -> None:
        doc = self.ctx.doc
        persona = doc.persona(persona_id) if doc is not None else None
        if persona is None:
            return
        fields = {k: v for k, v in persona.items() if k != "id"}
        fields["name"] = self.tr("%s (copy)") % persona["name"]
        command = CreatePersonaCommand(self.ctx.editor(), fields, qtr("Duplicate persona"))
        if self.ctx.push(command) and command.obj_id is not None:
            self._select(command.obj_id)

    def delete_persona(self, persona_id: int) -> None:
        if self.ctx.doc is not None:
            self.ctx.push(DeletePersonaCommand(self.ctx.editor(), persona_id))
            self.refresh()

    def edit_persona(self, edit: FieldsEdit[PersonaFields]) -> None:
        if self.ctx.doc is not None and edit.fields:
            self.ctx.push(EditPersonaCommand(self.ctx.editor(), edit.target_id, edit.fields))

    def set_photo(self, persona_id: int, path: Path) -> None:
        """Check, shrink and store a photo; a file that is not one is explained, not stored."""
        if self.ctx.doc is None:
            return
        try:
            photo = read_photo(path)
        except PhotoError as exc:
            self.panel.show_photo_error(str(exc))
            self.ctx.status(str(exc), 8000)
            return
        self.panel.show_photo_error("")
        self.ctx.push(EditPersonaCommand(self.ctx.editor(), persona_id, {"photo": photo}))

    def set_journey_persona(self, persona_id: int | None) -> None:
        journey_id = self.ctx.journey_id
        if journey_id is not None:
            self.ctx.push(EditJourneyCommand(self.ctx.editor(), journey_id,
                                             {"persona_id": persona_id}))

    def set_curve_persona(self, curve_id: int, persona_id: int | None) -> None:
        if self.ctx.doc is not None:
            self.ctx.push(EditCurveCommand(self.ctx.editor(), curve_id,
                                           {"persona_id": persona_id}))

    def print_sheet(self, persona_id: int) -> None:
        """Write the persona's one-page sheet where the user says."""
        doc = self.ctx.doc
        persona = doc.persona(persona_id) if doc is not None else None
        if doc is None or persona is None:
            return
        name = re.sub(r'[\\/:*?"<>|\x00-\x1f]+', " ", persona["name"]).strip(" .")
        name = name or "persona"
        folder = doc.path.parent if doc.path is not None else Path.home()
        target = ask_sheet_path(self.ctx.window, str(folder / f"{name}.pdf"))
        if target is None:
            return
        try:
            doc.write_persona_sheet(persona_id, target)
        except (OSError, ValueError, ExportError) as exc:
            self.ctx.status(self.tr("The persona sheet was not written: %s") % exc, 8000)
            return
        self.ctx.status(self.tr("Wrote %s") % target)

    def open_persona(self, persona_id: int) -> None:
        self._show_panel()
        self.panel.select_persona(persona_id)

    def _select(self, persona_id: int) -> None:
        self.refresh()
        self._show_panel()
        self.panel.select_persona(persona_id)
