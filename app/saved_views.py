"""Workshop → Saved Views: name the current filters and zoom, apply, rename, delete.

The views are stored in the file (schema v6); saving, renaming and deleting one is an
undo step, applying one is a view setting like the filters themselves.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QInputDialog, QMenu

from app.context import EditorContext
from app.filters import FilterController
from app.workshop_commands import DeleteViewCommand, EditViewCommand, SaveViewCommand, view_fields
from model.workshop import SavedViewRecord, ViewFilter


class SavedViewsController(QObject):
    """The Saved Views menu and what its entries do."""

    def __init__(self, ctx: EditorContext, filters: FilterController,
                 present: Callable[[], None]) -> None:
        super().__init__(ctx.window)
        self.ctx = ctx
        self.filters = filters
        self.present = present
        self.menu = QMenu(self.tr("Saved &Views"), ctx.window)
        self.menu.aboutToShow.connect(self._fill_menu)
        self.present_menu = QMenu(self.tr("&Present a View"), ctx.window)
        self.present_menu.aboutToShow.connect(self._fill_present_menu)

    # -- reading ---------------------------------------------------------------------

    def views(self) -> list[SavedViewRecord]:
        return self.ctx.doc.saved_views() if self.ctx.doc is not None else []

    def by_name(self, name: str) -> SavedViewRecord | None:
        wanted = name.strip().casefold()
        return next((v for v in self.views() if v.name.casefold() == wanted), None)

    def current(self) -> ViewFilter:
        """What is on screen now: the filters and the zoom (None while fitting the map)."""
        view = self.ctx.view
        return replace(self.filters.current(), zoom=None if view.fit_mode else view.zoom)

    # -- actions ---------------------------------------------------------------------

    def save_current(self, name: str | None = None) -> bool:
        """Store what is on screen as a view; a view of the same name is updated."""
        journey_id = self.ctx.journey_id
        if journey_id is None:
            return False
        if name is None:
            name, ok = QInputDialog.getText(self.ctx.window, self.tr("Save View"),
                                            self.tr("Name of this view:"))
            if not ok:
                return False
        name = name.strip()
        if not name:
            self.ctx.status(self.tr("A saved view needs a name."))
            return False
        existing = self.by_name(name)
        if existing is not None:
            done = self.ctx.push(EditViewCommand(self.ctx.editor(), existing.id,
                                                 view_fields(None, self.current())))
        else:
            done = self.ctx.push(SaveViewCommand(self.ctx.editor(), journey_id, name,
                                                 self.current()))
        if done:
            self.ctx.status(self.tr("View {0} saved in the file.").format(name))
        return done

    def apply(self, view_id: int) -> bool:
        """Show the map as a saved view shows it: filters, highlight and zoom."""
        view = next((v for v in self.views() if v.id == view_id), None)
        if view is None:
            return False
        self.filters.apply(view.filter)
        if view.filter.zoom is None:
            self.ctx.view.fit()
        else:
            self.ctx.view.set_zoom(view.filter.zoom)
        self.ctx.status(self.tr("View {0} applied.").format(view.name))
        return True

    def present_view(self, view_id: int) -> None:
        if self.apply(view_id):
            self.present()

    def rename(self, view_id: int | None = None, name: str | None = None) -> bool:
        view = self._pick(view_id, self.tr("Rename View"))
        if view is None:
            return False
        if name is None:
            name, ok = QInputDialog.getText(self.ctx.window, self.tr("Rename View"),
                                            self.tr("New name:"), text=view.name)
            if not ok:
                return False
        name = name.strip()
        if not name or name == view.name:
            return False
        other = self.by_name(name)
        if other is not None and other.id != view.id:
            self.ctx.status(self.tr("There is already a view named {0}.").format(name))
            return False
        return self.ctx.push(EditViewCommand(self.ctx.editor(), view.id, {"name": name}))

    def delete(self, view_id: int | None = None) -> bool:
        view = self._pick(view_id, self.tr("Delete View"))
        if view is None:
            return False
        done = self.ctx.push(DeleteViewCommand(self.ctx.editor(), view.id))
        if done:
            self.ctx.status(self.tr("View {0} deleted (Undo brings it back).").format(view.name))
        return done

    def _pick(self, view_id: int | None, title: str) -> SavedViewRecord | None:
        views = self.views()
        if view_id is not None:
            return next((v for v in views if v.id == view_id), None)
        if not views:
            self.ctx.status(self.tr("This journey has no saved view yet."))
            return None
        names = [v.name for v in views]
        name, ok = QInputDialog.getItem(self.ctx.window, title, self.tr("View:"), names, 0, False)
        return views[names.index(name)] if ok and name in names else None

    # -- menus -------------------------------------------------------------------------

    def _fill_menu(self) -> None:
        menu = self.menu
        menu.clear()
        journey = self.ctx.journey_id is not None
        save = menu.addAction(self.tr("&Save Current View…"))
        save.setEnabled(journey)
        save.triggered.connect(lambda _c=False: self.save_current())
        views = self.views()
        for text, slot in ((self.tr("&Rename View…"), self.rename),
                           (self.tr("&Delete View…"), self.delete)):
            action = menu.addAction(text)
            action.setEnabled(bool(views))
            action.triggered.connect(lambda _c=False, f=slot: f())
        menu.addSeparator()
        for view in views:
            action = menu.addAction(view.name)
            action.setToolTip(self.tr("Apply this view"))
            action.triggered.connect(lambda _c=False, vid=view.id: self.apply(vid))
        if not views:
            note = menu.addAction(self.tr("(no saved view)"))
            note.setEnabled(False)

    def _fill_present_menu(self) -> None:
        menu = self.present_menu
        menu.clear()
        for view in self.views():
            action = menu.addAction(view.name)
            action.triggered.connect(lambda _c=False, vid=view.id: self.present_view(vid))
        if menu.isEmpty():
            note = menu.addAction(self.tr("(no saved view)"))
            note.setEnabled(False)
