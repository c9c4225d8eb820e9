"""Saved views and dot-voting rounds in the .cjm (schema v6): edits, undo pairs, files."""

from __future__ import annotations

import shutil
import sqlite3
from pathlib import Path

import pytest
from sqlalchemy.orm import Session

from model.edits import EditError, Editor
from model.entities import CardKind, LaneKind
from model.layout import compute_layout
from model.store import DamagedFileError, Project, Workspace
from model.workshop import (
    DIRECT,
    ViewFilter,
    find_view,
    importance_from_votes,
    opportunity_votes,
    participant_counts,
    round_records,
    view_records,
    vote_counts,
)
from tests.model.store_child import Dump, build_full_project
from tests.model.store_child import dump_rows as _dump_rows


def dump_rows(session: Session) -> Dump:
    """Every row, without the journeys' modified_at (an edit moves it on, undo too)."""
    rows = _dump_rows(session)
    rows["journeys"] = [{k: v for k, v in j.items() if k != "modified_at"}
                        for j in rows["journeys"]]
    return rows


def lane_of(project: Project, journey_id: int, kind: LaneKind) -> int:
    return next(x.id for x in project.journey(journey_id).lanes if x.kind == kind.value)


def test_a_saved_view_keeps_its_filters_through_save_and_reopen(tmp_path: Path) -> None:
    workspace = Workspace(tmp_path / "ws")
    project = Project.new(workspace)
    ids = build_full_project(project)
    ed = Editor(project.session, project.changes)
    jid = ids["journey"]
    backstage = lane_of(project, jid, LaneKind.BACKSTAGE)
    actions = lane_of(project, jid, LaneKind.ACTIONS)
    view_id = ed.save_view(jid, {"name": "Customer only", "zoom": 0.75,
                                 "highlight_kind": "pain_point", "persona_id": ids["persona"],
                                 "hidden_lanes": [backstage, actions]})
    ed.save_view(jid, {"name": "Everything"})
    project.save(tmp_path / "map.cjm")
    project.close()

    again = Project.open(tmp_path / "map.cjm", workspace)
    try:
        views = view_records(again.session, jid)
        assert [v.name for v in views] == ["Customer only", "Everything"]
        assert views[0].id == view_id
        assert views[0].filter == ViewFilter(frozenset({backstage, actions}), ids["persona"],
                                             "pain_point", 0.75)
        assert views[1].filter == ViewFilter()
        found = find_view(again.session, jid, "  customer ONLY ")
        assert found is not None and found.id == view_id
    finally:
        again.close()


def test_rename_delete_and_restore_of_a_view_round_trip(project: Project) -> None:
    ed = Editor(project.session, project.changes)
    jid = ed.add_journey("cjm7", "Checkout")
    lane = lane_of(project, jid, LaneKind.BACKSTAGE)
    view_id = ed.save_view(jid, {"name": "Front", "hidden_lanes": [lane]})
    before = dump_rows(project.session)
    old = ed.update_view(view_id, {"name": "Frontstage", "hidden_lanes": []})
    assert view_records(project.session, jid)[0].filter.hidden_lanes == frozenset()
    ed.update_view(view_id, old)
    assert dump_rows(project.session) == before
    snap = ed.remove_view(view_id)
    assert view_records(project.session, jid) == []
    ed.restore_view(snap)
    assert dump_rows(project.session) == before
    with pytest.raises(EditError):
        ed.update_view(view_id, {"name": "  "})
    other = ed.add_journey("cjm7", "Other")
    with pytest.raises(EditError):  # a lane of another journey
        ed.update_view(view_id, {"hidden_lanes": [lane_of(project, other, LaneKind.ACTIONS)]})


