"""Workshop mode (#13): dot voting at the laptop, counts on the cards, register, undo."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QPointF, Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication

from app.commands import AddCardCommand, AddOpportunityCommand
from app.main_window import MainWindow
from tests.app.test_canvas import journey, lane_of, stage_at
from widgets.opportunity_register import Column


def add(window: MainWindow, stage: int, lane: str, kind: str, text: str) -> int:
    doc = window.doc
    assert doc is not None
    cell = (stage_at(window, stage).id, lane_of(window, lane).id)
    command = AddCardCommand(doc.editor, journey(window).id, cell, None,
                             {"kind": kind, "text": text})
    doc.push(command)
    assert command.card_id is not None
    return command.card_id


def click_card(window: MainWindow, card_id: int, shift: bool = False) -> None:
    """A real left click on a card, on the canvas."""
    item = window.scene.card_items[card_id]
    center = item.sceneBoundingRect().center()
    window.view.centerOn(center)
    QApplication.processEvents()
    pos = window.view.mapFromScene(QPointF(center.x(), center.y() + 8))
    modifiers = Qt.KeyboardModifier.ShiftModifier if shift else Qt.KeyboardModifier.NoModifier
    QTest.mouseClick(window.view.viewport(), Qt.MouseButton.LeftButton, modifiers, pos)


def shown_votes(window: MainWindow) -> dict[int, int | None]:
    """What the cards show: the vote pill's count per card that has one."""
    return {cid: b.votes for cid, b in window.scene.decorations.badges.items()
            if b.votes is not None}


def test_participants_vote_in_turn_by_clicking_cards_and_the_cards_show_the_counts(
        window: MainWindow) -> None:
    doc = window.doc
    assert doc is not None
    slow = add(window, 1, "pain_points", "pain_point", "Too slow")
    lost = add(window, 2, "pain_points", "pain_point", "Lost my basket")
    pays = add(window, 2, "actions", "action", "Pays")
    assert window.voting.start_round(dots=2)
    panel = window.voting_panel
    assert panel.isVisible() and panel.voting()
    assert shown_votes(window) == {slow: 0, lost: 0}  # what can be voted on shows 0
    assert panel.dots_label.text() == "Dots left: 2 of 2"

    click_card(window, slow)
    click_card(window, slow)
    assert doc.vote_counts(window.voting.current().id) == {slow: 2}
    assert shown_votes(window) == {slow: 2, lost: 0}
    assert panel.dots_label.text() == "Dots left: 0 of 2"
    assert window.scene.selectedItems() == []  # a vote, not a selection
    click_card(window, lost)  # no dots left: refused, said, nothing placed
    assert "no dots left" in window.statusBar().currentMessage()
    assert shown_votes(window) == {slow: 2, lost: 0}

    QTest.mouseClick(panel.next_button, Qt.MouseButton.LeftButton)
    assert panel.participant_edit.text() == "Participant 2"
    click_card(window, lost)
    click_card(window, pays)  # not a pain point or opportunity
    assert "only" in window.statusBar().currentMessage()
    # Space on the selected card places a dot; Shift+click takes one back.
    window.scene.card_items[lost].setSelected(True)
    window.view.setFocus()
    QTest.keyClick(window.view, Qt.Key.Key_Space)
    assert shown_votes(window) == {slow: 2, lost: 2}
    click_card(window, lost, shift=True)
    assert shown_votes(window) == {slow: 2, lost: 1}
    assert window.voting_panel.count_box.value() == 1  # the selected card's count

    window.acts.undo.trigger()  # the dot taken back comes back
    assert shown_votes(window) == {slow: 2, lost: 2}
    for _ in range(5):
        window.acts.undo.trigger()
    assert window.voting.current() is None  # undo went back past the round itself
    assert shown_votes(window) == {}


