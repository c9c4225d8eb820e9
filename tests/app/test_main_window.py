"""Main window wiring: inspector, journey header, journey switcher, recovery, command line."""

from __future__ import annotations

import subprocess
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QMessageBox

from app.commands import AddJourneyCommand, EditLaneCommand
from app.document import new_document
from app.main_window import MainWindow
from app.settings import Settings
from model.entities import Card, Journey, Persona
from model.records import FieldsEdit, Target
from model.store import Workspace
from tests.app.test_canvas import (
    add_card,
    journey,
    lane_of,
    rate_every_stage,
    stage_at,
    type_in_place,
)


def test_selecting_a_card_shows_it_and_inspector_edits_are_undoable(window: MainWindow) -> None:
    card_id = add_card(window, 2, "touchpoints", "Call centre")
    window.scene.select_cards([card_id])
    assert window.inspector.showing() == ("card", card_id)
    page = window.inspector.card_page
    assert page.text_edit.toPlainText() == "Call centre"
    page.kind_combo.setCurrentIndex(page.kind_combo.findData("pain_point"))
    card = window.doc.project.session.get(Card, card_id)
    assert card.kind == "pain_point"
    # the canvas repaints the card in its new kind's colour
    assert window.scene.card_items[card_id].geom.fill == "#ffc9c2"
    page.severity_combo.setCurrentIndex(page.severity_combo.findData(4))
    assert card.severity == 4
    window.acts.undo.trigger()
    window.acts.undo.trigger()
    assert (card.kind, card.severity) == ("action", None)
    # the inspector follows the model after undo
    assert page.kind_combo.currentData() == "action"


def test_stage_selection_and_rename_through_the_inspector(window: MainWindow) -> None:
    stage = stage_at(window, 0)
    window.scene.stage_items[stage.id].setSelected(True)
    assert window.inspector.showing() == ("stage", stage.id)
    window.inspector.stage_edited.emit(FieldsEdit(stage.id, {"name": "Discover"}))
    assert stage.name == "Discover"
    assert window.scene.stage_items[stage.id].geom.name == "Discover"
    window.acts.undo.trigger()
    assert stage.name == "Awareness"


def test_objective_and_persona_in_the_header(window: MainWindow, qtbot) -> None:
    edit = window.header.objective_edit
    edit.setFocus()
    QTest.keyClicks(edit, "Find why trials do not convert")
    QTest.keyClick(edit, Qt.Key.Key_Return)
    j = journey(window)
    assert j.objective == "Find why trials do not convert"
    window.header.create_persona("Trial user Tina")
    persona = window.doc.project.session.query(Persona).one()
    assert persona.name == "Trial user Tina"
    assert j.persona_id == persona.id
    window.acts.undo.trigger()
    assert j.persona_id is None
    assert window.doc.project.session.query(Persona).count() == 0
    window.acts.undo.trigger()
    assert j.objective == ""
    assert window.header.objective_edit.text() == ""


def test_journey_switcher_add_duplicate_delete_with_undo(window: MainWindow, monkeypatch) -> None:
    add_card(window, 0, "actions", "only in the first")
    first_id = journey(window).id
    window.structure.duplicate_journey()
    session = window.doc.project.session
    assert session.query(Journey).count() == 2
    copy = journey(window)
    assert copy.id != first_id and copy.name.endswith("(copy)")
    assert [c.text for c in copy.cards] == ["only in the first"]
    assert window.journey_box.count() == 2
    assert window.journey_box.currentData() == copy.id
    # switch back through the combo box
    window.journey_box.activated.emit(window.journey_box.findData(first_id))
    assert window.doc.journey_id == first_id
    assert len(window.scene.card_items) == 1
    monkeypatch.setattr("app.structure.QMessageBox.question",
                        lambda *a, **k: QMessageBox.StandardButton.Yes)
    window.structure.delete_journey()
    assert session.query(Journey).count() == 1
    assert window.doc.journey_id == copy.id
    window.acts.undo.trigger()
    assert session.query(Journey).count() == 2
    restored = session.get(Journey, first_id)
    assert [c.text for c in restored.cards] == ["only in the first"]


