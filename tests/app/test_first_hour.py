"""What a facilitator hit in the first hour (issue 7), each as the user would notice it."""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest
from PySide6.QtCore import QEvent, QPointF, QSize, Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication

from app.commands import SetEmotionCommand
from app.export.service import ExportOptions, MapDocument, export_document
from app.main_window import MainWindow, fitted_size
from app.settings import Settings
from model.style import SOFT_COLORS
from tests.app.test_canvas import (
    add_card,
    card_center,
    drag,
    journey,
    lane_of,
    rate_every_stage,
    send_mouse,
    stage_at,
    to_view,
    type_in_place,
)


def test_no_two_actions_share_a_shortcut(window: MainWindow) -> None:
    owners: dict[str, str] = {}
    for action in window.findChildren(QAction):
        for key in action.shortcuts():
            text = key.toString(QKeySequence.SequenceFormat.PortableText)
            assert text not in owners, f"{text}: {owners[text]} and {action.text()}"
            owners[text] = action.text()
    assert owners["Ctrl+Shift+S"] == "Save &As…"
    assert owners["Ctrl+Shift+T"] == "Add &Stage"


def test_ctrl_y_and_ctrl_shift_z_both_redo(window: MainWindow) -> None:
    window.activateWindow()
    window.view.setFocus()
    for key in ("Ctrl+Y", "Ctrl+Shift+Z"):
        add_card(window, 0, "actions", key)
        window.acts.undo.trigger()
        assert all(c.text != key for c in journey(window).cards)
        sequence = QKeySequence(key)[0]
        QTest.keyClick(window.view, sequence.key(), sequence.keyboardModifiers())
        assert any(c.text == key for c in journey(window).cards), key


def test_insert_stage_after_the_last_asks_its_name_in_place_and_scrolls_to_it(window) -> None:
    last = stage_at(window, 6)
    window.view.set_zoom(1.0)
    window.view.horizontalScrollBar().setValue(0)
    window.structure.add_stage(after=last.id)
    new = stage_at(window, 7)
    item = window.scene.stage_items[new.id]
    assert item.renaming
    header = window.scene.layout.stage(new.id).header
    visible = window.view.visible_scene_rect()
    assert visible.contains(QPointF(header.x + 10, header.center[1]))
    assert visible.contains(QPointF(header.right - 10, header.center[1]))
    type_in_place(window, "Renewal")
    assert new.name == "Renewal"
    # The new stage has no emotion value: no point was invented, the curve breaks there.
    curve = journey(window).curves[0]
    assert all(p.stage_id != new.id for p in curve.points)
    assert window.scene.curve_items[curve.id].handles[new.id].unset
    window.acts.undo.trigger()  # the rename
    window.acts.undo.trigger()  # the stage
    assert len(journey(window).stages) == 7


def test_dragging_an_unset_point_gives_the_stage_its_first_value(window: MainWindow) -> None:
    window.structure.add_stage(after=stage_at(window, 2).id)
    type_in_place(window, "Waiting")
    new = stage_at(window, 3)
    curve = journey(window).curves[0]
    item = window.scene.curve_items[curve.id]
    handle = item.handles[new.id]
    layout = window.scene.layout
    y = layout.emotion_y(layout.emotion_lane().id, -2)
    drag(window, (handle.x(), handle.y()), (handle.x(), y))
    point = next(p for p in curve.points if p.stage_id == new.id)
    assert point.value == -2
    item = window.scene.curve_items[curve.id]
    assert not item.handles[new.id].unset and item.path_count == 1
    window.acts.undo.trigger()
    assert all(p.stage_id != new.id for p in curve.points)


@pytest.mark.parametrize("zoom", [0.56, 1.0, 2.0])
def test_the_stage_resize_grip_is_comfortable_at_any_zoom(window: MainWindow, zoom) -> None:
    window.view.set_zoom(zoom)
    item = window.scene.stage_items[stage_at(window, 1).id]
    assert item.grip_width() * zoom == pytest.approx(item.GRIP_PX)
    header = window.scene.layout.stages[1].header
    inside = 6 / zoom  # six screen pixels left of the edge
    drag(window, (header.right - inside, header.center[1]),
         (header.right - inside + 60 / zoom, header.center[1]))
    assert stage_at(window, 1).width == pytest.approx(header.w + 60 / zoom, abs=2 / zoom)


