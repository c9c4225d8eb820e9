"""Panels refresh only after the edits that concern them, and show what a full check shows."""

from __future__ import annotations

import datetime as dt
import random
import subprocess
import sys
import textwrap
from pathlib import Path

from app.commands import AddCardCommand, DeleteCardCommand, EditCardCommand
from app.main_window import MainWindow
from model.completeness import check
from model.layout import full_layout
from tests.app.test_canvas import journey, lane_of, stage_at

ROOT = Path(__file__).resolve().parents[2]
KINDS = ("touchpoint", "pain_point", "action", "thought")


def full_findings(win: MainWindow) -> list:
    """The completeness check done from scratch on the model as it is."""
    return check(journey(win), win.opportunities.today())


def register_titles(win: MainWindow) -> list[str]:
    assert win.doc is not None
    return [r["title"] for r in win.doc.opportunities()]


def shown_badges(win: MainWindow) -> dict:
    assert win.doc is not None
    return dict(win.scene.decorations.badges)


def full_badges(win: MainWindow) -> dict:
    assert win.doc is not None
    return win.doc.card_badges(win.heat.legend.heat_kind())


def heat_strip(win: MainWindow) -> list:
    assert win.heat.strip is not None
    return [cell for _rect, cell in win.heat.strip.segments]


def random_edit(win: MainWindow, rng: random.Random, cards: list[int]) -> None:
    """One edit a user could make: add, move, re-kind, fill in, link or delete a card."""
    doc = win.doc
    assert doc is not None
    stages = sorted(journey(win).stages, key=lambda s: s.position)
    lanes = [lane_of(win, kind) for kind in ("touchpoints", "pain_points", "actions")]
    cell = (rng.choice(stages).id, rng.choice(lanes).id)
    live = [c for c in cards if doc.card(c) is not None]
    roll = rng.random()
    if roll < 0.3 or not live:
        command = AddCardCommand(doc.editor, journey(win).id, cell, rng.randint(0, 3),
                                 {"kind": rng.choice(KINDS), "text": f"card {len(cards)}"})
        doc.push(command)
        assert command.card_id is not None
        cards.append(command.card_id)
    elif roll < 0.55:
        moving = rng.sample(live, min(len(live), rng.choice((1, 1, 2))))
        win.scene.cards_moved.emit(moving, cell, rng.randint(0, 4))
    elif roll < 0.7:
        doc.push(EditCardCommand(doc.editor, rng.choice(live), {"kind": rng.choice(KINDS)}))
    elif roll < 0.8:
        doc.push(EditCardCommand(doc.editor, rng.choice(live),
                                 {"channel": rng.choice(("", "Phone")),
                                  "usage_share": rng.choice((None, 0.4))}))
    elif roll < 0.88:
        win.scene.select_cards([rng.choice(live)])
        win.opportunities.turn_into_opportunity()
    else:
        doc.push(DeleteCardCommand(doc.editor, rng.choice(live)))


def test_the_panels_show_what_a_full_check_shows_after_random_edits_undo_and_redo(
    window: MainWindow,
) -> None:
    rng = random.Random(15)
    window.heat.set_on(True)
    window.show_dock(window.completeness)
    cards: list[int] = []
    for step in range(120):
        if step % 5 == 4:
            window.acts.undo.trigger()
        elif step % 7 == 6:
            window.acts.redo.trigger()
        else:
            random_edit(window, rng, cards)
        assert window.completeness.findings() == full_findings(window), step
        assert shown_badges(window) == full_badges(window), step
        assert heat_strip(window) == [
            window.doc.stage_heat(None).get(s.id)
            for s in sorted(journey(window).stages, key=lambda s: s.position)], step
    window.show_dock(window.register)
    assert window.register.visible_titles() == register_titles(window)
    # and the canvas equals a full relayout
    layout = window.scene.layout
    assert layout is not None
    assert layout.cards == full_layout(journey(window), layout.metrics).cards


