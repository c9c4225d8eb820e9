"""model.layout on its own: drop slots, rows grown with their text, emotion scale, curves."""

from __future__ import annotations

from itertools import pairwise
from pathlib import Path

import pytest

from model.edits import Editor
from model.entities import Journey
from model.layout import (
    METRICS,
    compute_layout,
    curve_runs,
    monotone_beziers,
    sample_beziers,
)
from model.store import Project, Workspace
from model.text import ELLIPSIS

M = METRICS


@pytest.fixture
def made(tmp_path: Path):
    project = Project.new(Workspace(tmp_path / "ws"))
    editor = Editor(project.session, project.changes)
    journey_id = editor.add_journey("cjm7", "Layout")
    yield project, editor, project.journey(journey_id)
    project.close()


def stages(journey: Journey):
    return sorted(journey.stages, key=lambda s: s.position)


def card_lanes(journey: Journey):
    return [lane for lane in sorted(journey.lanes, key=lambda x: x.position)
            if lane.kind not in ("emotion", "divider")]


def test_a_card_dropped_between_two_cards_lands_between_them(made) -> None:
    _, editor, journey = made
    cell = (stages(journey)[0].id, card_lanes(journey)[0].id)
    ids = [editor.add_card(journey.id, cell, None, {"text": t}) for t in ("a", "b", "c")]
    layout = compute_layout(journey)
    rects = [layout.cards[i].rect for i in ids]
    assert layout.insert_index(cell, rects[0].y - 1) == 0
    assert layout.insert_index(cell, rects[0].bottom + M.card_gap / 2) == 1
    assert layout.insert_index(cell, rects[2].bottom + 40) == 3
    # The card being dragged does not count: "a" dropped just below "b" goes second.
    assert layout.insert_index(cell, rects[1].bottom + 1, frozenset({ids[0]})) == 1
    # The free slot under the last card is where a new one goes.
    slot = layout.slot_rect(cell, 3)
    assert slot.y == rects[2].bottom + M.card_gap and slot.h == M.card_h
    assert layout.slot_rect(cell, 1) == rects[1]


def test_a_long_text_grows_its_card_and_its_row_and_moves_the_rows_below(made) -> None:
    _, editor, journey = made
    lanes = card_lanes(journey)
    cell = (stages(journey)[1].id, lanes[0].id)
    short = editor.add_card(journey.id, cell, None, {"text": "Short"})
    before = compute_layout(journey, incremental=False)
    band0, band1 = before.lane(lanes[0].id).band, before.lane(lanes[1].id).band
    assert before.cards[short].rect.h == M.card_h
    assert band0.h == M.min_lane_h

    sentence = "The shipping cost only shows at the very end of a long checkout, " * 3
    long_id = editor.add_card(journey.id, cell, None, {"text": sentence})
    layout = compute_layout(journey)
    card = layout.cards[long_id]
    assert 3 < len(card.lines) <= M.card_max_lines and not card.cut
    assert card.rect.h == M.card_height(len(card.lines)) > M.card_h
    assert " ".join(card.lines) == sentence.strip()
    # Stacked under the first card; the row holds both plus room for one more.
    assert card.rect.y == layout.cards[short].rect.bottom + M.card_gap
    grown = layout.lane(lanes[0].id).band
    assert grown.h == 2 * M.cell_pad + M.card_h + M.card_gap + card.rect.h + M.cell_tail
    assert layout.lane(lanes[1].id).band.y == band1.y + (grown.h - band0.h)


def test_text_longer_than_ten_lines_is_cut_with_an_ellipsis(made) -> None:
    _, editor, journey = made
    cell = (stages(journey)[0].id, card_lanes(journey)[0].id)
    text = " ".join(f"word{i}" for i in range(200)) + " TAIL"
    card_id = editor.add_card(journey.id, cell, None, {"text": text})
    card = compute_layout(journey).cards[card_id]
    assert len(card.lines) == M.card_max_lines and card.cut
    assert card.lines[-1].endswith(ELLIPSIS) and "TAIL" not in "".join(card.lines)
    assert card.rect.h == M.card_height(M.card_max_lines)


