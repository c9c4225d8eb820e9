"""The inspector: shows the selected item and reports only what the user changed."""

from __future__ import annotations

from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QWidget
from pytestqt.qtbot import QtBot

import widgets.inspector_pages as inspector_pages
from widgets.inspector import Inspector

Emitted = list[tuple[int, dict[str, Any]]]


def card(**changes: Any) -> dict[str, Any]:
    fields: dict[str, Any] = {
        "id": 7,
        "kind": "touchpoint",
        "text": "Opens the app",
        "color": "",
        "notes": "",
        "channel": "Mobile app",
        "department": "Digital",
        "usage_share": 0.42,
        "severity": None,
    }
    fields.update(changes)
    return fields


STAGE = {"id": 3, "name": "Awareness", "description": "", "color": "#dfe7f2", "width": 220.0}
LANE = {"id": 4, "name": "Actions", "kind": "actions", "color": "#f4f6f8"}


@pytest.fixture
def inspector(qtbot: QtBot) -> Inspector:
    widget = Inspector()
    qtbot.addWidget(widget)
    widget.resize(300, 600)
    widget.show()
    widget.activateWindow()
    qtbot.waitExposed(widget)
    qtbot.waitUntil(widget.isActiveWindow)
    return widget


def record(inspector: Inspector) -> dict[str, Emitted]:
    seen: dict[str, Emitted] = {"card": [], "stage": [], "lane": []}
    inspector.card_edited.connect(lambda e: seen["card"].append((e.target_id, e.fields)))
    inspector.stage_edited.connect(lambda e: seen["stage"].append((e.target_id, e.fields)))
    inspector.lane_edited.connect(lambda e: seen["lane"].append((e.target_id, e.fields)))
    return seen


def visible(inspector: Inspector, widget: QWidget) -> bool:
    return widget.isVisibleTo(inspector)


def focus(qtbot: QtBot, widget: QWidget) -> None:
    widget.setFocus(Qt.FocusReason.MouseFocusReason)
    qtbot.waitUntil(widget.hasFocus)


