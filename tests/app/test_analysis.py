"""Personas, opportunities, the priority matrix and the completeness check in a real window."""

from __future__ import annotations

import datetime as dt
import io
from pathlib import Path

import pytest
from PIL import Image
from PySide6.QtCore import QEvent, QPoint, QPointF, Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QLineEdit

import widgets.persona_panel
from app.commands import AddCardCommand, AddOpportunityCommand
from app.main_window import MainWindow
from model.completeness import Rule
from model.entities import Card, EmotionCurve, Opportunity, Persona
from tests.app.test_canvas import journey, lane_of, send_mouse, stage_at
from tests.model.test_analysis import image_bytes, png_header_only
from widgets.opportunity_register import OVERDUE_FILL, Column
from widgets.priority_matrix import x_of, y_of

LEFT, NONE = Qt.MouseButton.LeftButton, Qt.MouseButton.NoButton


def add_pain(win: MainWindow, stage_index: int, text: str, severity: int | None = None) -> int:
    doc = win.doc
    assert doc is not None
    cell = (stage_at(win, stage_index).id, lane_of(win, "pain_points").id)
    command = AddCardCommand(doc.editor, journey(win).id, cell, None,
                             {"kind": "pain_point", "text": text, "severity": severity})
    doc.push(command)
    assert command.card_id is not None
    return command.card_id


def add_opportunity(win: MainWindow, **fields) -> int:
    doc = win.doc
    assert doc is not None
    command = AddOpportunityCommand(doc.editor, journey(win).id, fields)
    doc.push(command)
    assert command.obj_id is not None
    return command.obj_id


def click(widget) -> None:
    QTest.mouseClick(widget, LEFT)


def type_into(edit: QLineEdit, text: str) -> None:
    edit.setFocus()
    edit.selectAll()
    QTest.keyClicks(edit, text)
    QTest.keyClick(edit, Qt.Key.Key_Return)


def write(tmp_path: Path, name: str, data: bytes) -> Path:
    path = tmp_path / name
    path.write_bytes(data)
    return path


# -- personas ------------------------------------------------------------------------