def test_a_wider_stage_wraps_its_cards_into_fewer_lines(made) -> None:
    _, editor, journey = made
    stage = stages(journey)[0]
    cell = (stage.id, card_lanes(journey)[0].id)
    card_id = editor.add_card(journey.id, cell, None, {"text": "one two three " * 8})
    narrow = compute_layout(journey).cards[card_id]
    editor.update_stage(stage.id, {"width": stage.width * 2})
    wide = compute_layout(journey).cards[card_id]
    assert len(wide.lines) < len(narrow.lines)
    assert wide.rect.w == stage.width - 2 * M.cell_pad
    assert wide == compute_layout(journey, incremental=False).cards[card_id]


def test_right_to_left_paragraphs_are_marked_per_line(made) -> None:
    _, editor, journey = made
    cell = (stages(journey)[0].id, card_lanes(journey)[0].id)
    arabic = "\u0645\u0631\u062d\u0628\u0627"  # marhaba
    card_id = editor.add_card(journey.id, cell, None, {"text": f"Pay now\n{arabic} 42"})
    card = compute_layout(journey).cards[card_id]
    assert card.lines == ("Pay now", f"{arabic} 42") and card.rtl == (False, True)


def test_emotion_values_map_to_heights_and_back(made) -> None:
    _, _editor, journey = made
    layout = compute_layout(journey)
    lane = layout.emotion_lane()
    assert lane is not None
    band = lane.band
    top, zero, bottom = (layout.emotion_y(lane.id, v) for v in (5, 0, -5))
    assert top == band.y + M.emotion_pad_top
    assert bottom == band.bottom - M.emotion_pad_bottom
    assert zero == pytest.approx((top + bottom) / 2)
    step = (bottom - top) / 10
    for value in range(-5, 6):
        y = layout.emotion_y(lane.id, value)
        assert layout.emotion_value(lane.id, y) == value
        assert layout.emotion_value(lane.id, y + step * 0.4) == value  # snaps to the nearest
    assert layout.emotion_value(lane.id, band.y - 100) == 5  # clamped to the scale
    assert layout.emotion_value(lane.id, band.bottom + 100) == -5


def test_curve_points_sit_on_stage_centres_and_gaps_split_the_curve(made) -> None:
    _, editor, journey = made
    curve = sorted(journey.curves, key=lambda c: c.position)[0]
    ss = stages(journey)
    for stage in ss:
        editor.set_emotion(curve.id, stage.id, None)
    for i, value in ((0, 2), (1, -3), (3, 4), (4, 1)):
        editor.set_emotion(curve.id, ss[i].id, value)
    layout = compute_layout(journey)
    geom = next(c for c in layout.curves if c.id == curve.id)
    lane = layout.emotion_lane()
    assert lane is not None
    for p in geom.points:
        assert p.x == layout.stage(p.stage_id).header.center[0]
        assert p.y == layout.emotion_y(lane.id, p.value)
    assert [p.run for p in geom.points] == [0, 0, 1, 1]
    assert len(geom.runs) == 2 and all(len(run) == 1 for run in geom.runs)
    assert {u.stage_id for u in geom.unset} == {s.id for s in ss} - {ss[i].id for i in (0, 1, 3, 4)}
    assert curve_runs([0, 1, 3, 4, 5, 7]) == [0, 0, 1, 1, 1, 2]


def test_curve_control_points_are_at_thirds_and_never_overshoot() -> None:
    points = [(0.0, 50.0), (30.0, 10.0), (60.0, 10.0), (90.0, 80.0)]
    segments = monotone_beziers(points)
    assert len(segments) == 3
    for (p0, c1, c2, p3), (a, b) in zip(segments, pairwise(points), strict=True):
        assert (p0, p3) == (a, b)
        third = (b[0] - a[0]) / 3
        assert c1[0] == pytest.approx(a[0] + third) and c2[0] == pytest.approx(b[0] - third)
    # A local minimum (and the flat part) gets a flat tangent: controls level with it.
    assert segments[0][2][1] == 10.0 and segments[1][1][1] == 10.0
    for seg, (a, b) in zip(segments, pairwise(points), strict=True):
        lo, hi = min(a[1], b[1]), max(a[1], b[1])
        assert all(lo - 1e-9 <= y <= hi + 1e-9 for _x, y in sample_beziers([seg], 20))
    assert monotone_beziers([(0.0, 1.0)]) == []
