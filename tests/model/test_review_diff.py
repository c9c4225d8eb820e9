"""Review dates, the snapshot format and the journey diff, on their own (no Qt, no file)."""

from __future__ import annotations

import datetime as dt
import json
import zlib

import pytest

from model.diff import CardStatus, LineKind, align, change_lines, diff_journeys, summary
from model.edits import Editor
from model.entities import Journey, LaneKind
from model.review import (
    SnapshotError,
    add_months,
    decode_snapshot,
    encode_snapshot,
    overdue_reviews,
)
from model.snapshot import journey_snapshot
from model.store import Project
from tests.model.store_child import build_full_project


def test_three_months_after_the_end_of_a_month_is_the_end_of_a_shorter_month() -> None:
    assert add_months(dt.date(2026, 11, 30), 3) == dt.date(2027, 2, 28)
    assert add_months(dt.date(2026, 1, 15), 3) == dt.date(2026, 4, 15)
    assert add_months(dt.date(2026, 10, 31), 14) == dt.date(2027, 12, 31)


def test_only_journeys_past_their_review_date_are_overdue(project: Project,
                                                          editor: Editor) -> None:
    a = editor.add_journey("blank", "Checkout")
    b = editor.add_journey("blank", "Onboarding")
    c = editor.add_journey("blank", "Support")
    editor.update_journey(a, {"next_review": dt.date(2026, 3, 3)})
    editor.update_journey(b, {"next_review": dt.date(2026, 11, 26)})
    due = overdue_reviews(project.journeys(), dt.date(2026, 11, 26))
    assert [(d.name, d.due) for d in due] == [("Checkout", dt.date(2026, 3, 3))]
    assert c not in [d.journey_id for d in due]


def test_a_snapshot_of_every_entity_decodes_to_the_same_rows(project: Project,
                                                              editor: Editor) -> None:
    ids = build_full_project(project)
    journey = project.journey(ids["journey"])
    editor.add_metric(journey.cards[0].id, None, {"kind": "nps", "value": 42.0,
                                                   "responses": 25, "computed": True})
    editor.add_metric(None, journey.stages[0].id, {"kind": "csat", "value": 80.0})
    snap = journey_snapshot(journey)
    assert snap["cards"] and snap["points"] and snap["links"] and snap["opportunities"]
    assert len(snap["metrics"]) == 2
    assert decode_snapshot(encode_snapshot(snap)) == snap


@pytest.mark.parametrize("damage", [
    b"not zlib at all",
    zlib.compress(b"{not json"),
    zlib.compress(json.dumps({"format": 99}).encode()),
    zlib.compress(json.dumps({"format": 1, "journey": {"id": 1}, "stages": 3}).encode()),
])
def test_a_damaged_snapshot_is_a_clear_error(damage: bytes) -> None:
    with pytest.raises(SnapshotError):
        decode_snapshot(damage)


def test_a_snapshot_that_unpacks_into_gigabytes_is_refused() -> None:
    bomb = zlib.compress(b" " * (80 * 1024 * 1024), 9)
    with pytest.raises(SnapshotError, match="too large"):
        decode_snapshot(bomb)


def test_a_snapshot_with_a_card_outside_its_stages_is_refused(project: Project) -> None:
    ids = build_full_project(project)
    snap = journey_snapshot(project.journey(ids["journey"]))
    snap["cards"][0]["stage_id"] = 999999
    with pytest.raises(SnapshotError, match="outside"):
        decode_snapshot(encode_snapshot(snap))


def _journey(project: Project, editor: Editor) -> Journey:
    jid = editor.add_journey("cjm7", "Checkout")
    return project.journey(jid)


def _lane(journey: Journey, kind: LaneKind) -> int:
    return next(x.id for x in journey.lanes if x.kind == kind.value)


def test_nothing_changed_is_an_empty_diff(project: Project, editor: Editor) -> None:
    journey = _journey(project, editor)
    snap = journey_snapshot(journey)
    assert diff_journeys(decode_snapshot(encode_snapshot(snap)), journey_snapshot(journey)).empty


def test_each_kind_of_card_change_is_reported(project: Project, editor: Editor) -> None:
    journey = _journey(project, editor)
    s = [x.id for x in journey.stages]
    actions = _lane(journey, LaneKind.ACTIONS)
    kept = editor.add_card(journey.id, (s[0], actions), None, {"text": "Kept"})
    edited = editor.add_card(journey.id, (s[0], actions), None, {"text": "Old words"})
    moved = editor.add_card(journey.id, (s[1], actions), None, {"text": "Moves"})
    gone = editor.add_card(journey.id, (s[2], actions), None, {"text": "Goes"})
    old = journey_snapshot(journey)
    editor.update_card(edited, {"text": "New words", "severity": 4})
    editor.move_cards([moved], (s[3], actions), 0)
    editor.remove_card(gone)
    added = editor.add_card(journey.id, (s[0], actions), 0, {"text": "Arrives"})
    diff = diff_journeys(old, journey_snapshot(journey))
    # The deleted card's id is not handed to the new card (model.card_ids).
    assert added != gone
    assert {(c.status, c.text) for c in diff.cards if c.card_id in (added, gone)} == {
        (CardStatus.ADDED, "Arrives"), (CardStatus.REMOVED, "Goes")}
    by_id = {c.card_id: c for c in diff.cards if c.card_id not in (added, gone)}
    assert kept not in by_id  # a card pushed down by an insert above it did not change
    assert by_id[edited].status is CardStatus.CHANGED
    assert set(by_id[edited].fields) == {"text", "severity"}
    assert by_id[moved].status is CardStatus.MOVED and by_id[moved].moved
    assert (by_id[moved].old_stage, by_id[moved].stage) == (journey.stages[1].name,
                                                            journey.stages[3].name)
    assert diff.count(CardStatus.REMOVED) == diff.count(CardStatus.ADDED) == 1