def test_a_persona_with_a_photo_is_made_picked_for_journey_and_curve_and_undone(
    window: MainWindow, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    panel = window.persona_panel
    session = window.doc.project.session
    stack = window.doc.undo_stack
    click(panel.new_button)
    persona = session.query(Persona).one()
    type_into(panel.form.name_edit, "Trial user Tina")
    type_into(panel.form.role_edit, "Small business owner")
    assert (persona.name, persona.role) == ("Trial user Tina", "Small business owner")
    assert panel.list.item(0).text() == "Trial user Tina\nSmall business owner"

    photo = write(tmp_path, "tina.jpg", image_bytes("JPEG", (1600, 1200)))
    monkeypatch.setattr(widgets.persona_panel, "ask_photo_path", lambda parent: str(photo))
    click(panel.photo_button)
    assert persona.photo is not None
    with Image.open(io.BytesIO(persona.photo)) as stored:
        assert stored.size == (512, 384)
    assert not panel.photo_label.pixmap().isNull()

    # the journey and its emotion curve are for this persona, picked from the library
    combo = panel.journey_combo
    combo.activated.emit(combo.findData(persona.id))
    assert journey(window).persona_id == persona.id
    assert window.header.persona_button.isVisible()
    assert window.header.persona_button.accessibleName() == "Trial user Tina"
    assert "Trial user Tina" in window.header.persona_button.toolTip()
    curve = session.query(EmotionCurve).first()
    curve_combo = panel.curve_combos[curve.id]
    curve_combo.activated.emit(curve_combo.findData(persona.id))
    assert curve.persona_id == persona.id

    # clicking the header's persona opens it in the library
    panel.list.clearSelection()
    click(window.header.persona_button)
    assert panel.current_id() == persona.id

    assert [stack.text(i) for i in range(stack.count())] == [
        "New persona", "Edit persona", "Edit persona", "Set persona photo", "Edit journey",
        "Set curve persona"]
    for _ in range(stack.count()):
        window.acts.undo.trigger()
    assert session.query(Persona).count() == 0
    assert journey(window).persona_id is None and curve.persona_id is None
    assert not window.header.persona_button.isVisible()
    assert panel.list.count() == 0
    for _ in range(stack.count()):
        window.acts.redo.trigger()
    persona = session.query(Persona).one()
    assert persona.name == "Trial user Tina" and persona.photo is not None
    assert journey(window).persona_id == persona.id and curve.persona_id == persona.id


@pytest.mark.parametrize(
    ("name", "data", "message"),
    [
        ("bomb.png", png_header_only(60_000, 60_000), "pixels"),
        ("cut.jpg", image_bytes("JPEG", (600, 400))[:900], "damaged or truncated"),
        ("notes.png", b"Meeting notes, not a picture\n" * 20, "not a PNG, JPEG, WebP or GIF"),
    ],
)
def test_a_bad_image_is_refused_with_a_clear_message_and_nothing_changes(
    window: MainWindow, tmp_path: Path, name: str, data: bytes, message: str
) -> None:
    panel = window.persona_panel
    click(panel.new_button)
    steps = window.doc.undo_stack.count()
    panel.drop_photo(str(write(tmp_path, name, data)))
    assert window.doc.project.session.query(Persona).one().photo is None
    assert panel.photo_error.isVisible()
    assert name in panel.photo_error.text() and message in panel.photo_error.text()
    assert window.doc.undo_stack.count() == steps
    # a good photo afterwards clears the message
    panel.drop_photo(str(write(tmp_path, "ok.png", image_bytes("PNG", (40, 40)))))
    assert not panel.photo_error.isVisible()
    assert window.doc.project.session.query(Persona).one().photo is not None


def test_duplicate_and_delete_a_persona_with_undo(window: MainWindow) -> None:
    panel = window.persona_panel
    session = window.doc.project.session
    click(panel.new_button)
    type_into(panel.form.name_edit, "Pat")
    first = session.query(Persona).one()
    panel.journey_combo.activated.emit(panel.journey_combo.findData(first.id))
    click(panel.duplicate_button)
    assert sorted(p.name for p in session.query(Persona)) == ["Pat", "Pat (copy)"]
    panel.select_persona(first.id)
    click(panel.delete_button)
    assert [p.name for p in session.query(Persona)] == ["Pat (copy)"]
    assert journey(window).persona_id is None
    window.acts.undo.trigger()  # the deleted persona comes back, still the journey's
    assert journey(window).persona_id == first.id
    assert [panel.list.item(i).text() for i in range(panel.list.count())] == [
        "Pat", "Pat (copy)"]
    window.acts.undo.trigger()
    assert session.query(Persona).count() == 1


# -- opportunities ---------------------------------------------------------------------


def test_turn_a_pain_point_into_an_opportunity_linked_both_ways(window: MainWindow) -> None:
    window.show_dock(window.completeness)  # tabbed behind the inspector: it shows no edits
    card_id = add_pain(window, 1, "Hold music for 20 minutes\nsecond line", severity=5)
    assert any(f.rule is Rule.PAIN_WITHOUT_OPPORTUNITY and f.place_id == card_id
               for f in window.completeness.findings())
    window.scene.select_cards([card_id])
    window.acts.turn_into_opportunity.trigger()
    session = window.doc.project.session
    opp = session.query(Opportunity).one()
    assert opp.title == "Hold music for 20 minutes" and opp.importance == 5
    assert [c.id for c in opp.cards] == [card_id]
    assert window.scene.card_items[card_id].geom.linked == 1  # the marker on the card
    assert window.register.visible_titles() == ["Hold music for 20 minutes"]
    assert window.register.isVisible()  # the register dock comes up to show it
    assert window.register.selected_id() == opp.id
    linked = window.register.proxy.index(0, Column.CARDS).data()
    assert linked.startswith("Hold music for 20 minutes")
    assert not any(f.rule is Rule.PAIN_WITHOUT_OPPORTUNITY
                   for f in window.completeness.findings())
    assert window.doc.undo_stack.undoText() == "Turn into opportunity"

    window.acts.undo.trigger()
    assert session.query(Opportunity).count() == 0
    assert window.scene.card_items[card_id].geom.linked == 0
    assert window.register.visible_titles() == []
    window.acts.redo.trigger()
    assert session.query(Opportunity).one().id == opp.id
    assert window.scene.card_items[card_id].geom.linked == 1


def test_a_card_can_be_linked_to_and_unlinked_from_an_opportunity(
    window: MainWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    import app.opportunities

    card_id = add_pain(window, 2, "Forms ask twice")
    opp_id = add_opportunity(window, title="One form")
    window.scene.select_cards([card_id])
    monkeypatch.setattr(app.opportunities, "ask_opportunity", lambda parent, titles: 0)
    window.acts.link_opportunity.trigger()
    opp = window.doc.project.session.get(Opportunity, opp_id)
    assert [c.id for c in opp.cards] == [card_id]
    window.acts.link_opportunity.trigger()  # chosen again: unlinked
    assert opp.cards == []
    window.acts.undo.trigger()
    assert [c.id for c in opp.cards] == [card_id]


def test_register_sorts_filters_and_highlights_overdue(window: MainWindow) -> None:
    window.show_dock(window.register)
    assert window.register.table.isVisible()
    window.opportunities.today = lambda: dt.date(2026, 5, 1)
    pain = add_pain(window, 0, "Slow site")
    window.doc.editor.update_card(pain, {"department": "Web team"})
    add_opportunity(window, title="Bravo", importance=2, owner="Ann",
                    due_date=dt.date(2026, 4, 1))
    add_opportunity(window, title="Alpha", importance=5, cost=1, ease=5, card_ids=[pain])
    add_opportunity(window, title="Charlie", importance=4, status="done",
                    due_date=dt.date(2026, 1, 1))
    reg = window.register
    assert reg.visible_titles() == ["Alpha", "Charlie", "Bravo"]  # priority, highest first
    header = reg.table.horizontalHeader()
    click_at = QPoint(header.sectionViewportPosition(Column.TITLE) + 5, header.height() // 2)
    QTest.mouseClick(header.viewport(), LEFT, Qt.KeyboardModifier.NoModifier, click_at)
    titles = reg.visible_titles()
    assert titles in (["Alpha", "Bravo", "Charlie"], ["Charlie", "Bravo", "Alpha"])
    QTest.mouseClick(header.viewport(), LEFT, Qt.KeyboardModifier.NoModifier, click_at)
    assert reg.visible_titles() == list(reversed(titles))

    reg.filter_edit.setText("web team")  # the department of the linked card
    assert reg.visible_titles() == ["Alpha"]
    reg.filter_edit.setText("")
    reg.status_combo.setCurrentIndex(reg.status_combo.findData("overdue"))
    assert reg.visible_titles() == ["Bravo"]  # Charlie is late but done
    row = reg.proxy.index(0, Column.DUE)
    assert row.data(Qt.ItemDataRole.BackgroundRole).color() == OVERDUE_FILL
    reg.status_combo.setCurrentIndex(0)
    assert len(reg.visible_titles()) == 3


def test_inline_edit_in_the_register_is_one_undo_step(window: MainWindow) -> None:
    window.show_dock(window.register)
    assert window.register.table.isVisible()
    opp_id = add_opportunity(window, title="Call back", owner="")
    reg = window.register
    reg.select(opp_id)
    index = reg.proxy.index(0, Column.OWNER)
    reg.table.setCurrentIndex(index)
    reg.table.setFocus()
    QTest.keyClick(reg.table, Qt.Key.Key_F2)
    editor = QApplication.focusWidget()
    assert isinstance(editor, QLineEdit)
    QTest.keyClicks(editor, "Support")
    QTest.keyClick(editor, Qt.Key.Key_Return)
    QApplication.processEvents()  # the delegate commits on the next event-loop turn
    opp = window.doc.project.session.get(Opportunity, opp_id)
    assert opp.owner == "Support"
    assert reg.proxy.index(0, Column.OWNER).data() == "Support"
    # a score through its spin box
    index = reg.proxy.index(0, Column.IMPORTANCE)
    reg.table.setCurrentIndex(index)
    QTest.keyClick(reg.table, Qt.Key.Key_F2)
    spin = QApplication.focusWidget()
    QTest.keyClick(spin, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    QTest.keyClicks(spin, "5")
    QTest.keyClick(spin, Qt.Key.Key_Return)
    QApplication.processEvents()
    assert opp.importance == 5
    assert reg.proxy.index(0, Column.PRIORITY).data() == "15"
    window.acts.undo.trigger()
    assert opp.importance == 3
    window.acts.undo.trigger()
    assert opp.owner == ""
    assert reg.proxy.index(0, Column.OWNER).data() == ""


def test_double_click_in_the_register_selects_the_linked_cards(window: MainWindow) -> None:
    window.show_dock(window.register)
    assert window.register.table.isVisible()
    a = add_pain(window, 1, "Queue")
    b = add_pain(window, 4, "Lost parcel")
    add_opportunity(window, title="Tracking", card_ids=[a, b])
    window.scene.clearSelection()
    table = window.register.table
    rect = table.visualRect(window.register.proxy.index(0, Column.TITLE))
    vp, p = table.viewport(), rect.center()
    send_mouse(vp, QEvent.Type.MouseButtonPress, p, LEFT, LEFT)
    send_mouse(vp, QEvent.Type.MouseButtonRelease, p, LEFT, NONE)
    send_mouse(vp, QEvent.Type.MouseButtonDblClick, p, LEFT, LEFT)
    send_mouse(vp, QEvent.Type.MouseButtonRelease, p, LEFT, NONE)
    assert sorted(window.scene.selected_card_ids()) == sorted([a, b])


def test_the_analysis_panels_name_every_control_for_screen_readers(
    window: MainWindow,
) -> None:
    from PySide6.QtGui import QAccessible
    from PySide6.QtWidgets import QWidget

    add_opportunity(window, title="Named")
    for panel in (window.persona_panel, window.completeness, window.register, window.matrix):
        window.show_dock(panel)
        QApplication.processEvents()
        unnamed = [
            f"{type(w).__name__} in {type(w.parent()).__name__}"
            for w in panel.findChildren(QWidget)
            if w.isVisible() and w.focusPolicy() & Qt.FocusPolicy.TabFocus
            and not QAccessible.queryAccessibleInterface(w).text(QAccessible.Text.Name).strip()
        ]
        assert unnamed == [], panel


def test_dragging_a_bubble_rescores_the_opportunity_in_one_undo_step(
    window: MainWindow,
) -> None:
    opp_id = add_opportunity(window, title="Self-service reset", importance=2, cost=4, ease=2)
    window.show_dock(window.matrix)
    QApplication.processEvents()
    matrix = window.matrix
    assert matrix.isVisible()
    bubble = matrix.bubbles[opp_id]
    steps = window.doc.undo_stack.count()
    vp = matrix.view.viewport()
    start = matrix.view.mapFromScene(bubble.scenePos())
    end = matrix.view.mapFromScene(QPointF(x_of(1), y_of(5)))
    send_mouse(vp, QEvent.Type.MouseButtonPress, start, LEFT, LEFT)
    for i in range(1, 7):
        send_mouse(vp, QEvent.Type.MouseMove, start + (end - start) * (i / 6), NONE, LEFT)
    send_mouse(vp, QEvent.Type.MouseButtonRelease, end, LEFT, NONE)
    opp = window.doc.project.session.get(Opportunity, opp_id)
    assert (opp.importance, opp.cost, opp.ease) == (5, 1, 5)
    assert window.doc.undo_stack.count() == steps + 1
    assert window.doc.undo_stack.undoText() == "Re-score opportunity"
    assert window.register.proxy.index(0, Column.PRIORITY).data() == "25"
    # the bubble follows the model to its new place
    assert matrix.bubbles[opp_id].pos() == QPointF(x_of(1), y_of(5))
    window.acts.undo.trigger()
    assert (opp.importance, opp.cost, opp.ease) == (2, 4, 2)
    assert matrix.bubbles[opp_id].pos() == QPointF(x_of(4), y_of(2))
    window.acts.redo.trigger()
    assert (opp.importance, opp.cost, opp.ease) == (5, 1, 5)


def test_a_bubble_moved_only_up_keeps_its_cost_and_ease(window: MainWindow) -> None:
    opp_id = add_opportunity(window, title="Chat", importance=1, cost=3, ease=4)
    window.show_dock(window.matrix)
    QApplication.processEvents()
    matrix = window.matrix
    bubble = matrix.bubbles[opp_id]
    start = matrix.view.mapFromScene(bubble.scenePos())
    end = matrix.view.mapFromScene(QPointF(bubble.scenePos().x(), y_of(4)))
    vp = matrix.view.viewport()
    send_mouse(vp, QEvent.Type.MouseButtonPress, start, LEFT, LEFT)
    send_mouse(vp, QEvent.Type.MouseMove, (start + end) / 2, NONE, LEFT)
    send_mouse(vp, QEvent.Type.MouseMove, end, NONE, LEFT)
    send_mouse(vp, QEvent.Type.MouseButtonRelease, end, LEFT, NONE)
    opp = window.doc.project.session.get(Opportunity, opp_id)
    assert (opp.importance, opp.cost, opp.ease) == (4, 3, 4)


# -- completeness ----------------------------------------------------------------------


def test_the_completeness_check_is_live_and_its_entries_go_to_their_place(
    window: MainWindow,
) -> None:
    panel = window.completeness
    window.show_dock(panel)  # tabbed behind the inspector: it shows no edits
    texts = panel.texts()
    assert texts[:2] == ["The journey has no objective", "The journey has no persona"]
    assert "Stage “Awareness” has no touchpoint" in texts
    card_id = add_pain(window, 3, "Confusing invoice")
    assert "Pain point “Confusing invoice” has no opportunity" in panel.texts()

    # clicking an entry selects the card it is about
    row = panel.texts().index("Pain point “Confusing invoice” has no opportunity")
    index = panel.model.index(row, 0)
    panel.list.scrollTo(index)
    QTest.mouseClick(panel.list.viewport(), LEFT, Qt.KeyboardModifier.NoModifier,
                     panel.list.visualRect(index).center())
    assert window.scene.selected_card_ids() == [card_id]

    # a stage entry selects the stage header
    row = panel.texts().index("Stage “Awareness” has no touchpoint")
    panel.finding_activated.emit(panel.findings()[row])
    assert window.scene.stage_items[stage_at(window, 0).id].isSelected()

    # giving the journey an objective updates the list at once; undo brings the entry back
    window.header.objective_edit.setText("Fewer calls")
    window.header.objective_edit.setModified(True)
    window.header.objective_edit.editingFinished.emit()
    assert "The journey has no objective" not in panel.texts()
    window.acts.undo.trigger()
    assert panel.texts()[0] == "The journey has no objective"
    assert window.doc.project.session.get(Card, card_id) is not None


def test_persona_notes_and_a_pain_points_owner_are_edited_and_undone(
    window: MainWindow,
) -> None:
    panel = window.persona_panel
    click(panel.new_button)
    notes = panel.form.notes_edit
    notes.setFocus()
    QTest.keyClicks(notes, "Interviewed 12 trial users")
    QTest.keyClick(notes, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    persona = window.doc.project.session.query(Persona).one()
    assert persona.notes == "Interviewed 12 trial users"

    card_id = add_pain(window, 2, "Invoice is confusing")
    window.show_dock(window.inspector)  # the persona panel was in front of it
    window.scene.select_cards([card_id])
    page = window.inspector.card_page
    assert page.owner_edit.isVisibleTo(window.inspector)  # every kind has an owner
    type_into(page.owner_edit, "Billing lead")
    type_into(page.department_edit, "Finance")
    card = window.doc.project.session.get(Card, card_id)
    assert (card.owner, card.department) == ("Billing lead", "Finance")
    window.acts.undo.trigger()
    window.acts.undo.trigger()
    assert (card.owner, card.department) == ("", "")
    assert page.owner_edit.text() == ""


def test_a_persona_sheet_is_printed_from_the_library(
    window: MainWindow, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import app.personas
    from tests.app.test_export_samples import pdfinfo, pdftotext

    panel = window.persona_panel
    click(panel.new_button)
    type_into(panel.form.name_edit, "Trial user Tina")
    panel.drop_photo(str(write(tmp_path, "t.png", image_bytes("PNG", (300, 400)))))
    frustrations = panel.form.frustrations_edit
    frustrations.setFocus()
    QTest.keyClicks(frustrations, "Hold music")
    QTest.keyClick(frustrations, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    target = tmp_path / "tina.pdf"
    asked: list[str] = []

    def ask(parent, suggested: str) -> Path:
        asked.append(suggested)
        return target

    monkeypatch.setattr(app.personas, "ask_sheet_path", ask)
    click(panel.sheet_button)
    assert asked and asked[0].endswith("Trial user Tina.pdf")
    assert pdfinfo(target)["Pages"] == "1"
    text = pdftotext(target)
    assert "Trial user Tina" in text and "Frustrations" in text and "Hold music" in text