def test_deleting_a_lane_or_persona_a_view_uses_is_undone_exactly(tmp_path: Path) -> None:
    project = Project.new(Workspace(tmp_path / "ws"))
    try:
        ids = build_full_project(project)
        ed = Editor(project.session, project.changes)
        jid = ids["journey"]
        lane = lane_of(project, jid, LaneKind.BACKSTAGE)
        ed.save_view(jid, {"name": "v", "hidden_lanes": [lane], "persona_id": ids["persona"]})
        before = dump_rows(project.session)
        snap = ed.remove_lane(lane)
        assert view_records(project.session, jid)[0].filter.hidden_lanes == frozenset()
        ed.restore_lane(snap)
        assert dump_rows(project.session) == before
        persona = ed.remove_persona(ids["persona"])
        assert view_records(project.session, jid)[0].filter.persona_id is None
        ed.restore_persona(persona)
        assert dump_rows(project.session) == before
    finally:
        project.close()


def _round_with_votes(project: Project) -> tuple[Editor, dict[str, int], int]:
    ids = build_full_project(project)
    ed = Editor(project.session, project.changes)
    round_id = ed.start_round(ids["journey"], {"dots": 3, "pain_points": True,
                                               "opportunities": True})
    second = project.journey(ids["second_journey"])
    cell = (second.stages[0].id, lane_of(project, second.id, LaneKind.PAIN_POINTS))
    ids["elsewhere"] = ed.add_card(second.id, cell, None, {"text": "x", "kind": "pain_point"})
    return ed, ids, round_id


def test_participants_vote_within_their_dots_and_counts_add_up(project: Project) -> None:
    ed, ids, round_id = _round_with_votes(project)
    (record,) = round_records(project.session, ids["journey"])
    assert (record.name, record.dots) == ("Round 1", 3)
    pain = ids["pain"]
    assert ed.set_votes(round_id, pain, "Ana", 2) == 0
    ed.set_votes(round_id, pain, "Ben", 1)
    with pytest.raises(EditError, match="Ana has no dots left"):
        ed.set_votes(round_id, pain, "Ana", 4)
    assert vote_counts(project.session, round_id) == {pain: 3}
    # The facilitator's count: the total on the card, participants' dots kept.
    ed.set_total(round_id, pain, 7)
    assert vote_counts(project.session, round_id) == {pain: 7}
    assert participant_counts(project.session, round_id) == {"Ana": 2, "Ben": 1, DIRECT: 4}
    with pytest.raises(EditError, match="cannot be lower"):
        ed.set_total(round_id, pain, 2)
    with pytest.raises(EditError, match="not on cards of this kind"):
        ed.set_votes(round_id, ids["touchpoint"], "Ana", 1)
    journey = project.journey(ids["journey"])
    assert opportunity_votes(journey, vote_counts(project.session, round_id)) == {
        ids["opportunity"]: 7}


def test_reset_and_deletes_of_voted_cards_and_journeys_are_undone_exactly(
        project: Project) -> None:
    ed, ids, round_id = _round_with_votes(project)
    ed.set_votes(round_id, ids["pain"], "Ana", 2)
    ed.set_total(round_id, ids["pain"], 5)
    ed.save_view(ids["journey"], {"name": "v", "highlight_kind": "pain_point"})
    before = dump_rows(project.session)
    rows = ed.clear_votes(round_id)
    assert vote_counts(project.session, round_id) == {}
    ed.put_back_votes(round_id, rows)
    assert dump_rows(project.session) == before
    snap = ed.remove_card(ids["pain"])
    assert vote_counts(project.session, round_id) == {}
    ed.restore_card(snap)
    assert dump_rows(project.session) == before
    stage_id = project.session.get(type(project.journey(ids["journey"]).cards[0]),
                                   ids["pain"]).stage_id
    stage = ed.remove_stage(stage_id)
    ed.restore_stage(stage)
    assert vote_counts(project.session, round_id) == {ids["pain"]: 5}
    journey = ed.remove_journey(ids["journey"])
    assert round_records(project.session, ids["journey"]) == []
    ed.restore_journey(journey)
    assert dump_rows(project.session) == before
    removed = ed.remove_round(round_id)
    ed.restore_round(removed)
    assert dump_rows(project.session) == before


