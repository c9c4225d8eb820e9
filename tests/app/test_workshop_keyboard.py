"""Workshop mode (#13): the whole map worked from the keyboard, with no mouse event."""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from contextlib import closing
from pathlib import Path

from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QAccessible
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QWidget

from app.main_window import MainWindow
from model.navigation import reading_order
from model.store import Workspace

K = Qt.Key
CTRL = Qt.KeyboardModifier.ControlModifier
SHIFT = Qt.KeyboardModifier.ShiftModifier
NONE = Qt.KeyboardModifier.NoModifier


def focused() -> QWidget:
    """Where a key goes: an open popup (a completion list) grabs it, else the focus."""
    widget = QApplication.activePopupWidget() or QApplication.focusWidget()
    assert widget is not None, "nothing has the keyboard focus"
    return widget


def press(key: Qt.Key, mods: Qt.KeyboardModifier = NONE, times: int = 1) -> None:
    """A key as the user presses it: to whatever has the focus."""
    for _ in range(times):
        QTest.keyClick(focused(), key, mods)
        QApplication.processEvents()


def type_text(text: str) -> None:
    for char in text:
        QTest.keyClicks(focused(), char)
        QApplication.processEvents()


def answer_dialogs(qtbot, steps: list[Callable[[QWidget], None]]) -> list[str]:
    """Act on each modal dialog in turn (from a timer, since exec() blocks); return titles."""
    titles: list[str] = []
    seen: list[QWidget] = []
    remaining = list(steps)

    deadline = [250]  # polls (5 s): a step that went wrong must not leave a dialog open

    def poll() -> None:
        dialog = QApplication.activeModalWidget()
        deadline[0] -= 1
        if deadline[0] < 0:
            while (stuck := QApplication.activeModalWidget()) is not None:
                stuck.close()
            return
        if dialog is not None and not dialog.isActiveWindow():
            dialog.activateWindow()  # what the window manager does; keys go there next
        elif dialog is not None and remaining and not any(dialog is d for d in seen):
            seen.append(dialog)
            titles.append(dialog.windowTitle())
            remaining.pop(0)(dialog)
        if remaining:
            QTimer.singleShot(20, poll)

    QTimer.singleShot(20, poll)
    return titles


def journey(win: MainWindow):
    assert win.doc is not None and win.doc.journey_id is not None
    return win.doc.project.journey(win.doc.journey_id)


def cells(win: MainWindow) -> dict[tuple[int, str], list[str]]:
    """Card texts by (stage index, lane name)."""
    j = journey(win)
    stage_index = {s.id: i for i, s in enumerate(sorted(j.stages, key=lambda s: s.position))}
    lanes = {lane.id: lane.name for lane in j.lanes}
    out: dict[tuple[int, str], list[str]] = {}
    for card in sorted(j.cards, key=lambda c: c.position):
        out.setdefault((stage_index[card.stage_id], lanes[card.lane_id]), []).append(card.text)
    return out


def emotion(win: MainWindow, stage_index: int) -> int | None:
    j = journey(win)
    stage = sorted(j.stages, key=lambda s: s.position)[stage_index]
    curve = sorted(j.curves, key=lambda c: c.position)[0]
    point = next((p for p in curve.points if p.stage_id == stage.id), None)
    return point.value if point is not None else None


def cursor(win: MainWindow) -> tuple[int, str] | None:
    """Where the cell cursor stands, as (stage index, lane name)."""
    cell = win.scene.current_cell
    layout = win.scene.layout
    if cell is None or layout is None:
        return None
    index = [s.id for s in layout.stages].index(cell[0])
    return index, layout.lane(cell[1]).name


