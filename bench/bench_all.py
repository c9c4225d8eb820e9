"""Every big-map benchmark at 500 / 2,000 / 5,000 / 20,000 cards, printed as one table.

Each size runs in its own child process (so peak RSS is that map's own); the bare
QGraphicsScene the canvas is compared with is built and measured in the same child,
side by side. Run by hand (offscreen by default):

    .venv/bin/python bench/bench_all.py [--sizes 500 2000 5000 20000] [--before DIR]

``--before DIR`` runs the same children a second time with ``PYTHONPATH=DIR`` (e.g. an
older checkout from ``git archive``) and prints both columns in one table, so before
and after are measured in one run on the same machine.

Rows (ms unless noted; frames are medians of synchronously painted frames in a
1400x900 window; "x bare" is ours divided by a bare QGraphicsScene of plain
rect + text items):
  edit          move one card to the next stage and back (on this evenly filled map that
                grows or shrinks its lane, so every lane below moves), from the signal
                to the repainted view at 100 %; "within its cell": to the top and back;
                then undo and redo of those same edits, to the repainted view
  open          open the file, build the window, fit, first paint
  fit shows     share of the map's area visible after "fit" (%)
  fit frame     repaint of the whole window at fit
  drag/zoom/pan frames at 100 % and at fit, with the bare-scene ratio
  autosave      one edit, then its autosave, 5 rounds: the time the UI thread spends in
                autosave code (median; before the threaded autosave, the whole
                synchronous flush), and the longest gap between the ticks of a 1 ms timer
                (worst round) next to the same with nothing to do (what load alone causes)
  import        CSV parse + validate + insert of the same number of rows
  export        A0 PDF poster of the map (incl. layout)
  peak RSS      of the child once the editor part is done, and after all of the above (MiB)
  cold start    process start to a painted window on a new map (once, not per size; the
                median of 5 starts with bytecode kept, and of 5 that compile every module)
"""

from __future__ import annotations

import argparse
import itertools
import json
import os
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
STAGES, LANES = 12, 9
FRAMES = 30
EDITS = 8
WINDOW = (1400, 900)
TEXTS = (
    "Compares delivery options on the phone while commuting",
    "Why is the shipping cost only shown at the very end?",
    "Payment fails with 3-D Secure; retries twice",
    "Offer a guest checkout without an account",
    "Chat support (\u4e2d\u6587) \u2014 \U0001f600, \"quoted\"\nsecond line",
)
KINDS = ("action", "thought", "touchpoint", "pain_point", "opportunity", "backstage", "note")


def _median(times: list[float]) -> float:
    return statistics.median(times) if times else float("nan")


# -- child: one map size ------------------------------------------------------------------


def build_map(path: Path, workspace_root: Path, cards: int) -> None:
    """A 12 x 9 map with ``cards`` cards spread evenly over the card cells."""
    from model.edits import Editor
    from model.store import Project, Workspace

    project = Project.new(Workspace(workspace_root))
    editor = Editor(project.session, project.changes)
    jid = editor.add_journey("cjm7", "Bench")
    journey = project.journey(jid)
    while len(journey.stages) < STAGES:
        editor.add_stage(jid, None, {"name": f"Stage {len(journey.stages) + 1}"})
    while len(journey.lanes) < LANES:
        editor.add_lane(jid, None, {"name": f"Lane {len(journey.lanes) + 1}", "kind": "text"})
    cells = [
        (s.id, lane.id)
        for s in sorted(journey.stages, key=lambda s: s.position)
        for lane in sorted(journey.lanes, key=lambda x: x.position)
        if lane.kind not in ("emotion", "divider")
    ]
    editor.append_cards([
        (jid, cells[i % len(cells)],
         {"kind": KINDS[i % len(KINDS)], "text": f"{i}: {TEXTS[i % len(TEXTS)]}"})
        for i in range(cards)
    ])
    project.save(path)
    project.close()


def _mouse(widget: Any, kind: Any, pos: Any, button: Any, buttons: Any) -> None:
    from PySide6.QtCore import QPointF, Qt
    from PySide6.QtGui import QMouseEvent
    from PySide6.QtWidgets import QApplication

    event = QMouseEvent(kind, pos, QPointF(widget.mapToGlobal(pos.toPoint())), button, buttons,
                        Qt.KeyboardModifier.NoModifier)
    QApplication.sendEvent(widget, event)


