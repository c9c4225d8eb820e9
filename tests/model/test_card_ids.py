"""A deleted card's id is never given to a new card, so a snapshot diff never mistakes one."""

from __future__ import annotations

from pathlib import Path

import pytest

from model.diff import CardStatus, diff_journeys
from model.edits import Editor
from model.entities import Card, Journey, LaneKind
from model.review_edits import load_snapshot
from model.snapshot import journey_snapshot
from model.store import Project, Workspace


@pytest.fixture
def workspace(tmp_path: Path) -> Workspace:
    return Workspace(tmp_path / "ws")


def _cell(journey: Journey, stage: int = 0) -> tuple[int, int]:
    lane = next(x.id for x in journey.lanes if x.kind == LaneKind.ACTIONS.value)
    return (sorted(journey.stages, key=lambda s: s.position)[stage].id, lane)


def test_a_card_added_after_the_newest_was_deleted_gets_a_new_id_and_reads_as_added(
        workspace: Workspace) -> None:
    project = Project.new(workspace)
    editor = Editor(project.session, project.changes)
    journey = project.journey(editor.add_journey("cjm7", "Checkout"))
    cell = _cell(journey)
    editor.add_card(journey.id, cell, None, {"text": "Stays"})
    newest = editor.add_card(journey.id, cell, None, {"text": "Prints the invoice"})
    old = journey_snapshot(journey)
    editor.remove_card(newest)
    fresh = editor.add_card(journey.id, cell, None, {"text": "Downloads a PDF"})
    assert fresh > newest
    diff = diff_journeys(old, journey_snapshot(journey))
    # Same cell, another text: before, this read as an edit of the deleted card.
    assert sorted((c.status.value, c.text) for c in diff.cards) == [
        ("added", "Downloads a PDF"), ("removed", "Prints the invoice")]
    project.close()


def test_a_card_edited_and_moved_reads_as_changed_and_moved(workspace: Workspace) -> None:
    project = Project.new(workspace)
    editor = Editor(project.session, project.changes)
    journey = project.journey(editor.add_journey("cjm7", "Checkout"))
    card = editor.add_card(journey.id, _cell(journey, 0), None, {"text": "Old words"})
    old = journey_snapshot(journey)
    editor.update_card(card, {"text": "New words"})
    editor.move_cards([card], _cell(journey, 2), 0)
    [change] = diff_journeys(old, journey_snapshot(journey)).cards
    assert (change.status, change.fields, change.moved) == (CardStatus.CHANGED, ("text",), True)
    project.close()


def test_ids_held_only_by_a_snapshot_stay_retired_after_save_and_reopen(
        workspace: Workspace, tmp_path: Path) -> None:
    path = tmp_path / "map.cjm"
    project = Project.new(workspace)
    editor = Editor(project.session, project.changes)
    journey_id = editor.add_journey("cjm7", "Checkout")
    cell = _cell(project.journey(journey_id))
    editor.add_card(journey_id, cell, None, {"text": "Stays"})
    newest = editor.add_card(journey_id, cell, None, {"text": "Calls support"})
    snapshot_id = editor.take_snapshot(journey_id, "Q3")
    editor.remove_card(newest)
    project.save(path)
    project.close()

    reopened = Project.open(path, workspace)
    editor = Editor(reopened.session, reopened.changes)
    assert reopened.session.get(Card, newest) is None
    # One by one and in one statement (a CSV import): no new card takes the old id.
    one = editor.add_card(journey_id, cell, None, {"text": "Chats with a bot"})
    editor.append_cards([(journey_id, cell, {"text": f"Imported {i}"}) for i in range(3)])
    ids = sorted(c.id for c in reopened.journey(journey_id).cards)
    assert newest not in ids and one > newest
    assert len(ids) == len(set(ids)) == 5
    diff = diff_journeys(load_snapshot(reopened.session, snapshot_id),
                         journey_snapshot(reopened.journey(journey_id)))
    assert [c.text for c in diff.cards if c.status is CardStatus.REMOVED] == ["Calls support"]
    assert diff.count(CardStatus.ADDED) == 4 and diff.count(CardStatus.CHANGED) == 0
    reopened.close()


def test_undo_still_puts_a_deleted_card_back_under_its_own_id(workspace: Workspace) -> None:
    project = Project.new(workspace)
    editor = Editor(project.session, project.changes)
    journey = project.journey(editor.add_journey("cjm7", "Checkout"))
    card = editor.add_card(journey.id, _cell(journey), None, {"text": "Comes back"})
    snap = editor.remove_card(card)
    editor.restore_card(snap)
    assert project.session.get(Card, card).text == "Comes back"
    after = editor.add_card(journey.id, _cell(journey), None, {"text": "Next"})
    assert after > card
    project.close()