def test_a_facilitator_builds_and_saves_a_journey_with_the_keyboard_only(
    window: MainWindow, qtbot, tmp_path: Path, workspace: Workspace
) -> None:
    assert window.doc is not None
    path = tmp_path / "workshop.cjm"
    window.doc.save(path)
    window.activateWindow()
    window.view.setFocus()
    journeys_before = len(window.doc.journeys())

    # Create a journey: Ctrl+Shift+J, Enter on the template, type the name, Enter.
    def pick_template(dialog: QWidget) -> None:
        press(K.Key_Return)

    def name_it(dialog: QWidget) -> None:
        press(K.Key_A, CTRL)
        type_text("Gift purchase")
        press(K.Key_Return)

    titles = answer_dialogs(qtbot, [pick_template, name_it])
    press(K.Key_J, CTRL | SHIFT)
    qtbot.waitUntil(lambda: len(window.doc.journeys()) == journeys_before + 1)
    assert titles == ["Add Journey", "Add Journey"]
    assert journey(window).name == "Gift purchase"
    assert cells(window) == {}
    window.activateWindow()  # what the window manager does when the dialog closes
    qtbot.waitUntil(lambda: QApplication.focusWidget() is not None)

    # Into the map from another panel: F6 cycles panels, the map shows its cell cursor.
    press(K.Key_F6)
    assert not (focused() is window.view or window.view.isAncestorOf(focused()))
    press(K.Key_F6, SHIFT)
    assert focused() is window.view
    assert cursor(window) == (0, "Actions")
    assert window.scene._cursor.isVisible()
    assert "Actions" in window.statusBar().currentMessage()

    # Typing starts a card in the cursor's cell; Enter keeps it.
    press(K.Key_Right)
    assert cursor(window) == (1, "Actions")
    type_text("Compares gift shops")
    press(K.Key_Return)
    assert cells(window) == {(1, "Actions"): ["Compares gift shops"]}

    # Enter in an empty cell opens an empty card; Down moves a lane.
    press(K.Key_Down)
    lane_below = cursor(window)
    assert lane_below is not None and lane_below[0] == 1 and lane_below[1] != "Actions"
    press(K.Key_Return)
    type_text("Is this the right size?")
    press(K.Key_Return)
    assert cells(window)[lane_below] == ["Is this the right size?"]

    # Tab goes from card to card in reading order; Ctrl+Right moves the selected card.
    press(K.Key_Tab)
    first = reading_order(window.scene.layout)[0]
    assert window.scene.selected_card_ids() == [first]
    press(K.Key_Tab)
    assert window.scene.selected_card_ids() == [reading_order(window.scene.layout)[1]]
    press(K.Key_Tab, SHIFT)
    assert window.scene.selected_card_ids() == [first]
    press(K.Key_Right, CTRL)
    assert cells(window)[(2, "Actions")] == ["Compares gift shops"]
    assert (1, "Actions") not in cells(window)
    assert cursor(window) == (2, "Actions")
    press(K.Key_Down, CTRL)
    assert cells(window)[(2, lane_below[1])] == ["Compares gift shops"]
    press(K.Key_Z, CTRL)  # each Ctrl+arrow is one undo step
    assert cells(window)[(2, "Actions")] == ["Compares gift shops"]
    press(K.Key_Z, CTRL)
    assert cells(window)[(1, "Actions")] == ["Compares gift shops"]
    press(K.Key_Z, CTRL | SHIFT)
    assert cells(window)[(2, "Actions")] == ["Compares gift shops"]

    # Delete deletes the selected card; undo brings it back.
    window.scene.clearSelection()
    press(K.Key_Tab)
    deleted = window.scene.selected_card_ids()
    assert len(deleted) == 1
    press(K.Key_Delete)
    assert all(deleted[0] != c.id for c in journey(window).cards)
    press(K.Key_Z, CTRL)
    assert any(deleted[0] == c.id for c in journey(window).cards)

    # The emotion lane: walk down to it, + and - (and Shift+Up/Down) set the point.
    press(K.Key_Escape)
    assert window.scene.selected_card_ids() == []
    for _ in range(12):
        if cursor(window) is not None and cursor(window)[1] == "Emotion":
            break
        press(K.Key_Down)
    assert cursor(window) is not None and cursor(window)[1] == "Emotion"
    stage = cursor(window)[0]
    before = emotion(window, stage)
    press(K.Key_Plus, SHIFT)
    after_plus = emotion(window, stage)
    assert after_plus == (1 if before is None else min(5, before + 1))
    press(K.Key_Up, SHIFT)
    press(K.Key_Up, SHIFT)
    assert emotion(window, stage) == min(5, after_plus + 2)
    press(K.Key_Minus)
    assert emotion(window, stage) == min(5, after_plus + 2) - 1
    said = window.statusBar().currentMessage()
    assert f"{min(5, after_plus + 2) - 1:+d} on “As-is”" in said
    press(K.Key_Z, CTRL)
    assert emotion(window, stage) == min(5, after_plus + 2)
    press(K.Key_Minus)
    typed_value = emotion(window, stage)
    assert cells(window) == {(2, "Actions"): ["Compares gift shops"],
                             lane_below: ["Is this the right size?"]}  # no card typed

    # Escape leaves the cell; Ctrl+S saves to the file.
    press(K.Key_Escape)
    assert window.scene.current_cell is None
    assert not window.scene._cursor.isVisible()
    press(K.Key_S, CTRL)
    assert not window.isWindowModified()
    # The file on disk (read directly: this window still holds it open).
    with closing(sqlite3.connect(f"file:{path}?mode=ro", uri=True)) as db:
        (journey_id,) = db.execute("SELECT id FROM journeys WHERE name = ?",
                                   ("Gift purchase",)).fetchone()
        texts = sorted(t for (t,) in db.execute(
            "SELECT text FROM cards WHERE journey_id = ?", (journey_id,)))
        assert texts == ["Compares gift shops", "Is this the right size?"]
        values = db.execute(
            "SELECT p.value FROM emotion_points p JOIN emotion_curves c ON c.id = p.curve_id"
            " JOIN stages s ON s.id = p.stage_id WHERE c.journey_id = ? AND c.position = 0"
            " AND s.position = (SELECT position FROM stages WHERE journey_id = ?"
            " ORDER BY position LIMIT 1 OFFSET ?)", (journey_id, journey_id, stage)).fetchall()
        assert values == [(typed_value,)]


