"""Everything a user puts in a project comes back after save and reopen."""

from __future__ import annotations

import base64
import json
import os
import subprocess
import sys
import tempfile
import warnings
from pathlib import Path
from typing import Any

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy.exc import SAWarning

from model.edits import Editor
from model.entities import EMOTION_MAX, EMOTION_MIN, LaneKind
from model.snapshot import journey_snapshot, row
from model.store import Project, Workspace
from tests.model.store_child import PHOTO, build_full_project, dump_rows

ROOT = Path(__file__).resolve().parents[2]


def dump_in_fresh_process(path: Path, workspace_root: Path) -> dict[str, list[dict[str, Any]]]:
    """Open ``path`` in a new Python process and return every row it sees."""
    result = subprocess.run(
        [sys.executable, "-m", "tests.model.store_child", "dump", str(path), str(workspace_root)],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=60,
        env={**os.environ, "PYTHONHASHSEED": "0"},
    )
    assert result.returncode == 0, result.stderr
    data: dict[str, list[dict[str, Any]]] = json.loads(result.stdout)
    return data


def test_every_entity_survives_save_and_reopen_in_a_fresh_process(tmp_path: Path) -> None:
    workspace = Workspace(tmp_path / "ws")
    project = Project.new(workspace)
    ids = build_full_project(project)
    before = dump_rows(project.session)
    target = tmp_path / "full map.cjm"
    project.save(target)
    project.close()

    after = dump_in_fresh_process(target, tmp_path / "ws-child")

    assert after == before
    # Spot-check what the user typed, so equality of two empty dumps cannot pass.
    persona = next(p for p in after["personas"] if p["id"] == ids["persona"])
    assert base64.b64decode(persona["photo"]["base64"]) == PHOTO
    assert persona["needs"] == "مرحبا بالعالم (RTL)"
    journey = next(j for j in after["journeys"] if j["id"] == ids["journey"])
    assert journey["objective"] == "Activate new teams in one week"
    assert journey["scenario"] == "A team lead signs up after a webinar"
    assert journey["owner"] == "CX team"
    assert journey["persona_id"] == ids["persona"]
    assert journey["next_review"] == {"iso": "2027-03-14"}
    assert {j["name"] for j in after["journeys"]} == {"Onboarding ✈︎", "Support"}
    cards = {c["id"]: c for c in after["cards"]}
    touch = cards[ids["touchpoint"]]
    assert (touch["channel"], touch["department"], touch["usage_share"]) == ("web", "Growth", 0.375)
    assert cards[ids["pain"]]["severity"] == 4
    # Card order within a cell: the card inserted at index 0 comes first.
    assert (cards[ids["front"]]["position"], cards[ids["first"]]["position"]) == (0, 1)
    kinds = {lane["kind"] for lane in after["lanes"] if lane["journey_id"] == ids["journey"]}
    assert {"actions", "touchpoints", "pain_points", "divider", "backstage", "emotion"} <= kinds
    points = {(p["curve_id"], p["value"], p["note"]) for p in after["emotion_points"]}
    assert (ids["as_is"], -5, "as-is note 0") in points
    assert (ids["to_be"], 5, "to-be نوت 3") in points
    assert sorted(
        (link["opportunity_id"], link["card_id"]) for link in after["opportunity_cards"]
    ) == sorted([(ids["opportunity"], ids["pain"]), (ids["opportunity"], ids["touchpoint"])])
    opp = after["opportunities"][0]
    assert (opp["importance"], opp["cost"], opp["ease"], opp["status"]) == (5, 2, 4, "planned")
    assert opp["due_date"] == {"iso": "2027-01-31"}


# --------------------------------------------------------------------------- property


def _text(max_size: int = 40) -> st.SearchStrategy[str]:
    chars = st.characters(codec="utf-8", exclude_characters="\x00")  # no lone surrogates
    special = st.sampled_from(
        [
            "",
            "🚀👩🏽‍💻",
            "שלום עולם",
            "مرحبا",
            "a\u200fb",
            "line\nbreak\ttab",
            "'; DROP TABLE cards;--",
            "\U0010ffff",
            "ﷺ",
            "e\u0301",
        ]
    )
    return st.one_of(special, st.text(chars, max_size=max_size))


