"""New, Open, Save, Save As, Export and the unsaved-changes question."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFileDialog, QInputDialog, QMenu, QMessageBox, QWidget

from app.context import EditorContext
from app.document import Document, new_document, open_document, reload_document
from app.paths import default_folder, safe_file_stem
from app.settings import Settings
from model.i18n import QT_TR_NOOP
from model.store import FileChangedOnDiskError, ProjectFileError, Workspace, check_header
from model.templates import TEMPLATES
from widgets.i18n import qtr

FILE_FILTER = QT_TR_NOOP("Journeyboard projects (*.cjm);;All files (*)")


def changed_on_disk_box(parent: QWidget, message: str) -> QMessageBox:
    """Save as copy / Overwrite / Reload / Cancel for a file someone else changed."""
    box = QMessageBox(QMessageBox.Icon.Warning, qtr("File Changed on Disk"), message,
                      QMessageBox.StandardButton.Cancel, parent)
    # The message already names the choices: no informative text saying them again.
    role = QMessageBox.ButtonRole
    copy = box.addButton(qtr("Save as &Copy…"), role.AcceptRole)
    box.setProperty("copy_button", copy)
    box.setProperty("overwrite_button", box.addButton(qtr("&Overwrite"), role.DestructiveRole))
    box.setProperty("reload_button", box.addButton(qtr("&Reload"), role.ResetRole))
    box.button(QMessageBox.StandardButton.Cancel).setText(qtr("&Cancel"))
    box.setDefaultButton(copy)
    return box


def unsaved_changes_box(parent: QWidget, name: str) -> QMessageBox:
    """Save / Discard / Cancel, each with a mnemonic (Alt+S, Alt+D; Escape cancels)."""
    buttons = QMessageBox.StandardButton
    box = QMessageBox(QMessageBox.Icon.Warning, qtr("Unsaved Changes"),
                      qtr("Save the changes to “{0}” before closing?").format(name),
                      buttons.Save | buttons.Discard | buttons.Cancel, parent)
    box.setDefaultButton(buttons.Save)
    box.setEscapeButton(buttons.Cancel)
    for button, text in ((buttons.Save, QT_TR_NOOP("&Save")),
                         (buttons.Discard, QT_TR_NOOP("&Discard")),
                         (buttons.Cancel, QT_TR_NOOP("&Cancel"))):
        box.button(button).setText(qtr(text))
    return box


def raise_widget(window: QWidget) -> None:
    """Bring a window to the front, restored if it was minimised."""
    if window.isMinimized():
        window.setWindowState(window.windowState() & ~Qt.WindowState.WindowMinimized)
    window.show()
    window.raise_()
    window.activateWindow()


class FileActions:
    """The File menu: every way a document comes into the window or leaves it."""

    def __init__(
        self,
        ctx: EditorContext,
        settings: Settings,
        workspace: Workspace,
        attach: Callable[[Document], None],
        detach: Callable[..., None],
        title_changed: Callable[[], None],
    ) -> None:
        self.ctx = ctx
        self.settings = settings
        self.workspace = workspace
        self._attach = attach
        self._detach = detach
        self._title_changed = title_changed
        # Another window of this process that has a file open (set by app.windows): asking
        # for that file again brings its window forward instead of refusing it.
        self.find_open: Callable[[Path], QWidget | None] = lambda _path: None

    @property
    def _parent(self) -> QWidget:
        return self.ctx.window

    # -- new and open ------------------------------------------------------------------

    def new_dialog(self) -> None:
        titles = [qtr(t.title) for t in TEMPLATES.values()]
        title, ok = QInputDialog.getItem(self._parent, qtr("New Map"), qtr("Start from:"),
                                         titles, 1, False)
        if ok:
            self.new_document(next(k for k, t in TEMPLATES.items() if qtr(t.title) == title))

    def new_document(self, template: str = "cjm7") -> bool:
        if not self.close_document():
            return False
        self._attach(new_document(self.workspace, template))
        return True

    def open_dialog(self) -> None:
        path, _ = QFileDialog.getOpenFileName(
            self._parent, qtr("Open Journey Map"),
            str(default_folder(self.settings.last_directory())), qtr(FILE_FILTER),
        )
        if path:
            self.open_file(Path(path))

    def open_file(self, path: Path) -> bool:
        """Open a project; a bad file is a clear message and leaves the current one open."""
        doc = self.ctx.doc
        current = doc.path if doc is not None else None
        if current is not None and path.exists() and path.resolve() == current.resolve():
            return True
        other = self.find_open(path)
        if other is not None:
            raise_widget(other)
            return True
        try:
            # A cheap read-only look first: a file that is no project is refused before
            # anyone is asked to save (or discard) the map that is open.
            check_header(path)
        except ProjectFileError as exc:
            return self._refuse(path, exc)
        if not self.maybe_save():
            return False
        try:
            opened = open_document(path, self.workspace)
        except ProjectFileError as exc:
            return self._refuse(path, exc)
        self._detach()
        self._attach(opened)
        self.settings.set_last_directory(path.parent)
        return True

    def _refuse(self, path: Path, exc: ProjectFileError) -> bool:
        """Say why a file cannot be opened; the map that is open stays as it is."""
        QMessageBox.critical(self._parent, qtr("Cannot Open File"),
                             f"{path.name}\n\n{exc.message}")
        if not path.exists():
            self.settings.remove_recent_file(path)
        return False

    def fill_recent_menu(self, menu: QMenu) -> None:
        menu.clear()
        files = self.settings.recent_files()
        for path in files:
            action = menu.addAction(str(path))  # owned by the menu: clear() deletes it
            action.triggered.connect(lambda _c=False, p=path: self.open_file(p))
        if not files:
            menu.addAction(qtr("(none)")).setEnabled(False)

    # -- save ------------------------------------------------------------------------

    def save(self) -> bool:
        doc = self.ctx.doc
        if doc is None:
            return False
        if doc.path is None:
            return self.save_as()
        return self.save_to(None)

    def save_as(self) -> bool:
        if self.ctx.doc is None:
            return False
        path, _ = QFileDialog.getSaveFileName(
            self._parent, qtr("Save Journey Map"), str(self.suggested_save_path()), qtr(FILE_FILTER)
        )
        if not path:
            return False
        target = Path(path)
        if target.suffix.lower() != ".cjm":
            target = target.with_name(target.name + ".cjm")
        return self.save_to(target)

    def suggested_save_path(self) -> Path:
        """Save As starts at the file itself, else the journey's name in the last folder."""
        doc = self.ctx.doc
        assert doc is not None
        if doc.path is not None:
            return doc.path
        journey = doc.journey()
        folder = default_folder(self.settings.last_directory())
        return folder / f"{safe_file_stem(journey['name'] if journey else '')}.cjm"

    def save_to(self, target: Path | None, overwrite_changed: bool = False) -> bool:
        doc = self.ctx.doc
        assert doc is not None
        try:
            saved = doc.save(target, overwrite_changed=overwrite_changed)
        except FileChangedOnDiskError as exc:
            return self._changed_on_disk(target, exc.message)
        except ProjectFileError as exc:
            QMessageBox.critical(self._parent, qtr("Cannot Save"), exc.message)
            return False
        self.settings.add_recent_file(saved)
        self.settings.set_last_directory(saved.parent)
        self._title_changed()
        self.ctx.status(qtr("Saved {0}").format(saved))
        return True

    def _changed_on_disk(self, target: Path | None, message: str) -> bool:
        """Someone else changed the file since it was opened: never overwrite it silently."""
        box = changed_on_disk_box(self._parent, message)
        box.exec()
        choice = box.clickedButton()
        box.deleteLater()
        if choice is box.property("copy_button"):
            return self.save_as()
        if choice is box.property("overwrite_button"):
            return self.save_to(target, overwrite_changed=True)
        if choice is box.property("reload_button"):
            return self.reload()
        return False

    def reload(self) -> bool:
        """Drop the unsaved changes and open the file again as it is on disk."""
        doc = self.ctx.doc
        if doc is None or doc.path is None:
            return False
        path = doc.path
        self._detach(keep_open=True)
        try:
            fresh = reload_document(doc, self.workspace)
        except ProjectFileError as exc:
            QMessageBox.critical(self._parent, qtr("Cannot Reload"),
                                 f"{path.name}\n\n{exc.message}")
            self._attach(new_document(self.workspace))
            return False
        self._attach(fresh)
        self.ctx.status(qtr("Reloaded {0} from disk").format(path.name))
        return True

    def export_dialog(self) -> None:
        doc = self.ctx.doc
        if doc is None or doc.journey_id is None:
            return
        doc.flush()
        # The export code (reportlab and all) is imported on first use, not at start.
        from app.export.dialog import ProjectExportBackend
        from widgets.export_dialog import run_export_dialog

        path = run_export_dialog(ProjectExportBackend(doc.project, doc.journey_id, self.ctx.heat()),
                                 self._parent)
        if path is not None:
            self.ctx.status(qtr("Exported {0}").format(path), 5000)

    # -- close -----------------------------------------------------------------------

    def maybe_save(self) -> bool:
        """Ask Save / Discard / Cancel when there are unsaved changes; False means cancel."""
        doc = self.ctx.doc
        if doc is None or not doc.modified:
            return True
        box = unsaved_changes_box(self._parent, doc.display_name())
        answer = box.exec()
        box.deleteLater()
        if answer == QMessageBox.StandardButton.Save:
            return self.save()
        return answer == QMessageBox.StandardButton.Discard

    def close_document(self) -> bool:
        if not self.maybe_save():
            return False
        self._detach()
        return True