def test_arrow_keys_stop_at_the_edges_and_skip_divider_lanes(window: MainWindow) -> None:
    window.activateWindow()
    window.view.setFocus()
    press(K.Key_Down)  # the first arrow shows the cursor at the start
    assert cursor(window) == (0, "Actions")
    press(K.Key_Left)
    press(K.Key_Up)
    assert cursor(window) == (0, "Actions")
    press(K.Key_Right, times=20)
    assert cursor(window) == (6, "Actions")
    press(K.Key_Down, times=30)
    layout = window.scene.layout
    assert layout is not None
    last = [lane for lane in layout.lanes if lane.kind != "divider"][-1]
    assert cursor(window) == (6, last.name)


def test_enter_on_a_selected_card_edits_it_and_escape_cancels(window: MainWindow) -> None:
    window.activateWindow()
    window.view.setFocus()
    press(K.Key_Down)
    type_text("Opens the app")
    press(K.Key_Return)
    press(K.Key_Tab)
    press(K.Key_Return)
    press(K.Key_End)
    type_text(" twice")
    press(K.Key_Escape)
    assert cells(window) == {(0, "Actions"): ["Opens the app"]}
    press(K.Key_Return)
    press(K.Key_End)
    type_text(" twice")
    press(K.Key_Return)
    assert cells(window) == {(0, "Actions"): ["Opens the app twice"]}
    press(K.Key_Z, CTRL)
    assert cells(window) == {(0, "Actions"): ["Opens the app"]}