def test_add_and_delete_stage_and_lane_with_undo(window: MainWindow, monkeypatch) -> None:
    rate_every_stage(window)
    before = [s.name for s in sorted(journey(window).stages, key=lambda s: s.position)]
    window.structure.add_stage(after=stage_at(window, 0).id)
    names = [s.name for s in sorted(journey(window).stages, key=lambda s: s.position)]
    assert len(names) == 8 and names[0] == "Awareness" and names[1] == "Stage 8"
    # the new stage has no made-up emotion value: the curve has a gap there
    curve = journey(window).curves[0]
    assert len(curve.points) == 7
    item = window.scene.curve_items[curve.id]
    assert item.handles[stage_at(window, 1).id].unset and item.path_count == 2
    add_card(window, 3, "actions", "in stage 4")
    window.structure.delete_stage(stage_at(window, 3).id)
    assert all(c.text != "in stage 4" for c in journey(window).cards)
    window.acts.undo.trigger()
    assert any(c.text == "in stage 4" for c in journey(window).cards)
    window.acts.undo.trigger()
    window.acts.undo.trigger()
    assert [s.name for s in sorted(journey(window).stages, key=lambda s: s.position)] == before
    assert window.scene.curve_items[curve.id].path_count == 1

    offered: list[list[str]] = []

    def pick(_parent, _title, _label, items, *a, **k):
        offered.append(list(items))
        return "Pain points", True

    monkeypatch.setattr("app.structure.QInputDialog.getItem", pick)
    window.structure.add_lane()
    assert "Pain points" in offered[0] and "pain_points" not in offered[0]
    assert "Divider line (no cards)" in offered[0]
    type_in_place(window, "Risks")
    lanes = sorted(journey(window).lanes, key=lambda x: x.position)
    assert (lanes[-1].name, lanes[-1].kind) == ("Risks", "pain_points")


def test_delete_key_in_a_text_field_does_not_delete_cards(window: MainWindow) -> None:
    card_id = add_card(window, 0, "actions", "keep me")
    window.scene.select_cards([card_id])
    window.header.objective_edit.setFocus()
    window.acts.delete.trigger()
    assert window.doc.project.session.get(Card, card_id) is not None


def test_double_click_an_emotion_point_to_write_its_note(window: MainWindow, monkeypatch) -> None:
    rate_every_stage(window)
    from tests.app.test_canvas import to_view

    curve = journey(window).curves[0]
    stage = stage_at(window, 2)
    handle = window.scene.curve_items[curve.id].handles[stage.id]
    monkeypatch.setattr(
        "app.structure.QInputDialog.getMultiLineText",
        lambda *a, **k: ("Surprised by the delivery fee", True),
    )
    pos = to_view(window, handle.x(), handle.y())
    QTest.mouseDClick(window.view.viewport(), Qt.MouseButton.LeftButton,
                      Qt.KeyboardModifier.NoModifier, pos)
    point = next(p for p in curve.points if p.stage_id == stage.id)
    assert point.note == "Surprised by the delivery fee"
    assert window.scene.curve_items[curve.id].handles[stage.id].note == point.note
    window.acts.undo.trigger()
    assert point.note == ""


def test_second_curve_overlays_with_its_own_colour_and_can_be_deleted(window, monkeypatch):
    monkeypatch.setattr("app.structure.QInputDialog.getText", lambda *a, **k: ("To-be", True))
    window.structure.add_curve()
    curves = journey(window).curves
    assert [c.name for c in curves] == ["As-is", "To-be"]
    assert curves[0].color != curves[1].color
    assert set(window.scene.curve_items) == {c.id for c in curves}
    monkeypatch.setattr("app.structure.QInputDialog.getItem",
                        lambda *a, **k: ("2. To-be", True))
    window.structure.delete_curve()
    assert [c.name for c in journey(window).curves] == ["As-is"]
    window.acts.undo.trigger()
    assert [c.name for c in journey(window).curves] == ["As-is", "To-be"]


def test_recent_files_and_geometry_persist(window: MainWindow, tmp_path: Path) -> None:
    target = tmp_path / "recent.cjm"
    window.doc.save(target)
    window.files.save_to(None)
    settings = Settings()
    assert settings.recent_files()[0] == target.resolve()
    window.resize(1111, 777)
    window.close()
    assert Settings().window_geometry() is not None