@st.composite
def journeys(draw: st.DrawFn) -> dict[str, Any]:
    n_stages = draw(st.integers(1, 5))
    lane_kinds = draw(
        st.lists(
            st.sampled_from([k.value for k in LaneKind]),
            min_size=1,
            max_size=4,
        )
    )
    cells: dict[tuple[int, int], list[dict[str, Any]]] = {}
    for s in range(n_stages):
        for lane, kind in enumerate(lane_kinds):
            if kind in (LaneKind.DIVIDER.value, LaneKind.EMOTION.value):
                continue
            cards = draw(
                st.lists(
                    st.fixed_dictionaries(
                        {"text": _text(), "notes": _text(20)},
                        optional={
                            "severity": st.integers(1, 5),
                            "usage_share": st.floats(0, 1, allow_nan=False),
                            "channel": _text(10),
                        },
                    ),
                    max_size=3,
                )
            )
            if cards:
                cells[(s, lane)] = cards
    n_curves = draw(st.integers(0, 2))
    emotions = [
        [
            draw(st.one_of(st.none(), st.tuples(st.integers(EMOTION_MIN, EMOTION_MAX), _text(15))))
            for _ in range(n_stages)
        ]
        for _ in range(n_curves)
    ]
    return {
        "name": draw(_text()),
        "objective": draw(_text()),
        "stages": [draw(_text(20)) for _ in range(n_stages)],
        "lanes": [(draw(_text(20)), kind) for kind in lane_kinds],
        "cells": cells,
        "emotions": emotions,
        "persona": draw(st.one_of(st.none(), st.tuples(_text(), st.binary(max_size=300)))),
    }


def _build(project: Project, spec: dict[str, Any]) -> None:
    ed = Editor(project.session, project.changes)
    persona_id = None
    if spec["persona"] is not None:
        name, photo = spec["persona"]
        persona_id = ed.add_persona({"name": name, "photo": photo or None})
    jid = ed.add_journey("blank", "x")
    journey = project.journey(jid)
    for stage in list(journey.stages):
        ed.remove_stage(stage.id)
    for lane in list(journey.lanes):
        ed.remove_lane(lane.id)
    for curve in list(journey.curves):
        ed.remove_curve(curve.id)
    ed.update_journey(
        jid, {"name": spec["name"], "objective": spec["objective"], "persona_id": persona_id}
    )
    stages = [ed.add_stage(jid, None, {"name": name}) for name in spec["stages"]]
    lanes = [ed.add_lane(jid, None, {"name": name, "kind": kind}) for name, kind in spec["lanes"]]
    for (s, lane), cards in spec["cells"].items():
        for fields in cards:
            ed.add_card(jid, (stages[s], lanes[lane]), None, fields)
    for values in spec["emotions"]:
        curve_id = ed.add_curve(jid, {"name": "curve", "persona_id": persona_id})
        for stage_id, value in zip(stages, values, strict=True):
            if value is None:
                ed.set_emotion(curve_id, stage_id, None)
            else:
                ed.set_emotion(curve_id, stage_id, value[0], value[1])


@settings(
    max_examples=25,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)
@given(spec=journeys())
def test_random_journeys_survive_save_and_open(spec: dict[str, Any]) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        workspace = Workspace(root / "ws")
        project = Project.new(workspace)
        try:
            _build(project, spec)
            (journey,) = project.journeys()
            expected = journey_snapshot(journey)
            personas = [row(p) for p in _personas(project)]
            project.save(root / "random.cjm")
        finally:
            project.close()
        reopened = Project.open(root / "random.cjm", workspace)
        try:
            (journey,) = reopened.journeys()
            assert journey_snapshot(journey) == expected
            assert [row(p) for p in _personas(reopened)] == personas
            # The texts are the ones drawn, not just equal to a broken "expected".
            assert journey.name == spec["name"]
            assert sorted(c.text for c in journey.cards) == sorted(
                f["text"] for cards in spec["cells"].values() for f in cards
            )
        finally:
            reopened.close()


