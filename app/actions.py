"""The window's actions (with their keys) and the menus and toolbar that show them."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtGui import QAction, QKeySequence, QUndoGroup
from PySide6.QtWidgets import (
    QApplication,
    QDockWidget,
    QLabel,
    QMainWindow,
    QMenu,
    QToolBar,
    QWidget,
)

from app import APP_NAME

Slot = Callable[[], object]
_SK = QKeySequence.StandardKey


def make_action(
    owner: QWidget,
    text: str,
    slot: Slot,
    shortcut: QKeySequence.StandardKey | str | None = None,
    tip: str = "",
) -> QAction:
    """An action owned by ``owner`` that calls ``slot`` with no arguments."""
    action = QAction(text, owner)
    if isinstance(shortcut, QKeySequence.StandardKey):
        action.setShortcuts(shortcut)
    elif shortcut:
        action.setShortcut(QKeySequence(shortcut))
    if tip:
        action.setStatusTip(tip)
    action.triggered.connect(lambda _checked=False: slot())
    return action


def redo_keys() -> list[QKeySequence]:
    """Every key the platform lists for Redo, plus the two the README promises."""
    keys: list[QKeySequence] = []
    for key in [*QKeySequence.keyBindings(_SK.Redo), QKeySequence("Ctrl+Shift+Z"),
                QKeySequence("Ctrl+Y")]:
        if key not in keys:
            keys.append(key)
    return keys


class Actions:
    """Every menu action of the main window; slots are given by the window's parts."""

    def __init__(self, window: QMainWindow, undo_group: QUndoGroup,
                 slots: dict[str, Slot]) -> None:
        w = window
        a = make_action
        s = slots
        self.new = a(w, "&New…", s["new"], _SK.New, "New map from a template")
        self.open = a(w, "&Open…", s["open"], _SK.Open)
        self.save = a(w, "&Save", s["save"], _SK.Save)
        self.save_as = a(w, "Save &As…", s["save_as"], _SK.SaveAs)
        self.export = a(w, "&Export…", s["export"], "Ctrl+E")
        self.import_survey = a(w, "&Survey Results…", s["import_survey"])
        self.import_cards = a(w, "&Cards from CSV…", s["import_cards"])
        self.close = a(w, "&Close", s["close"], _SK.Close)
        self.quit = a(w, "&Quit", s["quit"], _SK.Quit)
        if not self.quit.shortcuts():  # some platform themes list no Quit key
            self.quit.setShortcut(QKeySequence("Ctrl+Q"))
        self.quit.setMenuRole(QAction.MenuRole.QuitRole)
        # The undo group names the step ("Undo Move cards") and enables the actions.
        self.undo = undo_group.createUndoAction(w, "&Undo")
        self.undo.setShortcuts(_SK.Undo)
        self.redo = undo_group.createRedoAction(w, "&Redo")
        self.redo.setShortcuts(redo_keys())
        # The toolbar's buttons keep a short, fixed label (the menu names the step), so
        # the toolbar does not shift whenever the step's name changes.
        self.undo_button = QAction("Undo", w)
        self.redo_button = QAction("Redo", w)
        for button, action in ((self.undo_button, self.undo), (self.redo_button, self.redo)):
            button.setEnabled(action.isEnabled())
            button.triggered.connect(action.trigger)
            action.changed.connect(
                lambda b=button, a=action: (b.setEnabled(a.isEnabled()),
                                            b.setToolTip(a.text().replace("&", ""))))
        self.cut = a(w, "Cu&t", s["cut"], _SK.Cut)
        self.copy = a(w, "&Copy", s["copy"], _SK.Copy)
        self.paste = a(w, "&Paste", s["paste"], _SK.Paste)
        self.delete = a(w, "&Delete", s["delete"], _SK.Delete)
        self.select_all = a(w, "Select &All", s["select_all"], _SK.SelectAll)
        self.edit_card = a(w, "Edit Card &Text", s["edit_card"], "F2")
        self.zoom_in = a(w, "Zoom &In", s["zoom_in"], _SK.ZoomIn)
        # Ctrl+= is where "+" is without Shift on most keyboards.
        self.zoom_in.setShortcuts([*QKeySequence.keyBindings(_SK.ZoomIn), QKeySequence("Ctrl+=")])
        self.zoom_out = a(w, "Zoom &Out", s["zoom_out"], _SK.ZoomOut)
        self.zoom_reset = a(w, "&Actual Size", s["zoom_reset"], "Ctrl+0")
        self.fit = a(w, "&Fit to Window", s["fit"], "Ctrl+Shift+F")
        self.add_journey = a(w, "&Add Journey…", s["add_journey"], "Ctrl+Shift+J")
        self.heat_strip = a(w, "&Heat Strip", s["heat_strip"],
                            tip="Colour touchpoints and stages by a metric")
        self.heat_strip.setCheckable(True)
        self.rename_journey = a(w, "&Rename Journey…", s["rename_journey"])
        self.duplicate_journey = a(w, "D&uplicate Journey", s["duplicate_journey"])
        self.delete_journey = a(w, "De&lete Journey…", s["delete_journey"])
        # Ctrl+Shift+S is Save As on every platform.
        self.add_stage = a(w, "Add &Stage", s["add_stage"], "Ctrl+Shift+T")
        self.add_lane = a(w, "Add &Lane…", s["add_lane"], "Ctrl+Shift+L")
        self.add_curve = a(w, "Add &Emotion Curve…", s["add_curve"])
        self.delete_curve = a(w, "Delete Emotion C&urve…", s["delete_curve"])
        self.about = a(w, f"&About {APP_NAME}", s["about"])
        self.about.setMenuRole(QAction.MenuRole.AboutRole)
        self.about_qt = a(w, "About &Qt", QApplication.aboutQt)
        self.about_qt.setMenuRole(QAction.MenuRole.AboutQtRole)
        # Workshop mode (#13): everything reachable without the mouse.
        self.next_panel = a(w, "Next &Panel", s["next_panel"], "F6",
                            "Move the keyboard focus to the next panel")
        self.previous_panel = a(w, "Previous Pa&nel", s["previous_panel"], "Shift+F6")
        self.capture = a(w, "&Capture Cards…", s["capture"], "Ctrl+K",
                         "Type “stage / lane: text” to add cards fast")
        self.present = a(w, "&Presenter Mode", s["present"], "F5",
                         "Show the map full screen, stage by stage")
        self.turn_into_opportunity = a(
            w, w.tr("Turn into &Opportunity"), s["turn_into_opportunity"], "Ctrl+Shift+O",
            w.tr("Make an opportunity from the selected pain point, linked to it"))
        self.link_opportunity = a(w, w.tr("&Link to Opportunity…"), s["link_opportunity"])
        self.review = a(w, "Re&view…", s["review"], tip="Review interval and next review date")
        self.take_snapshot = a(w, "Take S&napshot…", s["take_snapshot"],
                               tip="Store a dated copy of this journey in the file")
        self.compare_journey = a(w, "Compare with &Journey…", s["compare_journey"],
                                 tip="Mark what differs from another journey (e.g. to-be)")

    def journey_actions(self) -> list[QAction]:
        """The actions that need a current journey."""
        return [self.rename_journey, self.duplicate_journey, self.delete_journey,
                self.add_stage, self.add_lane, self.add_curve, self.delete_curve,
                self.review, self.take_snapshot, self.compare_journey]

    def card_actions(self) -> list[QAction]:
        """What a card's context menu offers."""
        return [self.edit_card, self.turn_into_opportunity, self.link_opportunity, self.cut,
                self.copy, self.delete]


