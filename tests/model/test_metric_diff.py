"""Metric deltas between a snapshot and now: per touchpoint and per stage, in words."""

from __future__ import annotations

from model.diff import LineKind, align, change_lines, diff_journeys
from model.edits import Editor
from model.entities import Journey, LaneKind
from model.review import decode_snapshot, encode_snapshot
from model.snapshot import journey_snapshot
from model.store import Project


def _touchpoint(editor: Editor, journey: Journey, stage: int, text: str) -> int:
    lane = next(x.id for x in journey.lanes if x.kind == LaneKind.TOUCHPOINTS.value)
    return editor.add_card(journey.id, (journey.stages[stage].id, lane), None,
                           {"kind": "touchpoint", "text": text})


def _stored(journey: Journey) -> dict:
    """The snapshot as the file keeps it (packed and read back)."""
    return decode_snapshot(encode_snapshot(journey_snapshot(journey)))


def test_a_touchpoints_nps_change_reads_old_new_and_the_difference(
        project: Project, editor: Editor) -> None:
    journey = project.journey(editor.add_journey("cjm7", "Checkout"))
    call = _touchpoint(editor, journey, 5, "Call centre")
    nps = editor.add_metric(call, None, {"kind": "nps", "value": 12.0, "responses": 40})
    old = _stored(journey)
    editor.update_metric(nps, {"value": 31.0})
    diff = diff_journeys(old, journey_snapshot(journey))
    assert not diff.empty and not diff.cards
    [delta] = diff.metrics
    assert (delta.card_id, delta.old, delta.new, delta.delta, delta.better) == (
        call, 12.0, 31.0, 19.0, True)
    assert delta.text() == "NPS +12 → +31 (+19)"
    line = next(x for x in change_lines(diff) if x.kind is LineKind.METRIC)
    assert (line.text, line.card_id) == ("NPS +12 → +31 (+19) at “Call centre”", call)


def test_csat_ces_and_stage_metrics_each_say_their_own_change(
        project: Project, editor: Editor) -> None:
    journey = project.journey(editor.add_journey("cjm7", "Checkout"))
    web = _touchpoint(editor, journey, 2, "Web shop")
    csat = editor.add_metric(web, None, {"kind": "csat", "value": 80.0})
    ces = editor.add_metric(web, None, {"kind": "ces", "value": 5.5})
    stage = journey.stages[1]
    stage_nps = editor.add_metric(None, stage.id, {"kind": "nps", "value": -10.0})
    untouched = editor.add_metric(None, journey.stages[3].id, {"kind": "nps", "value": 5.0})
    old = _stored(journey)
    editor.update_metric(csat, {"value": 85.0})
    editor.update_metric(ces, {"value": 4.9})
    editor.update_metric(stage_nps, {"value": 4.0})
    diff = diff_journeys(old, journey_snapshot(journey))
    texts = [x.text for x in change_lines(diff) if x.kind is LineKind.METRIC]
    # Map order: the stage before the touchpoint's stage; a lower CES is worse (7 = easy).
    assert texts == [f"NPS -10 → +4 (+14) at stage {stage.name}",
                     "CSAT 80 % → 85 % (+5 pts) at “Web shop”",
                     "CES 5.5 → 4.9 (-0.6) at “Web shop”"]
    assert [d.better for d in diff.metrics] == [True, True, False]
    assert untouched not in [d.card_id for d in diff.metrics]


def test_a_metric_added_or_removed_since_shows_with_no_value_on_the_other_side(
        project: Project, editor: Editor) -> None:
    journey = project.journey(editor.add_journey("cjm7", "Checkout"))
    app = _touchpoint(editor, journey, 4, "App")
    gone = editor.add_metric(app, None, {"kind": "csat", "value": 70.0})
    old = _stored(journey)
    editor.remove_metric(gone)
    editor.add_metric(app, None, {"kind": "nps", "value": 20.0})
    texts = sorted(m.text() for m in diff_journeys(old, journey_snapshot(journey)).metrics)
    assert texts == ["CSAT 70 % → \u2013", "NPS \u2013 → +20"]


def test_a_reimported_metric_with_a_new_row_is_still_the_same_metric(
        project: Project, editor: Editor) -> None:
    journey = project.journey(editor.add_journey("cjm7", "Checkout"))
    call = _touchpoint(editor, journey, 5, "Call centre")
    first = editor.add_metric(call, None, {"kind": "nps", "value": 12.0, "computed": True})
    old = _stored(journey)
    editor.remove_metric(first)  # a survey re-import replaces the row
    editor.add_metric(call, None, {"kind": "nps", "value": 12.0, "computed": True})
    assert diff_journeys(old, journey_snapshot(journey)).empty


def test_metrics_of_a_removed_or_added_card_are_not_reported_as_metric_changes(
        project: Project, editor: Editor) -> None:
    journey = project.journey(editor.add_journey("cjm7", "Checkout"))
    gone = _touchpoint(editor, journey, 1, "Leaflet")
    editor.add_metric(gone, None, {"kind": "nps", "value": -30.0})
    old = _stored(journey)
    editor.remove_card(gone)
    fresh = _touchpoint(editor, journey, 6, "Loyalty app")  # may reuse the id
    editor.add_metric(fresh, None, {"kind": "nps", "value": 50.0})
    diff = diff_journeys(old, journey_snapshot(journey))
    assert diff.metrics == []
    assert {c.text for c in diff.cards} == {"Leaflet", "Loyalty app"}


def test_another_journeys_metrics_pair_by_card_text(project: Project, editor: Editor) -> None:
    journey = project.journey(editor.add_journey("cjm7", "Checkout"))
    call = _touchpoint(editor, journey, 5, "Call centre")
    editor.add_metric(call, None, {"kind": "nps", "value": 12.0})
    to_be = project.journey(editor.duplicate_journey(journey.id, "Checkout (to-be)"))
    to_be_call = next(c.id for c in to_be.cards if c.text == "Call centre")
    metric = next(m["id"] for m in journey_snapshot(to_be)["metrics"]
                  if m["card_id"] == to_be_call)
    editor.update_metric(metric, {"value": 40.0})
    current = journey_snapshot(to_be)
    diff = diff_journeys(align(journey_snapshot(journey), current), current)
    assert [(d.card_id, d.text()) for d in diff.metrics] == [
        (to_be_call, "NPS +12 → +40 (+28)")]