def test_the_resize_grip_shows_a_resize_cursor(window: MainWindow) -> None:
    header = window.scene.layout.stages[1].header
    vp = window.view.viewport()
    pos = to_view(window, header.right - 3, header.center[1])
    none = Qt.MouseButton.NoButton
    send_mouse(vp, QEvent.Type.MouseMove, pos, none, none)
    item = window.scene.stage_items[stage_at(window, 1).id]
    assert item.cursor().shape() == Qt.CursorShape.SizeHorCursor


def test_a_long_stage_name_wraps_instead_of_being_cut(window: MainWindow) -> None:
    double_name = "Applying the method at work"
    from app.commands import EditStageCommand

    stage = stage_at(window, 2)
    window.doc.push(EditStageCommand(window.doc.editor, stage.id, {"name": double_name}))
    lines = [text for _pos, text in window.scene.stage_items[stage.id]._label_lines]
    assert len(lines) == 2
    assert " ".join(lines) == double_name


def hover(window: MainWindow, x: float, y: float) -> None:
    vp = window.view.viewport()
    none = Qt.MouseButton.NoButton
    send_mouse(vp, QEvent.Type.MouseMove, to_view(window, x, y), none, none)
    QApplication.processEvents()


def test_emotion_points_show_their_value_while_dragged_and_their_note_on_hover(window):
    curve = journey(window).curves[0]
    stage = stage_at(window, 2)
    window.doc.push(SetEmotionCommand(window.doc.editor, curve.id, stage.id, 2,
                                      "Delivery fee came as a surprise"))
    handle = window.scene.curve_items[curve.id].handles[stage.id]
    assert "Delivery fee came as a surprise" in handle.toolTip()
    hover(window, handle.x() + 1, handle.y())
    assert handle.label.startswith("+2") and "Delivery fee" in handle.label
    # While dragging, the value it would snap to.
    layout = window.scene.layout
    vp = window.view.viewport()
    left, none = Qt.MouseButton.LeftButton, Qt.MouseButton.NoButton
    start = to_view(window, handle.x(), handle.y())
    send_mouse(vp, QEvent.Type.MouseButtonPress, start, left, left)
    target = window.view.mapFromScene(
        QPointF(handle.x(), layout.emotion_y(layout.emotion_lane().id, -4)))
    for i in range(1, 5):
        send_mouse(vp, QEvent.Type.MouseMove, start + (target - start) * (i / 4), none, left)
    assert handle.label == "-4"
    send_mouse(vp, QEvent.Type.MouseButtonRelease, target, left, none)
    assert next(p for p in curve.points if p.stage_id == stage.id).value == -4


def test_a_new_curve_copies_the_current_one_and_its_points_come_first(window, monkeypatch):
    curve = journey(window).curves[0]
    for i, stage in enumerate(sorted(journey(window).stages, key=lambda s: s.position)):
        window.doc.push(SetEmotionCommand(window.doc.editor, curve.id, stage.id, i - 3))
    monkeypatch.setattr("app.structure.QInputDialog.getText", lambda *a, **k: ("To-be", True))
    window.structure.add_curve()
    as_is, to_be = journey(window).curves
    assert sorted((p.stage_id, p.value) for p in to_be.points) == sorted(
        (p.stage_id, p.value) for p in as_is.points)
    # Every point overlaps: the new (current) curve's point is the one under the mouse.
    stage = stage_at(window, 4)
    handle = window.scene.curve_items[to_be.id].handles[stage.id]
    found = window.scene.itemAt(handle.scenePos(), window.view.transform())
    assert found is handle
    # Pressing a point of the other curve makes it the current one.
    window.scene.set_current_curve(as_is.id)
    found = window.scene.itemAt(handle.scenePos(), window.view.transform())
    assert found is window.scene.curve_items[as_is.id].handles[stage.id]