def build_menus(window: QMainWindow, acts: Actions, templates: dict[str, tuple[str, Slot]],
                journey_box: QWidget, workshop_menus: list[QMenu] | None = None,
                view_menus: list[QMenu] | None = None) -> QMenu:
    """Menus and toolbar; returns the Open Recent menu (filled when it is about to show)."""
    bar = window.menuBar()
    file_menu = bar.addMenu("&File")
    file_menu.addAction(acts.new)
    template_menu = file_menu.addMenu("New from &Template")
    for title, slot in templates.values():
        template_menu.addAction(make_action(window, title, slot))
    file_menu.addAction(acts.open)
    recent = file_menu.addMenu("Open &Recent")
    file_menu.addSeparator()
    file_menu.addActions([acts.save, acts.save_as, acts.export])
    file_menu.addMenu("&Import").addActions([acts.import_survey, acts.import_cards])
    file_menu.addSeparator()
    file_menu.addActions([acts.close, acts.quit])

    edit = bar.addMenu("&Edit")
    edit.addActions([acts.undo, acts.redo])
    edit.addSeparator()
    edit.addActions([acts.cut, acts.copy, acts.paste, acts.delete])
    edit.addSeparator()
    edit.addActions([acts.select_all, acts.edit_card])
    edit.addSeparator()
    edit.addActions([acts.turn_into_opportunity, acts.link_opportunity])

    view = bar.addMenu("&View")
    view.addActions([acts.zoom_in, acts.zoom_out, acts.zoom_reset, acts.fit])
    view.addAction(acts.heat_strip)
    for menu in view_menus or []:
        view.addMenu(menu)
    view.addSeparator()
    view.addActions([acts.next_panel, acts.previous_panel])
    view.addSeparator()
    for dock in window.findChildren(QDockWidget):
        view.addAction(dock.toggleViewAction())

    journey = bar.addMenu("&Journey")
    journey.addActions([acts.add_journey, acts.rename_journey, acts.duplicate_journey,
                        acts.delete_journey])
    journey.addSeparator()
    journey.addActions([acts.add_stage, acts.add_lane, acts.add_curve, acts.delete_curve])
    journey.addSeparator()
    journey.addActions([acts.review, acts.take_snapshot, acts.compare_journey])

    workshop = bar.addMenu("&Workshop")
    workshop.addActions([acts.capture, acts.present])
    timer_dock = window.findChild(QDockWidget, "timer")
    if timer_dock is not None:
        workshop.addAction(timer_dock.toggleViewAction())
    for menu in workshop_menus or []:
        workshop.addMenu(menu)

    bar.addMenu("&Help").addActions([acts.about, acts.about_qt])

    tools = QToolBar("Main")
    tools.setObjectName("main_toolbar")
    tools.setMovable(False)
    tools.addActions([acts.new, acts.open, acts.save])
    tools.addSeparator()
    tools.addActions([acts.undo_button, acts.redo_button])
    tools.addSeparator()
    tools.addWidget(QLabel(" Journey: "))
    tools.addWidget(journey_box)
    tools.addAction(acts.add_journey)
    tools.addSeparator()
    tools.addActions([acts.zoom_out, acts.zoom_in, acts.fit])
    window.addToolBar(tools)
    # Canvas shortcuts must work while the view has focus.
    window.addActions(window.findChildren(QAction))
    return recent