def test_rounds_and_votes_survive_save_and_reopen(tmp_path: Path) -> None:
    workspace = Workspace(tmp_path / "ws")
    project = Project.new(workspace)
    ed, ids, round_id = _round_with_votes(project)
    ed.set_votes(round_id, ids["pain"], "Participant 1", 3)
    project.save(tmp_path / "map.cjm")
    project.close()
    again = Project.open(tmp_path / "map.cjm", workspace)
    try:
        assert vote_counts(again.session, round_id) == {ids["pain"]: 3}
        assert [r.id for r in round_records(again.session, ids["journey"])] == [round_id]
    finally:
        again.close()


def test_importance_follows_the_votes_top_five_none_one() -> None:
    assert importance_from_votes({1: 8, 2: 4, 3: 0, 4: 1}) == {1: 5, 2: 3, 3: 1, 4: 2}
    assert importance_from_votes({1: 0, 2: 0}) == {}


def test_a_round_needs_dots_and_something_to_vote_on(project: Project) -> None:
    ed = Editor(project.session, project.changes)
    jid = ed.add_journey("cjm7", "Checkout")
    with pytest.raises(EditError):
        ed.start_round(jid, {"dots": 0})
    with pytest.raises(EditError):
        ed.start_round(jid, {"pain_points": False, "opportunities": False})


def test_hidden_lanes_drop_out_of_the_layout_and_come_back_exactly(project: Project) -> None:
    ed = Editor(project.session, project.changes)
    jid = ed.add_journey("cjm7", "Checkout")
    journey = project.journey(jid)
    lanes = sorted(journey.lanes, key=lambda x: x.position)
    stage = journey.stages[0].id
    holding = [x for x in lanes if x.kind not in ("emotion", "divider")]
    hidden = holding[0]
    below = holding[1]
    card = ed.add_card(jid, (stage, hidden.id), None, {"text": "hidden", "kind": "action"})
    other = ed.add_card(jid, (stage, below.id), None, {"text": "shown",
                                                        "kind": CardKind.THOUGHT.value})
    full = compute_layout(journey)
    cut = compute_layout(journey, hidden_lanes=frozenset({hidden.id}))
    assert hidden.id not in {x.id for x in cut.lanes}
    assert card not in cut.cards and other in cut.cards
    assert cut.height == pytest.approx(full.height - full.lane(hidden.id).band.h)
    assert cut.cards[other].rect.y < full.cards[other].rect.y  # the lanes below move up
    assert cut == compute_layout(journey, hidden_lanes=frozenset({hidden.id}),
                                 incremental=False)
    back = compute_layout(journey)
    assert back == compute_layout(journey, incremental=False)
    assert back.cards == full.cards and back.lanes == full.lanes


def _damage(path: Path, target: Path, statement: str) -> None:
    shutil.copyfile(path, target)
    conn = sqlite3.connect(target, isolation_level=None)
    try:
        conn.execute("PRAGMA foreign_keys=OFF")
        conn.execute(statement)
    finally:
        conn.close()