def test_the_emotion_legend_wraps_long_curve_names(window: MainWindow, monkeypatch) -> None:
    name = "Maria, first-time buyer, to-be"
    monkeypatch.setattr("app.structure.QInputDialog.getText", lambda *a, **k: (name, True))
    window.structure.add_curve()
    emotion = lane_of(window, "emotion")
    legend = window.scene.lane_items[emotion.id]._legend
    assert " ".join(legend[-1][0]) == name
    assert not any(line.endswith("…") for line in legend[-1][0])


def test_selecting_a_card_clears_the_cell_highlight(window: MainWindow) -> None:
    card = add_card(window, 1, "actions", "pick me")
    touch = lane_of(window, "touchpoints")
    cell = (stage_at(window, 4).id, touch.id)
    vp = window.view.viewport()
    QTest.mouseClick(vp, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier,
                     to_view(window, *window.scene.layout.cell_rect(cell).center))
    assert window.scene.current_cell == cell
    QTest.mouseClick(vp, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier,
                     to_view(window, *card_center(window, card)))
    assert window.scene.selected_card_ids() == [card]
    assert window.scene.current_cell is None


def test_the_palette_does_not_stay_highlighted_after_a_drag(window, monkeypatch) -> None:
    monkeypatch.setattr("widgets.palette.QDrag.exec", lambda *a, **k: Qt.DropAction.CopyAction)
    palette = window.card_palette
    palette.setCurrentRow(3)
    palette.startDrag(Qt.DropAction.CopyAction)
    assert palette.selectedItems() == [] and palette.currentItem() is None


def test_the_colour_chooser_offers_soft_colours_first(qtbot) -> None:
    from widgets.color_picker import SoftColorDialog

    dialog = SoftColorDialog("#ffc9c2", "Card colour")
    qtbot.addWidget(dialog)
    assert list(dialog.swatches) == list(SOFT_COLORS)
    assert dialog.swatches["#ffc9c2"].isChecked()
    QTest.mouseClick(dialog.swatches["#d9f2d0"], Qt.MouseButton.LeftButton)
    assert dialog.result() == dialog.DialogCode.Accepted
    assert dialog.chosen() == "#d9f2d0"


def test_the_first_window_fits_a_small_or_scaled_screen() -> None:
    assert fitted_size(QSize(1400, 900), QSize(1366, 728)) == QSize(1297, 691)
    assert fitted_size(QSize(1400, 900), QSize(1920, 1050)) == QSize(1400, 900)


def test_a_new_window_is_no_larger_than_the_screen(qtbot, workspace) -> None:
    win = MainWindow(Settings(), workspace)
    qtbot.addWidget(win)
    available = win.screen().availableGeometry().size()
    assert win.width() <= available.width() and win.height() <= available.height()


def test_fit_shows_the_map_from_the_top_and_stays_a_fit_when_resized(window) -> None:
    window.view.fit()
    QApplication.processEvents()
    top = window.view.mapFromScene(window.scene.sceneRect().topLeft()).y()
    assert top <= 2  # no empty band above the map
    zoom = window.view.zoom
    window.resize(window.width() - 300, window.height())
    QApplication.processEvents()
    assert window.view.fit_mode and window.view.zoom < zoom
    visible = window.view.visible_scene_rect()
    layout = window.scene.layout
    assert visible.width() >= layout.width and visible.height() >= layout.height
    window.view.zoom_in()
    assert not window.view.fit_mode


def test_save_as_suggests_the_journey_name_in_the_last_folder(window, tmp_path) -> None:
    folder = tmp_path / "workshops"
    folder.mkdir()
    window.settings.set_last_directory(folder)
    from app.commands import EditJourneyCommand

    window.doc.push(EditJourneyCommand(window.doc.editor, journey(window).id,
                                       {"name": "Checkout: mobile/web"}))
    suggestion = window.files.suggested_save_path()
    assert suggestion == folder.resolve() / "Checkout mobile web.cjm"
    assert suggestion.is_absolute()


