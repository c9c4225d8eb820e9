"""The journey header: name, objective and persona edited in place."""

from __future__ import annotations

from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QWidget
from pytestqt.qtbot import QtBot

import widgets.journey_header as header_module
from widgets.journey_header import JourneyHeader

PERSONAS = [(1, "Anna, first-time buyer"), (2, "Ben, busy parent")]
JOURNEY = {"name": "Booking a repair", "objective": "", "persona_id": None}


@pytest.fixture
def header(qtbot: QtBot) -> JourneyHeader:
    widget = JourneyHeader()
    qtbot.addWidget(widget)
    widget.set_journey(JOURNEY, PERSONAS)
    widget.resize(900, widget.sizeHint().height())
    widget.show()
    widget.activateWindow()
    qtbot.waitExposed(widget)
    qtbot.waitUntil(widget.isActiveWindow)
    return widget


def record(header: JourneyHeader) -> tuple[list[dict[str, Any]], list[str]]:
    edits: list[dict[str, Any]] = []
    created: list[str] = []
    header.journey_edited.connect(edits.append)
    header.persona_created.connect(created.append)
    return edits, created


def focus(qtbot: QtBot, widget: QWidget) -> None:
    widget.setFocus(Qt.FocusReason.MouseFocusReason)
    qtbot.waitUntil(widget.hasFocus)


def combo_texts(header: JourneyHeader) -> list[str]:
    combo = header.persona_combo
    return [combo.itemText(i) for i in range(combo.count()) if combo.itemText(i)]


def test_shows_name_objective_placeholder_and_personas(header: JourneyHeader) -> None:
    assert header.name_edit.text() == "Booking a repair"
    assert header.name_edit.font().bold()
    assert header.objective_edit.text() == ""
    assert header.objective_edit.placeholderText() == "What is this map for?"
    assert combo_texts(header) == [
        "No persona",
        "Anna, first-time buyer",
        "Ben, busy parent",
        "New persona…",
    ]
    assert header.persona_combo.currentText() == "No persona"


def test_set_journey_emits_nothing_and_refreshes(header: JourneyHeader, qtbot: QtBot) -> None:
    edits, created = record(header)
    header.set_journey({"name": "Renewal", "objective": "Cut churn", "persona_id": 2}, PERSONAS)
    assert header.name_edit.text() == "Renewal"
    assert header.objective_edit.text() == "Cut churn"
    assert header.persona_combo.currentText() == "Ben, busy parent"
    focus(qtbot, header.objective_edit)
    focus(qtbot, header.name_edit)
    focus(qtbot, header.objective_edit)
    assert edits == [] and created == []


def test_editing_the_objective_emits_only_the_objective(
    header: JourneyHeader, qtbot: QtBot
) -> None:
    edits, _created = record(header)
    focus(qtbot, header.objective_edit)
    qtbot.keyClicks(header.objective_edit, "Find where bookings drop")
    assert edits == []  # nothing while typing
    QTest.keyClick(header.objective_edit, Qt.Key.Key_Return)
    focus(qtbot, header.name_edit)
    focus(qtbot, header.objective_edit)
    focus(qtbot, header.name_edit)
    assert edits == [{"objective": "Find where bookings drop"}]


def test_renaming_emits_the_name_and_clearing_it_is_undone(
    header: JourneyHeader, qtbot: QtBot
) -> None:
    edits, _created = record(header)
    focus(qtbot, header.name_edit)
    QTest.keyClick(header.name_edit, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClicks(header.name_edit, "Repair booking")
    QTest.keyClick(header.name_edit, Qt.Key.Key_Return)
    assert edits == [{"name": "Repair booking"}]

    QTest.keyClick(header.name_edit, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    QTest.keyClick(header.name_edit, Qt.Key.Key_Delete)
    QTest.keyClick(header.name_edit, Qt.Key.Key_Return)
    assert header.name_edit.text() == "Repair booking"
    assert edits == [{"name": "Repair booking"}]


def test_picking_a_persona_emits_its_id(header: JourneyHeader, qtbot: QtBot) -> None:
    edits, _created = record(header)
    focus(qtbot, header.persona_combo)
    QTest.keyClick(header.persona_combo, Qt.Key.Key_Down)
    assert edits == [{"persona_id": 1}]
    QTest.keyClick(header.persona_combo, Qt.Key.Key_Down)
    assert edits[-1] == {"persona_id": 2}
    QTest.keyClick(header.persona_combo, Qt.Key.Key_Home)
    assert edits[-1] == {"persona_id": None}
    assert header.persona_combo.currentText() == "No persona"


def test_new_persona_asks_for_a_name_and_reports_it(
    header: JourneyHeader, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    header.set_journey({**JOURNEY, "persona_id": 1}, PERSONAS)
    answers: list[str | None] = [None, "Carla, retiree"]
    monkeypatch.setattr(header_module, "ask_persona_name", lambda _parent: answers.pop(0))
    edits, created = record(header)
    focus(qtbot, header.persona_combo)

    QTest.keyClick(header.persona_combo, Qt.Key.Key_End)  # "New persona…", cancelled
    assert created == []
    assert header.persona_combo.currentText() == "Anna, first-time buyer"

    QTest.keyClick(header.persona_combo, Qt.Key.Key_End)
    assert created == ["Carla, retiree"]
    assert edits == []
    # Until the app shows the new persona, the journey's persona stays selected.
    assert header.persona_combo.currentText() == "Anna, first-time buyer"


def test_create_persona_ignores_blank_names(header: JourneyHeader) -> None:
    _edits, created = record(header)
    header.create_persona("   ")
    header.create_persona("  Dana ")
    assert created == ["Dana"]


def test_unlisted_persona_shows_as_no_persona(header: JourneyHeader) -> None:
    edits, _created = record(header)
    header.set_journey({**JOURNEY, "persona_id": 99}, PERSONAS)
    assert header.persona_combo.currentText() == "No persona"
    assert edits == []


def test_retyping_the_same_objective_or_repicking_the_persona_emits_nothing(
    header: JourneyHeader, qtbot: QtBot
) -> None:
    header.set_journey({**JOURNEY, "objective": "Cut churn", "persona_id": 2}, PERSONAS)
    edits, _created = record(header)
    focus(qtbot, header.objective_edit)
    QTest.keyClick(header.objective_edit, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClicks(header.objective_edit, "Cut churn")
    QTest.keyClick(header.objective_edit, Qt.Key.Key_Return)
    # What the popup reports when the user clicks the persona already shown.
    header.persona_combo.activated.emit(header.persona_combo.currentIndex())
    assert edits == []
    assert header.persona_combo.currentText() == "Ben, busy parent"


def test_the_whole_name_fits_in_the_title(qtbot) -> None:
    from widgets.journey_header import JourneyHeader

    header = JourneyHeader()
    qtbot.addWidget(header)
    header.resize(700, 40)
    header.set_journey({"name": "Customer journey map (7 stages)"}, [])
    header.show()
    edit = header.name_edit
    needed = edit.fontMetrics().horizontalAdvance(edit.text())
    assert edit.width() >= needed