def test_export_action_writes_a_pdf_of_the_current_journey(window, tmp_path, monkeypatch):
    from widgets.export_dialog import ExportChoice

    add_card(window, 1, "actions", "Exported from the window")
    written = []

    def fake_dialog(backend, parent):
        path = backend.export(tmp_path / "poster.pdf", ExportChoice(fmt="pdf", paper="A3"),
                              lambda done, total: True)
        written.append(path)
        return path

    monkeypatch.setattr("widgets.export_dialog.run_export_dialog", fake_dialog)
    window.acts.export.trigger()
    assert written and written[0].read_bytes().startswith(b"%PDF")
    result = subprocess.run(["pdftotext", str(written[0]), "-"], capture_output=True, text=True)
    # The poster's type suits the paper, so a card's text may wrap onto two lines.
    assert "Exported from the window" in " ".join(result.stdout.split())


def test_a_refused_edit_is_reported_and_not_put_on_the_undo_stack(window: MainWindow) -> None:
    add_card(window, 0, "actions", "blocks the change")
    actions = lane_of(window, "actions")
    depth = window.doc.undo_stack.count()
    window.scene.lane_items[actions.id].setSelected(True)
    window.inspector.lane_edited.emit(FieldsEdit(actions.id, {"kind": "divider"}))
    assert actions.kind == "actions"
    assert window.doc.undo_stack.count() == depth
    assert "Move or delete this lane's cards" in window.statusBar().currentMessage()
    assert window.inspector.lane_page.kind_combo.currentData() == "actions"


def test_rename_and_recolour_headers_from_their_context_menu(window, monkeypatch) -> None:
    lane = lane_of(window, "thoughts")
    stage = stage_at(window, 1)
    monkeypatch.setattr("app.structure.pick_color", lambda *a, **k: "#123456")
    window.structure.rename_header("lane", lane.id)
    type_in_place(window, "Feelings")
    window.structure.recolour_header("stage", stage.id)
    assert lane.name == "Feelings" and stage.color == "#123456"
    assert window.scene.lane_items[lane.id].geom.name == "Feelings"
    window.acts.undo.trigger()
    window.acts.undo.trigger()
    assert lane.name == "Thoughts" and stage.color != "#123456"


def test_only_real_unsaved_work_is_marked_for_recovery(qapp, workspace: Workspace) -> None:
    import json

    from app.commands import AddCardCommand

    doc = new_document(workspace, "cjm7")
    info = doc.project.folder / "session.json"
    try:
        # An untouched template: nothing on disk a crash could offer back (a session
        # folder without a working copy is removed by the next start).
        assert not info.exists() and not doc.project.work_path.exists()
        j = doc.project.journey(doc.journey_id)
        doc.push(AddCardCommand(doc.editor, j.id, (j.stages[0].id, j.lanes[0].id), None,
                                {"text": "x"}))
        doc.flush()
        assert json.loads(info.read_text())["dirty"] is True
        doc.undo_stack.undo()  # back to the state the map started in
        assert json.loads(info.read_text())["dirty"] is False
    finally:
        doc.close()


def test_pasting_bad_clipboard_data_is_refused_and_the_session_stays_usable(window) -> None:
    import json

    from PySide6.QtCore import QMimeData
    from PySide6.QtGui import QGuiApplication

    from app.clipboard import CARDS_MIME

    mime = QMimeData()
    rows = [{"text": "good"}, {"text": "bad", "usage_share": "lots"}, {"severity": "4"}]
    mime.setData(CARDS_MIME, json.dumps(rows).encode("utf-8"))
    QGuiApplication.clipboard().setMimeData(mime)
    window.scene.current_cell = (stage_at(window, 0).id, lane_of(window, "actions").id)
    window.acts.paste.trigger()
    assert [c.text for c in journey(window).cards] == ["good"]
    assert "2 of 3 pasted cards were refused" in window.statusBar().currentMessage()
    assert window.acts.undo.isEnabled()  # the macro was closed
    window.acts.undo.trigger()
    assert journey(window).cards == []
    window.doc.flush()  # the session is healthy: autosave and save still work


