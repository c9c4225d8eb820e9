"""Metrics: NPS/CSAT/CES from answers, edits and undo, survey matching, the v2 -> v3 file."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from model.edits import EditError, Editor
from model.entities import Card, CardKind, Journey, Metric
from model.metrics import (
    AnswerError,
    MetricKind,
    badge_text,
    format_value,
    is_small_sample,
    score,
    score_counts,
    usage_text,
)
from model.schema import SCHEMA_VERSION, expected_signature, read_signature
from model.snapshot import journey_snapshot
from model.store import Project, Workspace, create_empty_database
from model.survey import (
    SurveyError,
    SurveyMapping,
    import_survey,
    plan_survey,
    read_csv,
    read_survey,
    survey_targets,
)


def _journey(project: Project, editor: Editor) -> Journey:
    journey_id = editor.add_journey("cjm7", "Checkout")
    return project.session.get(Journey, journey_id)


def _touchpoint(editor: Editor, journey: Journey, text: str, stage: int = 0) -> int:
    lane = next(lane for lane in journey.lanes if lane.kind == "touchpoints")
    return editor.add_card(journey.id, (journey.stages[stage].id, lane.id), None,
                           {"kind": CardKind.TOUCHPOINT.value, "text": text})


# -- scoring --------------------------------------------------------------------------


def test_nps_is_percent_promoters_minus_percent_detractors() -> None:
    result = score(MetricKind.NPS, [10, 9, 8, 7, 6, 0, 10, 9, 3, 5])
    # 4 promoters, 2 passives, 4 detractors of 10
    assert result.value == 0.0 and result.responses == 10
    assert score(MetricKind.NPS, [9, 10, 10]).value == 100.0
    assert score(MetricKind.NPS, [0, 6]).value == -100.0
    assert score(MetricKind.NPS, [9, 7, 8, 1]).value == 0.0


def test_csat_is_the_share_of_4_and_5_and_keeps_the_mean() -> None:
    result = score(MetricKind.CSAT, [5, 4, 3, 1])
    assert result.value == 50.0 and result.mean == pytest.approx(3.25)


def test_ces_is_the_mean_on_1_to_7() -> None:
    assert score(MetricKind.CES, [7, 6, 2]).value == pytest.approx(5.0)


def test_no_answers_means_no_value_not_zero() -> None:
    for kind in MetricKind:
        result = score(kind, [])
        assert (result.value, result.mean, result.responses) == (None, None, 0)
    assert format_value(MetricKind.NPS, None) == "\u2013"


@pytest.mark.parametrize(("kind", "answer"), [
    (MetricKind.NPS, 11), (MetricKind.NPS, -1), (MetricKind.NPS, 8.5),
    (MetricKind.CSAT, 0), (MetricKind.CSAT, 6), (MetricKind.CES, 8),
])
def test_answers_off_the_scale_are_refused(kind: MetricKind, answer: float) -> None:
    with pytest.raises(AnswerError):
        score(kind, [answer])


def test_counted_answers_score_like_a_list_of_answers() -> None:
    answers = [10, 9, 8, 7, 6, 0, 10, 2, 5]
    counts: dict[float, int] = {}
    for a in answers:
        counts[a] = counts.get(a, 0) + 1
    for kind in (MetricKind.NPS, MetricKind.CES):
        if kind is MetricKind.CES:
            answers = [min(7, max(1, a)) for a in answers]
            counts = {}
            for a in answers:
                counts[a] = counts.get(a, 0) + 1
        assert score_counts(kind, counts) == score(kind, answers)


def test_small_samples_are_flagged_in_the_badge() -> None:
    assert is_small_sample(29) and not is_small_sample(30) and not is_small_sample(None)
    assert badge_text(MetricKind.NPS, 42.0, 25) == "NPS +42 · n=25*"
    assert badge_text(MetricKind.CSAT, 81.4, 120) == "CSAT 81 % · n=120"
    assert badge_text("custom", 3.5, None, "Wait", "min") == "Wait 3.5 min"


def test_usage_share_reads_as_a_percentage_of_customers() -> None:
    assert usage_text(0.12) == "12 % use it"
    assert usage_text(0.004) == "<1 % use it"
    assert usage_text(None) == ""


# -- edits ----------------------------------------------------------------------------


def test_a_typed_metric_is_kept_as_typed_and_undo_removes_it(project, editor) -> None:
    journey = _journey(project, editor)
    card_id = _touchpoint(editor, journey, "App")
    metric_id = editor.add_metric(card_id, None, {"kind": "nps", "value": 37.5,
                                                  "responses": 12, "period": "Q1"})
    metric = project.session.get(Metric, metric_id)
    assert (metric.value, metric.responses, metric.computed) == (37.5, 12, False)
    old = editor.update_metric(metric_id, {"value": -12.0})
    assert old == {"value": 37.5}
    snap = editor.remove_metric(metric_id)
    assert editor.metrics_of(card_id) == []
    editor.restore_metric(snap)
    assert [(m.id, m.value) for m in editor.metrics_of(card_id)] == [(metric_id, -12.0)]


def test_metric_values_off_their_scale_are_refused(project, editor) -> None:
    journey = _journey(project, editor)
    card_id = _touchpoint(editor, journey, "App")
    with pytest.raises(EditError):
        editor.add_metric(card_id, None, {"kind": "nps", "value": 150})
    with pytest.raises(EditError):
        editor.add_metric(card_id, None, {"kind": "csat", "value": "high"})
    with pytest.raises(EditError):
        editor.add_metric(card_id, journey.stages[0].id, {"kind": "ces"})
    metric_id = editor.add_metric(None, journey.stages[0].id, {"kind": "ces", "value": 5})
    with pytest.raises(EditError):
        editor.update_metric(metric_id, {"value": 9})


def test_removing_a_card_stage_or_journey_and_undoing_brings_its_metrics_back(
    project, editor
) -> None:
    journey = _journey(project, editor)
    card_id = _touchpoint(editor, journey, "App", stage=1)
    stage_id = journey.stages[1].id
    editor.add_metric(card_id, None, {"kind": "nps", "value": 10.0, "responses": 40})
    editor.add_metric(None, stage_id, {"kind": "csat", "value": 70.0})

    def metrics() -> list[tuple]:
        return sorted((m.card_id or 0, m.stage_id or 0, m.kind, m.value)
                      for m in project.session.query(Metric))

    before = metrics()
    snap = editor.remove_card(card_id)
    assert len(metrics()) == 1
    editor.restore_card(snap)
    assert metrics() == before
    snap = editor.remove_stage(stage_id)
    assert metrics() == []
    editor.restore_stage(snap)
    assert metrics() == before
    lane_id = project.session.get(Card, card_id).lane_id
    snap = editor.remove_lane(lane_id)
    assert len(metrics()) == 1
    editor.restore_lane(snap)
    assert metrics() == before
    jsnap = editor.remove_journey(journey.id)
    assert metrics() == []
    editor.restore_journey(jsnap)
    assert metrics() == before
    copy_id = editor.duplicate_journey(journey.id, "Copy")
    copy = project.session.get(Journey, copy_id)
    assert len(journey_snapshot(copy)["metrics"]) == 2
    assert {m.journey_id for m in project.session.query(Metric)} == {journey.id, copy_id}


# -- survey ---------------------------------------------------------------------------

SURVEY = b"""respondent,touchpoint,nps,date,segment
1,App,10,2026-01-03,B2C
2,app ,9,2026-01-05,B2C
3,App,3,2026-01-09,B2B
4,Checkout page,8,2026-01-04,B2C

