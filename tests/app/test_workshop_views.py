"""Workshop mode (#13): hide lanes, one persona's curves, saved views kept in the file."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QPointF
from PySide6.QtGui import QContextMenuEvent
from PySide6.QtWidgets import QApplication, QMenu

from app.commands import AddCurveCommand, AddPersonaCommand, EditCardCommand, EditCurveCommand
from app.main_window import MainWindow
from tests.app.test_canvas import add_card, journey, lane_of
from widgets.scene import DIMMED_OPACITY


def open_menu(menu: QMenu) -> dict[str, object]:
    """Fill a menu as showing it would; its actions by text (without the & marks)."""
    menu.aboutToShow.emit()
    return {a.text().replace("&", ""): a for a in menu.actions()}


def lane_header_menu(window: MainWindow, lane_id: int) -> QMenu:
    """Right-click a lane's header on the canvas; the menu that pops up."""
    header = window.scene.lane_items[lane_id]
    center = header.sceneBoundingRect().center()
    window.view.centerOn(center)
    QApplication.processEvents()
    # The lane names are pinned at the left edge of the view: click where they show.
    pos = window.view.mapFromScene(QPointF(header.sceneBoundingRect().center()))
    viewport = window.view.viewport()
    event = QContextMenuEvent(QContextMenuEvent.Reason.Mouse, pos, viewport.mapToGlobal(pos))
    QApplication.sendEvent(viewport, event)
    menu = QApplication.activePopupWidget()
    assert isinstance(menu, QMenu), "no context menu popped up"
    return menu


def test_hiding_a_lane_from_its_header_drops_it_and_show_all_brings_it_back_exactly(
        window: MainWindow, qtbot) -> None:
    assert window.doc is not None
    card = add_card(window, 1, "thoughts", "Is this safe?")
    below = add_card(window, 1, "pain_points", "Too slow")
    thoughts = lane_of(window, "thoughts").id
    layout = window.scene.layout
    assert layout is not None
    full_height, below_y = layout.height, layout.cards[below].rect.y
    steps, modified = window.doc.undo_stack.index(), window.isWindowModified()

    menu = lane_header_menu(window, thoughts)
    hide = next(a for a in menu.actions() if a.text().replace("&", "") == "Hide Lane")
    hide.trigger()
    menu.close()
    assert thoughts not in window.scene.lane_items
    assert card not in window.scene.card_items  # its cards go with it
    cut = window.scene.layout
    assert cut is not None and cut.height < full_height
    assert cut.cards[below].rect.y < below_y  # the lanes below move up
    assert "hidden" in window.statusBar().currentMessage()
    # A view filter, not an edit: no undo step, no unsaved-changes marker.
    assert window.doc.undo_stack.index() == steps
    assert window.isWindowModified() == modified
    # Cards added to the hidden lane meanwhile stay out of sight until it is shown.
    later = add_card(window, 2, "thoughts", "Later")
    assert later not in window.scene.card_items

    lanes = open_menu(window.filters.lanes_menu)
    assert not lanes[lane_of(window, "thoughts").name].isChecked()
    lanes["Show All Lanes"].trigger()
    assert thoughts in window.scene.lane_items
    assert {card, later} <= set(window.scene.card_items)
    back = window.scene.layout
    assert back is not None and back.height == full_height
    assert back.cards[below].rect.y == below_y


def test_the_lanes_menu_hides_and_shows_one_lane_and_never_the_last(
        window: MainWindow) -> None:
    lanes = open_menu(window.filters.lanes_menu)
    actions = lane_of(window, "actions")
    lanes[actions.name].trigger()  # untick: hidden
    assert actions.id not in window.scene.lane_items
    lanes = open_menu(window.filters.lanes_menu)
    lanes[actions.name].trigger()
    assert actions.id in window.scene.lane_items
    for lane in journey(window).lanes:
        window.filters.set_lane_hidden(lane.id, True)
    assert len(window.scene.lane_items) == 1
    assert "At least one lane" in window.statusBar().currentMessage()


