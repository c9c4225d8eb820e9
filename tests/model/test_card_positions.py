"""Moving a card in a big cell shifts the others in one statement, and stays exact."""

from __future__ import annotations

import datetime as dt
import random

from sqlalchemy import event, text

from model.completeness import Findings, check
from model.edits import EditError, Editor
from model.entities import Journey
from model.layout import cell_index
from model.store import Project


def big_journey(editor: Editor, project: Project, per_cell: int) -> tuple[Journey, list]:
    jid = editor.add_journey("cjm7", "Big")
    journey = project.journey(jid)
    cells = [(s.id, lane.id) for s in sorted(journey.stages, key=lambda s: s.position)
             for lane in sorted(journey.lanes, key=lambda x: x.position)
             if lane.kind not in ("emotion", "divider")][:3]
    kinds = ("touchpoint", "pain_point", "action")
    editor.append_cards([(jid, cell, {"kind": kinds[i % 3], "text": f"{cell} {i}"})
                         for cell in cells for i in range(per_cell)])
    return journey, cells


def stored(project: Project, cell) -> list[tuple[int, int]]:
    """(position, id) of a cell's cards as the database holds them."""
    rows = project.session.execute(
        text("SELECT position, id FROM cards WHERE stage_id = :s AND lane_id = :l "
             "ORDER BY position, id"), {"s": cell[0], "l": cell[1]})
    return [tuple(r) for r in rows]


def shown(journey: Journey, cell) -> list[tuple[int, int]]:
    """(position, id) of a cell's cards as the ORM objects hold them."""
    return [(c.position, c.id) for c in cell_index(journey).ordered(cell)]


def test_moving_a_card_out_of_a_big_cell_takes_a_few_statements_not_one_per_card(
    editor: Editor, project: Project,
) -> None:
    journey, (a, b, _) = big_journey(editor, project, 120)
    middle = cell_index(journey).ordered(a)[60].id
    statements: list[str] = []
    engine = project.session.get_bind()
    listener = lambda *args: statements.append(args[2])  # noqa: E731
    event.listen(engine, "before_cursor_execute", listener)
    try:
        old = editor.move_cards([middle], b, 3)
    finally:
        event.remove(engine, "before_cursor_execute", listener)
    updates = [s for s in statements if s.lstrip().upper().startswith("UPDATE")]
    assert len(updates) <= 5, updates  # was one per shifted card (117)
    for cell in (a, b):
        assert stored(project, cell) == shown(journey, cell)
        assert [p for p, _ in stored(project, cell)] == list(range(len(stored(project, cell))))
    assert [cid for _, cid in shown(journey, b)][3] == middle
    editor.place_cards(old)  # the undo
    assert [cid for _, cid in shown(journey, a)][60] == middle
    for cell in (a, b):
        assert stored(project, cell) == shown(journey, cell)


def test_a_rolled_back_move_leaves_the_objects_as_the_database(
    editor: Editor, project: Project,
) -> None:
    journey, (a, b, _) = big_journey(editor, project, 40)
    before = {cell: stored(project, cell) for cell in (a, b)}
    card = cell_index(journey).ordered(a)[5].id
    savepoint = project.session.begin_nested()
    editor.move_cards([card], b, 0)
    savepoint.rollback()
    for cell in (a, b):
        assert stored(project, cell) == before[cell]
        assert shown(journey, cell) == before[cell]


def test_random_moves_keep_positions_dense_and_the_findings_exact(
    editor: Editor, project: Project,
) -> None:
    journey, cells = big_journey(editor, project, 30)
    findings = Findings()
    project.changes.subscribe(findings.note)
    rng = random.Random(3)
    undo: list = []
    for step in range(60):
        if undo and rng.random() < 0.3:
            editor.place_cards(undo.pop())
        else:
            ids = [c.id for c in journey.cards]
            moving = rng.sample(ids, rng.choice((1, 1, 3)))
            try:
                undo.append(editor.move_cards(moving, rng.choice(cells), rng.randint(0, 40)))
            except EditError:
                continue
        for cell in cells:
            assert stored(project, cell) == shown(journey, cell), step
            assert [p for p, _ in shown(journey, cell)] == list(range(len(shown(journey, cell))))
        assert findings.check(journey, dt.date.today()) == check(
            journey, dt.date.today()), step
