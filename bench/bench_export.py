"""Time the exports of a 500-card map: an A0 PDF poster and a 300-DPI A3 PNG.

Targets: PDF under 2 s, PNG under 3 s. Run by hand:

    .venv/bin/python bench/bench_export.py [--cards 500] [--repeat 3] [--keep DIR]
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from app.export.compose import MapDocument
from app.export.paper import (
    make_paper,
    plan_tiles,
)
from app.export.pdf import write_poster_pdf, write_tiled_pdf
from app.export.qt_render import ensure_gui_app, write_png
from model.edits import Editor
from model.store import Project, Workspace

TEXTS = (
    "Compares delivery options on the phone while commuting",
    "Why is the shipping cost only shown at the very end?",
    "Newsletter with a discount code",
    "Payment fails with 3-D Secure; retries twice",
    "Offer a guest checkout without an account",
    "Warehouse picks the order; stock sync every 15 min",
    "Chat support (\u4e2d\u6587) \u2014 \u0645\u0631\u062d\u0628\u0627 \u2014 \U0001f600",
)
KINDS = ("action", "thought", "touchpoint", "pain_point", "opportunity", "backstage", "note")

PDF_TARGET = 2.0
PNG_TARGET = 3.0


def build(project: Project, cards: int) -> int:
    editor = Editor(project.session, project.changes)
    journey_id = editor.add_journey("cjm7", "Benchmark journey")
    journey = project.journey(journey_id)
    stages = sorted(journey.stages, key=lambda s: s.position)
    lanes = [x for x in sorted(journey.lanes, key=lambda x: x.position) if x.kind != "emotion"]
    for i in range(cards):
        stage = stages[i % len(stages)]
        lane = lanes[(i // len(stages)) % len(lanes)]
        editor.add_card(
            journey_id,
            (stage.id, lane.id),
            None,
            {"text": f"{i}: {TEXTS[i % len(TEXTS)]}", "kind": KINDS[i % len(KINDS)]},
        )
    project.flush()
    return journey_id


def timed(label: str, repeat: int, fn: Callable[[], object]) -> float:
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        fn()
        times.append(time.perf_counter() - start)
    best = min(times)
    print(f"{label:<34} best {best:6.3f} s   (runs: {', '.join(f'{t:.3f}' for t in times)})")
    return best


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--cards", type=int, default=500)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--keep", type=Path, help="write the outputs into this folder")
    args = parser.parse_args()

    tmp = Path(tempfile.mkdtemp(prefix="jb-bench-"))
    out = args.keep or tmp
    out.mkdir(parents=True, exist_ok=True)
    ensure_gui_app()
    project = Project.new(Workspace(tmp / "ws"))
    try:
        start = time.perf_counter()
        journey_id = build(project, args.cards)
        print(f"built a {args.cards}-card map in {time.perf_counter() - start:.2f} s")

        def doc() -> MapDocument:
            return MapDocument.from_journey(project.journey(journey_id))

        layout = doc().layout
        size = f"{layout.width:.0f} x {layout.height:.0f}"
        print(f"layout {size} scene px, {len(layout.cards)} cards")
        a0 = make_paper("A0", "auto", layout.width / layout.height)
        a3 = make_paper("A3", "auto", layout.width / layout.height)
        pdf = timed(
            "A0 PDF poster (incl. layout)", args.repeat,
            lambda: write_poster_pdf(out / "a0.pdf", doc(), a0),
        )
        png = timed(
            "A3 PNG at 300 DPI (incl. layout)", args.repeat,
            lambda: write_png(out / "a3.png", doc(), a3, 300),
        )
        tiles = plan_tiles(a0, "A4")
        timed(
            f"A0 tiled on {len(tiles)} A4 sheets", 1,
            lambda: write_tiled_pdf(out / "tiled.pdf", doc(), a0, tiles),
        )
    finally:
        project.close()
    ok_pdf, ok_png = pdf < PDF_TARGET, png < PNG_TARGET
    print(f"PDF target < {PDF_TARGET} s: {'ok' if ok_pdf else 'MISSED'}; "
          f"PNG target < {PNG_TARGET} s: {'ok' if ok_png else 'MISSED'}")
    print(f"outputs in {out}")
    return 0 if ok_pdf and ok_png else 1


if __name__ == "__main__":
    sys.exit(main())