5,Fax machine,7,2026-01-04,B2C
6,Purchase,6,2026-01-04,B2C
7,App,,2026-01-04,B2C
"""


def _mapping(**kw) -> SurveyMapping:
    base = {"score_column": "nps", "target_column": "touchpoint", "kind": MetricKind.NPS,
            "source": "survey.csv", "date_column": "date"}
    base.update(kw)
    return SurveyMapping(**base)


def test_survey_answers_go_to_cards_by_text_and_stages_by_name(project, editor) -> None:
    journey = _journey(project, editor)
    app = _touchpoint(editor, journey, "App")
    checkout = _touchpoint(editor, journey, "Checkout page", stage=2)
    purchase = next(s for s in journey.stages if s.name.lower().startswith("purchase"))
    editor.update_stage(purchase.id, {"name": "Purchase"})
    plan = plan_survey(read_csv(SURVEY), _mapping(), survey_targets(project.session, journey.id))
    figures = {(f.target.card_id, f.target.stage_id): f for f in plan.figures}
    assert figures[(app, None)].responses == 3
    assert figures[(app, None)].value == pytest.approx(100 * (2 - 1) / 3)
    assert figures[(app, None)].period == "2026-01-03..2026-01-09"
    assert figures[(checkout, None)].value == 0.0
    assert figures[(None, purchase.id)].value == -100.0
    assert plan.unmatched == [(7, "Fax machine")]
    assert plan.skipped == 1  # row 9 has no score; the empty row 6 is not counted
    assert plan.errors == []
    segment = plan_survey(read_csv(SURVEY), _mapping(segment_column="segment", segment="b2b"),
                          survey_targets(project.session, journey.id))
    assert [(f.target.card_id, f.responses) for f in segment.figures] == [(app, 1)]


def test_bad_answers_are_reported_with_their_line_and_nothing_is_stored(project, editor) -> None:
    journey = _journey(project, editor)
    _touchpoint(editor, journey, "App")
    data = b"touchpoint,nps\nApp,10\nApp,eleven\nApp,11\n"
    plan = plan_survey(read_csv(data), _mapping(date_column=None),
                       survey_targets(project.session, journey.id))
    assert plan.errors == ["line 3: the score 'eleven' is not a number.",
                           "line 4: NPS answers are 0..10, not 11."]
    with pytest.raises(SurveyError):
        import_survey(project.session, editor, journey.id, read_csv(data),
                      _mapping(date_column=None))
    assert project.session.query(Metric).count() == 0


def test_reimporting_a_survey_replaces_its_figures_and_keeps_typed_ones(project, editor) -> None:
    journey = _journey(project, editor)
    app = _touchpoint(editor, journey, "App")
    typed = editor.add_metric(app, None, {"kind": "nps", "value": 55.0, "source": "survey.csv"})
    import_survey(project.session, editor, journey.id, read_csv(SURVEY), _mapping())
    first = sorted((m.card_id or 0, m.stage_id or 0, m.value, m.responses)
                   for m in project.session.query(Metric).filter(Metric.computed.is_(True)))
    import_survey(project.session, editor, journey.id, read_csv(SURVEY), _mapping())
    again = sorted((m.card_id or 0, m.stage_id or 0, m.value, m.responses)
                   for m in project.session.query(Metric).filter(Metric.computed.is_(True)))
    assert again == first and len(first) == 2
    assert project.session.get(Metric, typed).value == 55.0
    # a different survey adds its own figures beside
    import_survey(project.session, editor, journey.id, read_csv(SURVEY),
                  _mapping(source="other.csv"))
    assert project.session.query(Metric).filter(Metric.computed.is_(True)).count() == 4


def test_undoing_a_survey_import_puts_the_previous_figures_back(project, editor) -> None:
    journey = _journey(project, editor)
    app = _touchpoint(editor, journey, "App")
    rows = [{"card_id": app, "value": 10.0, "responses": 50}]
    editor.replace_survey_metrics(journey.id, "s", "nps", rows)
    before = [(m.id, m.value) for m in editor.metrics_of(app)]
    removed, added = editor.replace_survey_metrics(
        journey.id, "s", "nps", [{"card_id": app, "value": -20.0, "responses": 60}])
    assert [m.value for m in editor.metrics_of(app)] == [-20.0]
    editor.undo_survey_metrics(removed, added)
    assert [(m.id, m.value) for m in editor.metrics_of(app)] == before


def test_xlsx_surveys_are_read_with_their_row_numbers(tmp_path: Path) -> None:
    from openpyxl import Workbook

    book = Workbook()
    sheet = book.active
    sheet.append(["Touchpoint", "Score", "When"])
    sheet.append(["App", 9, None])
    sheet.append([None, None, None])
    sheet.append(["Shop", 4.0, "2026-02-01"])
    path = tmp_path / "s.xlsx"
    book.save(path)
    table = read_survey(path)
    assert table.headers == ["Touchpoint", "Score", "When"]
    assert table.rows[0] == (2, ["App", "9", ""])
    assert table.rows[2] == (4, ["Shop", "4", "2026-02-01"])
    with pytest.raises(SurveyError):
        (tmp_path / "bad.xlsx").write_bytes(b"not a zip")
        read_survey(tmp_path / "bad.xlsx")


# -- the file -------------------------------------------------------------------------


def test_a_v2_file_is_migrated_keeps_its_cards_and_gets_a_backup(tmp_path: Path) -> None:
    path = tmp_path / "old.cjm"
    create_empty_database(path, version=2)
    conn = sqlite3.connect(path, isolation_level=None)
    conn.executescript(
        "INSERT INTO journeys (id, position, name, objective, scenario, owner, created_at, "
        "modified_at) VALUES (1, 0, 'J', '', '', '', '2025-01-01 00:00:00', "
        "'2025-01-01 00:00:00');"
        "INSERT INTO stages VALUES (1, 1, 0, 'S', '', '#ffffff', 220.0);"
        "INSERT INTO lanes VALUES (1, 1, 0, 'Touchpoints', 'touchpoints', '#eeeeee');"
        "INSERT INTO cards VALUES (1, 1, 1, 1, 0, 'touchpoint', 'App', '', '', '', '', "
        "0.12, NULL);"
    )
    conn.close()
    original = path.read_bytes()
    project = Project.open(path, Workspace(tmp_path / "ws"))
    try:
        assert project.migrated_from == 2
        editor = Editor(project.session, project.changes)
        editor.add_metric(1, None, {"kind": "nps", "value": 20.0, "responses": 31})
        project.save()
    finally:
        project.close()
    assert (tmp_path / "old.v2-backup.cjm").read_bytes() == original
    conn = sqlite3.connect(path)
    try:
        assert conn.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
        assert read_signature(conn) == expected_signature(SCHEMA_VERSION)
        assert conn.execute("SELECT usage_share FROM cards").fetchall() == [(0.12,)]
        assert conn.execute("SELECT card_id, value, responses FROM metrics").fetchall() == [
            (1, 20.0, 31)]
    finally:
        conn.close()


def test_a_file_with_a_metric_off_its_scale_is_refused_untouched(tmp_path: Path) -> None:
    from model.store import ProjectFileError

    path = tmp_path / "bad.cjm"
    project = Project.new(Workspace(tmp_path / "ws"))
    editor = Editor(project.session, project.changes)
    journey_id = editor.add_journey("cjm7", "J")
    journey = project.session.get(Journey, journey_id)
    editor.add_metric(None, journey.stages[0].id, {"kind": "nps", "value": 1.0})
    project.save(path)
    project.close()
    conn = sqlite3.connect(path, isolation_level=None)
    conn.execute("UPDATE metrics SET value = 900")
    conn.close()
    before = path.read_bytes()
    with pytest.raises(ProjectFileError, match="off its scale"):
        Project.open(path, Workspace(tmp_path / "ws2"))
    assert path.read_bytes() == before


def test_undoing_a_card_import_removes_exactly_what_it_added(project, editor) -> None:
    from model.csv_io import import_rows, parse_csv

    journey = _journey(project, editor)
    _touchpoint(editor, journey, "Existing")
    before = content_of(project)
    marks = editor.id_marks()
    rows = parse_csv(b"journey,stage,lane,kind,text\n"
                     b"Checkout,Purchase,Touchpoints,touchpoint,New card\n"
                     b"Checkout,Returns,Touchpoints,touchpoint,In a new stage\n"
                     b"Other,Start,Notes,note,In a new journey\n")
    result = import_rows(project.session, project.changes, rows)
    assert result.cards == 3 and result.journeys == ["Other"]
    editor.remove_added_since(marks)
    assert content_of(project) == before


def content_of(project: Project) -> list:
    from model.entities import Lane, Stage

    session = project.session
    session.flush()
    return [sorted((j.id, j.name) for j in session.query(Journey)),
            sorted((s.id, s.name, s.position) for s in session.query(Stage)),
            sorted((lane.id, lane.name, lane.position) for lane in session.query(Lane)),
            sorted((c.id, c.text, c.stage_id, c.lane_id, c.position) for c in session.query(Card))]


def test_matching_can_be_cancelled_from_its_progress_callback() -> None:
    table = read_csv(b"touchpoint,nps\n" + b"App,9\n" * 25_000)
    seen: list[tuple[int, int]] = []

    def progress(done: int, total: int) -> bool:
        seen.append((done, total))
        return done < 10_000

    with pytest.raises(SurveyError, match="cancelled"):
        plan_survey(table, _mapping(date_column=None), [], progress)
    assert seen == [(0, 25_000), (10_000, 25_000)]
