"""Typed undo snapshots: each says exactly what a removal keeps, and restoring it is exact."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import inspect

from model import snapshot_types as st
from model.edits import Editor
from model.entities import (
    Base,
    Card,
    EmotionCurve,
    EmotionPoint,
    Lane,
    Metric,
    Opportunity,
    Persona,
    Snapshot,
    Stage,
    Vote,
)
from model.store import Project, Workspace
from tests.model.store_child import build_full_project, dump_rows

ROWS: list[tuple[type[Any], type[Base]]] = [
    (st.CardRow, Card), (st.MetricRow, Metric), (st.PointRow, EmotionPoint),
    (st.StageRow, Stage), (st.LaneRow, Lane), (st.CurveRow, EmotionCurve),
    (st.PersonaRow, Persona), (st.OpportunityRow, Opportunity), (st.SnapshotRow, Snapshot),
    (st.VoteRow, Vote),
]


@pytest.mark.parametrize(("typed", "entity"), ROWS, ids=[t.__name__ for t, _ in ROWS])
def test_each_typed_row_lists_exactly_the_columns_of_its_table(typed, entity) -> None:
    columns = {attr.key for attr in inspect(entity).column_attrs}
    assert set(typed.__required_keys__) == columns
    assert not typed.__optional_keys__


def _keys_match(value: Mapping[str, Any], typed: type[Any]) -> None:
    assert set(value) == set(typed.__required_keys__), typed.__name__


def _without_modified_at(dump: dict[str, list[dict[str, Any]]]) -> dict[str, Any]:
    # Every edit moves a journey's modified_at on; the rows themselves must come back.
    return {table: [{k: v for k, v in r.items() if k != "modified_at"} for r in rows]
            for table, rows in dump.items()}


@pytest.fixture
def full(tmp_path: Path):
    project = Project.new(Workspace(tmp_path / "ws"))
    ids = build_full_project(project)
    editor = Editor(project.session, project.changes)
    pain = project.session.get(Card, ids["pain"])
    assert pain is not None
    editor.add_metric(ids["touchpoint"], None, {"kind": "nps", "value": 12.0, "responses": 40})
    editor.add_metric(None, pain.stage_id, {"kind": "csat", "value": 70.0})
    editor.take_snapshot(ids["journey"], "Before the workshop")
    project.flush()
    yield project, editor, ids
    project.close()


def test_every_removal_keeps_what_its_snapshot_type_says_and_restoring_is_exact(full) -> None:
    project, editor, ids = full
    session = project.session
    pain = session.get(Card, ids["pain"])
    assert pain is not None
    stage_id, lane_id = pain.stage_id, pain.lane_id
    snapshot_id = next(iter(session.query(Snapshot))).id
    metric_id = next(iter(session.query(Metric))).id
    removals: list[tuple[Callable[[int], Any], Callable[[Any], int], int, type[Any]]] = [
        (editor.remove_card, editor.restore_card, ids["touchpoint"], st.CardSnapshot),
        (editor.remove_stage, editor.restore_stage, stage_id, st.StageSnapshot),
        (editor.remove_lane, editor.restore_lane, lane_id, st.LaneSnapshot),
        (editor.remove_curve, editor.restore_curve, ids["to_be"], st.CurveSnapshot),
        (editor.remove_persona, editor.restore_persona, ids["persona"], st.PersonaSnapshot),
        (editor.remove_opportunity, editor.restore_opportunity, ids["opportunity"],
         st.OpportunitySnapshot),
        (editor.remove_metric, editor.restore_metric, metric_id, st.MetricRow),
        (editor.remove_snapshot, editor.restore_snapshot, snapshot_id, st.SnapshotRow),
    ]
    for remove, restore, obj_id, typed in removals:
        before = _without_modified_at(dump_rows(session))
        snap = remove(obj_id)
        _keys_match(snap, typed)
        for card in snap.get("cards", []):
            _keys_match(card, st.CardSnapshot)
        for point in snap.get("points", []):
            _keys_match(point, st.PointRow)
        for metric in snap.get("metrics", []):
            _keys_match(metric, st.MetricRow)
        assert _without_modified_at(dump_rows(session)) != before, typed.__name__
        assert restore(snap) == obj_id
        session.flush()
        assert _without_modified_at(dump_rows(session)) == before, typed.__name__
