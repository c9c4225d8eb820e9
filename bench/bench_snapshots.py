"""Benchmark snapshots: file size and open time of a 500-card journey with 20 snapshots.

Run: ``.venv/bin/python bench/bench_snapshots.py [--cards 500] [--snapshots 20]``.
Target (issue 12): the file stays under 5x the journey alone, and opening it (validation
+ loading the journey) is not slower than opening the file without snapshots.
"""

from __future__ import annotations

import argparse
import statistics
import tempfile
import time
from pathlib import Path

from bench.bench_store import build
from model.edits import Editor
from model.review_edits import snapshot_records
from model.store import Project, Workspace


def open_ms(path: Path, workspace: Workspace, repeat: int) -> float:
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        project = Project.open(path, workspace)
        journey = project.journeys()[0]
        len(journey.cards)
        snapshot_records(project.session, journey.id)
        times.append((time.perf_counter() - start) * 1000)
        project.close()
    return statistics.median(times)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--cards", type=int, default=500)
    parser.add_argument("--snapshots", type=int, default=20)
    parser.add_argument("--repeat", type=int, default=9)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        workspace = Workspace(folder / "ws")
        project = Project.new(workspace)
        journey_id = build(project, args.cards)
        alone = project.save(folder / "alone.cjm")
        editor = Editor(project.session, project.changes)
        cards = [c.id for c in project.journey(journey_id).cards]
        for i in range(args.snapshots):
            for card_id in cards[i * 10:(i + 1) * 10]:
                editor.update_card(card_id, {"text": f"revised in round {i}"})
            editor.take_snapshot(journey_id, f"Review {i}")
        with_snaps = project.save(folder / "with.cjm")
        project.close()
        a, b = alone.stat().st_size, with_snaps.stat().st_size
        print(f"size: journey alone {a / 1024:.0f} KiB, with {args.snapshots} snapshots "
              f"{b / 1024:.0f} KiB ({b / a:.2f}x, limit 5x)")
        t_alone = open_ms(alone, workspace, args.repeat)
        t_with = open_ms(with_snaps, workspace, args.repeat)
        print(f"open: journey alone {t_alone:.1f} ms, with snapshots {t_with:.1f} ms")


if __name__ == "__main__":
    main()