def test_the_facilitator_enters_counts_and_reset_takes_every_dot_off_undoably(
        window: MainWindow) -> None:
    doc = window.doc
    assert doc is not None
    idea = add(window, 3, "opportunities", "opportunity", "Save the basket")
    pain = add(window, 3, "pain_points", "pain_point", "Forgets the basket")
    assert window.voting.start_round(dots=3, pain_points=False)
    assert shown_votes(window) == {idea: 0}  # a round on opportunities only
    window.scene.card_items[idea].setSelected(True)
    panel = window.voting_panel
    assert panel.count_button.isEnabled()
    panel.count_box.setValue(7)
    QTest.mouseClick(panel.count_button, Qt.MouseButton.LeftButton)
    assert shown_votes(window) == {idea: 7}
    assert window.voting.enter_count(4, pain) is False  # not in this round
    steps = doc.undo_stack.index()
    QTest.mouseClick(panel.reset_button, Qt.MouseButton.LeftButton)
    assert shown_votes(window) == {idea: 0}
    assert doc.undo_stack.index() == steps + 1
    window.acts.undo.trigger()
    assert shown_votes(window) == {idea: 7}
    # Closing the panel takes the counts off the cards; opening it brings them back.
    window._dock_of(panel).close()
    assert shown_votes(window) == {}
    window.show_dock(panel)
    assert shown_votes(window) == {idea: 7}


def test_the_register_sorts_by_votes_and_importance_follows_them_in_one_undo_step(
        window: MainWindow) -> None:
    doc = window.doc
    assert doc is not None
    cards = {t: add(window, i, "pain_points", "pain_point", t)
             for i, t in enumerate(["Slow", "Lost", "Rude"])}
    jid = journey(window).id
    opps = {}
    for title, card in (("Faster", cards["Slow"]), ("Keep basket", cards["Lost"]),
                        ("Training", cards["Rude"])):
        command = AddOpportunityCommand(doc.editor, jid, {"title": title, "importance": 3,
                                                          "card_ids": [card]})
        doc.push(command)
        opps[title] = command.obj_id
    assert window.voting.start_round(dots=10)
    for card, total in ((cards["Slow"], 2), (cards["Lost"], 8), (cards["Rude"], 0)):
        assert window.voting.enter_count(total, card) or total == 0
    register = window.register
    assert not register.table.isColumnHidden(Column.VOTES)
    QTest.mouseClick(window.voting_panel.sort_button, Qt.MouseButton.LeftButton)
    proxy = register.proxy
    titles = [proxy.index(r, Column.TITLE).data() for r in range(proxy.rowCount())]
    votes = [proxy.index(r, Column.VOTES).data() for r in range(proxy.rowCount())]
    assert titles == ["Keep basket", "Faster", "Training"]
    assert votes == ["8", "2", "0"]

    steps = doc.undo_stack.index()
    QTest.mouseClick(window.voting_panel.importance_button, Qt.MouseButton.LeftButton)
    assert doc.undo_stack.index() == steps + 1  # one step for all of them
    importance = {o["title"]: o["importance"] for o in doc.opportunities()}
    assert importance == {"Keep basket": 5, "Faster": 2, "Training": 1}
    window.acts.undo.trigger()
    assert {o["importance"] for o in doc.opportunities()} == {3}


def test_rounds_and_counts_are_kept_in_the_file(window: MainWindow, tmp_path: Path,
                                                qtbot) -> None:
    doc = window.doc
    assert doc is not None
    pain = add(window, 1, "pain_points", "pain_point", "Too slow")
    assert window.voting.start_round(dots=3, name="Morning")
    click_card(window, pain)
    path = tmp_path / "votes.cjm"
    doc.save(path)
    window.files.close_document()
    assert window.open_file(path)
    qtbot.waitUntil(lambda: window.view.fit_mode)
    window.show_dock(window.voting_panel)
    assert window.voting_panel.round_box.currentText() == "Morning"
    assert shown_votes(window) == {pain: 1}
