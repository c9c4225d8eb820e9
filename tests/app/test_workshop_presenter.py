"""Workshop mode (#13): presenter mode, stepped stage by stage with the keyboard."""

from __future__ import annotations

from PySide6.QtWidgets import QApplication

from app.main_window import MainWindow
from tests.app.test_workshop_keyboard import CTRL, K, focused, press
from widgets.presenter import MIN_ZOOM, PresenterWindow


def presenter(window: MainWindow) -> PresenterWindow:
    shown = window.presenter.window
    assert shown is not None, "presenter mode is not on"
    return shown


def test_f5_presents_full_screen_stage_by_stage_and_escape_returns(
    window: MainWindow, qtbot
) -> None:
    window.activateWindow()
    window.view.setFocus()
    press(K.Key_Down)
    press(K.Key_Right, times=2)  # the cursor on the third stage: presenting starts there
    press(K.Key_F5)
    shown = presenter(window)
    qtbot.waitExposed(shown)
    assert shown.isFullScreen()
    assert focused() is shown
    layout = window.scene.layout
    assert layout is not None
    stages = layout.stages
    assert shown.index == 2
    assert shown.stage_label.text() == f"Stage 3 of 7: {stages[2].name}"
    assert window.scene.current_cell is None  # no keyboard cursor on the projector

    press(K.Key_Right)
    assert shown.index == 3
    lit = shown.view.lit
    assert lit is not None and lit.left() == stages[3].header.x
    visible = shown.view.visible_scene_rect()
    # The whole stage is in sight, right of the pinned lane names, in large type.
    lane_names_end = visible.left() + layout.metrics.lane_header_w
    assert lane_names_end <= stages[3].column.x
    assert stages[3].column.right <= visible.right()
    assert shown.view.transform().m11() >= MIN_ZOOM > 1.0
    press(K.Key_Left, times=5)
    assert shown.index == 0  # stops at the first stage
    press(K.Key_End)
    assert shown.index == 6
    press(K.Key_PageDown)
    assert shown.index == 6

    press(K.Key_Escape)
    qtbot.waitUntil(lambda: window.presenter.window is None)
    assert not [w for w in QApplication.topLevelWidgets()
                if isinstance(w, PresenterWindow) and w.isVisible()]
    qtbot.waitUntil(lambda: QApplication.focusWidget() is window.view)
    press(K.Key_Down)  # the editor works from the keyboard again
    assert window.scene.current_cell is not None


def test_the_timer_runs_and_shows_in_presenter_mode(window: MainWindow, qtbot) -> None:
    window.activateWindow()
    window.view.setFocus()
    window.countdown.start(10 * 60)
    press(K.Key_F5)
    shown = presenter(window)
    qtbot.waitExposed(shown)
    assert shown.timer.isVisible()
    assert shown.timer.text() in ("10:00", "09:59")
    press(K.Key_T)  # pause from the presenter
    assert not window.countdown.running
    press(K.Key_T)
    assert window.countdown.running
    press(K.Key_Escape)
    qtbot.waitUntil(lambda: window.presenter.window is None)


def test_presenting_changes_nothing_in_the_map(window: MainWindow, qtbot) -> None:
    window.activateWindow()
    window.view.setFocus()
    steps = window.doc.undo_stack.count()
    press(K.Key_F5)
    qtbot.waitExposed(presenter(window))
    for key in (K.Key_Right, K.Key_Delete, K.Key_A, K.Key_Return, K.Key_Down):
        press(key)
    press(K.Key_Z, CTRL)
    press(K.Key_Escape)
    qtbot.waitUntil(lambda: window.presenter.window is None)
    assert window.doc.undo_stack.count() == steps
    assert not window.isWindowModified()
