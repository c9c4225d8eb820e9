"""Undo is as safe as redo; an edit that changes nothing leaves no undo step."""

from __future__ import annotations

from PySide6.QtCore import QMimeData
from PySide6.QtGui import QGuiApplication

from app.commands import AddCardCommand, CompoundCommand, EditCardCommand
from app.main_window import MainWindow
from model.edits import Editor
from model.entities import Card
from tests.app.test_canvas import add_card, journey, lane_of, stage_at


def test_a_failing_undo_rolls_back_is_reported_and_keeps_stack_and_model_in_step(
        window: MainWindow, qtbot, monkeypatch) -> None:
    card_id = add_card(window, 0, "actions", "before")
    doc = window.doc
    real = Editor.update_card
    broken = [False]

    def flaky_update(editor, cid, fields):
        if not broken[0]:
            return real(editor, cid, fields)
        real(editor, cid, {"notes": "half-done"})  # part of the undo reaches the database...
        raise OSError("disk went away")  # ...then it fails

    monkeypatch.setattr(Editor, "update_card", flaky_update)
    doc.push(EditCardCommand(doc.editor, card_id, {"text": "after", "notes": "why"}))
    index = doc.undo_stack.index()
    broken[0] = True
    with qtbot.waitSignal(doc.edit_failed, timeout=2000) as failed:
        window.acts.undo.trigger()
    qtbot.waitUntil(lambda: doc.undo_stack.index() == index, timeout=2000)
    card = doc.project.session.get(Card, card_id)
    assert (card.text, card.notes) == ("after", "why")  # the half-done undo rolled back
    assert "disk went away" in failed.args[0]
    assert "disk went away" in window.statusBar().currentMessage()
    broken[0] = False
    window.acts.undo.trigger()  # once the cause is gone, undo works
    assert (card.text, card.notes) == ("before", "")
    window.acts.redo.trigger()
    assert (card.text, card.notes) == ("after", "why")


def test_a_paste_where_every_card_is_refused_leaves_no_step_and_no_marker(window) -> None:
    doc = window.doc
    doc.undo_stack.setClean()
    depth = doc.undo_stack.count()
    mime = QMimeData()
    mime.setData("application/x-journeyboard-cards", b'[{"kind": "bogus", "text": "x"}]')
    QGuiApplication.clipboard().setMimeData(mime)
    window.scene.current_cell = (stage_at(window, 1).id, lane_of(window, "actions").id)
    window.acts.paste.trigger()
    assert doc.undo_stack.count() == depth
    assert not window.isWindowModified() and not doc.modified
    assert "refused" in window.statusBar().currentMessage()


def test_a_partly_refused_paste_is_one_step_with_the_good_cards(window) -> None:
    doc = window.doc
    depth = doc.undo_stack.count()
    mime = QMimeData()
    mime.setData("application/x-journeyboard-cards",
                 b'[{"kind": "action", "text": "good"}, {"kind": "bogus", "text": "bad"},'
                 b' {"kind": "thought", "text": "also good"}]')
    QGuiApplication.clipboard().setMimeData(mime)
    window.scene.current_cell = (stage_at(window, 1).id, lane_of(window, "actions").id)
    window.acts.paste.trigger()
    assert doc.undo_stack.count() == depth + 1
    texts = sorted(c.text for c in journey(window).cards)
    assert texts == ["also good", "good"]
    window.acts.undo.trigger()
    assert journey(window).cards == []
    window.acts.redo.trigger()
    assert sorted(c.text for c in journey(window).cards) == ["also good", "good"]


def test_a_compound_of_refused_parts_is_obsolete(window) -> None:
    doc = window.doc
    cell = (stage_at(window, 0).id, lane_of(window, "actions").id)
    parent = CompoundCommand("Nothing")
    parent.add(AddCardCommand(doc.editor, journey(window).id, cell, 0, {"kind": "nope"}))
    depth = doc.undo_stack.count()
    doc.push(parent)
    assert doc.undo_stack.count() == depth and parent.error is not None
