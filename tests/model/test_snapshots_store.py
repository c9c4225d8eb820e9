"""Snapshots inside the .cjm: round trip, restore as new, undo pairs, the size rule, migration."""

from __future__ import annotations

import datetime as dt
import random
import sqlite3
from pathlib import Path

import pytest

from model.edits import EditError, Editor
from model.entities import Card, Journey, LaneKind, Snapshot
from model.review_edits import load_snapshot, snapshot_records
from model.schema import SCHEMA_VERSION, expected_signature, read_signature
from model.snapshot import journey_snapshot
from model.store import Project, Workspace, create_empty_database
from tests.model.store_child import build_full_project


def _content(snap: dict) -> dict:
    snap = dict(snap)
    snap["journey"] = {k: v for k, v in snap["journey"].items() if k != "modified_at"}
    return snap


def test_a_snapshot_of_every_entity_survives_save_and_reopen(tmp_path: Path) -> None:
    workspace = Workspace(tmp_path / "ws")
    project = Project.new(workspace)
    ids = build_full_project(project)
    ed = Editor(project.session, project.changes)
    before = journey_snapshot(project.journey(ids["journey"]))
    snap_id = ed.take_snapshot(ids["journey"], "Q3 review", dt.datetime(2026, 9, 1, 10, 0))
    ed.update_card(project.journey(ids["journey"]).cards[0].id, {"text": "changed later"})
    project.save(tmp_path / "map.cjm")
    project.close()

    again = Project.open(tmp_path / "map.cjm", workspace)
    try:
        (record,) = snapshot_records(again.session, ids["journey"])
        assert (record["label"], record["taken_at"]) == ("Q3 review",
                                                        dt.datetime(2026, 9, 1, 10, 0))
        assert record["card_count"] == len(before["cards"])
        assert load_snapshot(again.session, snap_id) == before
    finally:
        again.close()


def test_restore_as_new_journey_copies_everything_with_fresh_ids(tmp_path: Path) -> None:
    project = Project.new(Workspace(tmp_path / "ws"))
    ids = build_full_project(project)
    ed = Editor(project.session, project.changes)
    snap_id = ed.take_snapshot(ids["journey"], "Before")
    original = journey_snapshot(project.journey(ids["journey"]))
    new_id = ed.journey_from_snapshot(snap_id, "Onboarding (Before)")
    copy = journey_snapshot(project.journey(new_id))
    assert copy["journey"]["name"] == "Onboarding (Before)"
    assert {c["id"] for c in copy["cards"]}.isdisjoint({c["id"] for c in original["cards"]})
    for part, key in (("stages", "name"), ("lanes", "name"), ("cards", "text"),
                      ("curves", "name"), ("points", "value"), ("opportunities", "status")):
        assert sorted(str(r[key]) for r in copy[part]) == sorted(
            str(r[key]) for r in original[part]), part
    assert len(copy["links"]) == len(original["links"]) > 0
    project.close()


def test_delete_and_rename_a_snapshot_round_trip(tmp_path: Path) -> None:
    project = Project.new(Workspace(tmp_path / "ws"))
    ed = Editor(project.session, project.changes)
    jid = ed.add_journey("cjm7", "Checkout")
    snap_id = ed.take_snapshot(jid, "First")
    data = load_snapshot(project.session, snap_id)
    old = ed.update_snapshot(snap_id, {"label": "Renamed"})
    assert snapshot_records(project.session, jid)[0]["label"] == "Renamed"
    ed.update_snapshot(snap_id, old)
    row = ed.remove_snapshot(snap_id)
    assert snapshot_records(project.session, jid) == []
    assert ed.restore_snapshot(row) == snap_id
    assert snapshot_records(project.session, jid)[0]["label"] == "First"
    assert load_snapshot(project.session, snap_id) == data
    with pytest.raises(EditError):
        ed.update_snapshot(snap_id, {"label": "  "})
    project.close()


def test_deleting_a_journey_and_undoing_it_brings_its_snapshots_back(tmp_path: Path) -> None:
    project = Project.new(Workspace(tmp_path / "ws"))
    ed = Editor(project.session, project.changes)
    jid = ed.add_journey("cjm7", "Checkout")
    ed.take_snapshot(jid, "One")
    ed.take_snapshot(jid, "Two")
    snap = ed.remove_journey(jid)
    assert project.session.query(Snapshot).count() == 0
    ed.restore_journey(snap)
    assert sorted(r["label"] for r in snapshot_records(project.session, jid)) == ["One", "Two"]
    project.close()


def test_the_review_interval_is_kept_in_range(tmp_path: Path) -> None:
    project = Project.new(Workspace(tmp_path / "ws"))
    ed = Editor(project.session, project.changes)
    jid = ed.add_journey("cjm7", "Checkout")
    assert project.journey(jid).review_interval_months == 3
    ed.update_journey(jid, {"review_interval_months": 99})
    assert project.journey(jid).review_interval_months == 24
    with pytest.raises(EditError):
        ed.update_journey(jid, {"next_review": "tomorrow"})
    project.close()


def _big_journey(ed: Editor, project: Project, cards: int) -> int:
    jid = ed.add_journey("cjm7", "Big")
    journey = project.journey(jid)
    cells = [(s.id, x.id) for s in journey.stages for x in journey.lanes
             if x.kind not in (LaneKind.EMOTION.value, LaneKind.DIVIDER.value)]
    rnd = random.Random(12)
    words = ("customer", "checkout", "payment", "delivery", "email", "waits", "confused",
             "support", "app", "form", "retry", "coupon", "price", "account", "password")
    for i in range(cards):
        text = " ".join(rnd.choice(words) for _ in range(rnd.randint(3, 14)))
        ed.add_card(jid, cells[i % len(cells)], None, {"text": f"{i}: {text}",
                                                       "notes": rnd.choice(["", text])})
    return jid