def replace_text(qtbot: QtBot, widget: QWidget, text: str) -> None:
    focus(qtbot, widget)
    QTest.keyClick(widget, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClicks(widget, text)


# -- what is shown ---------------------------------------------------------------


def test_touchpoint_fields_only_for_touchpoints(inspector: Inspector) -> None:
    page = inspector.card_page
    touchpoint_fields = (page.channel_edit, page.usage_spin)
    every_kind = (page.department_edit, page.owner_edit)

    inspector.show_card(card(kind="touchpoint"))
    assert all(visible(inspector, w) for w in touchpoint_fields)
    assert not visible(inspector, page.severity_combo)
    assert page.channel_edit.text() == "Mobile app"
    assert page.usage_spin.text() == "42 %"

    inspector.show_card(card(id=8, kind="pain_point", severity=4))
    assert not any(visible(inspector, w) for w in touchpoint_fields)
    assert visible(inspector, page.severity_combo)
    assert page.severity_combo.currentText() == "4 (high)"

    inspector.show_card(card(id=9, kind="note"))
    assert not any(visible(inspector, w) for w in (*touchpoint_fields, page.severity_combo))
    assert all(visible(inspector, w) for w in every_kind)
    # The labels go with their fields.
    label = page.form.labelForField(page.channel_edit)
    assert label is not None and not visible(inspector, label)


def test_unknown_usage_and_unrated_severity_are_shown_as_such(inspector: Inspector) -> None:
    inspector.show_card(card(usage_share=None))
    assert inspector.card_page.usage_spin.text() == "Not known"
    inspector.show_card(card(id=8, kind="pain_point", severity=None))
    assert inspector.card_page.severity_combo.currentText() == "Not rated"


def test_show_card_shows_values_and_emits_nothing(inspector: Inspector) -> None:
    seen = record(inspector)
    inspector.show_card(card(text="Calls support", notes="From interviews", color="#ff8800"))
    page = inspector.card_page
    assert page.text_edit.toPlainText() == "Calls support"
    assert page.notes_edit.toPlainText() == "From interviews"
    assert page.kind_combo.currentText() == "Touchpoint"
    assert page.color_button.text() == "#ff8800"
    assert page.reset_color_button.isEnabled()
    inspector.show_card(card(kind="pain_point", severity=2, usage_share=None))
    inspector.show_stage(STAGE)
    inspector.show_lane(LANE)
    inspector.show_nothing()
    assert seen == {"card": [], "stage": [], "lane": []}


def test_nothing_and_multiple_selection_hints(inspector: Inspector) -> None:
    inspector.show_nothing()
    assert visible(inspector, inspector.nothing_label)
    assert "Select a card, stage or lane" in inspector.nothing_label.text()
    assert not visible(inspector, inspector.card_page)
    inspector.show_multiple(3)
    assert visible(inspector, inspector.multiple_label)
    assert inspector.multiple_label.text().startswith("3 items selected")
    assert inspector.showing() == ("multiple", None)


# -- card edits --------------------------------------------------------------------


def test_typing_text_and_leaving_the_field_emits_once(inspector: Inspector, qtbot: QtBot) -> None:
    inspector.show_card(card())
    seen = record(inspector)
    page = inspector.card_page
    replace_text(qtbot, page.text_edit, "Books a repair")
    assert seen["card"] == []  # nothing while typing
    QTest.keyClick(page.text_edit, Qt.Key.Key_Tab)
    qtbot.waitUntil(lambda: not page.text_edit.hasFocus())
    # Leaving the next fields without changing them reports nothing more.
    focus(qtbot, page.text_edit)
    focus(qtbot, page.notes_edit)
    focus(qtbot, page.channel_edit)
    focus(qtbot, page.department_edit)
    assert seen["card"] == [(7, {"text": "Books a repair"})]


def test_ctrl_enter_commits_text_and_escape_reverts(inspector: Inspector, qtbot: QtBot) -> None:
    inspector.show_card(card())
    seen = record(inspector)
    page = inspector.card_page
    replace_text(qtbot, page.notes_edit, "Seen in 4 of 5 interviews")
    QTest.keyClick(page.notes_edit, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    assert seen["card"] == [(7, {"notes": "Seen in 4 of 5 interviews"})]
    assert page.notes_edit.toPlainText() == "Seen in 4 of 5 interviews"  # no newline added

    replace_text(qtbot, page.text_edit, "oops")
    QTest.keyClick(page.text_edit, Qt.Key.Key_Escape)
    assert page.text_edit.toPlainText() == "Opens the app"
    focus(qtbot, page.notes_edit)
    assert len(seen["card"]) == 1


def test_retyping_the_same_text_emits_nothing(inspector: Inspector, qtbot: QtBot) -> None:
    inspector.show_card(card())
    seen = record(inspector)
    page = inspector.card_page
    replace_text(qtbot, page.text_edit, "Opens the app")
    replace_text(qtbot, page.channel_edit, "Mobile app")
    QTest.keyClick(page.channel_edit, Qt.Key.Key_Return)
    focus(qtbot, page.notes_edit)
    assert seen["card"] == []


def test_line_edit_commits_on_enter(inspector: Inspector, qtbot: QtBot) -> None:
    inspector.show_card(card())
    seen = record(inspector)
    replace_text(qtbot, inspector.card_page.department_edit, "Customer care")
    QTest.keyClick(inspector.card_page.department_edit, Qt.Key.Key_Return)
    focus(qtbot, inspector.card_page.notes_edit)
    assert seen["card"] == [(7, {"department": "Customer care"})]


def test_refresh_of_the_same_card_updates_fields_without_emitting(
    inspector: Inspector, qtbot: QtBot
) -> None:
    inspector.show_card(card())
    seen = record(inspector)
    page = inspector.card_page
    focus(qtbot, page.text_edit)
    # An undo elsewhere changed the model while the text field has focus.
    inspector.show_card(card(text="Undone text", kind="pain_point", severity=3))
    assert page.text_edit.toPlainText() == "Undone text"
    assert page.kind_combo.currentText() == "Pain point"
    assert visible(inspector, page.severity_combo)
    focus(qtbot, page.notes_edit)
    assert seen["card"] == []


def test_selecting_another_card_commits_uncommitted_typing_to_the_first(
    inspector: Inspector, qtbot: QtBot
) -> None:
    inspector.show_card(card())
    seen = record(inspector)
    replace_text(qtbot, inspector.card_page.text_edit, "Half-typed")
    inspector.show_card(card(id=8, text="Other card"))
    assert seen["card"] == [(7, {"text": "Half-typed"})]
    assert inspector.card_page.text_edit.toPlainText() == "Other card"
    focus(qtbot, inspector.card_page.notes_edit)
    assert len(seen["card"]) == 1


def test_changing_kind_emits_kind_and_shows_its_fields(inspector: Inspector, qtbot: QtBot) -> None:
    inspector.show_card(card(kind="touchpoint"))
    seen = record(inspector)
    page = inspector.card_page
    focus(qtbot, page.kind_combo)
    QTest.keyClick(page.kind_combo, Qt.Key.Key_Down)  # Touchpoint -> Action
    assert seen["card"] == [(7, {"kind": "action"})]
    assert page.kind_combo.currentText() == "Action"
    assert not visible(inspector, page.channel_edit)
    QTest.keyClick(page.kind_combo, Qt.Key.Key_Down)
    QTest.keyClick(page.kind_combo, Qt.Key.Key_Down)  # Thought -> Pain point
    assert seen["card"][-1] == (7, {"kind": "pain_point"})
    assert visible(inspector, page.severity_combo)


def test_usage_share_spinbox_emits_a_fraction(inspector: Inspector, qtbot: QtBot) -> None:
    inspector.show_card(card(usage_share=0.42))
    seen = record(inspector)
    spin = inspector.card_page.usage_spin
    replace_text(qtbot, spin, "35")
    assert seen["card"] == []  # not while typing
    QTest.keyClick(spin, Qt.Key.Key_Return)
    assert seen["card"] == [(7, {"usage_share": 0.35})]
    assert spin.text() == "35 %"
    QTest.keyClick(spin, Qt.Key.Key_Up)
    assert seen["card"][-1] == (7, {"usage_share": 0.36})
    assert all(0.0 <= f["usage_share"] <= 1.0 for _i, f in seen["card"])


def test_usage_share_can_be_set_to_not_known(inspector: Inspector, qtbot: QtBot) -> None:
    inspector.show_card(card(usage_share=0.0))
    seen = record(inspector)
    spin = inspector.card_page.usage_spin
    focus(qtbot, spin)
    QTest.keyClick(spin, Qt.Key.Key_Down)
    assert spin.text() == "Not known"
    assert seen["card"] == [(7, {"usage_share": None})]


def test_severity_emits_an_int_or_none(inspector: Inspector, qtbot: QtBot) -> None:
    inspector.show_card(card(kind="pain_point", severity=None))
    seen = record(inspector)
    combo = inspector.card_page.severity_combo
    focus(qtbot, combo)
    QTest.keyClick(combo, Qt.Key.Key_Down)
    QTest.keyClick(combo, Qt.Key.Key_Down)
    QTest.keyClick(combo, Qt.Key.Key_Home)
    assert seen["card"] == [(7, {"severity": 1}), (7, {"severity": 2}), (7, {"severity": None})]


def test_colour_button_and_reset(
    inspector: Inspector, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    answers: list[str | None] = [None, "#123456"]
    monkeypatch.setattr(inspector_pages, "ask_color", lambda *_args: answers.pop(0))
    inspector.show_card(card(color=""))
    seen = record(inspector)
    page = inspector.card_page
    assert page.color_button.text() == "Kind colour"
    assert not page.reset_color_button.isEnabled()

    qtbot.mouseClick(page.color_button, Qt.MouseButton.LeftButton)  # cancelled
    assert seen["card"] == []
    qtbot.mouseClick(page.color_button, Qt.MouseButton.LeftButton)
    assert seen["card"] == [(7, {"color": "#123456"})]
    assert page.color_button.text() == "#123456"
    assert page.reset_color_button.isEnabled()

    qtbot.mouseClick(page.reset_color_button, Qt.MouseButton.LeftButton)
    assert seen["card"][-1] == (7, {"color": ""})
    assert page.color_button.text() == "Kind colour"


# -- stages and lanes -----------------------------------------------------------------


def test_stage_edits(inspector: Inspector, qtbot: QtBot) -> None:
    inspector.show_stage(STAGE)
    seen = record(inspector)
    page = inspector.stage_page
    assert inspector.showing() == ("stage", 3)
    assert page.name_edit.text() == "Awareness"
    replace_text(qtbot, page.name_edit, "Discovery")
    focus(qtbot, page.description_edit)
    replace_text(qtbot, page.width_spin, "300")
    QTest.keyClick(page.width_spin, Qt.Key.Key_Return)
    assert seen["stage"] == [(3, {"name": "Discovery"}), (3, {"width": 300.0})]
    assert seen["card"] == [] and seen["lane"] == []


def test_stage_width_is_kept_in_range(inspector: Inspector, qtbot: QtBot) -> None:
    inspector.show_stage(STAGE)
    seen = record(inspector)
    replace_text(qtbot, inspector.stage_page.width_spin, "5000")
    QTest.keyClick(inspector.stage_page.width_spin, Qt.Key.Key_Return)
    assert all(120.0 <= f["width"] <= 1200.0 for _i, f in seen["stage"])


def test_lane_kind_and_name(inspector: Inspector, qtbot: QtBot) -> None:
    inspector.show_lane(LANE)
    seen = record(inspector)
    page = inspector.lane_page
    assert page.kind_combo.currentText() == "Actions"
    focus(qtbot, page.kind_combo)
    QTest.keyClick(page.kind_combo, Qt.Key.Key_Down)
    replace_text(qtbot, page.name_edit, "Doing")
    QTest.keyClick(page.name_edit, Qt.Key.Key_Return)
    assert seen["lane"] == [(4, {"kind": "thoughts"}), (4, {"name": "Doing"})]


def test_switching_from_card_to_stage_keeps_edits_apart(inspector: Inspector, qtbot: QtBot) -> None:
    inspector.show_card(card())
    seen = record(inspector)
    replace_text(qtbot, inspector.card_page.channel_edit, "Phone")
    inspector.show_stage(STAGE)
    QApplication.processEvents()
    focus(qtbot, inspector.stage_page.name_edit)
    focus(qtbot, inspector.stage_page.description_edit)
    assert seen == {"card": [(7, {"channel": "Phone"})], "stage": [], "lane": []}
