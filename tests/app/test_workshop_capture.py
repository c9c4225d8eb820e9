"""Workshop mode (#13): the scribe's capture bar and pasting blocks of text into cells."""

from __future__ import annotations

from PySide6.QtCore import QMimeData
from PySide6.QtGui import QGuiApplication
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication

from app.main_window import MainWindow
from tests.app.test_workshop_keyboard import CTRL, SHIFT, K, cells, focused, press, type_text


def capture_line(window: MainWindow, line: str) -> None:
    type_text(line)
    press(K.Key_Return)


def test_ctrl_k_opens_the_bar_and_a_line_adds_a_card_in_the_named_cell(
    window: MainWindow,
) -> None:
    window.activateWindow()
    window.view.setFocus()
    assert not window.capture_bar.isVisible()
    press(K.Key_K, CTRL)
    assert window.capture_bar.isVisible()
    assert focused() is window.capture_bar.line
    capture_line(window, "aware / pain: Cannot find the opening hours")
    capture_line(window, "2 / actions: Compares prices")
    assert cells(window) == {(0, "Pain points"): ["Cannot find the opening hours"],
                             (1, "Actions"): ["Compares prices"]}
    assert window.capture_bar.line.text() == ""  # ready for the next line
    assert "Added to Consideration / Actions" in window.capture_bar.message.message()
    kinds = {c.text: c.kind for c in window.doc.project.journey(window.doc.journey_id).cards}
    assert kinds["Cannot find the opening hours"] == "pain_point"
    press(K.Key_Z, CTRL)  # each line is one undo step
    assert cells(window) == {(0, "Pain points"): ["Cannot find the opening hours"]}
    press(K.Key_Escape)
    assert not window.capture_bar.isVisible()
    assert focused() is window.view


def test_unknown_and_ambiguous_names_say_why_and_add_nothing(window: MainWindow) -> None:
    window.activateWindow()
    window.view.setFocus()
    press(K.Key_K, CTRL)
    steps = window.doc.undo_stack.count()
    capture_line(window, "Checkout / Actions: pays")
    message = window.capture_bar.message.message()
    assert "no stage “Checkout”" in message and "Awareness" in message
    assert window.capture_bar.line.text() == "Checkout / Actions: pays"  # kept to fix
    press(K.Key_A, CTRL)
    capture_line(window, "1 / t: hmm")
    assert "could be the lane Thoughts or Touchpoints" in window.capture_bar.message.message()
    press(K.Key_A, CTRL)
    capture_line(window, "no place here")
    assert "stage / lane: text" in window.capture_bar.message.message()
    assert cells(window) == {}
    assert window.doc.undo_stack.count() == steps


def test_the_bar_completes_stage_and_lane_names(window: MainWindow, qtbot) -> None:
    window.activateWindow()
    window.view.setFocus()
    press(K.Key_K, CTRL)
    bar = window.capture_bar
    assert "Awareness / Actions: " in bar.completions()
    assert "Awareness / Emotion: " not in bar.completions()  # the curve's lane holds no cards
    type_text("consid")
    popup = bar.line.completer().popup()
    qtbot.waitUntil(popup.isVisible)
    press(K.Key_Down)
    press(K.Key_Return)  # picks the completion; does not submit the line
    assert bar.line.text() == "Consideration / Actions: "
    assert cells(window) == {}
    type_text("Reads reviews")
    press(K.Key_Return)
    assert cells(window) == {(1, "Actions"): ["Reads reviews"]}


def put_text_on_clipboard(text: str) -> None:
    mime = QMimeData()
    mime.setText(text)
    QGuiApplication.clipboard().setMimeData(mime)


def go_to_cell(window: MainWindow, right: int, down: int) -> None:
    window.activateWindow()
    window.view.setFocus()
    window.scene.current_cell = None
    press(K.Key_Down)  # the cursor appears on the first stage's first lane
    press(K.Key_Up)
    press(K.Key_Right, times=right)
    press(K.Key_Down, times=down)


def test_pasting_lines_into_a_cell_adds_one_card_per_line_as_one_step(
    window: MainWindow,
) -> None:
    go_to_cell(window, 1, 1)
    put_text_on_clipboard("Too slow\nWrong size\n\nNo gift wrap\n")
    press(K.Key_V, CTRL)
    assert cells(window) == {(1, "Thoughts"): ["Too slow", "Wrong size", "No gift wrap"]}
    press(K.Key_Z, CTRL)
    assert cells(window) == {}


def test_a_spreadsheet_block_pastes_its_columns_into_consecutive_stages(
    window: MainWindow,
) -> None:
    go_to_cell(window, 2, 0)
    put_text_on_clipboard("Visits shop\tPays\tReturns item\nAsks staff\t\tWrites review\n")
    press(K.Key_V, CTRL)
    assert cells(window) == {(2, "Actions"): ["Visits shop", "Asks staff"],
                             (3, "Actions"): ["Pays"],
                             (4, "Actions"): ["Returns item", "Writes review"]}
    press(K.Key_Z, CTRL)  # the whole block is one undo step
    assert cells(window) == {}
    press(K.Key_Z, CTRL | SHIFT)
    assert len(cells(window)) == 3


def test_a_block_wider_than_the_stages_left_adds_nothing_and_says_so(
    window: MainWindow,
) -> None:
    go_to_cell(window, 5, 0)
    steps = window.doc.undo_stack.count()
    put_text_on_clipboard("a\tb\tc\n")
    press(K.Key_V, CTRL)
    assert cells(window) == {}
    assert window.doc.undo_stack.count() == steps
    assert "3 columns" in window.statusBar().currentMessage()


def test_pasting_onto_a_selected_lane_starts_at_its_first_stage(window: MainWindow) -> None:
    window.activateWindow()
    window.view.setFocus()
    layout = window.scene.layout
    lane = next(lane for lane in layout.lanes if lane.name == "Opportunities")
    window.scene.lane_items[lane.id].setSelected(True)
    put_text_on_clipboard("Idea A\tIdea B")
    QTest.keyClick(window.view, K.Key_V, CTRL)
    QApplication.processEvents()
    assert cells(window) == {(0, "Opportunities"): ["Idea A"], (1, "Opportunities"): ["Idea B"]}


def test_a_long_message_is_cut_and_leaves_the_window_as_it_was(window: MainWindow) -> None:
    window.resize(1300, 760)
    window.activateWindow()
    window.view.setFocus()
    press(K.Key_K, CTRL)
    QApplication.processEvents()
    before = (window.width(), window.card_palette.width(), window.capture_bar.line.width())
    capture_line(window, "Suport / thou: " + "a very long thought " * 4)
    QApplication.processEvents()
    bar = window.capture_bar
    assert "no stage “Suport”" in bar.message.message()
    assert (window.width(), window.card_palette.width(), bar.line.width()) == before
    assert bar.message.text().endswith("…") and bar.message.toolTip() == bar.message.message()
