"""The canvas in a real main window, driven by Qt mouse and keyboard events."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QEvent, QPoint, QPointF, Qt, QTimer
from PySide6.QtGui import QColor, QDragEnterEvent, QDragMoveEvent, QDropEvent, QMouseEvent
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QMessageBox

from app.commands import AddCardCommand, EditCardCommand, SetEmotionCommand
from app.document import open_document
from app.main_window import MainWindow
from model.entities import Card, EmotionCurve
from model.store import Project, Workspace


def journey(win: MainWindow):
    assert win.doc is not None and win.doc.journey_id is not None
    return win.doc.project.journey(win.doc.journey_id)


def lane_of(win: MainWindow, kind: str):
    return next(lane for lane in journey(win).lanes if lane.kind == kind)


def stage_at(win: MainWindow, index: int):
    return sorted(journey(win).stages, key=lambda s: s.position)[index]


def add_card(win: MainWindow, stage_index: int, lane_kind: str, text: str) -> int:
    doc = win.doc
    assert doc is not None
    cell = (stage_at(win, stage_index).id, lane_of(win, lane_kind).id)
    command = AddCardCommand(doc.editor, journey(win).id, cell, None, {"kind": "action",
                                                                       "text": text})
    doc.push(command)
    assert command.card_id is not None
    return command.card_id


def rate_every_stage(win: MainWindow, value: int = 0) -> None:
    """Give the first curve a value at every stage (a new map starts unrated), not undoable."""
    curve = journey(win).curves[0]
    for stage in journey(win).stages:
        win.doc.push(SetEmotionCommand(win.doc.editor, curve.id, stage.id, value))
    win.doc.undo_stack.clear()


def cell_texts(win: MainWindow, stage_index: int, lane_kind: str) -> list[str]:
    stage, lane = stage_at(win, stage_index), lane_of(win, lane_kind)
    cards = [c for c in journey(win).cards if c.stage_id == stage.id and c.lane_id == lane.id]
    return [c.text for c in sorted(cards, key=lambda c: c.position)]


def to_view(win: MainWindow, x: float, y: float) -> QPoint:
    """Scroll the scene point into view and return it in viewport coordinates."""
    win.view.centerOn(QPointF(x, y))
    QApplication.processEvents()
    return win.view.mapFromScene(QPointF(x, y))


def send_mouse(widget, kind: QEvent.Type, pos: QPoint, button, buttons, modifiers=None) -> None:
    event = QMouseEvent(
        kind,
        QPointF(pos),
        QPointF(widget.mapToGlobal(pos)),
        button,
        buttons,
        modifiers or Qt.KeyboardModifier.NoModifier,
    )
    QApplication.sendEvent(widget, event)


def drag(win: MainWindow, start: tuple[float, float], end: tuple[float, float],
         modifiers=None) -> None:
    """Press at a scene point, move in steps with the left button held, release."""
    vp = win.view.viewport()
    a = to_view(win, *start)
    b = win.view.mapFromScene(QPointF(*end))
    left, none = Qt.MouseButton.LeftButton, Qt.MouseButton.NoButton
    send_mouse(vp, QEvent.Type.MouseButtonPress, a, left, left, modifiers)
    for i in range(1, 9):
        p = a + (b - a) * (i / 8)
        send_mouse(vp, QEvent.Type.MouseMove, p, none, left, modifiers)
    send_mouse(vp, QEvent.Type.MouseButtonRelease, b, left, none, modifiers)
    QApplication.processEvents()


def card_center(win: MainWindow, card_id: int) -> tuple[float, float]:
    layout = win.scene.layout
    assert layout is not None
    return layout.cards[card_id].rect.center


def test_drag_card_to_another_cell_then_undo_redo(window: MainWindow) -> None:
    card = add_card(window, 0, "actions", "Sees an ad")
    target_stage = stage_at(window, 2)
    actions = lane_of(window, "actions")
    layout = window.scene.layout
    assert layout is not None
    dest = layout.cell_rect((target_stage.id, actions.id)).center
    drag(window, card_center(window, card), dest)
    model_card = window.doc.project.session.get(Card, card)
    assert (model_card.stage_id, model_card.lane_id) == (target_stage.id, actions.id)
    # the item follows the model
    item = window.scene.card_items[card]
    assert window.scene.layout.cell_rect((target_stage.id, actions.id)).contains(
        item.x() + 5, item.y() + 5)
    window.acts.undo.trigger()
    assert model_card.stage_id == stage_at(window, 0).id
    window.acts.redo.trigger()
    assert model_card.stage_id == target_stage.id


def test_reorder_inside_a_cell(window: MainWindow) -> None:
    ids = [add_card(window, 1, "thoughts", t) for t in ("first", "second", "third")]
    top = window.scene.layout.cards[ids[0]].rect
    # drop the third card just above the first one
    drag(window, card_center(window, ids[2]), (top.center[0], top.y + 4))
    assert cell_texts(window, 1, "thoughts") == ["third", "first", "second"]
    window.acts.undo.trigger()
    assert cell_texts(window, 1, "thoughts") == ["first", "second", "third"]


def test_drop_outside_any_cell_changes_nothing(window: MainWindow) -> None:
    card = add_card(window, 0, "actions", "stay")
    index_before = window.doc.undo_stack.index()
    drag(window, card_center(window, card), (-30.0, -30.0))
    assert window.doc.undo_stack.index() == index_before
    item = window.scene.card_items[card]
    assert (item.x(), item.y()) == (item.geom.rect.x, item.geom.rect.y)


def test_multi_select_with_ctrl_click_moves_both(window: MainWindow) -> None:
    a = add_card(window, 0, "actions", "A")
    b = add_card(window, 1, "actions", "B")
    vp = window.view.viewport()
    QTest.mouseClick(vp, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier,
                     to_view(window, *card_center(window, a)))
    QTest.mouseClick(vp, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.ControlModifier,
                     to_view(window, *card_center(window, b)))
    assert set(window.scene.selected_card_ids()) == {a, b}
    dest_cell = (stage_at(window, 4).id, lane_of(window, "touchpoints").id)
    drag(window, card_center(window, b), window.scene.layout.cell_rect(dest_cell).center)
    assert cell_texts(window, 4, "touchpoints") == ["A", "B"]
    assert window.doc.undo_stack.undoText() == "Move cards"
    window.acts.undo.trigger()
    assert cell_texts(window, 0, "actions") == ["A"]
    assert cell_texts(window, 1, "actions") == ["B"]


def test_palette_drop_creates_card_where_dropped(window: MainWindow, qtbot) -> None:
    pain = lane_of(window, "pain_points")
    cell = (stage_at(window, 3).id, pain.id)
    pos = to_view(window, *window.scene.layout.cell_rect(cell).center)
    mime = window.card_palette.mime_for("pain_point")
    vp = window.view.viewport()
    actions = Qt.DropAction.CopyAction
    for event in (
        QDragEnterEvent(pos, actions, mime, Qt.MouseButton.LeftButton,
                        Qt.KeyboardModifier.NoModifier),
        QDragMoveEvent(pos, actions, mime, Qt.MouseButton.LeftButton,
                       Qt.KeyboardModifier.NoModifier),
        QDropEvent(QPointF(pos), actions, mime, Qt.MouseButton.LeftButton,
                   Qt.KeyboardModifier.NoModifier),
    ):
        QApplication.sendEvent(vp, event)
    cards = [c for c in journey(window).cards if (c.stage_id, c.lane_id) == cell]
    assert [c.kind for c in cards] == ["pain_point"]
    # the new card opens for typing
    QTest.keyClicks(vp, "Slow checkout")
    QTest.keyClick(vp, Qt.Key.Key_Return)
    assert cards[0].text == "Slow checkout"
    window.acts.undo.trigger()  # the text
    window.acts.undo.trigger()  # the card
    assert not [c for c in journey(window).cards if (c.stage_id, c.lane_id) == cell]


def test_double_click_edits_text_in_place_and_escape_cancels(window: MainWindow) -> None:
    card = add_card(window, 2, "actions", "Old text")
    vp = window.view.viewport()
    pos = to_view(window, *card_center(window, card))
    QTest.mouseDClick(vp, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, pos)
    assert window.scene.card_items[card].editing
    QTest.keyClick(vp, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    QTest.keyClicks(vp, "New text")
    QTest.keyClick(vp, Qt.Key.Key_Return, Qt.KeyboardModifier.ShiftModifier)
    QTest.keyClicks(vp, "second line")
    QTest.keyClick(vp, Qt.Key.Key_Return)
    model_card = window.doc.project.session.get(Card, card)
    assert model_card.text == "New text\nsecond line"
    QTest.mouseDClick(vp, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, pos)
    QTest.keyClicks(vp, " discarded")
    QTest.keyClick(vp, Qt.Key.Key_Escape)
    assert model_card.text == "New text\nsecond line"
    window.acts.undo.trigger()
    assert model_card.text == "Old text"


def test_type_into_an_empty_cell_and_enter_makes_a_card(window: MainWindow) -> None:
    touch = lane_of(window, "touchpoints")
    cell = (stage_at(window, 5).id, touch.id)
    vp = window.view.viewport()
    QTest.mouseClick(vp, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier,
                     to_view(window, *window.scene.layout.cell_rect(cell).center))
    assert window.scene.current_cell == cell
    QTest.keyClicks(vp, "Help centre")
    QTest.keyClick(vp, Qt.Key.Key_Return)
    cards = [c for c in journey(window).cards if (c.stage_id, c.lane_id) == cell]
    assert [(c.text, c.kind) for c in cards] == [("Help centre", "touchpoint")]


def test_drag_emotion_handle_snaps_to_scale_and_undoes(window: MainWindow) -> None:
    rate_every_stage(window)
    curve = journey(window).curves[0]
    stage = stage_at(window, 3)
    handle = window.scene.curve_items[curve.id].handles[stage.id]
    start = (handle.x(), handle.y())
    layout = window.scene.layout
    target_y = layout.emotion_y(layout.emotion_lane().id, 3) + 3  # a little off the +3 line
    drag(window, start, (start[0], target_y))
    point = next(p for p in curve.points if p.stage_id == stage.id)
    assert point.value == 3
    assert handle.y() == pytest.approx(layout.emotion_y(layout.emotion_lane().id, 3))
    window.acts.undo.trigger()
    assert point.value == 0
    assert window.scene.curve_items[curve.id].handles[stage.id].y() == pytest.approx(start[1])


def test_stage_header_drag_reorders_stages(window: MainWindow) -> None:
    names = [s.name for s in sorted(journey(window).stages, key=lambda s: s.position)]
    first = window.scene.layout.stages[0].header
    third = window.scene.layout.stages[2].header
    drag(window, (first.center[0], first.center[1]), (third.center[0] + 20, first.center[1]))
    now = [s.name for s in sorted(journey(window).stages, key=lambda s: s.position)]
    assert now == [names[1], names[2], names[0], *names[3:]]
    window.acts.undo.trigger()
    assert [s.name for s in sorted(journey(window).stages, key=lambda s: s.position)] == names


def test_stage_resize_by_dragging_the_header_edge(window: MainWindow) -> None:
    header = window.scene.layout.stages[1].header
    drag(window, (header.right - 2, header.center[1]), (header.right + 80, header.center[1]))
    assert stage_at(window, 1).width == pytest.approx(header.w + 82, abs=2)  # grabbed 2 px in
    window.acts.undo.trigger()
    assert stage_at(window, 1).width == pytest.approx(header.w)


def test_lane_header_drag_reorders_lanes(window: MainWindow) -> None:
    lanes = window.scene.layout.lanes
    names = [lane.name for lane in lanes]
    drag(window, lanes[0].header.center, (lanes[0].header.center[0], lanes[2].header.center[1]
                                          + 10))
    now = [lane.name for lane in sorted(journey(window).lanes, key=lambda x: x.position)]
    assert now == [names[1], names[2], names[0], *names[3:]]


def test_delete_key_deletes_selected_cards_and_undo_restores_order(window: MainWindow) -> None:
    ids = [add_card(window, 0, "actions", t) for t in ("a", "b", "c")]
    window.scene.select_cards([ids[1]])
    window.view.setFocus()
    QTest.keyClick(window.view.viewport(), Qt.Key.Key_Delete)
    assert cell_texts(window, 0, "actions") == ["a", "c"]
    assert ids[1] not in window.scene.card_items
    window.acts.undo.trigger()
    assert cell_texts(window, 0, "actions") == ["a", "b", "c"]


def test_copy_paste_cards_into_another_cell(window: MainWindow) -> None:
    a = add_card(window, 0, "actions", "copy me")
    window.scene.select_cards([a])
    window.acts.copy.trigger()
    window.scene.clearSelection()
    window.scene.current_cell = (stage_at(window, 6).id, lane_of(window, "backstage").id)
    window.acts.paste.trigger()
    assert cell_texts(window, 6, "backstage") == ["copy me"]
    assert cell_texts(window, 0, "actions") == ["copy me"]


def test_ctrl_wheel_zooms(window: MainWindow) -> None:
    from PySide6.QtGui import QWheelEvent

    vp = window.view.viewport()
    center = QPointF(vp.width() / 2, vp.height() / 2)
    before = window.view.zoom
    event = QWheelEvent(center, QPointF(vp.mapToGlobal(center.toPoint())), QPoint(0, 0),
                        QPoint(0, 240), Qt.MouseButton.NoButton,
                        Qt.KeyboardModifier.ControlModifier, Qt.ScrollPhase.NoScrollPhase, False)
    QApplication.sendEvent(vp, event)
    assert window.view.zoom == pytest.approx(before * 1.15**2)
    window.acts.fit.trigger()
    assert window.view.zoom < before * 1.15**2


def test_modified_marker_follows_undo_stack_and_save(window: MainWindow, tmp_path: Path,
                                                      monkeypatch) -> None:
    assert not window.isWindowModified()
    add_card(window, 0, "actions", "x")
    assert window.isWindowModified()
    window.acts.undo.trigger()
    assert not window.isWindowModified()
    window.acts.redo.trigger()
    target = tmp_path / "workshop.cjm"
    monkeypatch.setattr(
        "app.files.QFileDialog.getSaveFileName", lambda *a, **k: (str(target), "")
    )
    window.acts.save.trigger()
    assert target.exists()
    assert not window.isWindowModified()
    assert "workshop.cjm" in window.windowTitle()


def answer_next_dialog(qtbot, act) -> list[str]:
    """Act on the next modal dialog as a user would (keys, clicks); returns its texts."""
    seen: list[str] = []

    def poll() -> None:
        box = QApplication.activeModalWidget()
        if box is None:
            QTimer.singleShot(20, poll)
            return
        seen.append(box.text() if isinstance(box, QMessageBox) else box.windowTitle())
        act(box)

    QTimer.singleShot(0, poll)
    return seen


def test_close_with_unsaved_changes_asks_and_cancel_keeps_the_window(window, qtbot):
    add_card(window, 0, "actions", "unsaved")
    asked = answer_next_dialog(
        qtbot, lambda box: box.button(QMessageBox.StandardButton.Cancel).click())
    assert not window.close()
    assert asked and "Save the changes" in asked[0]
    assert window.isVisible() and window.doc is not None


def test_the_quit_question_has_a_mnemonic_for_every_button(window, qtbot):
    add_card(window, 0, "actions", "thrown away")
    texts: list[list[str]] = []

    def discard(box) -> None:
        texts.append(sorted(b.text() for b in box.buttons()))
        discard_button = box.button(QMessageBox.StandardButton.Discard)
        assert discard_button.shortcut().toString() == "Alt+D"
        discard_button.click()

    answer_next_dialog(qtbot, discard)
    assert window.files.close_document()
    assert texts == [["&Cancel", "&Discard", "&Save"]]
    assert window.doc is None


def test_save_and_reopen_keeps_the_canvas(window: MainWindow, tmp_path: Path,
                                          workspace: Workspace) -> None:
    a = add_card(window, 0, "actions", "persisted")
    drag(window, card_center(window, a),
         window.scene.layout.cell_rect((stage_at(window, 2).id,
                                        lane_of(window, "thoughts").id)).center)
    curve = journey(window).curves[0]
    window.doc.push(
        SetEmotionCommand(
            window.doc.editor, curve.id, stage_at(window, 1).id, -4)
    )
    target = tmp_path / "map.cjm"
    window.doc.save(target)
    window.files.close_document()
    doc = open_document(target, workspace)
    try:
        j = doc.project.journey(doc.journey_id)
        stages = sorted(j.stages, key=lambda s: s.position)
        thoughts = next(lane for lane in j.lanes if lane.kind == "thoughts")
        card = next(c for c in j.cards if c.text == "persisted")
        assert (card.stage_id, card.lane_id) == (stages[2].id, thoughts.id)
        points = {p.stage_id: p.value for p in doc.project.session.get(
            EmotionCurve, curve.id).points}
        assert points[stages[1].id] == -4
    finally:
        doc.close()


def test_bad_file_shows_a_dialog_and_keeps_the_current_map(window, tmp_path, monkeypatch):
    bad = tmp_path / "notes.cjm"
    bad.write_text("this is not a journey map", encoding="utf-8")
    shown = []
    monkeypatch.setattr(
        "app.files.QMessageBox.critical", lambda *a, **k: shown.append(a[2])
    )
    before = window.doc
    assert not window.open_file(bad)
    assert shown and "not a Journeyboard project" in shown[0]
    assert window.doc is before
    assert bad.read_text(encoding="utf-8") == "this is not a journey map"


def test_cards_are_painted_where_the_layout_says(window: MainWindow) -> None:
    ids = {
        "#ff0000": add_card(window, 0, "actions", ""),
        "#00aa00": add_card(window, 3, "touchpoints", ""),
        "#0000ff": add_card(window, 6, "backstage", ""),
    }
    for color, card_id in ids.items():
        window.doc.push(
            EditCardCommand(
                window.doc.editor, card_id, {"color": color})
        )
    window.scene.clearSelection()
    window.view.fit()
    QApplication.processEvents()
    image = window.view.viewport().grab().toImage()
    for color, card_id in ids.items():
        x, y = card_center(window, card_id)
        p = window.view.mapFromScene(QPointF(x, y))
        assert QColor(image.pixel(p)).name() == color, color
    # and an empty cell is not painted with a card colour
    cell = (stage_at(window, 1).id, lane_of(window, "actions").id)
    p = window.view.mapFromScene(QPointF(*window.scene.layout.cell_rect(cell).center))
    assert QColor(image.pixel(p)).name() not in ids


def test_project_file_round_trip_through_store(window: MainWindow, tmp_path: Path,
                                               workspace: Workspace) -> None:
    add_card(window, 0, "actions", "one")
    target = tmp_path / "rt.cjm"
    window.doc.save(target)
    with Project.open(target, Workspace(tmp_path / "other"), read_only=True) as project:
        assert any(c.text == "one" for c in project.journeys()[0].cards)


def test_headers_stay_pinned_to_the_window_when_scrolling(window: MainWindow) -> None:
    for i in range(8):
        add_card(window, 0, "backstage", f"tall lane {i}")  # make the map taller than the window
    view = window.view
    QApplication.processEvents()
    view.set_zoom(1.0)
    view.verticalScrollBar().setValue(view.verticalScrollBar().maximum())
    view.horizontalScrollBar().setValue(view.horizontalScrollBar().maximum())
    QApplication.processEvents()
    visible = view.visible_scene_rect()
    assert visible.top() > 0 and visible.left() > 0
    stage_item = next(iter(window.scene.stage_items.values()))
    lane_item = next(iter(window.scene.lane_items.values()))
    assert stage_item.y() == pytest.approx(visible.top())
    assert lane_item.x() == pytest.approx(visible.left())
    # the pinned header row is what the user sees at the top of the canvas
    probe = view.mapFromScene(QPointF(stage_item.x() + stage_item.geom.header.w / 2,
                                      stage_item.y() + stage_item.geom.header.h / 2))
    assert view.itemAt(probe) is stage_item or view.itemAt(probe).parentItem() is stage_item
    view.verticalScrollBar().setValue(view.verticalScrollBar().minimum())
    QApplication.processEvents()
    assert stage_item.y() == pytest.approx(stage_item.geom.header.y)


def test_alt_arrows_nudge_a_card_and_one_gesture_is_one_undo_step(window: MainWindow) -> None:
    from PySide6.QtGui import QKeyEvent

    ids = [add_card(window, 1, "actions", t) for t in ("a", "b", "c")]
    window.scene.select_cards([ids[2]])
    vp = window.view.viewport()
    window.view.setFocus()
    alt = Qt.KeyboardModifier.AltModifier

    def nudge(key: Qt.Key) -> None:  # an arrow pressed while Alt stays held down
        for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
            QApplication.sendEvent(vp, QKeyEvent(kind, key, alt))

    nudge(Qt.Key.Key_Up)
    nudge(Qt.Key.Key_Up)
    assert cell_texts(window, 1, "actions") == ["c", "a", "b"]
    nudge(Qt.Key.Key_Right)
    assert cell_texts(window, 2, "actions") == ["c"]
    QApplication.sendEvent(vp, QKeyEvent(QEvent.Type.KeyRelease, Qt.Key.Key_Alt,
                                         Qt.KeyboardModifier.NoModifier))
    depth = window.doc.undo_stack.count()
    nudge(Qt.Key.Key_Left)
    assert cell_texts(window, 1, "actions") == ["c", "a", "b"]
    assert window.doc.undo_stack.count() == depth + 1  # a new gesture, a new step
    window.acts.undo.trigger()
    assert cell_texts(window, 2, "actions") == ["c"]
    window.acts.undo.trigger()  # the whole first gesture at once
    assert cell_texts(window, 1, "actions") == ["a", "b", "c"]


def test_rubber_band_selects_the_cards_it_touches(window: MainWindow) -> None:
    a = add_card(window, 1, "thoughts", "A")
    b = add_card(window, 2, "thoughts", "B")
    c = add_card(window, 5, "thoughts", "C")
    layout = window.scene.layout
    ra, rb = layout.cards[a].rect, layout.cards[b].rect
    # from the empty space under A's cell to the middle of B
    drag(window, (ra.x + 5, ra.bottom + 12), rb.center)
    assert set(window.scene.selected_card_ids()) == {a, b}
    assert c not in window.scene.selected_card_ids()


def test_middle_button_and_space_drag_pan_the_view(window: MainWindow) -> None:
    view, vp = window.view, window.view.viewport()
    QApplication.processEvents()
    view.set_zoom(2.0)
    h = view.horizontalScrollBar()
    h.setValue((h.minimum() + h.maximum()) // 2)
    start = h.value()
    mid, none = Qt.MouseButton.MiddleButton, Qt.MouseButton.NoButton
    p = QPoint(vp.width() // 2, vp.height() // 2)
    send_mouse(vp, QEvent.Type.MouseButtonPress, p, mid, mid)
    send_mouse(vp, QEvent.Type.MouseMove, p + QPoint(-100, 0), none, mid)
    send_mouse(vp, QEvent.Type.MouseButtonRelease, p + QPoint(-100, 0), mid, none)
    assert h.value() == start + 100  # dragging left shows what is to the right
    cards_before = len(journey(window).cards)
    QTest.keyPress(vp, Qt.Key.Key_Space)
    left = Qt.MouseButton.LeftButton
    send_mouse(vp, QEvent.Type.MouseButtonPress, p, left, left)
    send_mouse(vp, QEvent.Type.MouseMove, p + QPoint(80, 0), none, left)
    send_mouse(vp, QEvent.Type.MouseButtonRelease, p + QPoint(80, 0), left, none)
    QTest.keyRelease(vp, Qt.Key.Key_Space)
    assert h.value() == start + 100 - 80
    assert len(journey(window).cards) == cards_before  # panning made no card
    assert view.dragMode() == view.DragMode.RubberBandDrag


def double_click(win: MainWindow, x: float, y: float) -> None:
    """What a real double-click sends: press, release, double-click, release."""
    vp = win.view.viewport()
    p = to_view(win, x, y)
    left, none = Qt.MouseButton.LeftButton, Qt.MouseButton.NoButton
    send_mouse(vp, QEvent.Type.MouseButtonPress, p, left, left)
    send_mouse(vp, QEvent.Type.MouseButtonRelease, p, left, none)
    send_mouse(vp, QEvent.Type.MouseButtonDblClick, p, left, left)
    send_mouse(vp, QEvent.Type.MouseButtonRelease, p, left, none)


def type_in_place(win: MainWindow, text: str) -> None:
    """Type into whatever in-place editor has the canvas focus, then Enter."""
    vp = win.view.viewport()
    QTest.keyClick(vp, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    QTest.keyClicks(vp, text)
    QTest.keyClick(vp, Qt.Key.Key_Return)


def test_double_click_a_header_to_rename_it_in_place(window: MainWindow) -> None:
    double_click(window, *window.scene.layout.stages[0].header.center)
    assert window.scene.stage_items[stage_at(window, 0).id].renaming
    type_in_place(window, "Discover")
    assert stage_at(window, 0).name == "Discover"
    double_click(window, *window.scene.layout.lanes[0].header.center)
    type_in_place(window, "Doing")
    assert lane_of(window, "actions").name == "Doing"
    window.acts.undo.trigger()
    assert lane_of(window, "actions").name == "Actions"


def test_escape_cancels_an_in_place_rename(window: MainWindow) -> None:
    name = stage_at(window, 1).name
    double_click(window, *window.scene.layout.stages[1].header.center)
    QTest.keyClicks(window.view.viewport(), "Nope")
    QTest.keyClick(window.view.viewport(), Qt.Key.Key_Escape)
    assert stage_at(window, 1).name == name
    assert not window.scene.stage_items[stage_at(window, 1).id].renaming