def test_a_panel_hidden_during_edits_is_brought_up_to_date_when_it_is_shown(
    window: MainWindow,
) -> None:
    rng = random.Random(7)
    window.show_dock(window.completeness)
    before = window.completeness.findings()
    window.show_dock(window.inspector)  # the completeness check goes behind it
    cards: list[int] = []
    for step in range(40):
        if step % 6 == 5:
            window.acts.undo.trigger()
        else:
            random_edit(window, rng, cards)
        assert "completeness" not in window.panels.refreshed  # not shown: not refreshed
    assert full_findings(window) != before  # the edits changed what it should show
    assert window.completeness.findings() == before  # ... and it has not been touched
    window.show_dock(window.completeness)
    assert window.completeness.findings() == full_findings(window)
    window.show_dock(window.register)
    assert window.register.visible_titles() == register_titles(window)


def test_moving_a_card_refreshes_only_the_panels_a_move_can_change(window: MainWindow) -> None:
    window.show_dock(window.completeness)
    cell = (stage_at(window, 1).id, lane_of(window, "touchpoints").id)
    command = AddCardCommand(window.doc.editor, journey(window).id, cell, None,
                             {"kind": "touchpoint", "text": "Hotline"})
    window.doc.push(command)
    target = (stage_at(window, 2).id, cell[1])
    window.scene.cards_moved.emit([command.card_id], target, 0)
    assert window.panels.refreshed == ["completeness"]  # its findings go in map order
    assert window.completeness.findings() == full_findings(window)
    window.acts.undo.trigger()
    assert window.panels.refreshed == ["completeness"]
    assert window.completeness.findings() == full_findings(window)
    window.doc.push(EditCardCommand(window.doc.editor, command.card_id, {"channel": "Phone"}))
    assert set(window.panels.refreshed) == {"completeness", "heat"}  # not the hidden inspector
    window.show_dock(window.inspector)
    assert window.inspector.card_page.channel_edit.text() == "Phone"


def test_quitting_with_a_card_selected_prints_no_traceback(tmp_path: Path) -> None:
    script = textwrap.dedent("""
        import os, sys
        os.environ["QT_QPA_PLATFORM"] = "offscreen"
        from PySide6.QtWidgets import QApplication
        app = QApplication(sys.argv[:1])
        from app.document import new_document
        from app.main_window import MainWindow
        from app.settings import Settings
        from model.store import Workspace
        workspace = Workspace(sys.argv[1])
        window = MainWindow(Settings(), workspace)
        window.set_document(new_document(workspace, "cjm7"))
        window.show()
        app.processEvents()
        from app.commands import AddCardCommand
        journey = window.doc.project.journey(window.doc.journey_id)
        lane = next(x for x in journey.lanes if x.kind == "pain_points")
        window.doc.push(AddCardCommand(window.doc.editor, journey.id,
                                       (journey.stages[0].id, lane.id), None, {"text": "x"}))
        app.processEvents()
        window.scene.select_cards(list(window.scene.card_items)[:1])
        app.processEvents()
        window.doc.undo_stack.setClean()
        print("selected", len(window.scene.selectedItems()))
    """)
    env = {"PYTHONPATH": str(ROOT), "HOME": str(tmp_path), "XDG_CONFIG_HOME": str(tmp_path),
           "XDG_DATA_HOME": str(tmp_path), "XDG_RUNTIME_DIR": str(tmp_path),
           "PATH": "/usr/bin:/bin"}
    tmp_path.chmod(0o700)
    done = subprocess.run([sys.executable, "-c", script, str(tmp_path / "ws")], env=env,
                          capture_output=True, text=True, timeout=120, cwd=ROOT)
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == "selected 1"
    assert "Traceback" not in done.stderr and "Error" not in done.stderr, done.stderr


def test_the_completeness_check_goes_by_the_map_order_after_a_stage_moves(
    window: MainWindow,
) -> None:
    window.show_dock(window.completeness)
    today = dt.date.today()
    window.opportunities.today = lambda: today
    first = (stage_at(window, 0).id, lane_of(window, "touchpoints").id)
    last = (stage_at(window, 3).id, lane_of(window, "pain_points").id)
    for cell, kind in ((first, "touchpoint"), (last, "pain_point")):
        window.doc.push(AddCardCommand(window.doc.editor, journey(window).id, cell, None,
                                       {"kind": kind, "text": kind}))
    before = window.completeness.findings()
    window.scene.stage_moved.emit(stage_at(window, 3).id, 0)
    after = window.completeness.findings()
    assert after == full_findings(window) and after != before
    window.acts.undo.trigger()
    assert window.completeness.findings() == before