def test_twenty_snapshots_of_a_500_card_journey_stay_under_five_times_its_size(
        tmp_path: Path) -> None:
    workspace = Workspace(tmp_path / "ws")
    project = Project.new(workspace)
    ed = Editor(project.session, project.changes)
    for journey in project.journeys():
        ed.remove_journey(journey.id)
    jid = _big_journey(ed, project, 500)
    alone = project.save(tmp_path / "alone.cjm").stat().st_size
    cards = [c.id for c in project.journey(jid).cards]
    for i in range(20):
        # The map moves on between snapshots, as it would between reviews.
        for card_id in cards[i * 10:(i + 1) * 10]:
            ed.update_card(card_id, {"text": f"revised in round {i}"})
        ed.take_snapshot(jid, f"Review {i}")
    with_snapshots = project.save(tmp_path / "with.cjm").stat().st_size
    project.close()
    assert with_snapshots < 5 * alone, (alone, with_snapshots)
    conn = sqlite3.connect(tmp_path / "with.cjm")
    try:
        assert conn.execute("SELECT count(*) FROM snapshots").fetchone()[0] == 20
    finally:
        conn.close()


def test_a_damaged_snapshot_in_a_file_is_refused_when_opened_not_when_the_file_is(
        tmp_path: Path) -> None:
    workspace = Workspace(tmp_path / "ws")
    project = Project.new(workspace)
    ed = Editor(project.session, project.changes)
    jid = ed.add_journey("cjm7", "Checkout")
    snap_id = ed.take_snapshot(jid, "One")
    project.save(tmp_path / "map.cjm")
    project.close()
    conn = sqlite3.connect(tmp_path / "map.cjm")
    conn.execute("UPDATE snapshots SET data = X'00112233'")
    conn.commit()
    conn.close()
    again = Project.open(tmp_path / "map.cjm", workspace)
    try:
        assert len(snapshot_records(again.session, jid)) == 1
        with pytest.raises(EditError):  # a SnapshotError: the message says damaged
            Editor(again.session, again.changes).journey_from_snapshot(snap_id, "x")
    finally:
        again.close()


def _v2_file(path: Path) -> None:
    create_empty_database(path, version=2)
    conn = sqlite3.connect(path, isolation_level=None)
    try:
        conn.executescript(
            "INSERT INTO journeys (id, position, name, objective, scenario, owner, created_at, "
            "modified_at, next_review) VALUES (1, 0, 'Checkout', '', '', '', "
            "'2025-01-02 03:04:05', '2025-01-02 03:04:05', '2026-03-03');"
            "INSERT INTO stages (id, journey_id, position, name, description, color, width) "
            "VALUES (1, 1, 0, 'Pay', '', '#ffffff', 220.0);"
            "INSERT INTO lanes (id, journey_id, position, name, kind, color) "
            "VALUES (1, 1, 0, 'Actions', 'actions', '#eeeeee');"
            "INSERT INTO cards (id, journey_id, stage_id, lane_id, position, kind, text, color, "
            "notes, channel, department) VALUES (1, 1, 1, 1, 0, 'action', 'Pays', '', '', '', '')"
        )
    finally:
        conn.close()


def test_a_version_2_file_is_migrated_with_a_three_month_cadence_and_no_snapshots(
        tmp_path: Path) -> None:
    path = tmp_path / "old.cjm"
    _v2_file(path)
    original = path.read_bytes()
    workspace = Workspace(tmp_path / "ws")
    project = Project.open(path, workspace)
    try:
        assert project.migrated_from == 2
        (journey,) = project.journeys()
        assert (journey.name, journey.next_review, journey.review_interval_months) == (
            "Checkout", dt.date(2026, 3, 3), 3)
        assert project.session.query(Card).count() == 1
        ed = Editor(project.session, project.changes)
        ed.take_snapshot(journey.id, "First review")
        project.save()
    finally:
        project.close()
    assert (tmp_path / "old.v2-backup.cjm").read_bytes() == original
    conn = sqlite3.connect(path)
    try:
        assert conn.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
        assert read_signature(conn) == expected_signature(SCHEMA_VERSION)
    finally:
        conn.close()
    again = Project.open(path, workspace)
    try:
        journey = again.session.get(Journey, 1)
        assert journey is not None
        assert [r["label"] for r in snapshot_records(again.session, 1)] == ["First review"]
    finally:
        again.close()


def test_a_version_3_file_with_metrics_is_migrated_and_keeps_them(tmp_path: Path) -> None:
    path = tmp_path / "v3.cjm"
    _v2_file(path)
    workspace = Workspace(tmp_path / "ws")
    conn = sqlite3.connect(path, isolation_level=None)
    try:  # the v2 -> v3 step alone, as a Journeyboard with metrics wrote it
        from model.schema import MIGRATIONS

        for statement in MIGRATIONS[2]:
            conn.execute(statement)
        conn.execute("PRAGMA user_version=3")
        conn.execute("INSERT INTO metrics (id, journey_id, card_id, stage_id, position, kind, "
                     "name, unit, value, period, source, computed) VALUES (1, 1, 1, NULL, 0, "
                     "'nps', 'NPS', '', 42.0, '', '', 0)")
        assert read_signature(conn) == expected_signature(3)
    finally:
        conn.close()
    project = Project.open(path, workspace)
    try:
        assert project.migrated_from == 3
        journey = project.journeys()[0]
        assert journey.review_interval_months == 3
        ed = Editor(project.session, project.changes)
        snap_id = ed.take_snapshot(journey.id, "After migration")
        assert [m["value"] for m in load_snapshot(project.session, snap_id)["metrics"]] == [42.0]
    finally:
        project.close()
