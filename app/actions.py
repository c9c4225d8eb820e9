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
from widgets.i18n import qtr

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
        self.new = a(w, qtr("&New…"), s["new"], _SK.New, qtr("New map from a template"))
        self.open = a(w, qtr("&Open…"), s["open"], _SK.Open)
        self.save = a(w, qtr("&Save"), s["save"], _SK.Save)
        self.save_as = a(w, qtr("Save &As…"), s["save_as"], _SK.SaveAs)
        self.export = a(w, qtr("&Export…"), s["export"], "Ctrl+E")
        self.import_survey = a(w, qtr("&Survey Results…"), s["import_survey"])
        self.import_cards = a(w, qtr("&Cards from CSV…"), s["import_cards"])
        self.close = a(w, qtr("&Close"), s["close"], _SK.Close)
        self.quit = a(w, qtr("&Quit"), s["quit"], _SK.Quit)
        if not self.quit.shortcuts():  # some platform themes list no Quit key
            self.quit.setShortcut(QKeySequence("Ctrl+Q"))
        self.quit.setMenuRole(QAction.MenuRole.QuitRole)
        # The undo group names the step ("Undo Move cards") and enables the actions.
        self.undo = undo_group.createUndoAction(w, qtr("&Undo"))
        self.undo.setShortcuts(_SK.Undo)
        self.redo = undo_group.createRedoAction(w, qtr("&Redo"))
        self.redo.setShortcuts(redo_keys())
        # The toolbar's buttons keep a short, fixed label (the menu names the step), so
        # the toolbar does not shift whenever the step's name changes.
        self.undo_button = QAction(qtr("Undo"), w)
        self.redo_button = QAction(qtr("Redo"), w)
        for button, action in ((self.undo_button, self.undo), (self.redo_button, self.redo)):
            button.setEnabled(action.isEnabled())
            button.triggered.connect(action.trigger)
            action.changed.connect(
                lambda b=button, a=action: (b.setEnabled(a.isEnabled()),
                                            b.setToolTip(a.text().replace("&", ""))))
        self.cut = a(w, qtr("Cu&t"), s["cut"], _SK.Cut)
        self.copy = a(w, qtr("&Copy"), s["copy"], _SK.Copy)
        self.paste = a(w, qtr("&Paste"), s["paste"], _SK.Paste)
        self.delete = a(w, qtr("&Delete"), s["delete"], _SK.Delete)
        self.select_all = a(w, qtr("Select &All"), s["select_all"], _SK.SelectAll)
        self.edit_card = a(w, qtr("Edit Card &Text"), s["edit_card"], "F2")
        self.zoom_in = a(w, qtr("Zoom &In"), s["zoom_in"], _SK.ZoomIn)
        # Ctrl+= is where "+" is without Shift on most keyboards.
        self.zoom_in.setShortcuts([*QKeySequence.keyBindings(_SK.ZoomIn), QKeySequence("Ctrl+=")])
        self.zoom_out = a(w, qtr("Zoom &Out"), s["zoom_out"], _SK.ZoomOut)
        self.zoom_reset = a(w, qtr("&Actual Size"), s["zoom_reset"], "Ctrl+0")
        self.fit = a(w, qtr("&Fit to Window"), s["fit"], "Ctrl+Shift+F")
        self.add_journey = a(w, qtr("&Add Journey…"), s["add_journey"], "Ctrl+Shift+J")
        self.heat_strip = a(w, qtr("&Heat Strip"), s["heat_strip"],
                            tip=qtr("Colour touchpoints and stages by a metric"))
        self.heat_strip.setCheckable(True)
        self.rename_journey = a(w, qtr("&Rename Journey…"), s["rename_journey"])
        self.duplicate_journey = a(w, qtr("D&uplicate Journey"), s["duplicate_journey"])
        self.delete_journey = a(w, qtr("De&lete Journey…"), s["delete_journey"])
        # Ctrl+Shift+S is Save As on every platform.
        self.add_stage = a(w, qtr("Add &Stage"), s["add_stage"], "Ctrl+Shift+T")
        self.add_lane = a(w, qtr("Add &Lane…"), s["add_lane"], "Ctrl+Shift+L")
        self.add_curve = a(w, qtr("Add &Emotion Curve…"), s["add_curve"])
        self.delete_curve = a(w, qtr("Delete Emotion C&urve…"), s["delete_curve"])
        self.about = a(w, qtr("&About {0}").format(APP_NAME), s["about"])
        self.about.setMenuRole(QAction.MenuRole.AboutRole)
        self.about_qt = a(w, qtr("About &Qt"), QApplication.aboutQt)
        self.about_qt.setMenuRole(QAction.MenuRole.AboutQtRole)
        # Workshop mode (#13): everything reachable without the mouse.
        self.next_panel = a(w, qtr("Next &Panel"), s["next_panel"], "F6",
                            qtr("Move the keyboard focus to the next panel"))
        self.previous_panel = a(w, qtr("Previous Pa&nel"), s["previous_panel"], "Shift+F6")
        self.capture = a(w, qtr("&Capture Cards…"), s["capture"], "Ctrl+K",
                         qtr("Type “stage / lane: text” to add cards fast"))
        self.present = a(w, qtr("&Presenter Mode"), s["present"], "F5",
                         qtr("Show the map full screen, stage by stage"))
        self.turn_into_opportunity = a(
            w, qtr("Turn into &Opportunity"), s["turn_into_opportunity"], "Ctrl+Shift+O",
            qtr("Make an opportunity from the selected pain point, linked to it"))
        self.link_opportunity = a(w, qtr("&Link to Opportunity…"), s["link_opportunity"])
        self.review = a(w, qtr("Re&view…"), s["review"],
                        tip=qtr("Review interval and next review date"))
        self.take_snapshot = a(w, qtr("Take S&napshot…"), s["take_snapshot"],
                               tip=qtr("Store a dated copy of this journey in the file"))
        self.compare_journey = a(w, qtr("Compare with &Journey…"), s["compare_journey"],
                                 tip=qtr("Mark what differs from another journey (e.g. to-be)"))
        self.review_pack = a(w, qtr("Export Review &Pack…"), s["review_pack"],
                             tip=qtr("One PDF for stakeholders: poster, changes since a "
                                     "snapshot, register, persona sheets"))

    def journey_actions(self) -> list[QAction]:
        """The actions that need a current journey."""
        return [self.rename_journey, self.duplicate_journey, self.delete_journey,
                self.add_stage, self.add_lane, self.add_curve, self.delete_curve,
                self.review, self.take_snapshot, self.compare_journey, self.review_pack]

    def card_actions(self) -> list[QAction]:
        """What a card's context menu offers."""
        return [self.edit_card, self.turn_into_opportunity, self.link_opportunity, self.cut,
                self.copy, self.delete]