def test_the_poster_prints_emotion_notes_and_breaks_the_curve_at_unset_stages(window,
                                                                               tmp_path):
    rate_every_stage(window)
    curve = journey(window).curves[0]
    stage = stage_at(window, 1)
    window.doc.push(SetEmotionCommand(window.doc.editor, curve.id, stage.id, -3,
                                      "Waited 20 minutes on hold"))
    window.structure.add_stage(after=stage_at(window, 4).id)
    type_in_place(window, "Gap")
    window.doc.flush()
    doc = MapDocument.from_journey(journey(window))
    (geom,) = doc.layout.curves
    assert [len(run) for run in geom.runs] == [4, 1]  # 5 points, a gap, 2 points
    target = tmp_path / "poster.pdf"
    export_document(doc, target, ExportOptions(fmt="pdf", paper="A3"), lambda d, t: True)
    text = subprocess.run(["pdftotext", str(target), "-"], capture_output=True,
                          text=True, check=True).stdout
    assert "Waited 20 minutes on hold" in " ".join(text.split())
    assert Path(target).stat().st_size > 0


def test_a_new_lane_gets_its_kinds_colour_and_a_new_journey_a_true_name(window, monkeypatch):
    assert journey(window).name == "Customer journey"  # not "... (7 stages)"
    monkeypatch.setattr("app.structure.QInputDialog.getItem", lambda *a, **k: ("Pain points",
                                                                               True))
    window.structure.add_lane()
    type_in_place(window, "More pains")
    lanes = sorted(journey(window).lanes, key=lambda x: x.position)
    assert lanes[-1].color == lane_of(window, "pain_points").color == "#fdf3f2"


def test_resizing_a_stage_in_fit_view_shows_a_guide_and_keeps_the_zoom(window) -> None:
    window.view.fit()
    QApplication.processEvents()
    zoom = window.view.zoom
    header = window.scene.layout.stages[1].header
    vp = window.view.viewport()
    left, none = Qt.MouseButton.LeftButton, Qt.MouseButton.NoButton
    start = window.view.mapFromScene(QPointF(header.right - 3 / zoom, header.center[1]))
    send_mouse(vp, QEvent.Type.MouseButtonPress, start, left, left)
    for i in range(1, 5):
        send_mouse(vp, QEvent.Type.MouseMove, start + QPointF(40 * i, 0).toPoint(), none, left)
    # The guide follows the pointer: the edge moved as far as the mouse did.
    assert window.scene.resize_guide == pytest.approx(header.right + 160 / zoom, abs=3 / zoom)
    send_mouse(vp, QEvent.Type.MouseButtonRelease, start + QPointF(160, 0).toPoint(), left,
               none)
    QApplication.processEvents()
    assert window.scene.resize_guide is None
    assert stage_at(window, 1).width > header.w + 100
    assert window.view.zoom == pytest.approx(zoom)  # the edge stays under the pointer


def test_an_emotion_value_badge_stays_readable_when_zoomed_out(window) -> None:
    rate_every_stage(window)
    curve = journey(window).curves[0]
    handle = window.scene.curve_items[curve.id].handles[stage_at(window, 2).id]
    window.view.set_zoom(0.4)
    hover(window, handle.x() + 1, handle.y())
    assert handle.label == "0"  # the neutral value reads 0, not +0
    on_screen = window.view.mapFromScene(handle.mapRectToScene(handle._label_rect)) \
        .boundingRect()
    assert on_screen.height() >= 14  # as tall as at 100 %


def test_the_toolbar_undo_button_keeps_its_label(window) -> None:
    add_card(window, 0, "actions", "x")
    assert window.acts.undo.text().startswith("&Undo ") or "Undo" in window.acts.undo.text()
    assert window.acts.undo_button.text() == "Undo" and window.acts.undo_button.isEnabled()
    window.acts.undo_button.trigger()
    assert journey(window).cards == []