def test_an_edit_that_fails_half_way_leaves_no_trace(window) -> None:
    from app.commands import EditorCommand, EditStageCommand

    class Broken(EditorCommand):
        def apply(self) -> None:
            j = journey(window)
            self.editor.add_card(j.id, (j.stages[0].id, j.lanes[0].id), None, {"text": "half"})
            raise RuntimeError("disk on fire")

        def undo(self) -> None:
            raise AssertionError("never stacked, never undone")

    depth = window.doc.undo_stack.count()
    window.ctx.push(Broken(window.doc.editor, "Broken edit"))
    window.ctx.push(EditStageCommand(window.doc.editor, stage_at(window, 0).id, {"width": "wide"}))
    assert window.doc.undo_stack.count() == depth
    assert journey(window).cards == []
    assert "failed" in window.statusBar().currentMessage()
    add_card(window, 0, "actions", "still works")
    window.doc.flush()
    assert [c.text for c in journey(window).cards] == ["still works"]


def test_undo_of_an_edit_in_another_journey_shows_that_journey(window: MainWindow) -> None:
    first = journey(window).id
    add_card(window, 0, "actions", "in the first journey")
    window.structure.duplicate_journey()
    assert window.doc.journey_id != first
    window.acts.undo.trigger()  # removes the duplicate
    window.journey_box.activated.emit(window.journey_box.findData(first))
    window.doc.push(AddJourneyCommand(window.doc.editor, "Other"))
    assert window.doc.journey_id != first
    window.acts.undo.trigger()  # undo "Add journey": back on the first
    window.acts.undo.trigger()  # undo the card: it is in the first journey
    assert window.doc.journey_id == first
    assert window.scene.card_items == {}


def test_emotion_lane_turned_into_another_kind_drops_its_legend(window: MainWindow) -> None:
    emotion = lane_of(window, "emotion")
    window.doc.push(EditLaneCommand(window.doc.editor, emotion.id, {"kind": "text"}))
    assert window.scene.lane_items[emotion.id]._legend == []
    assert window.scene.curve_items == {}
    window.acts.undo.trigger()
    assert [" ".join(n) for n, _ in window.scene.lane_items[emotion.id]._legend] == ["As-is"]


def test_context_menus_do_not_pile_up(window: MainWindow) -> None:
    from PySide6.QtCore import QPoint
    from PySide6.QtGui import QAction
    from PySide6.QtWidgets import QApplication, QMenu

    stage = stage_at(window, 0)
    before = len(window.findChildren(QAction))
    for _ in range(5):
        window.canvas.show_context_menu(Target.STAGE, stage.id, None, QPoint(10, 10))
        menu = QApplication.activePopupWidget() or window.findChildren(QMenu)[-1]
        menu.close()
        QApplication.sendPostedEvents(None, 0)  # deferred deletes
    assert len(window.findChildren(QAction)) <= before + 5  # not 5 menus' worth


def test_renaming_a_journey_updates_the_switcher_and_title(window, monkeypatch) -> None:
    monkeypatch.setattr("app.structure.QInputDialog.getText", lambda *a, **k: ("Returns", True))
    window.structure.rename_journey()
    assert window.journey_box.currentText() == "Returns"
    assert "Returns" in window.windowTitle()
    window.acts.undo.trigger()
    assert window.journey_box.currentText() == "Customer journey"


def test_on_a_laptop_the_objective_gets_the_width_of_the_name_above_it(
        window: MainWindow) -> None:
    """At 1366 px with the default docks a facilitator reads a whole objective sentence."""
    objective = "Find out why first-time buyers abandon checkout and come back"
    window.header.set_journey({"name": "Buying running shoes online", "objective": objective},
                              [(1, "Lena Hoffmann")])
    window.header.show_persona(1, "Lena Hoffmann", None)
    window.resize(1366, 768)
    window.show()
    QTest.qWaitForWindowExposed(window)
    edit = window.header.objective_edit
    # the whole sentence fits, with room for the clear button
    assert edit.fontMetrics().horizontalAdvance(objective) < edit.width() - 40