def _frames(view: Any, step: Callable[[int], None], frames: int = FRAMES) -> list[float]:
    times = []
    for i in range(frames):
        t0 = time.perf_counter()
        step(i)
        view.viewport().repaint()
        times.append((time.perf_counter() - t0) * 1000)
    return times


def _drag(view: Any, start: Any) -> list[float]:
    from PySide6.QtCore import QEvent, QPointF, Qt

    vp = view.viewport()
    left, none = Qt.MouseButton.LeftButton, Qt.MouseButton.NoButton
    _mouse(vp, QEvent.Type.MouseButtonPress, start, left, left)

    def step(i: int) -> None:
        _mouse(vp, QEvent.Type.MouseMove, start + QPointF(3 * (i + 1), 2 * (i + 1)), none, left)

    times = _frames(view, step)
    # Released where it started: a click, not a move, so the map stays as it is.
    _mouse(vp, QEvent.Type.MouseMove, start, none, left)
    _mouse(vp, QEvent.Type.MouseButtonRelease, start, left, none)
    return times


def _zoom(view: Any, zoom: Callable[[float], None]) -> list[float]:
    return _frames(view, lambda i: zoom(1.02 if (i // 8) % 2 == 0 else 1 / 1.02))


def _pan(view: Any) -> list[float]:
    bar = view.horizontalScrollBar()

    def step(i: int) -> None:
        bar.setValue(bar.value() + (12 if (i // 8) % 2 == 0 else -12))

    return _frames(view, step)


def _bare_view(layout: Any) -> Any:
    from PySide6.QtGui import QColor, QPainter
    from PySide6.QtWidgets import (
        QGraphicsItem,
        QGraphicsRectItem,
        QGraphicsScene,
        QGraphicsSimpleTextItem,
        QGraphicsView,
    )

    scene = QGraphicsScene()
    for geom in layout.cards.values():
        rect = QGraphicsRectItem(0, 0, geom.rect.w, geom.rect.h)
        rect.setBrush(QColor(geom.fill))
        rect.setFlags(QGraphicsItem.GraphicsItemFlag.ItemIsMovable
                      | QGraphicsItem.GraphicsItemFlag.ItemIsSelectable)
        text = QGraphicsSimpleTextItem(geom.text)
        text.setParentItem(rect)
        text.setPos(8, 8)
        rect.setPos(geom.rect.x, geom.rect.y)
        scene.addItem(rect)
    scene.setSceneRect(-40, -40, layout.width + 80, layout.height + 80)
    view = QGraphicsView(scene)
    view.setRenderHints(QPainter.RenderHint.Antialiasing | QPainter.RenderHint.TextAntialiasing)
    view.resize(*WINDOW)
    view.show()
    view._keep = scene  # type: ignore[attr-defined]
    return view


def _fit_bare(view: Any) -> None:
    from PySide6.QtCore import Qt

    view.resetTransform()
    view.fitInView(view.sceneRect(), Qt.AspectRatioMode.KeepAspectRatio)


def _settle(app: Any, seconds: float = 0.4) -> None:
    """Let timers that run after a gesture (the canvas re-caches once a zoom rests) fire."""
    end = time.perf_counter() + seconds
    while time.perf_counter() < end:
        app.processEvents()
        time.sleep(0.01)


def _visible_share(view: Any, width: float, height: float) -> float:
    from PySide6.QtCore import QRectF

    seen = view.mapToScene(view.viewport().rect()).boundingRect().intersected(
        QRectF(0, 0, width, height))
    return 100.0 * max(0.0, seen.width()) * max(0.0, seen.height()) / (width * height)


def _longest_gap(start: Callable[[], None], busy: Callable[[], bool]) -> float:
    """The longest gap between 1 ms timer ticks from ``start`` until it is done (ms)."""
    from PySide6.QtCore import QEventLoop, Qt, QTimer

    ticks: list[float] = []
    done: list[float] = []
    loop = QEventLoop()
    ticker = QTimer()
    ticker.setTimerType(Qt.TimerType.PreciseTimer)
    ticker.setInterval(1)
    ticker.timeout.connect(lambda: ticks.append(time.perf_counter()))
    started = time.perf_counter() + 0.02

    def poll() -> None:
        now = time.perf_counter()
        if not done and now > started + 0.01 and not busy():
            done.append(now)
        if done and now > done[0] + 0.05:
            loop.quit()

    watcher = QTimer()
    watcher.setInterval(2)
    watcher.timeout.connect(poll)
    ticker.start()
    watcher.start()
    QTimer.singleShot(20, start)
    loop.exec()
    ticker.stop()
    watcher.stop()
    return max(b - a for a, b in itertools.pairwise(ticks)) * 1000


def _timed(spent: list[float], fn: Callable[..., Any]) -> Callable[..., Any]:
    def wrapper(*args: Any) -> Any:
        t0 = time.perf_counter()
        try:
            return fn(*args)
        finally:
            spent.append((time.perf_counter() - t0) * 1000)

    return wrapper


def _autosave(app: Any, window: Any, card_id: int, rounds: int = 5) -> dict[str, float]:
    """Per round: one edit, then the event loop while it is autosaved, and once idle.

    ``autosave_ui``: time the UI thread spent in autosave code per round (for the
    threaded autosave its snapshot and taking in the result, before it the whole flush);
    ``autosave_gap``: the longest gap between 1 ms timer ticks in a round (the worst
    round); ``idle_gap``: the same with nothing to do, i.e. what the machine's load
    alone causes.
    """
    doc = window.doc
    project = doc.project
    autosaver = getattr(doc, "autosaver", None)  # None: an older, synchronous autosave
    spent: list[float] = []

    def busy() -> bool:
        return autosaver is not None and bool(autosaver.in_flight)

    if autosaver is None:
        start: Callable[[], None] = _timed(spent, doc.flush)
    else:  # what the autosave timer does; begin/end are the UI thread's part
        project.begin_flush = _timed(spent, project.begin_flush)
        project.end_flush = _timed(spent, project.end_flush)
        start = autosaver.write_soon
    gaps, per_round, idle = [], [], []
    for i in range(rounds):
        cell = window.scene.layout.cards[card_id].cell
        window.scene.cards_moved.emit([card_id], cell, 0 if i % 2 == 0 else 5)
        # The edit's own deferred work (lazy items near the view) must be done first,
        # or its gaps are counted as the autosave's.
        _settle(app, 0.5)
        spent.clear()
        gaps.append(_longest_gap(start, busy))
        per_round.append(sum(spent))
        idle.append(_longest_gap(lambda: None, lambda: False))
    return {"autosave_ui": _median(per_round), "autosave_ui_max": max(per_round),
            "autosave_gap": max(gaps), "idle_gap": max(idle)}


def child(cards: int, folder: Path, skip_export: bool) -> dict[str, Any]:
    from PySide6.QtCore import QPointF
    from PySide6.QtWidgets import QApplication

    app = QApplication.instance() or QApplication(sys.argv[:1])
    from app.document import open_document
    from app.main_window import MainWindow
    from app.settings import Settings
    from model.store import Workspace

    out: dict[str, Any] = {"cards": cards}
    path = folder / "map.cjm"
    build_map(path, folder / "build-ws", cards)

    workspace = Workspace(folder / "ws")
    t0 = time.perf_counter()
    window = MainWindow(Settings(), workspace)
    window.set_document(open_document(path, workspace))
    window.resize(*WINDOW)
    window.show()
    app.processEvents()
    window.view.fit()
    window.view.viewport().repaint()
    out["open"] = (time.perf_counter() - t0) * 1000
    app.processEvents()

    layout = window.scene.layout
    assert layout is not None and len(layout.cards) == cards, len(layout.cards)
    ours = window.view
    out["fit_shows"] = _visible_share(ours, layout.width, layout.height)
    out["fit_frame"] = _median(_frames(ours, lambda i: None))

    # -- edit latency: move one card a stage to the right and back, at 100 %
    ours.set_zoom(1.0)
    stages = [s.id for s in layout.stages]
    lane = next(x for x in layout.lanes if x.holds_cards)
    cell_a, cell_b = (stages[5], lane.id), (stages[6], lane.id)
    card_id = layout.cell_cards[cell_a][len(layout.cell_cards[cell_a]) // 2]
    ours.centerOn(QPointF(*layout.cards[card_id].rect.center))
    app.processEvents()
    # Edits are timed once the zoom has rested, as a user's are: while a zoom gesture
    # lasts (ZOOM_REST_MS) the cards paint without their caches, and eight edits fit
    # inside that window, so every one was timed in the gesture's uncached mode.
    _settle(app)
    edits = []
    for i in range(EDITS):
        target = cell_b if i % 2 == 0 else cell_a
        t0 = time.perf_counter()
        window.scene.cards_moved.emit([card_id], target, 0)
        app.processEvents()
        ours.viewport().repaint()
        edits.append((time.perf_counter() - t0) * 1000)
    out["edit"] = _median(edits)
    # The same card moved to the top of its own cell and back: one cell changes.
    reorders = []
    for i in range(EDITS):
        cell = window.scene.layout.cards[card_id].cell
        t0 = time.perf_counter()
        window.scene.cards_moved.emit([card_id], cell, 0 if i % 2 == 0 else 5)
        app.processEvents()
        ours.viewport().repaint()
        reorders.append((time.perf_counter() - t0) * 1000)
    out["edit_reorder"] = _median(reorders)
    # Undo, then redo, of the same edits: the reorders, then the moves to the next stage.
    stack = window.doc.undo_stack

    def undo_redo(step: Callable[[], None]) -> float:
        t0 = time.perf_counter()
        step()
        app.processEvents()
        ours.viewport().repaint()
        return (time.perf_counter() - t0) * 1000

    undo_reorders = [undo_redo(stack.undo) for _ in range(EDITS)]
    undo_moves = [undo_redo(stack.undo) for _ in range(EDITS)]
    out["undo_move"] = _median(undo_moves)
    out["redo_move"] = _median([undo_redo(stack.redo) for _ in range(EDITS)])
    out["undo_reorder"] = _median(undo_reorders)
    out["redo_reorder"] = _median([undo_redo(stack.redo) for _ in range(EDITS)])
    out.update(_autosave(app, window, card_id))
    window.scene.clearSelection()
    app.processEvents()

    # -- frames, ours and bare side by side
    bare = _bare_view(window.scene.layout)
    app.processEvents()
    layout = window.scene.layout
    first = layout.cards[layout.cell_cards[cell_a][0]].rect
    for label in ("100", "fit"):
        for view in (ours, bare):
            if label == "fit":
                if view is ours:
                    ours.fit()
                else:
                    _fit_bare(bare)
            else:
                if view is ours:
                    ours.set_zoom(1.0)
                else:
                    bare.resetTransform()
                view.centerOn(QPointF(*first.center))
        _settle(app)
        for name, view in (("ours", ours), ("bare", bare)):
            start = QPointF(view.mapFromScene(QPointF(*first.center)))
            out[f"drag_{label}_{name}"] = _median(_drag(view, start))
            app.processEvents()
            if view is ours:
                zoom = _zoom(view, lambda f: ours.set_zoom(ours.zoom * f))
            else:
                zoom = _zoom(view, lambda f: bare.scale(f, f))
            out[f"zoom_{label}_{name}"] = _median(zoom)
            if label == "100":
                out[f"pan_{label}_{name}"] = _median(_pan(view))
            if label == "fit" and name == "bare":
                out["fit_frame_bare"] = _median(_frames(view, lambda i: None))
    window.doc.undo_stack.setClean()
    window.close()
    bare.close()
    app.processEvents()
    # The editor's own peak: the map open in the window (before import and export).
    out["rss_editor"] = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024

    # -- import and export of the same size
    sys.path.append(str(HERE))
    from bench_import import make_csv

    from model.csv_io import import_rows, parse_csv
    from model.store import Project

    (folder / "cards.csv").write_bytes(make_csv(cards))
    project = Project.new(Workspace(folder / "import-ws"))
    t0 = time.perf_counter()
    parsed = parse_csv((folder / "cards.csv").read_bytes())
    import_rows(project.session, project.changes, parsed)
    project.flush()
    out["import"] = (time.perf_counter() - t0) * 1000
    project.close()

    if not skip_export:
        from app.export.compose import MapDocument
        from app.export.paper import make_paper
        from app.export.pdf import write_poster_pdf

        project = Project.open(path, Workspace(folder / "export-ws"))
        t0 = time.perf_counter()
        journey = project.journeys()[0]
        doc = MapDocument.from_journey(journey)
        paper = make_paper("A0", "auto", doc.layout.width / doc.layout.height)
        write_poster_pdf(folder / "map.pdf", doc, paper)
        out["export"] = (time.perf_counter() - t0) * 1000
        project.close()
    out["rss"] = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    return out


# -- parent --------------------------------------------------------------------------------


def _env(code: Path | None, home: Path) -> dict[str, str]:
    env = dict(os.environ)
    env["QT_QPA_PLATFORM"] = env.get("QT_QPA_PLATFORM", "offscreen")
    # Settings and state of the benchmark stay out of the user's.
    for var in ("XDG_CONFIG_HOME", "XDG_STATE_HOME", "XDG_DATA_HOME", "XDG_CACHE_HOME"):
        env[var] = str(home / var.lower())
    env["PYTHONPATH"] = str(code) if code is not None else str(HERE.parent)
    return env


def run_size(code: Path | None, cards: int, skip_export: bool, timeout: float) -> dict[str, Any]:
    with tempfile.TemporaryDirectory(prefix="jb-bench-") as tmp:
        cmd = [sys.executable, str(HERE / "bench_all.py"), "--child", str(cards),
               "--folder", tmp]
        if skip_export:
            cmd.append("--skip-export")
        try:
            proc = subprocess.run(cmd, env=_env(code, Path(tmp)), capture_output=True,
                                  text=True, timeout=timeout, check=False)
        except subprocess.TimeoutExpired:
            return {"cards": cards, "error": f"> {timeout:.0f} s"}
        lines = [x for x in proc.stdout.splitlines() if x.startswith("{")]
        if proc.returncode != 0 or not lines:
            sys.stderr.write(proc.stderr[-3000:])
            return {"cards": cards, "error": f"exit {proc.returncode}"}
        result: dict[str, Any] = json.loads(lines[-1])
        return result


def cold_start(code: Path | None, repeat: int = 5, compiled: bool = True) -> float:
    """Process start to a painted window on a new map: the median of ``repeat`` runs (ms).

    ``compiled``: Python may keep the bytecode of our modules (as an installed copy or
    the bundle has it); one untimed run first writes it. Otherwise every start compiles
    them again (PYTHONDONTWRITEBYTECODE=1 and no bytecode beside the sources), as a
    first start of a source tree does (the libraries keep their installed bytecode).
    """
    times = []
    with tempfile.TemporaryDirectory(prefix="jb-cold-") as tmp:
        if not compiled:  # a copy of our sources without their bytecode
            source = code if code is not None else HERE.parent
            code = Path(tmp) / "src"
            for package in ("app", "model", "widgets", "resources"):
                shutil.copytree(source / package, code / package,
                                ignore=shutil.ignore_patterns("__pycache__"))
        env = _env(code, Path(tmp))
        if compiled:
            env.pop("PYTHONDONTWRITEBYTECODE", None)
        else:
            env["PYTHONDONTWRITEBYTECODE"] = "1"
        for i in range(repeat + (1 if compiled else 0)):
            t0 = time.perf_counter()
            # The editor's own start (python -m app), quitting once its window is shown.
            # From the temp folder: "-m app" looks in the working directory first, so a
            # start from this checkout would time this checkout's code, not ``code``'s.
            proc = subprocess.run([sys.executable, "-m", "app", "--quit-after", "0"],
                                  env=env, cwd=tmp, check=False, capture_output=True,
                                  text=True)
            if proc.returncode != 0:
                sys.stderr.write(proc.stderr[-2000:])
            elif i > 0 or not compiled:
                times.append((time.perf_counter() - t0) * 1000)
    return _median(times)


ROWS: list[tuple[str, str, str | None]] = [
    # label, key, bare key for the ratio
    ("edit: card to next stage", "edit", None),
    ("edit: card within its cell", "edit_reorder", None),
    ("  undo: to next stage", "undo_move", None),
    ("  redo: to next stage", "redo_move", None),
    ("  undo: within its cell", "undo_reorder", None),
    ("  redo: within its cell", "redo_reorder", None),
    ("open (ms)", "open", None),
    ("fit shows (% of map)", "fit_shows", None),
    ("fit-view frame (ms)", "fit_frame", "fit_frame_bare"),
    ("drag frame 100 % (ms)", "drag_100_ours", "drag_100_bare"),
    ("zoom frame 100 % (ms)", "zoom_100_ours", "zoom_100_bare"),
    ("pan frame 100 % (ms)", "pan_100_ours", "pan_100_bare"),
    ("drag frame fit (ms)", "drag_fit_ours", "drag_fit_bare"),
    ("zoom frame fit (ms)", "zoom_fit_ours", "zoom_fit_bare"),
    ("autosave: UI thread (ms)", "autosave_ui", None),
    ("autosave: longest gap (ms)", "autosave_gap", None),
    ("  same, idle (ms)", "idle_gap", None),
    ("import CSV (ms)", "import", None),
    ("export A0 PDF (ms)", "export", None),
    ("peak RSS, editor (MiB)", "rss_editor", None),
    ("peak RSS, all (MiB)", "rss", None),
]


def _cell(result: dict[str, Any], key: str, bare: str | None) -> str:
    if "error" in result:
        return result["error"]
    value = result.get(key)
    if value is None:
        return "-"
    text = f"{value:.0f}" if value >= 100 else f"{value:.1f}"
    if bare is not None and result.get(bare):
        text += f" ({value / result[bare]:.2f}x)"
    return text


def print_table(columns: list[tuple[str, list[dict[str, Any]]]], cold: dict[str, float]) -> None:
    sizes = [r["cards"] for r in columns[0][1]]
    heads = [f"{tag} {n:,}" for n in sizes for tag, _ in columns]
    width = max([16, *(len(h) for h in heads)])
    if sizes:
        print(f"{'':26s}" + "".join(f"{h:>{width}s}" for h in heads))
    for label, key, bare in ROWS if sizes else []:
        cells = []
        for i in range(len(sizes)):
            for _, results in columns:
                cells.append(_cell(results[i], key, bare))
        print(f"{label:26s}" + "".join(f"{c:>{width}s}" for c in cells))
    if sizes:
        print("bare ratios are ours / a bare QGraphicsScene measured in the same process")
    for tag, ms in cold.items():
        print(f"cold start, new map ({tag}): {ms:.0f} ms")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--sizes", type=int, nargs="+", default=[500, 2000, 5000, 20000])
    parser.add_argument("--before", type=Path, help="an older checkout to compare with")
    parser.add_argument("--skip-export", action="store_true")
    parser.add_argument("--timeout", type=float, default=900.0, help="seconds per size")
    parser.add_argument("--json", type=Path, help="also write the raw figures here")
    parser.add_argument("--cold-only", action="store_true", help="only the cold start rows")
    parser.add_argument("--child", type=int, help=argparse.SUPPRESS)
    parser.add_argument("--folder", type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child is not None:
        print(json.dumps(child(args.child, args.folder, args.skip_export)))
        return 0
    codes: list[tuple[str, Path | None]] = []
    if args.before is not None:
        codes.append(("before", args.before.resolve()))
    codes.append(("after" if args.before is not None else "", None))
    columns: list[tuple[str, list[dict[str, Any]]]] = []
    cold: dict[str, float] = {}
    for tag, code in codes:
        results = []
        for n in [] if args.cold_only else args.sizes:
            results.append(run_size(code, n, args.skip_export, args.timeout))
            print(f"# {tag or 'this tree'} {n}: {json.dumps(results[-1])}", file=sys.stderr)
        columns.append((tag, results))
        cold[f"{tag or 'this tree'}, bytecode kept"] = cold_start(code)
        cold[f"{tag or 'this tree'}, compiled at each start"] = cold_start(code, compiled=False)
    # Interleave so each size shows before | after next to each other.
    print_table(columns, cold)
    if args.json is not None:
        args.json.write_text(json.dumps({"columns": columns, "cold": cold}, indent=1))
    return 0


if __name__ == "__main__":
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    sys.exit(main())