def _personas(project: Project) -> list[Any]:
    from sqlalchemy import select

    from model.entities import Persona

    return list(project.session.scalars(select(Persona).order_by(Persona.id)))


def _without_modified_at(dump: dict) -> dict:
    """Every row, but a journey's last-modified time (the undo is itself an edit)."""
    out = dict(dump)
    out["journeys"] = [{k: v for k, v in r.items() if k != "modified_at"}
                       for r in dump["journeys"]]
    return out


def test_undoing_a_journey_delete_then_saving_brings_back_every_row(tmp_path: Path,
                                                                    monkeypatch) -> None:
    import datetime as dt

    import model.edit_base

    clock = [dt.datetime(2026, 3, 1, 9, 0, 0)]

    def tick() -> dt.datetime:  # a second passes between edits, as in a slow run
        clock[0] += dt.timedelta(seconds=1)
        return clock[0]

    monkeypatch.setattr(model.edit_base, "utcnow", tick)
    workspace = Workspace(tmp_path / "ws")
    project = Project.new(workspace)
    ids = build_full_project(project)
    before = dump_rows(project.session)
    ed = Editor(project.session, project.changes)
    snap = ed.remove_journey(ids["journey"])
    project.flush()
    assert len(dump_rows(project.session)["cards"]) < len(before["cards"])
    ed.restore_journey(snap)
    project.save(tmp_path / "undo.cjm")
    project.close()
    after = dump_in_fresh_process(tmp_path / "undo.cjm", tmp_path / "ws2")
    assert _without_modified_at(after) == _without_modified_at(before)
    restored = next(r for r in after["journeys"] if r["id"] == ids["journey"])
    original = next(r for r in before["journeys"] if r["id"] == ids["journey"])
    assert restored["modified_at"] != original["modified_at"]  # the undo moved it on


def test_duplicated_journey_is_an_equal_copy_after_reopen(tmp_path: Path) -> None:
    workspace = Workspace(tmp_path / "ws")
    project = Project.new(workspace)
    ids = build_full_project(project)
    copy_id = Editor(project.session, project.changes).duplicate_journey(ids["journey"], "Copy")
    project.save(tmp_path / "dup.cjm")
    project.close()
    reopened = Project.open(tmp_path / "dup.cjm", workspace)
    try:
        original = _shape(journey_snapshot(reopened.journey(ids["journey"])))
        copy = _shape(journey_snapshot(reopened.journey(copy_id)))
    finally:
        reopened.close()
    assert copy == original
    assert len(original["cards"]) == 5 and len(original["links"]) == 2


def test_removing_a_journey_raises_no_orm_warnings(tmp_path: Path) -> None:
    project = Project.new(Workspace(tmp_path / "ws"))
    ids = build_full_project(project)
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("error", SAWarning)
            Editor(project.session, project.changes).remove_journey(ids["journey"])
    finally:
        project.close()


def _shape(snap: dict[str, Any]) -> dict[str, Any]:
    """A snapshot with ids replaced by positions, so a copy compares equal to its original."""
    index: dict[tuple[str, int], int] = {}
    for kind in ("stages", "lanes", "cards", "curves", "opportunities"):
        for i, r in enumerate(snap[kind]):
            index[(kind, r["id"])] = i
    refs = {"stage_id": "stages", "lane_id": "lanes", "curve_id": "curves"}

    def clean(r: dict[str, Any], drop: set[str]) -> dict[str, Any]:
        out = {k: v for k, v in r.items() if k not in drop}
        for key, ref in refs.items():
            if key in out:
                out[key] = index[(ref, out[key])]
        return out

    own = {"id", "name", "position", "created_at", "modified_at"}  # differ in a copy
    shaped: dict[str, Any] = {"journey": clean(snap["journey"], own)}
    for kind in ("stages", "lanes", "cards", "curves", "points", "opportunities"):
        shaped[kind] = [clean(r, {"id", "journey_id"}) for r in snap[kind]]
    shaped["points"].sort(key=lambda p: (p["curve_id"], p["stage_id"]))
    shaped["links"] = sorted(
        (index[("opportunities", o)], index[("cards", c)]) for o, c in snap["links"]
    )
    return shaped
