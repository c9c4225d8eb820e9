"""View filters for a workshop: hide lanes, one persona's curves, highlight one card kind.

A view setting, not an edit: no undo step and no unsaved-changes marker. The filter
is kept per journey while the file is open; a saved view stores it in the file.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace

from PySide6.QtCore import QObject
from PySide6.QtGui import QAction, QActionGroup
from PySide6.QtWidgets import QMenu

from app.context import EditorContext
from model.palette import CARD_KIND_LABELS, LANE_KIND_LABELS
from model.workshop import ViewFilter
from widgets.i18n import qtr


class FilterController(QObject):
    """The Workshop menus Highlight Card Kind, Lanes and Emotion Curves."""

    def __init__(self, ctx: EditorContext) -> None:
        super().__init__(ctx.window)
        self.ctx = ctx
        self._filters: dict[int, ViewFilter] = {}
        # Set by the window: lay the map out again now (hidden lanes, curves changed).
        self.relayout: Callable[[], None] = lambda: None
        self.menu = QMenu(self.tr("&Highlight Card Kind"), ctx.window)
        self.group = QActionGroup(self)
        self.group.setExclusive(True)
        self.actions: dict[str | None, QAction] = {}
        entries: list[tuple[str | None, str]] = [(None, self.tr("&All Cards Alike"))]
        entries += [(kind, qtr(label)) for kind, label in CARD_KIND_LABELS.items()]
        for kind, label in entries:
            action = QAction(label, self.menu)
            action.setCheckable(True)
            action.triggered.connect(lambda _c=False, k=kind: self.highlight(k))
            self.group.addAction(action)
            self.menu.addAction(action)
            self.actions[kind] = action
        self.actions[None].setChecked(True)
        self.lanes_menu = QMenu(self.tr("&Lanes"), ctx.window)
        self.lanes_menu.aboutToShow.connect(self._fill_lanes_menu)
        self.curves_menu = QMenu(self.tr("Emotion &Curves"), ctx.window)
        self.curves_menu.aboutToShow.connect(self._fill_curves_menu)

    # -- state ---------------------------------------------------------------------

    def current(self) -> ViewFilter:
        """The filter of the journey on screen (zoom is the view's own, not kept here)."""
        journey_id = self.ctx.journey_id
        return self._filters.get(journey_id, ViewFilter()) if journey_id else ViewFilter()

    def apply(self, view: ViewFilter) -> None:
        """Show the journey on screen through ``view`` (a saved view being applied)."""
        journey_id = self.ctx.journey_id
        if journey_id is None:
            return
        self._filters[journey_id] = replace(view, zoom=None)
        self.sync()
        self.relayout()

    def sync(self) -> None:
        """Put the scene's highlight and the menu ticks in line with the current filter."""
        kind = self.current().highlight_kind
        if self.ctx.scene.highlight_kind != kind:  # each card's opacity: only on a change
            self.ctx.scene.set_highlight_kind(kind)
        self.actions[kind if kind in self.actions else None].setChecked(True)

    def forget(self) -> None:
        """A new document: nothing filtered."""
        self._filters.clear()

    def _set(self, view: ViewFilter) -> None:
        journey_id = self.ctx.journey_id
        if journey_id is not None:
            self._filters[journey_id] = view

    # -- highlight ------------------------------------------------------------------

    def highlight(self, kind: str | None) -> None:
        self._set(replace(self.current(), highlight_kind=kind))
        self.sync()
        if kind is None:
            self.ctx.status(self.tr("All cards shown alike."))
        else:
            self.ctx.status(self.tr("Highlighting {0} cards; the others are dimmed.").format(
                qtr(CARD_KIND_LABELS.get(kind, kind))))

    # -- lanes ------------------------------------------------------------------------

    def set_lane_hidden(self, lane_id: int, hidden: bool) -> None:
        """Hide a lane from the map (and the presenter), or bring it back in its place."""
        doc = self.ctx.doc
        if doc is None:
            return
        lanes = {x["id"]: x for x in doc.lanes()}
        if lane_id not in lanes:
            return
        now = set(self.current().hidden_lanes)
        if hidden:
            if not set(lanes) - now - {lane_id}:
                self.ctx.status(self.tr("At least one lane stays shown."))
                return
            now.add(lane_id)
        else:
            now.discard(lane_id)
        self._set(replace(self.current(), hidden_lanes=frozenset(now)))
        self.relayout()
        name = lanes[lane_id]["name"] or self.tr("(unnamed lane)")
        message = (self.tr("Lane {0} hidden (Workshop → Lanes shows it again).") if hidden
                   else self.tr("Lane {0} shown."))
        self.ctx.status(message.format(name))

    def show_all_lanes(self) -> None:
        self._set(replace(self.current(), hidden_lanes=frozenset()))
        self.relayout()
        self.ctx.status(self.tr("All lanes shown."))

    def _fill_lanes_menu(self) -> None:
        menu = self.lanes_menu
        menu.clear()
        doc = self.ctx.doc
        hidden = self.current().hidden_lanes
        show_all = menu.addAction(self.tr("&Show All Lanes"))
        show_all.setEnabled(bool(hidden))
        show_all.triggered.connect(lambda _c=False: self.show_all_lanes())
        menu.addSeparator()
        for lane in doc.lanes() if doc is not None else []:
            label = lane["name"] or qtr(LANE_KIND_LABELS.get(lane["kind"], lane["kind"]))
            action = menu.addAction(label)
            action.setCheckable(True)
            action.setChecked(lane["id"] not in hidden)
            action.toggled.connect(
                lambda on, lid=lane["id"]: self.set_lane_hidden(lid, not on))

    # -- curves -----------------------------------------------------------------------

    def show_persona_curves(self, persona_id: int | None) -> None:
        """Only the curves of one persona on the map (None: every curve)."""
        self._set(replace(self.current(), persona_id=persona_id))
        self.relayout()
        doc = self.ctx.doc
        persona = doc.persona(persona_id) if doc is not None and persona_id else None
        if persona is None:
            self.ctx.status(self.tr("Every emotion curve shown."))
        else:
            self.ctx.status(self.tr("Only {0}'s emotion curves shown.").format(persona["name"]))

    def _fill_curves_menu(self) -> None:
        menu = self.curves_menu
        menu.clear()
        doc = self.ctx.doc
        group = QActionGroup(menu)
        current = self.current().persona_id
        everyone = menu.addAction(self.tr("&Every Curve"))
        everyone.setCheckable(True)
        everyone.setChecked(current is None)
        everyone.triggered.connect(lambda _c=False: self.show_persona_curves(None))
        group.addAction(everyone)
        used = {c["persona_id"] for c in doc.curve_records()} if doc is not None else set()
        personas = [p for p in doc.personas() if p["id"] in used] if doc is not None else []
        if personas:
            menu.addSeparator()
        for persona in personas:
            action = menu.addAction(self.tr("Only {0}'s Curves").format(
                persona["name"] or self.tr("(unnamed)")))
            action.setCheckable(True)
            action.setChecked(current == persona["id"])
            action.triggered.connect(
                lambda _c=False, pid=persona["id"]: self.show_persona_curves(pid))
            group.addAction(action)
        if not personas:
            note = menu.addAction(self.tr("(no curve has a persona)"))
            note.setEnabled(False)

    def add_lane_entries(self, menu: QMenu, lane_id: int) -> None:
        """Hide Lane (and Show All Lanes when some are hidden) on a lane header's menu."""
        menu.addSeparator()
        hide = menu.addAction(self.tr("&Hide Lane"))
        hide.triggered.connect(lambda _c=False: self.set_lane_hidden(lane_id, True))
        if self.current().hidden_lanes:
            show = menu.addAction(self.tr("Show &All Lanes"))
            show.triggered.connect(lambda _c=False: self.show_all_lanes())
