"""Benchmark the .cjm store: save and reopen a 5,000-card project.

Run: ``.venv/bin/python bench/bench_store.py [--cards 5000] [--repeat 9]``.
Target: save and open (Project.open + loading the journey with all its cards) each
under 200 ms. integrity_check runs on every open and on every copy written by save.
"""

from __future__ import annotations

import argparse
import sqlite3
import statistics
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from model.edits import Editor
from model.entities import Card, EmotionCurve, EmotionPoint, Journey, Lane, LaneKind, Stage
from model.store import Project, Workspace

STAGES = 12
LANES = 9


def build(project: Project, cards: int) -> int:
    """One journey with STAGES stages, LANES lanes, ``cards`` cards, two emotion curves."""
    session = project.session
    journey = Journey(name="Bench", objective="Measure the store", owner="bench")
    session.add(journey)
    kinds = [k for k in LaneKind if k not in (LaneKind.DIVIDER,)]
    journey.stages = [Stage(name=f"Stage {i}", position=i) for i in range(STAGES)]
    journey.lanes = [
        Lane(name=f"Lane {i}", kind=kinds[i % len(kinds)].value, position=i) for i in range(LANES)
    ]
    session.flush()
    cells = [
        (s.id, lane.id)
        for s in journey.stages
        for lane in journey.lanes
        if lane.kind != LaneKind.EMOTION.value
    ]
    counts: dict[tuple[int, int], int] = {}
    for i in range(cards):
        cell = cells[i % len(cells)]
        position = counts.get(cell, 0)
        counts[cell] = position + 1
        journey.cards.append(
            Card(
                stage_id=cell[0],
                lane_id=cell[1],
                position=position,
                kind="touchpoint",
                text=f"Card {i}: the customer does something notable here 🚀",
                notes="Some notes " * 5,
                channel="web",
                department="Support",
                usage_share=(i % 100) / 100,
            )
        )
    for c in range(2):
        curve = EmotionCurve(name=f"Curve {c}", position=c)
        journey.curves.append(curve)
        session.flush()
        for i, stage in enumerate(journey.stages):
            curve.points.append(EmotionPoint(stage_id=stage.id, value=(i % 11) - 5))
    session.flush()
    ed = Editor(session, project.changes)
    ed.add_opportunity(journey.id, {"title": "Fix it", "card_ids": [journey.cards[0].id]})
    project.flush()
    return journey.id


def load_everything(project: Project) -> int:
    """What the canvas needs to draw a journey: every card, stage, lane and curve point."""
    (journey,) = project.journeys()
    total = len(journey.cards) + len(journey.stages) + len(journey.lanes)
    total += sum(len(c.points) for c in journey.curves)
    total += sum(len(o.cards) for o in journey.opportunities)
    return total


def timed(fn: Callable[[], object], repeat: int) -> list[float]:
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        fn()
        times.append((time.perf_counter() - start) * 1000)
    return times


def report(name: str, times: list[float]) -> None:
    print(
        f"{name:<28} min {min(times):7.1f} ms   median {statistics.median(times):7.1f} ms"
        f"   max {max(times):7.1f} ms   (n={len(times)})"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--cards", type=int, default=5000)
    parser.add_argument("--repeat", type=int, default=9)
    parser.add_argument("--dir", type=Path, default=None, help="where to write (default: tmp)")
    args = parser.parse_args()

    with tempfile.TemporaryDirectory(dir=args.dir) as tmp:
        root = Path(tmp)
        workspace = Workspace(root / "ws")
        target = root / "bench.cjm"
        project = Project.new(workspace)
        journey_id = build(project, args.cards)
        project.save(target)
        size_kib = target.stat().st_size / 1024
        ed = Editor(project.session, project.changes)
        first_card = project.journey(journey_id).cards[0].id
        counter = iter(range(1_000_000))

        def save() -> None:
            ed.update_card(first_card, {"text": f"edit {next(counter)}"})
            project.save()

        save_times = timed(save, args.repeat)
        project.close()

        opened: list[Project] = []

        def open_and_load() -> None:
            p = Project.open(target, workspace)
            opened.append(p)
            assert load_everything(p) >= args.cards

        def pragma(name: str) -> Callable[[], object]:
            def run() -> object:
                conn = sqlite3.connect(target)
                try:
                    return conn.execute(f"PRAGMA {name}").fetchall()
                finally:
                    conn.close()

            return run

        quick_times = timed(pragma("quick_check"), args.repeat)
        integrity_times = timed(pragma("integrity_check"), args.repeat)

        open_times: list[float] = []
        close_times: list[float] = []
        for _ in range(args.repeat):
            open_times += timed(open_and_load, 1)
            close_times += timed(opened.pop().close, 1)

    print(f"{args.cards} cards, {STAGES} stages, {LANES} lanes; file {size_kib:.0f} KiB")
    report("quick_check", quick_times)
    report("integrity_check (open+save)", integrity_times)
    report("save", save_times)
    report("open + load journey", open_times)
    report("close", close_times)


if __name__ == "__main__":
    main()