def test_tab_past_the_last_card_leaves_the_map(window: MainWindow) -> None:
    window.activateWindow()
    window.view.setFocus()
    press(K.Key_Down)
    type_text("Only card")
    press(K.Key_Return)
    press(K.Key_Tab)
    assert len(window.scene.selected_card_ids()) == 1
    press(K.Key_Tab)
    assert window.scene.selected_card_ids() == []
    assert focused() is not window.view


def test_every_control_a_keyboard_reaches_has_an_accessible_name(window: MainWindow) -> None:
    def unnamed() -> list[str]:
        missing = []
        for widget in window.findChildren(QWidget):
            if widget.isVisible() and widget.focusPolicy() & Qt.FocusPolicy.TabFocus:
                iface = QAccessible.queryAccessibleInterface(widget)
                if iface is None or not iface.text(QAccessible.Text.Name).strip():
                    missing.append(f"{type(widget).__name__} in {type(widget.parent()).__name__}")
        return missing

    assert unnamed() == []
    window.activateWindow()
    window.view.setFocus()
    press(K.Key_Down)
    type_text("A card")
    press(K.Key_Return)
    press(K.Key_Tab)  # the inspector now shows the card's fields
    assert unnamed() == []
    press(K.Key_K, CTRL)  # the capture bar
    assert unnamed() == []


def test_f6_reaches_every_panel_and_comes_back_to_the_map(window: MainWindow) -> None:
    from PySide6.QtWidgets import QDockWidget

    # Every dock shown: the timer (a workshop asks for it), the opportunities (Turn into
    # Opportunity shows them), the snapshots and the change list (compare mode).
    for name in ("timer", "opportunities", "snapshots", "changes"):
        window.findChild(QDockWidget, name).show()
    window.activateWindow()
    window.view.setFocus()
    press(K.Key_Down)
    type_text("A card")
    press(K.Key_Return)
    press(K.Key_Tab)  # a selected card: the inspector has fields to reach
    press(K.Key_K, CTRL)  # the capture bar is open
    panels = {"map": window.view, "capture": window.capture_bar, "header": window.header,
              "journeys": window.journey_box, "palette": window.card_palette,
              "inspector": window.inspector, "timer": window.timer_panel,
              "opportunities": window.opportunity_tabs, "snapshots": window.snapshots_panel,
              "changes": window.change_list}

    def where() -> str:
        widget = focused()
        return next(name for name, panel in panels.items()
                    if panel is widget or panel.isAncestorOf(widget))

    visited = [where()]
    for _ in range(len(panels)):
        press(K.Key_F6)
        visited.append(where())
    assert visited[0] == "capture" and visited[-1] == "capture"
    assert sorted(set(visited)) == sorted(panels)
    press(K.Key_F6, SHIFT)
    assert visited[-2] == where()


def test_f6_reaches_the_personas_and_completeness_panels_when_their_tab_is_in_front(
        window: MainWindow, qtbot) -> None:
    from PySide6.QtWidgets import QDockWidget

    window.activateWindow()
    window.view.setFocus()
    press(K.Key_Down)
    type_text("A card")
    press(K.Key_Return)
    press(K.Key_Tab)  # a selected card: the inspector has fields F6 could reach
    tabbed = {"personas": window.persona_panel, "completeness": window.completeness,
              "inspector": window.inspector}
    for name in ("personas", "completeness", "inspector"):
        dock = window.findChild(QDockWidget, name)
        dock.raise_()  # the three share one tabbed dock
        qtbot.waitUntil(lambda d=dock: not d.visibleRegion().isEmpty())
        window.view.setFocus()
        reached = set()
        for _ in range(12):
            press(K.Key_F6)
            reached |= {n for n, panel in tabbed.items()
                        if panel is focused() or panel.isAncestorOf(focused())}
            if window.view is focused():
                break
        # The panel in front is reached; the ones behind its tab are not.
        assert reached == {name}