def test_one_personas_curves_are_shown_and_every_curve_comes_back(window: MainWindow) -> None:
    doc = window.doc
    assert doc is not None
    doc.push(AddPersonaCommand(doc.editor, "Amira", None))
    amira = next(p["id"] for p in doc.personas() if p["name"] == "Amira")
    doc.push(AddCurveCommand(doc.editor, journey(window).id, {"name": "Amira's day"}))
    curves = {c.name: c.id for c in journey(window).curves}
    doc.push(EditCurveCommand(doc.editor, curves["Amira's day"], {"persona_id": amira}))
    assert set(window.scene.curve_items) == set(curves.values())
    entries = open_menu(window.filters.curves_menu)
    entries["Only Amira's Curves"].trigger()
    assert set(window.scene.curve_items) == {curves["Amira's day"]}
    assert "Amira" in window.statusBar().currentMessage()
    entries = open_menu(window.filters.curves_menu)
    assert entries["Only Amira's Curves"].isChecked()
    entries["Every Curve"].trigger()
    assert set(window.scene.curve_items) == set(curves.values())


def test_a_saved_view_survives_save_and_reopen_and_applies_filters_zoom_and_highlight(
        window: MainWindow, tmp_path: Path, qtbot) -> None:
    doc = window.doc
    assert doc is not None
    pain = add_card(window, 1, "pain_points", "Too slow")
    doc.push(EditCardCommand(doc.editor, pain, {"kind": "pain_point"}))
    action = add_card(window, 1, "actions", "Pays")
    backstage = lane_of(window, "backstage").id
    window.filters.set_lane_hidden(backstage, True)
    window.filters.actions["pain_point"].trigger()
    window.view.set_zoom(0.6)
    steps = doc.undo_stack.index()
    assert window.saved_views.save_current("Customer side")
    assert doc.undo_stack.index() == steps + 1 and window.isWindowModified()
    # Undo takes the view out of the file again; redo puts it back.
    window.acts.undo.trigger()
    assert open_menu(window.saved_views.menu).get("Customer side") is None
    window.acts.redo.trigger()
    assert "Customer side" in open_menu(window.saved_views.menu)

    path = tmp_path / "workshop.cjm"
    doc.save(path)
    window.files.close_document()
    assert window.doc is None
    assert window.open_file(path)
    assert window.doc is not None
    qtbot.waitUntil(lambda: window.view.fit_mode)
    # A fresh window shows everything: the view is in the file, not in the window.
    assert backstage in window.scene.lane_items
    assert window.scene.card_items[action].opacity() == 1.0

    entries = open_menu(window.saved_views.menu)
    entries["Customer side"].trigger()
    assert backstage not in window.scene.lane_items
    assert window.scene.card_items[action].opacity() == DIMMED_OPACITY
    assert window.scene.card_items[pain].opacity() == 1.0
    assert not window.view.fit_mode and abs(window.view.zoom - 0.6) < 1e-6
    assert window.filters.actions["pain_point"].isChecked()


def test_rename_and_delete_of_a_saved_view_are_undoable(window: MainWindow) -> None:
    doc = window.doc
    assert doc is not None
    window.view.fit()
    assert window.saved_views.save_current("All")
    (view,) = doc.saved_views()
    assert view.filter.zoom is None  # saved while fitting: applying it fits again
    assert window.saved_views.rename(view.id, "Whole map")
    assert [v.name for v in doc.saved_views()] == ["Whole map"]
    assert window.saved_views.delete(view.id)
    assert doc.saved_views() == []
    window.acts.undo.trigger()
    assert [v.name for v in doc.saved_views()] == ["Whole map"]
    window.acts.undo.trigger()
    assert [v.name for v in doc.saved_views()] == ["All"]
    # Saving under a name in use stores the current filters in that view.
    window.filters.actions["opportunity"].trigger()
    assert window.saved_views.save_current("all")
    (view,) = doc.saved_views()
    assert view.filter.highlight_kind == "opportunity"
    window.acts.undo.trigger()
    assert doc.saved_views()[0].filter.highlight_kind is None


def test_presenting_a_saved_view_shows_the_map_as_the_view_does(
        window: MainWindow, qtbot) -> None:
    backstage = lane_of(window, "backstage").id
    window.filters.set_lane_hidden(backstage, True)
    assert window.saved_views.save_current("Front stage")
    window.filters.show_all_lanes()
    assert backstage in window.scene.lane_items
    entries = open_menu(window.saved_views.present_menu)
    entries["Front stage"].trigger()
    shown = window.presenter.window
    assert shown is not None
    qtbot.waitExposed(shown)
    assert backstage not in window.scene.lane_items
    shown.close()
    qtbot.waitUntil(lambda: window.presenter.window is None)