def test_a_moved_stage_and_a_renamed_lane_are_reported(project: Project,
                                                      editor: Editor) -> None:
    journey = _journey(project, editor)
    stages = [x.id for x in journey.stages]
    old = journey_snapshot(journey)
    editor.move_stage(stages[0], 3)
    pains = _lane(journey, LaneKind.PAIN_POINTS)
    editor.update_lane(pains, {"name": "Frictions"})
    diff = diff_journeys(old, journey_snapshot(journey))
    moved = [d for d in diff.stages if d.moved]
    assert stages[0] in [d.stage_id for d in moved]
    first = next(d for d in diff.stages if d.stage_id == stages[0])
    assert (first.old_index, first.new_index) == (0, 3)
    lane = next(d for d in diff.lanes if d.lane_id == pains)
    assert (lane.old_name, lane.name, lane.moved) == ("Pain points", "Frictions", False)
    assert not diff.cards


def test_an_added_stage_does_not_count_as_moving_the_stages_after_it(
        project: Project, editor: Editor) -> None:
    journey = _journey(project, editor)
    old = journey_snapshot(journey)
    new_stage = editor.add_stage(journey.id, 0, {"name": "Before all"})
    diff = diff_journeys(old, journey_snapshot(journey))
    assert [(d.stage_id, d.added) for d in diff.stages] == [(new_stage, True)]


def test_emotion_deltas_and_opportunity_status_changes_are_reported(
        project: Project, editor: Editor) -> None:
    journey = _journey(project, editor)
    curve = journey.curves[0]
    stage = journey.stages[2]
    editor.set_emotion(curve.id, stage.id, 1)
    before = 1
    opp = editor.add_opportunity(journey.id, {"title": "One-page checkout"})
    dropped = editor.add_opportunity(journey.id, {"title": "Chat bot"})
    old = journey_snapshot(journey)
    editor.set_emotion(curve.id, stage.id, -4)
    editor.update_opportunity(opp, {"status": "done"})
    editor.remove_opportunity(dropped)
    diff = diff_journeys(old, journey_snapshot(journey))
    assert [(e.stage, e.old, e.new, e.delta) for e in diff.emotions] == [
        (stage.name, before, -4, -4 - before)]
    assert {(o.title, o.old_status, o.new_status) for o in diff.opportunities} == {
        ("One-page checkout", "idea", "done"), ("Chat bot", "idea", None)}


def test_the_change_list_says_each_change_in_words(project: Project, editor: Editor) -> None:
    journey = _journey(project, editor)
    s = [x.id for x in journey.stages]
    actions = _lane(journey, LaneKind.ACTIONS)
    card = editor.add_card(journey.id, (s[0], actions), None, {"text": "Reads the\nemail"})
    old = journey_snapshot(journey)
    editor.update_card(card, {"notes": "from the newsletter"})
    editor.move_cards([card], (s[1], actions), 0)
    editor.update_stage(s[2], {"name": "Buy"})
    diff = diff_journeys(old, journey_snapshot(journey))
    lines = change_lines(diff)
    assert [(line.text, line.kind, line.card_id) for line in lines] == [
        ("Changed notes of “Reads the email”; moved from Awareness / Actions to "
         "Consideration / Actions", LineKind.CHANGED, card),
        ("Stage “Buy” renamed from “Purchase”", LineKind.STRUCTURE, None),
    ]
    assert summary(diff) == "1 changed"


def test_another_journey_compares_by_names_and_text(project: Project, editor: Editor) -> None:
    journey = _journey(project, editor)
    s = [x.id for x in journey.stages]
    actions = _lane(journey, LaneKind.ACTIONS)
    editor.add_card(journey.id, (s[0], actions), None, {"text": "Sees the ad"})
    editor.add_card(journey.id, (s[1], actions), None, {"text": "Compares prices"})
    editor.add_card(journey.id, (s[2], actions), None, {"text": "Calls support"})
    to_be = project.journey(editor.duplicate_journey(journey.id, "Checkout (to-be)"))
    t = [x.id for x in to_be.stages]
    t_actions = _lane(to_be, LaneKind.ACTIONS)
    by_text = {c.text: c.id for c in to_be.cards}
    editor.remove_card(by_text["Calls support"])
    editor.move_cards([by_text["Compares prices"]], (t[2], t_actions), 0)
    editor.add_card(to_be.id, (t[3], t_actions), None, {"text": "Chats with a bot"})
    editor.set_emotion(to_be.curves[0].id, t[2], 3)
    # the to-be map against the as-is one: ids differ, names and texts pair them up
    current = journey_snapshot(to_be)
    diff = diff_journeys(align(journey_snapshot(journey), current), current)
    assert {(c.status, c.text) for c in diff.cards} == {
        (CardStatus.ADDED, "Chats with a bot"), (CardStatus.REMOVED, "Calls support"),
        (CardStatus.MOVED, "Compares prices")}
    assert not diff.stages and not diff.lanes
    assert [(e.stage, e.new) for e in diff.emotions] == [(to_be.stages[2].name, 3)]
    same = journey_snapshot(journey)
    assert diff_journeys(align(same, same), same).empty