def build_menus(window: QMainWindow, acts: Actions, templates: dict[str, tuple[str, Slot]],
                journey_box: QWidget, workshop_menus: list[QMenu] | None = None,
                view_menus: list[QMenu] | None = None) -> QMenu:
    """Menus and toolbar; returns the Open Recent menu (filled when it is about to show)."""
    bar = window.menuBar()
    file_menu = bar.addMenu(qtr("&File"))
    file_menu.addAction(acts.new)
    template_menu = file_menu.addMenu(qtr("New from &Template"))
    for title, slot in templates.values():
        template_menu.addAction(make_action(window, title, slot))
    file_menu.addAction(acts.open)
    recent = file_menu.addMenu(qtr("Open &Recent"))
    file_menu.addSeparator()
    file_menu.addActions([acts.save, acts.save_as, acts.export])
    file_menu.addMenu(qtr("&Import")).addActions([acts.import_survey, acts.import_cards])
    file_menu.addSeparator()
    file_menu.addActions([acts.close, acts.quit])

    edit = bar.addMenu(qtr("&Edit"))
    edit.addActions([acts.undo, acts.redo])
    edit.addSeparator()
    edit.addActions([acts.cut, acts.copy, acts.paste, acts.delete])
    edit.addSeparator()
    edit.addActions([acts.select_all, acts.edit_card])
    edit.addSeparator()
    edit.addActions([acts.turn_into_opportunity, acts.link_opportunity])

    view = bar.addMenu(qtr("&View"))
    view.addActions([acts.zoom_in, acts.zoom_out, acts.zoom_reset, acts.fit])
    view.addAction(acts.heat_strip)
    for menu in view_menus or []:
        view.addMenu(menu)
    view.addSeparator()
    view.addActions([acts.next_panel, acts.previous_panel])
    view.addSeparator()
    for dock in window.findChildren(QDockWidget):
        view.addAction(dock.toggleViewAction())

    journey = bar.addMenu(qtr("&Journey"))
    journey.addActions([acts.add_journey, acts.rename_journey, acts.duplicate_journey,
                        acts.delete_journey])
    journey.addSeparator()
    journey.addActions([acts.add_stage, acts.add_lane, acts.add_curve, acts.delete_curve])
    journey.addSeparator()
    journey.addActions([acts.review, acts.take_snapshot, acts.compare_journey,
                        acts.review_pack])

    workshop = bar.addMenu(qtr("&Workshop"))
    workshop.addActions([acts.capture, acts.present])
    timer_dock = window.findChild(QDockWidget, "timer")
    if timer_dock is not None:
        workshop.addAction(timer_dock.toggleViewAction())
    for menu in workshop_menus or []:
        workshop.addMenu(menu)

    bar.addMenu(qtr("&Help")).addActions([acts.about, acts.about_qt])

    tools = QToolBar(qtr("Main"))
    tools.setObjectName("main_toolbar")
    tools.setMovable(False)
    tools.addActions([acts.new, acts.open, acts.save])
    tools.addSeparator()
    tools.addActions([acts.undo_button, acts.redo_button])
    tools.addSeparator()
    tools.addWidget(QLabel(qtr(" Journey: ")))
    tools.addWidget(journey_box)
    tools.addAction(acts.add_journey)
    tools.addSeparator()
    tools.addActions([acts.zoom_out, acts.zoom_in, acts.fit])
    window.addToolBar(tools)
    # Canvas shortcuts must work while the view has focus.
    window.addActions(window.findChildren(QAction))
    return recent
