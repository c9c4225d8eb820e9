"""Model edits: every operation and its inverse put the project back exactly."""

from __future__ import annotations

import random

import pytest

from model.edits import EditError, Editor
from model.entities import Journey, Persona
from model.scoring import nps, priority, ranked
from model.snapshot import journey_snapshot
from model.store import Project, Workspace


def cells_of(journey: Journey) -> list[tuple[int, int]]:
    return [(s.id, lane.id) for s in journey.stages for lane in journey.lanes
            if lane.kind not in ("emotion", "divider")]


def content(journey: Journey) -> dict:
    """What a journey holds, without its last-modified time (every edit moves it on)."""
    snap = journey_snapshot(journey)
    snap["journey"] = {k: v for k, v in snap["journey"].items() if k != "modified_at"}
    return snap


@pytest.fixture
def ticking_clock(monkeypatch) -> None:
    """Each edit happens a second after the previous one, as in a slow or busy run."""
    import datetime as dt

    import model.edit_base

    now = [dt.datetime(2026, 3, 1, 9, 0, 0)]

    def tick() -> dt.datetime:
        now[0] += dt.timedelta(seconds=1)
        return now[0]

    monkeypatch.setattr(model.edit_base, "utcnow", tick)


def state(journey: Journey) -> list[tuple[int, int, int, int]]:
    return sorted((c.stage_id, c.lane_id, c.position, c.id) for c in journey.cards)


def test_random_moves_and_their_undo_restore_every_cell(project, editor) -> None:
    jid = editor.add_journey("cjm7", "J")
    journey = project.journey(jid)
    cells = cells_of(journey)[:6]
    rng = random.Random(7)
    ids = [editor.add_card(jid, rng.choice(cells), None, {"text": str(i)}) for i in range(20)]
    for _ in range(200):
        before = state(journey)
        moving = rng.sample(ids, rng.randint(1, 5))
        old = editor.move_cards(moving, rng.choice(cells), rng.randint(0, 10))
        for cell in cells:
            positions = sorted(c.position for c in journey.cards if (c.stage_id, c.lane_id) == cell)
            assert positions == list(range(len(positions)))  # dense order in every cell
        editor.place_cards(old)
        assert state(journey) == before


def test_stage_and_lane_removal_restore_cards_points_and_links(project, editor,
                                                              ticking_clock) -> None:
    jid = editor.add_journey("cjm7", "J")
    journey = project.journey(jid)
    stage, lane = journey.stages[2], journey.lanes[0]
    card = editor.add_card(jid, (stage.id, lane.id), None, {"text": "linked"})
    opp = editor.add_opportunity(jid, {"title": "Fix it", "card_ids": [card]})
    editor.set_emotion(journey.curves[0].id, stage.id, -3, "ouch")
    before = content(journey)
    modified = journey.modified_at
    snap = editor.remove_stage(stage.id)
    assert all(c.id != card for c in journey.cards)
    editor.restore_stage(snap)
    assert content(journey) == before
    snap = editor.remove_lane(lane.id)
    editor.restore_lane(snap)
    assert content(journey) == before
    assert journey.modified_at > modified  # the undo is itself a change of the journey
    assert [c.id for c in project.session.get(type(journey.opportunities[0]), opp).cards] == [card]


def test_refused_edits(project, editor) -> None:
    jid = editor.add_journey("blueprint", "B")
    journey = project.journey(jid)
    divider = next(lane for lane in journey.lanes if lane.kind == "divider")
    with pytest.raises(EditError):
        editor.add_card(jid, (journey.stages[0].id, divider.id))
    cjm = project.journey(editor.add_journey("cjm7", "C"))
    with pytest.raises(EditError, match="between -5 and 5"):
        editor.set_emotion(cjm.curves[0].id, cjm.stages[0].id, 6)
    with pytest.raises(EditError, match="another journey"):
        editor.add_card(jid, (cjm.stages[0].id, cjm.lanes[0].id))
    with pytest.raises(EditError, match="Unknown field"):
        editor.update_card(editor.add_card(cjm.id, cells_of(cjm)[0]), {"bogus": 1})


def test_persona_removal_and_restore_relinks_journeys_and_curves(project, editor) -> None:
    jid = editor.add_journey("cjm7", "J")
    journey = project.journey(jid)
    pid = editor.add_persona({"name": "Maria", "quote": "No time!"})
    editor.update_journey(jid, {"persona_id": pid})
    editor.update_curve(journey.curves[0].id, {"persona_id": pid})
    snap = editor.remove_persona(pid)
    assert journey.persona_id is None and journey.curves[0].persona_id is None
    assert project.session.get(Persona, pid) is None
    editor.restore_persona(snap)
    assert journey.persona_id == pid and journey.curves[0].persona_id == pid
    assert project.session.get(Persona, pid).quote == "No time!"


