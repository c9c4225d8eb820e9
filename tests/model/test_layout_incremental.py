"""The incremental layout of a big map is exactly the layout computed from scratch."""

from __future__ import annotations

import random

import pytest

from model.edits import EditError, Editor
from model.entities import Journey
from model.layout import JourneyLayout, cell_index, compute_layout
from model.store import Project


def card_cells(journey: Journey) -> list[tuple[int, int]]:
    return [(s.id, lane.id) for s in journey.stages for lane in journey.lanes
            if lane.kind not in ("emotion", "divider")]


def assert_same(journey: Journey, incremental: JourneyLayout) -> None:
    full = compute_layout(journey, incremental=False)
    assert incremental.width == full.width and incremental.height == full.height
    assert incremental.stages == full.stages
    assert incremental.lanes == full.lanes
    assert incremental.cell_cards == full.cell_cards
    assert incremental.cards == full.cards
    assert incremental.curves == full.curves
    # What the canvas is told changed covers every card whose geometry did.
    base = incremental.base
    if base is not None and incremental.changed_cards is not None:
        for card_id in set(base.cards) | set(incremental.cards):
            if base.cards.get(card_id) != incremental.cards.get(card_id):
                assert card_id in incremental.changed_cards


def random_edit(editor: Editor, journey: Journey, rng: random.Random) -> None:
    cells = card_cells(journey)
    cards = list(journey.cards)
    roll = rng.random()
    if roll < 0.30 and cards:
        ids = [c.id for c in rng.sample(cards, min(len(cards), rng.choice((1, 1, 2, 3))))]
        editor.move_cards(ids, rng.choice(cells), rng.randint(0, 6))
    elif roll < 0.45:
        editor.add_card(journey.id, rng.choice(cells), rng.choice((None, 0, 1)),
                        {"text": f"new {rng.random():.3f}", "kind": "thought"})
    elif roll < 0.55 and cards:
        editor.remove_card(rng.choice(cards).id)
    elif roll < 0.65 and cards:
        editor.update_card(rng.choice(cards).id,
                           {"text": "changed " * rng.randint(1, 9), "kind": "pain_point",
                            "severity": rng.randint(1, 5)})
    elif roll < 0.72:
        stage = rng.choice(list(journey.stages))
        editor.update_stage(stage.id, {"width": rng.choice((150.0, 240.0, 400.0))})
    elif roll < 0.78:
        stage = rng.choice(list(journey.stages))
        editor.move_stage(stage.id, rng.randint(0, len(journey.stages) - 1))
    elif roll < 0.84:
        lane = rng.choice(list(journey.lanes))
        editor.move_lane(lane.id, rng.randint(0, len(journey.lanes) - 1))
    elif roll < 0.88 and len(journey.stages) > 2:
        snap = editor.remove_stage(rng.choice(list(journey.stages)).id)
        if rng.random() < 0.7:
            editor.restore_stage(snap)
    elif roll < 0.92:
        lane = rng.choice([x for x in journey.lanes if x.kind not in ("emotion", "divider")])
        snap = editor.remove_lane(lane.id)
        if rng.random() < 0.7:
            editor.restore_lane(snap)
    elif roll < 0.95:
        editor.add_stage(journey.id, rng.randint(0, len(journey.stages)), {"name": "new"})
    elif journey.curves:
        curve = rng.choice(list(journey.curves))
        editor.set_emotion(curve.id, rng.choice(list(journey.stages)).id, rng.randint(-5, 5))


@pytest.mark.parametrize("seed", range(6))
def test_incremental_layout_matches_a_full_relayout_after_random_edits(
    project: Project, seed: int
) -> None:
    rng = random.Random(seed)
    editor = Editor(project.session, project.changes)
    jid = editor.add_journey("cjm7", "Big")
    journey = project.journey(jid)
    cells = card_cells(journey)
    editor.append_cards([(jid, rng.choice(cells), {"text": f"card {i}"}) for i in range(120)])
    assert_same(journey, compute_layout(journey))
    for _ in range(80):
        random_edit(editor, journey, rng)
        assert_same(journey, compute_layout(journey))


def test_a_refused_edit_rolled_back_leaves_the_layout_matching_the_model(
    project: Project,
) -> None:
    editor = Editor(project.session, project.changes)
    jid = editor.add_journey("cjm7", "Big")
    journey = project.journey(jid)
    cells = card_cells(journey)
    editor.append_cards([(jid, cells[i % 3], {"text": f"card {i}"}) for i in range(30)])
    compute_layout(journey)
    card = journey.cards[0]
    savepoint = project.session.begin_nested()
    editor.move_cards([card.id], cells[5], 0)
    with pytest.raises(EditError):
        editor.move_cards([card.id], (cells[0][0], -1), 0)
    savepoint.rollback()
    assert_same(journey, compute_layout(journey))


def test_an_edit_touches_only_the_cards_whose_geometry_changed(project: Project) -> None:
    editor = Editor(project.session, project.changes)
    jid = editor.add_journey("cjm7", "Big")
    journey = project.journey(jid)
    cells = card_cells(journey)
    editor.append_cards([(jid, cell, {"text": "x"}) for cell in cells for _ in range(4)])
    before = compute_layout(journey)
    # The second card of a cell gets new text: nothing moves, one card changes.
    card_id = before.cell_cards[cells[0]][1]
    editor.update_card(card_id, {"text": "new words"})
    after = compute_layout(journey)
    assert after.base is before
    assert after.changed_cards == {card_id}
    assert_same(journey, after)


def test_the_editor_reads_cells_from_the_index(project: Project) -> None:
    editor = Editor(project.session, project.changes)
    jid = editor.add_journey("cjm7", "Big")
    journey = project.journey(jid)
    cells = card_cells(journey)
    ids = [editor.add_card(jid, cells[0], 0, {"text": t}) for t in "abc"]
    assert [c.id for c in editor.cell_cards(journey, cells[0])] == ids[::-1]
    assert cell_index(journey).ids(cells[0]) == ids[::-1]