@pytest.mark.parametrize("statement", [
    "UPDATE votes SET count = -3",
    "UPDATE votes SET count = 'many'",
    "UPDATE vote_rounds SET dots = 1000",
    "UPDATE vote_rounds SET pain_points = 7",
    "UPDATE saved_views SET highlight_kind = 'bogus'",
    "UPDATE saved_views SET zoom = 1e9",
    # a card of another journey
    "UPDATE votes SET card_id = (SELECT max(id) FROM cards WHERE text = 'x')",
    "UPDATE saved_view_lanes SET lane_id = (SELECT max(id) FROM lanes)",
    "UPDATE votes SET round_id = 999",  # a broken reference
])
def test_a_file_with_bad_views_or_votes_is_refused_and_left_untouched(
        tmp_path: Path, statement: str) -> None:
    workspace = Workspace(tmp_path / "ws")
    project = Project.new(workspace)
    ed, ids, round_id = _round_with_votes(project)
    ed.set_votes(round_id, ids["pain"], "Ana", 1)
    ed.save_view(ids["journey"], {"name": "v", "highlight_kind": "pain_point",
                                  "hidden_lanes": [lane_of(project, ids["journey"],
                                                           LaneKind.BACKSTAGE)]})
    project.save(tmp_path / "good.cjm")
    project.close()
    bad = tmp_path / "bad.cjm"
    _damage(tmp_path / "good.cjm", bad, statement)
    before = bad.read_bytes()
    with pytest.raises(DamagedFileError) as info:
        Project.open(bad, workspace)
    assert "Traceback" not in info.value.message
    assert bad.read_bytes() == before


def test_a_schema_row_holding_a_blob_for_a_name_is_refused_as_damaged(tmp_path: Path) -> None:
    """Found by the loader fuzz: a flipped byte turned an index's table name into a blob."""
    workspace = Workspace(tmp_path / "ws")
    project = Project.new(workspace)
    Editor(project.session, project.changes).add_journey("cjm7", "Checkout")
    project.save(tmp_path / "good.cjm")
    project.close()
    bad = tmp_path / "bad.cjm"
    shutil.copyfile(tmp_path / "good.cjm", bad)
    conn = sqlite3.connect(bad, isolation_level=None)
    try:
        conn.execute("PRAGMA writable_schema=ON")
        conn.execute("UPDATE sqlite_master SET tbl_name = CAST(tbl_name AS BLOB) "
                     "WHERE name = 'ix_votes_card'")
    finally:
        conn.close()
    before = bad.read_bytes()
    with pytest.raises(DamagedFileError, match="wrong type"):
        Project.open(bad, workspace)
    assert bad.read_bytes() == before


def test_a_duplicated_journey_has_its_originals_views_on_its_own_lanes_but_no_votes(
        project: Project) -> None:
    ed = Editor(project.session, project.changes)
    jid = ed.add_journey("cjm7", "Checkout")
    backstage = lane_of(project, jid, LaneKind.BACKSTAGE)
    actions = lane_of(project, jid, LaneKind.ACTIONS)
    ed.save_view(jid, {"name": "Customer only", "zoom": 0.5, "highlight_kind": "pain_point",
                       "hidden_lanes": [backstage, actions]})
    ed.save_view(jid, {"name": "Everything"})
    pain = ed.add_card(jid, (project.journey(jid).stages[0].id,
                             lane_of(project, jid, LaneKind.PAIN_POINTS)), None,
                       {"kind": CardKind.PAIN_POINT.value, "text": "Slow"})
    round_id = ed.start_round(jid, {"dots": 3, "pain_points": True, "opportunities": True})
    ed.set_votes(round_id, pain, "Ana", 2)
    before = dump_rows(project.session)

    copy = ed.duplicate_journey(jid, "Checkout (to-be)")

    views = view_records(project.session, copy)
    assert [v.name for v in views] == ["Customer only", "Everything"]
    assert views[0].filter == ViewFilter(
        frozenset({lane_of(project, copy, LaneKind.BACKSTAGE),
                   lane_of(project, copy, LaneKind.ACTIONS)}), None, "pain_point", 0.5)
    assert views[1].filter == ViewFilter()
    assert round_records(project.session, copy) == []
    assert [v.name for v in view_records(project.session, jid)] == ["Customer only",
                                                                     "Everything"]
    after = dump_rows(project.session)
    snap = ed.remove_journey(copy)  # what undoing the duplicate does
    assert dump_rows(project.session) == before
    ed.restore_journey(snap)  # and redoing it
    assert dump_rows(project.session) == after