def test_opportunity_update_and_remove_round_trip(project, editor, ticking_clock) -> None:
    jid = editor.add_journey("cjm7", "J")
    journey = project.journey(jid)
    cards = [editor.add_card(jid, cells_of(journey)[0], None, {"text": t}) for t in "ab"]
    opp = editor.add_opportunity(jid, {"title": "Idea", "importance": 5, "card_ids": cards[:1]})
    old = editor.update_opportunity(opp, {"cost": 1, "card_ids": cards})
    assert old == {"card_ids": cards[:1], "cost": 3}
    editor.update_opportunity(opp, old)
    before = content(journey)
    editor.restore_opportunity(editor.remove_opportunity(opp))
    assert content(journey) == before


def test_priority_ranks_important_cheap_easy_first(project, editor) -> None:
    assert priority(5, 1, 5) == 25 and priority(1, 5, 1) == 1
    assert priority(5, 3, 3) == 15 and priority(4, 1, 5) == 20  # cheap and easy counts
    with pytest.raises(ValueError):
        priority(0, 3, 3)
    jid = editor.add_journey("cjm7", "J")
    for title, imp, cost, ease in (("cheap", 3, 1, 5), ("big", 5, 5, 1), ("best", 5, 1, 5)):
        editor.add_opportunity(jid, {"title": title, "importance": imp, "cost": cost,
                                     "ease": ease})
    assert [o.title for o in ranked(project.journey(jid).opportunities)] == [
        "best", "cheap", "big"]


def test_nps() -> None:
    result = nps([10, 9, 8, 7, 6, 0])
    assert (result.promoters, result.passives, result.detractors) == (2, 2, 2)
    assert result.score == 0
    assert nps([10, 10, 3]).score == pytest.approx(100 / 3)
    assert nps([]).score is None
    with pytest.raises(ValueError):
        nps([11])


@pytest.mark.parametrize(
    ("sql", "message"),
    [
        ("UPDATE cards SET severity = 'high'", "wrong type"),
        ("UPDATE cards SET severity = 9", "severity is not 1..5"),
        ("UPDATE cards SET kind = 'bogus'", "cards.kind is unknown"),
        ("UPDATE emotion_points SET value = 42", "off the scale"),
        ("UPDATE stages SET color = 'url(evil)'", "not a #rrggbb colour"),
        ("UPDATE journeys SET created_at = 'yesterday'", "not a date"),
    ],
)
def test_a_file_with_values_the_program_cannot_use_is_refused(tmp_path, sql, message) -> None:
    import hashlib
    import sqlite3

    from model.store import DamagedFileError

    workspace = Workspace(tmp_path / "ws")
    with Project.new(workspace) as p:
        ed = Editor(p.session, p.changes)
        j = p.journey(ed.add_journey("cjm7", "J"))
        ed.add_card(j.id, cells_of(j)[0], None, {"text": "x", "severity": 2})
        ed.set_emotion(j.curves[0].id, j.stages[0].id, 1)
        p.save(tmp_path / "m.cjm")
    conn = sqlite3.connect(tmp_path / "m.cjm")
    conn.execute(sql)
    conn.commit()
    conn.close()
    digest = hashlib.sha256((tmp_path / "m.cjm").read_bytes()).hexdigest()
    with pytest.raises(DamagedFileError, match=message):
        Project.open(tmp_path / "m.cjm", workspace)
    assert hashlib.sha256((tmp_path / "m.cjm").read_bytes()).hexdigest() == digest


def test_untrusted_card_fields_are_refused_or_normalised(project, editor) -> None:
    jid = editor.add_journey("cjm7", "J")
    cell = cells_of(project.journey(jid))[0]
    for bad in ({"severity": "4"}, {"usage_share": "lots"}, {"kind": "bogus"},
                {"color": "red"}, {"text": 5}):
        with pytest.raises(EditError):
            editor.add_card(jid, cell, None, bad)
    card = editor.add_card(jid, cell, None, {"severity": 9, "usage_share": 1.5})
    editor.update_persona(editor.add_persona({"name": "P"}), {"role": "Parent"})
    from model.entities import Card

    got = project.session.get(Card, card)
    assert (got.severity, got.usage_share) == (5, 1.0)
