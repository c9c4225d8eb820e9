"""The main window: builds the canvas, panels, menus and wires the parts that act on them."""

from __future__ import annotations

from collections.abc import Callable
from functools import partial
from pathlib import Path
from typing import Any

from PySide6.QtCore import QSize, Qt, QTimer
from PySide6.QtGui import QCloseEvent, QUndoGroup
from PySide6.QtWidgets import (
    QComboBox,
    QDockWidget,
    QFrame,
    QLabel,
    QMainWindow,
    QMessageBox,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from app import APP_NAME
from app.actions import Actions, Slot, build_menus
from app.canvas_controller import CanvasController
from app.capture import CaptureController
from app.clipboard import CardClipboard
from app.context import EditorContext
from app.docks import DockScroll, dock_of, fit_dock_height
from app.document import Document
from app.field_shortcuts import WindowShortcutsFirst
from app.files import FileActions
from app.filters import FilterController
from app.heat import HeatOverlay
from app.imports import ImportActions
from app.keyboard import KeyboardNavigation
from app.language_menu import LanguageMenu
from app.metric_actions import MetricActions
from app.no_map import show_map_panels
from app.opportunities import OpportunityController
from app.panel_refresh import Changes, PanelRefresh, card_moves_only, concerns
from app.personas import PersonaController
from app.presenter import PresenterController
from app.review import ReviewController
from app.saved_views import SavedViewsController
from app.settings import Settings
from app.snapshots import CompareMode, SnapshotActions
from app.structure import StructureDialogs
from app.theme import ThemeController
from app.voting import VotingController
from model.changes import Change, How, What
from model.store import Workspace
from model.templates import TEMPLATES
from widgets.canvas_style import canvas_style
from widgets.capture_bar import CaptureBar
from widgets.change_list import ChangeList
from widgets.completeness_panel import CompletenessPanel
from widgets.i18n import qtr
from widgets.inspector import Inspector
from widgets.items import CardItem, LaneHeaderItem, StageHeaderItem
from widgets.journey_header import JourneyHeader
from widgets.opportunity_register import OpportunityRegister
from widgets.palette import CardPalette
from widgets.persona_panel import PersonaPanel
from widgets.priority_matrix import PriorityMatrix
from widgets.review_banner import ReviewBanner
from widgets.review_chip import ReviewChip
from widgets.scene import JourneyScene
from widgets.snapshots_panel import SnapshotsPanel
from widgets.timer import Countdown, TimerPanel
from widgets.view import JourneyView
from widgets.voting_panel import VotingPanel

# Saved dock layouts from before the persona/opportunity panels would scatter the new
# docks; a layout saved with another version is not restored.
DOCK_STATE_VERSION = 2  # 2: Timer and Voting moved to the right column


def fitted_size(wanted: QSize, available: QSize) -> QSize:
    """A window size no larger than 95 % of the screen area it may use."""
    return QSize(min(wanted.width(), int(available.width() * 0.95)),
                 min(wanted.height(), int(available.height() * 0.95)))


class MainWindow(QMainWindow):
    """One window, one document; New/Open replace it after asking about unsaved work."""

    def __init__(self, settings: Settings, workspace: Workspace) -> None:
        super().__init__()
        self.settings = settings
        self.workspace = workspace
        self._needs_layout = False
        self._changes: set[tuple[What, How]] = set()  # since the last relayout

        self.scene = JourneyScene(self)
        self.view = JourneyView(self.scene)
        self.header = JourneyHeader()
        self.capture_bar = CaptureBar()
        central = QWidget()
        box = QVBoxLayout(central)
        box.setContentsMargins(0, 0, 0, 0)
        box.setSpacing(0)
        self.review_banner = ReviewBanner()
        box.addWidget(self.review_banner)
        box.addWidget(self.header)
        box.addWidget(self.capture_bar)
        box.addWidget(self.view, 1)
        self.setCentralWidget(central)
        self.card_palette = CardPalette()
        self.inspector = Inspector()
        self._dock(self.card_palette, self.tr("Cards"), Qt.DockWidgetArea.LeftDockWidgetArea,
                   "palette")
        self._dock(self.inspector, self.tr("Inspector"), Qt.DockWidgetArea.RightDockWidgetArea,
                   "inspector")
        self.countdown = Countdown(parent=self)
        self.timer_panel = TimerPanel(self.countdown)
        # The workshop panels open in the wide right column, not under the narrow palette
        # (there the clock read "0(" and the buttons were cut off).
        timer_dock = self._dock(self.timer_panel, self.tr("Timer"),
                                Qt.DockWidgetArea.RightDockWidgetArea, "timer")
        timer_dock.hide()  # shown when a workshop needs it (Workshop → Timer, or F5)
        timer_dock.visibilityChanged.connect(partial(fit_dock_height, self, timer_dock,
                                                     self.timer_panel))
        self.voting_panel = VotingPanel()
        voting_dock = self._dock(self.voting_panel, self.tr("Voting"),
                                 Qt.DockWidgetArea.RightDockWidgetArea, "voting")
        voting_dock.hide()  # Workshop → Dot Voting shows it
        self.persona_panel = PersonaPanel()
        self.register = OpportunityRegister()
        self.matrix = PriorityMatrix()
        self.completeness = CompletenessPanel()
        right = Qt.DockWidgetArea.RightDockWidgetArea
        bottom = Qt.DockWidgetArea.BottomDockWidgetArea
        personas = self._dock(self.persona_panel, self.tr("Personas"), right, "personas")
        check = self._dock(self.completeness, self.tr("Completeness"), right, "completeness")
        # Register and matrix share one dock as tabs: with a second tabified dock group,
        # Qt 6.11 leaves a stray copy of its tab bar over the window.
        self.opportunity_tabs = QTabWidget()
        self.opportunity_tabs.setDocumentMode(True)
        self.opportunity_tabs.addTab(self.register, self.tr("Register"))
        self.opportunity_tabs.addTab(self.matrix, self.tr("Priority Matrix"))
        opportunities = self._dock(self.opportunity_tabs, self.tr("Opportunities"), bottom,
                                   "opportunities")
        self.resizeDocks([opportunities], [210], Qt.Orientation.Vertical)
        # The map keeps the whole height until the register is used (Turn into Opportunity
        # or View > Opportunities show it; the window remembers it).
        opportunities.hide()
        inspector = self.findChild(QDockWidget, "inspector")
        assert inspector is not None
        self.tabifyDockWidget(inspector, personas)
        self.tabifyDockWidget(personas, check)
        self.tabifyDockWidget(check, voting_dock)  # the column's full height, a tab
        inspector.raise_()
        self.snapshots_panel = SnapshotsPanel()
        self.change_list = ChangeList()
        snapshots_dock = self._dock(self.snapshots_panel, self.tr("Snapshots"),
                                    Qt.DockWidgetArea.RightDockWidgetArea, "snapshots")
        # Shown when asked for (View → Snapshots, Journey → Take Snapshot…): the first
        # window keeps the map wide and fits a small screen.
        snapshots_dock.hide()
        self._dock(self.change_list, self.tr("Changes"), Qt.DockWidgetArea.RightDockWidgetArea,
                   "changes")
        self.journey_box = QComboBox()
        self.journey_box.setMinimumContentsLength(18)
        self.journey_box.setToolTip(self.tr("Switch journey"))
        self.journey_box.setAccessibleName(self.tr("Journey"))
        self.journey_box.activated.connect(self._on_journey_picked)
        self.zoom_label = QLabel("100 %")
        self.statusBar().addPermanentWidget(self.zoom_label)
        self.view.zoom_changed.connect(lambda z: self.zoom_label.setText(f"{round(z * 100)} %"))

        # The parts: each turns one kind of input into edits on the shared context.
        self.ctx = EditorContext(self, self.scene, self.view)
        self.ctx.refresh = self._relayout_if_needed
        self.undo_group = QUndoGroup(self)
        self.structure = StructureDialogs(self.ctx)
        self.compare = CompareMode(self.ctx, self.change_list,
                                   lambda on: self._dock_of(self.change_list).setVisible(on))
        self.snapshots = SnapshotActions(self.ctx, self.snapshots_panel, self.compare)
        self.review_chip = ReviewChip()
        header_row = self.header.layout()
        assert header_row is not None
        header_row.addWidget(self.review_chip)
        self.review_chip.set_compact(self.header.compact)  # a small screen: short text
        self.review = ReviewController(self.ctx, self.review_banner, self.review_chip)
        self.review.review_started = lambda _j: self._dock_of(self.snapshots_panel).show()
        self.files = FileActions(self.ctx, settings, workspace, self.set_document,
                                 self._drop_document, self._update_title)
        self.imports = ImportActions(self.ctx)
        self.heat = HeatOverlay(self.ctx)
        self.ctx.refresh_badges = self.heat.refresh
        self.acts = Actions(self, self.undo_group, self._slots())
        self.canvas = CanvasController(self.ctx, self.structure, self.inspector, self.header,
                                       self.card_palette, self.acts.card_actions(),
                                       self.acts.paste)
        self.clipboard = CardClipboard(self.ctx, self.canvas)
        self.keyboard = KeyboardNavigation(
            self.ctx, [self.view, self.capture_bar, self.header, self.journey_box,
                       self.card_palette, self.inspector])
        self.capture = CaptureController(self.ctx, self.capture_bar)
        self.keyboard.add_panel(self.timer_panel)
        self.presenter = PresenterController(self.ctx, self.countdown, settings)
        self.metric_actions = MetricActions(self.ctx, self.inspector)
        self.personas = PersonaController(self.ctx, self.persona_panel, self.header,
                                          lambda: self.show_dock(self.persona_panel))
        self.opportunities = OpportunityController(
            self.ctx, self.register, self.matrix, self.completeness, self.header,
            self.show_dock)
        templates: dict[str, tuple[str, Slot]] = {
            key: (qtr(spec.title), partial(self.files.new_document, key))
            for key, spec in TEMPLATES.items()
        }
        self.voting = VotingController(self.ctx, self.voting_panel, self.register,
                                       lambda: self.show_wide(self.voting_panel),
                                       lambda: self.show_dock(self.register))
        self.voting.watch(voting_dock)
        self.keyboard.add_panel(self.voting_panel)
        self.filters = FilterController(self.ctx)
        self.theme = ThemeController(settings, self)
        self.theme.dark_changed.connect(self._show_theme)
        self._show_theme(self.theme.dark)
        self.filters.relayout = self._relayout
        self.canvas.extend_lane_menu = self.filters.add_lane_entries
        self.saved_views = SavedViewsController(self.ctx, self.filters,
                                                lambda: self.presenter.start())
        recent = build_menus(self, self.acts, templates, self.journey_box, [
            self.filters.menu, self.filters.lanes_menu, self.filters.curves_menu,
            self.saved_views.menu, self.saved_views.present_menu, self.presenter.screens_menu,
            self.voting.build_menu(self, voting_dock.toggleViewAction())],
            [self.theme.menu, LanguageMenu(settings, self)])
        recent.aboutToShow.connect(lambda: self.files.fill_recent_menu(recent))
        self.scene.selectionChanged.connect(self._refresh_inspector)
        self.panels = PanelRefresh()
        self._watch_panels()

        self.resize(fitted_size(QSize(1400, 900), self.screen().availableGeometry().size()))
        geometry = settings.window_geometry()
        if geometry is not None:
            self.restoreGeometry(geometry)
            available = self.screen().availableGeometry().size()
            if self.width() > available.width() or self.height() > available.height():
                self.resize(fitted_size(self.size(), available))
        state = settings.window_state()
        if state is not None:
            self.restoreState(state, DOCK_STATE_VERSION)
        self._dock_of(self.change_list).hide()  # shown by compare mode only
        WindowShortcutsFirst(self).watch_fields()  # Ctrl+E exports from the Objective field

    def _slots(self) -> dict[str, Slot]:
        f, st, v = self.files, self.structure, self.view
        return {
            "new": f.new_dialog, "open": f.open_dialog, "save": f.save,
            "save_as": f.save_as, "export": f.export_dialog, "close": f.close_document,
            "quit": self.close,
            "cut": lambda: self.clipboard.cut(), "copy": lambda: self.clipboard.copy(),
            "paste": lambda: self.clipboard.paste(),
            "delete": lambda: self.clipboard.delete_selection(),
            "select_all": lambda: self.clipboard.select_all(),
            "edit_card": lambda: self.clipboard.edit_selected_card(),
            "zoom_in": v.zoom_in, "zoom_out": v.zoom_out, "zoom_reset": v.zoom_reset,
            "fit": v.fit,
            "add_journey": st.add_journey, "rename_journey": st.rename_journey,
            "duplicate_journey": st.duplicate_journey, "delete_journey": st.delete_journey,
            "add_stage": st.add_stage, "add_lane": st.add_lane, "add_curve": st.add_curve,
            "delete_curve": st.delete_curve, "about": self._about,
            "next_panel": lambda: self.keyboard.next_panel(),
            "previous_panel": lambda: self.keyboard.previous_panel(),
            "capture": lambda: self.capture.open(),
            "present": lambda: self.presenter.start(),
            "import_survey": self.imports.import_survey,
            "import_cards": self.imports.import_cards,
            "heat_strip": lambda: self.heat.set_on(self.acts.heat_strip.isChecked()),
            "turn_into_opportunity": lambda: self.opportunities.turn_into_opportunity(),
            "link_opportunity": lambda: self.opportunities.link_selected_card(),
            "review": self.review.review_dialog,
            "take_snapshot": lambda: self.snapshots.take_snapshot(),
            "compare_journey": self.snapshots.compare_with_journey,
            "review_pack": lambda: self.review.export_review_pack(),
        }

    def _show_theme(self, dark: bool) -> None:
        """Paint the canvas light or dark (exports stay light whatever it shows)."""
        self.scene.set_canvas_style(canvas_style(dark))
        self.heat.refresh()  # the heat strip is a scene item of its own
        self.compare.refresh()  # ghosts and chips take the palette when they are made

    def _dock(self, widget: QWidget, title: str, area: Qt.DockWidgetArea,
              name: str, scroll: bool = True) -> QDockWidget:
        dock = QDockWidget(title, self)
        dock.setObjectName(name)
        if scroll:  # a tall or wide panel scrolls rather than make the window outgrow the screen
            area_widget = DockScroll(title)
            area_widget.setWidgetResizable(True)
            area_widget.setFrameShape(QFrame.Shape.NoFrame)
            area_widget.setWidget(widget)
            dock.setWidget(area_widget)
        else:
            dock.setWidget(widget)
        self.addDockWidget(area, dock)
        return dock

    def show_dock(self, widget: QWidget) -> None:
        """Show (and bring to the front) the dock that holds a panel."""
        dock: QWidget | None = widget
        while dock is not None and not isinstance(dock, QDockWidget):
            parent = dock.parentWidget()
            if isinstance(parent, QTabWidget) or (
                parent is not None and isinstance(parent.parentWidget(), QTabWidget)
            ):
                tabs = parent if isinstance(parent, QTabWidget) else parent.parentWidget()
                assert isinstance(tabs, QTabWidget)
                tabs.setCurrentWidget(dock)
            dock = parent
        if dock is not None:
            dock.show()
            dock.raise_()

    def show_wide(self, widget: QWidget) -> None:
        """Show a panel's dock wide enough to use (a small screen squeezes side docks)."""
        self.show_dock(widget)
        dock = self._dock_of(widget)
        wanted = min(widget.sizeHint().width() + 24, int(self.width() * 0.45))
        if dock.width() < wanted:
            self.resizeDocks([dock], [wanted], Qt.Orientation.Horizontal)

    def _dock_of(self, widget: QWidget) -> QDockWidget:
        dock = dock_of(widget)
        assert dock is not None
        return dock

    @property
    def doc(self) -> Document | None:
        return self.ctx.doc

    def open_file(self, path: Path) -> bool:
        """Open a file handed over from the command line (or another launch)."""
        return self.files.open_file(path)

    # ------------------------------------------------------------------ document

    def set_document(self, doc: Document) -> None:
        """Show a document (the previous one must already be closed)."""
        self.ctx.doc = doc
        for signal, slot in self._document_links(doc):
            signal.connect(slot)
        self.undo_group.addStack(doc.undo_stack)
        self.undo_group.setActiveStack(doc.undo_stack)
        self.setWindowModified(doc.modified)
        self.scene.current_cell = None
        show_map_panels(self, True)
        self.filters.forget()
        self._fill_journey_box()
        self._relayout(reset_view=True)
        self.snapshots.attach(doc)
        self.review.document_opened()
        self.view.setFocus()
        if doc.path is not None:
            self.settings.add_recent_file(doc.path)
        problem = doc.autosave_problem
        if problem is not None:  # the first autosave after opening already failed
            QTimer.singleShot(0, lambda: self._autosave_failed(problem))

    def _document_links(self, doc: Document) -> list[tuple[Any, Callable[..., object]]]:
        """The document's signals and the window's slots, connected on show, cut on drop.

        Bound methods, not lambdas: a document outliving this window (deleted later)
        must not call into it.
        """
        return [
            (doc.changed, self._on_model_changed),
            (doc.journey_switched, self._on_journey_switched),
            (doc.journeys_changed, self._fill_journey_box),
            (doc.edit_failed, self._edit_failed),
            (doc.autosave_failed, self._autosave_failed),
            (doc.autosave_recovered, self._autosave_recovered),
            (doc.undo_stack.indexChanged, self._relayout_if_needed),
            (doc.undo_stack.cleanChanged, self._clean_changed),
        ]

    def _drop_document(self, keep_open: bool = False) -> None:
        """Take the document off the window; close it unless the caller still needs it."""
        doc = self.ctx.doc
        if doc is None:
            return
        self.compare.stop()
        self.snapshots.detach(doc)
        self.review.detach(doc)
        self.ctx.doc = None
        for signal, slot in self._document_links(doc):
            signal.disconnect(slot)
        self.undo_group.removeStack(doc.undo_stack)
        self.scene.clear_map()
        self.heat.refresh()  # no document: no strip
        if not keep_open:
            doc.close()
        doc.deleteLater()
        self.journey_box.clear()
        show_map_panels(self, False)
        self._update_title()
        self.setWindowModified(False)

    def _clean_changed(self, clean: bool) -> None:
        self.setWindowModified(not clean)

    def _edit_failed(self, message: str) -> None:
        self.ctx.status(message, 8000)

    def _autosave_recovered(self) -> None:
        self.ctx.status(self.tr("Autosave works again: your edits are safe on disk."), 8000)

    def _autosave_failed(self, message: str) -> None:
        """Say plainly that edits are not reaching the disk, and what still works.

        Non-modal: the facilitator can keep working and Save As elsewhere; the status
        bar keeps saying it until autosave works again.
        """
        advice = (qtr("Your map is still open and nothing is lost yet: use Save As to save it "
                      "somewhere with free space."))
        self.ctx.status(self.tr("Autosave failed: {0}").format(message), 0)
        box = QMessageBox(QMessageBox.Icon.Warning, self.tr("Autosave Failed"),
                          f"{message}\n\n{advice}", QMessageBox.StandardButton.Ok, self)
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        box.setModal(False)
        box.show()

    def _on_model_changed(self, change: Change) -> None:
        self._changes.add((change.what, change.how))
        # Many changes (a macro, a journey restore) coalesce into one relayout: at the end
        # of the undo-stack step, or on the next event-loop turn for changes outside one.
        if not self._needs_layout:
            self._needs_layout = True
            QTimer.singleShot(0, self._relayout_if_needed)

    def _relayout_if_needed(self, *_args: object) -> None:
        if self._needs_layout:
            self._relayout()

    def _relayout(self, reset_view: bool = False) -> None:
        """The canvas now; then the panels the step's changes concern, if they are shown."""
        self._needs_layout = False
        # No model change (a view filter hid or showed lanes): what the panels and badges
        # show of the layout may differ, so all of them catch up.
        changes: Changes | None = None if reset_view or not self._changes \
            else frozenset(self._changes)
        self._changes.clear()
        doc = self.ctx.doc
        layout = doc.layout(self.filters.current()) if doc is not None else None
        if layout is None:
            self.scene.clear_map()
            self.heat.refresh()
            self._update_title()
            self.keyboard.refresh_announced_cell()
            return
        self.scene.apply_layout(layout)
        self.keyboard.refresh_announced_cell()
        self.filters.sync()
        self.compare.refresh()
        self._update_title()
        self.panels.changed(changes)
        if reset_view:
            QTimer.singleShot(0, self.view.fit)

    def _watch_panels(self) -> None:
        """What each panel shows, so that a step refreshes only those it concerns."""
        add, w = self.panels.add, What
        journey = (w.JOURNEY, w.PERSONA)
        add("heat", self.heat.refresh, self.heat.cares)  # badges and strip: on the canvas
        add("header", self._sync_header, lambda ch: concerns(ch, journey, False))
        add("header persona", self.personas.refresh_header,
            lambda ch: concerns(ch, journey, False))
        add("inspector", self._refresh_inspector, lambda ch: not card_moves_only(ch),
            (self.inspector,))
        add("personas", self.personas.refresh_panel,
            lambda ch: concerns(ch, (*journey, w.CURVE), False), (self.persona_panel,))
        add("register", self.opportunities.refresh_register,
            lambda ch: concerns(ch, (w.OPPORTUNITY, w.CARD, w.JOURNEY), False),
            (self.register, self.matrix))
        # A moved card moves its findings in the list (they go in map order).
        add("completeness", self.opportunities.refresh_check,
            lambda ch: concerns(ch, (*journey, w.STAGE, w.LANE, w.CARD, w.OPPORTUNITY), True),
            (self.completeness,))
        add("voting", self.voting.refresh,
            lambda ch: concerns(ch, (w.VOTE, w.CARD, w.OPPORTUNITY, w.JOURNEY), False),
            (self.voting_panel, self.register))

    def _on_journey_switched(self, _journey_id: int) -> None:
        self._fill_journey_box()
        self._relayout(reset_view=True)

    def _update_title(self) -> None:
        doc = self.ctx.doc
        if doc is None:
            self.setWindowTitle(APP_NAME)
            return
        journey = doc.journey()
        name = journey["name"] if journey is not None else self.tr("no journey")
        self.setWindowTitle(f"{doc.display_name()}[*] — {name} — {APP_NAME}")

    def _fill_journey_box(self) -> None:
        doc = self.ctx.doc
        if doc is None:
            return
        self.journey_box.blockSignals(True)
        self.journey_box.clear()
        for journey in doc.journeys():
            self.journey_box.addItem(journey["name"] or self.tr("(unnamed journey)"), journey["id"])
        self.journey_box.setCurrentIndex(self.journey_box.findData(doc.journey_id))
        self.journey_box.blockSignals(False)
        for action in self.acts.journey_actions():
            action.setEnabled(doc.journey_id is not None)

    def _on_journey_picked(self, index: int) -> None:
        if self.ctx.doc is not None:
            self.ctx.doc.set_journey(self.journey_box.itemData(index))

    def _sync_header(self) -> None:
        doc = self.ctx.doc
        journey = doc.journey() if doc is not None else None
        if doc is None or journey is None:
            return
        self.header.set_journey(
            {"name": journey["name"], "objective": journey["objective"],
             "persona_id": journey["persona_id"]},
            [(p["id"], p["name"] or self.tr("(unnamed)")) for p in doc.personas()],
        )

    def _refresh_inspector(self) -> None:
        doc = self.ctx.doc
        if doc is None:
            return
        items = self.scene.selectedItems()
        if len(items) > 1:
            self.inspector.show_multiple(len(items))
            return
        item = items[0] if items else None
        if isinstance(item, CardItem) and (card := doc.card(item.card_id)) is not None:
            self.inspector.show_card(card)
        elif isinstance(item, StageHeaderItem) and (stage := doc.stage(item.stage_id)):
            self.inspector.show_stage(stage)
        elif isinstance(item, LaneHeaderItem) and (lane := doc.lane(item.lane_id)):
            self.inspector.show_lane(lane)
        else:
            self.inspector.show_nothing()
        self.metric_actions.refresh()

    # ------------------------------------------------------------------ window

    def closeEvent(self, event: QCloseEvent) -> None:
        if not self.files.close_document():
            event.ignore()
            return
        self.settings.set_window_geometry(self.saveGeometry())
        self.settings.set_window_state(self.saveState(DOCK_STATE_VERSION))
        self.settings.sync()
        event.accept()

    def _about(self) -> None:
        from app.about import show_about

        self.about_dialog = show_about(self)
