"""Defects a facilitator hit in their first hour (second GUI trial), as the user notices them."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from PySide6.QtCore import QPointF, Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QDockWidget, QLabel

from app.commands import SetEmotionCommand
from app.main_window import MainWindow
from model.entities import Card
from tests.app.test_canvas import (
    add_card,
    answer_next_dialog,
    card_center,
    drag,
    journey,
    lane_of,
    stage_at,
    to_view,
)

ROOT = Path(__file__).resolve().parents[2]


def _select(window: MainWindow, card_id: int) -> None:
    QTest.mouseClick(window.view.viewport(), Qt.MouseButton.LeftButton,
                     Qt.KeyboardModifier.NoModifier, to_view(window, *card_center(window, card_id)))
    assert window.scene.selected_card_ids() == [card_id]


def _card_is_where_the_model_says(window: MainWindow, card_id: int) -> None:
    item = window.scene.card_items[card_id]
    rect = window.scene.layout.cards[card_id].rect
    assert (item.x(), item.y()) == pytest.approx((rect.x, rect.y))


def test_dragging_an_emotion_point_moves_only_that_point_not_the_selected_card(
        window: MainWindow) -> None:
    card = add_card(window, 2, "actions", "Orders online")
    actions = lane_of(window, "actions")
    _select(window, card)
    curve = journey(window).curves[0]
    stage = stage_at(window, 3)
    window.doc.push(SetEmotionCommand(window.doc.editor, curve.id, stage.id, 0))
    handle = window.scene.curve_items[curve.id].handles[stage.id]
    layout = window.scene.layout
    emotion = layout.emotion_lane().id
    start = handle.scenePos()
    drag(window, (start.x(), start.y()), (start.x(), layout.emotion_y(emotion, -3)))
    assert next(p for p in curve.points if p.stage_id == stage.id).value == -3
    model_card = window.doc.project.session.get(Card, card)
    assert (model_card.stage_id, model_card.lane_id) == (stage_at(window, 2).id, actions.id)
    _card_is_where_the_model_says(window, card)
    window.acts.undo.trigger()
    _card_is_where_the_model_says(window, card)
    assert next(p for p in curve.points if p.stage_id == stage.id).value == 0


@pytest.mark.parametrize("header", ["stage", "lane"])
def test_dragging_a_header_with_a_card_selected_leaves_the_card_in_place(
        window: MainWindow, header: str) -> None:
    card = add_card(window, 2, "actions", "Orders online")
    _select(window, card)
    layout = window.scene.layout
    if header == "stage":
        geom = layout.stage(stage_at(window, 0).id).header
        start = (geom.x + geom.w / 3, geom.center[1])
        end = (start[0] + 30, start[1])  # not far enough to reorder
    else:
        geom = layout.lane(lane_of(window, "thoughts").id).header
        start = (geom.center[0], geom.center[1])
        end = (start[0], start[1] + 3)
    item = window.scene.card_items[card]
    drag(window, start, end)
    assert item.pos() == QPointF(layout.cards[card].rect.x, layout.cards[card].rect.y)


def test_a_new_map_from_the_template_starts_with_every_stage_unrated(window: MainWindow) -> None:
    curve = journey(window).curves[0]
    assert curve.points == []
    handles = window.scene.curve_items[curve.id].handles
    assert len(handles) == 7 and all(h.unset for h in handles.values())
    assert window.scene.curve_items[curve.id].path_count == 0


def test_opening_a_text_file_named_cjm_is_refused_before_asking_to_save(
        window: MainWindow, qtbot, tmp_path, monkeypatch) -> None:
    bad = tmp_path / "notes.cjm"
    bad.write_text("this is not a journey map", encoding="utf-8")
    before = bad.read_bytes()
    add_card(window, 0, "actions", "unsaved work")
    doc = window.doc
    monkeypatch.setattr("app.files.QFileDialog.getOpenFileName", lambda *a, **k: (str(bad), ""))
    seen = answer_next_dialog(qtbot, lambda box: box.reject())
    window.acts.open.trigger()
    assert seen == ["notes.cjm\n\nThis is not a Journeyboard project file (.cjm)."]
    assert window.doc is doc and window.isWindowModified()
    assert any(c.text == "unsaved work" for c in journey(window).cards)
    assert bad.read_bytes() == before


def test_the_status_bar_counts_the_cursor_cell_after_every_change(window: MainWindow) -> None:
    touch = lane_of(window, "touchpoints")
    left_of_it = (stage_at(window, 1).id, touch.id)
    vp = window.view.viewport()
    QTest.mouseClick(vp, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier,
                     to_view(window, *window.scene.layout.cell_rect(left_of_it).center))
    QTest.keyClick(vp, Qt.Key.Key_Right)  # the cursor arrives: the status bar says where
    bar = window.statusBar()
    assert bar.currentMessage().startswith("Purchase · Touchpoints: 0 card(s)")
    QTest.keyClicks(vp, "Checkout page")
    QTest.keyClick(vp, Qt.Key.Key_Return)
    QApplication.processEvents()
    assert bar.currentMessage().startswith("Purchase · Touchpoints: 1 card(s)")
    (card,) = [c.id for c in journey(window).cards]
    dest = window.scene.layout.cell_rect((stage_at(window, 3).id, touch.id)).center
    drag(window, card_center(window, card), dest)
    assert window.doc.project.session.get(Card, card).stage_id == stage_at(window, 3).id
    assert bar.currentMessage().startswith("Purchase · Touchpoints: 0 card(s)")
    window.acts.undo.trigger()
    QApplication.processEvents()
    assert bar.currentMessage().startswith("Purchase · Touchpoints: 1 card(s)")


def test_ctrl_e_exports_from_the_objective_field_on_x11(tmp_path) -> None:
    # On X11 a line edit takes Ctrl+E as "end of line": only the xcb platform shows it.
    if shutil.which("xvfb-run") is None:
        pytest.skip("needs xvfb-run to run on the X11 platform")
    env = {k: v for k, v in os.environ.items() if k not in ("QT_QPA_PLATFORM", "DISPLAY")}
    env["PYTHONPATH"] = str(ROOT)
    env["QT_QPA_PLATFORM"] = "xcb"
    done = subprocess.run(
        ["xvfb-run", "-a", "-s", "-screen 0 1366x768x24", sys.executable, "-m",
         "tests.app.field_keys_child", str(tmp_path)],
        capture_output=True, text=True, cwd=ROOT, env=env, timeout=120)
    assert done.returncode == 0, done.stderr
    found = json.loads(done.stdout.strip().splitlines()[-1])
    assert found["platform"] == "xcb" and found["focus_in_field"]
    assert found["fired"] == ["export"]
    assert found["after_export"] == ["Find out why", 0]  # the text cursor did not jump
    assert found["copied"] == "Find out why"  # the field's own Ctrl+A, Ctrl+C still work



def test_after_file_close_the_header_and_panels_are_empty_and_take_no_edits(
        window: MainWindow) -> None:
    header = window.header
    header.objective_edit.setFocus()
    QTest.keyClicks(header.objective_edit, "Find why customers call")
    QTest.keyClick(header.objective_edit, Qt.Key.Key_Return)
    window.personas.add_persona()
    QApplication.processEvents()
    assert journey(window).objective == "Find why customers call"
    assert window.persona_panel.list.count() == 1
    window.doc.undo_stack.setClean()
    window.acts.close.trigger()
    assert window.doc is None
    assert (header.name_edit.text(), header.objective_edit.text()) == ("", "")
    assert window.persona_panel.list.count() == 0
    panels = (header, window.persona_panel, window.inspector, window.completeness,
              window.opportunity_tabs, window.voting_panel, window.card_palette)
    assert not any(panel.isEnabled() for panel in panels)
    QTest.keyClicks(header.objective_edit, "lost")  # a disabled field takes no typing
    assert header.objective_edit.text() == ""
    window.files.new_document("cjm7")
    assert all(panel.isEnabled() for panel in panels)
    assert header.name_edit.text() == "Customer journey"


def test_timer_and_voting_open_where_they_have_room_on_a_laptop(window: MainWindow,
                                                                qtbot) -> None:
    window.resize(1366, 740)
    qtbot.waitUntil(lambda: window.width() == 1366)
    docks = {d.objectName(): d for d in window.findChildren(QDockWidget)}
    right = Qt.DockWidgetArea.RightDockWidgetArea
    docks["timer"].toggleViewAction().trigger()  # Workshop → Timer
    timer_scroll = docks["timer"].widget()
    qtbot.waitUntil(lambda: timer_scroll.viewport().height()
                    >= window.timer_panel.sizeHint().height())
    assert window.dockWidgetArea(docks["timer"]) == right
    assert not timer_scroll.horizontalScrollBar().isVisible()
    assert not timer_scroll.verticalScrollBar().isVisible()
    assert docks["timer"].width() >= window.timer_panel.sizeHint().width()
    docks["voting"].toggleViewAction().trigger()  # Workshop → Dot Voting
    window.show_wide(window.voting_panel)
    voting_scroll = docks["voting"].widget()
    qtbot.waitUntil(lambda: voting_scroll.viewport().height()
                    >= window.voting_panel.sizeHint().height()
                    and not voting_scroll.horizontalScrollBar().isVisible())
    assert window.dockWidgetArea(docks["voting"]) == right
    assert not voting_scroll.horizontalScrollBar().isVisible()
    assert not voting_scroll.verticalScrollBar().isVisible()
    hint = next(label for label in window.voting_panel.findChildren(QLabel)
                if label.text() == "Select a card to enter its count.")
    shown = voting_scroll.viewport().rect()
    assert shown.contains(hint.mapTo(voting_scroll.viewport(), hint.rect().bottomRight()))
    assert docks["timer"].isVisible()  # both at once, the timer under the voting tab
    palette = docks["palette"]
    assert palette.height() >= window.card_palette.sizeHint().height()
