"""Canvas benchmark: open time and frame times with 12 stages x 9 lanes x 2,000 cards.

Compares our JourneyView with a bare QGraphicsScene of the same number of plain
rect+text items, dragging one card and zooming, each frame painted synchronously.
Run by hand:  QT_QPA_PLATFORM=offscreen .venv/bin/python bench/bench_canvas.py
Targets (issue): frame time within 1.5x of the bare scene and under 16 ms; open under 1 s.
"""

from __future__ import annotations

import os
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QEvent, QPointF, Qt
from PySide6.QtGui import QColor, QMouseEvent, QPainter
from PySide6.QtWidgets import (
    QApplication,
    QGraphicsItem,
    QGraphicsRectItem,
    QGraphicsScene,
    QGraphicsSimpleTextItem,
    QGraphicsView,
)

STAGES, LANES, CARDS = 12, 9, 2000
FRAMES = 60


def build_project(path: Path, workspace_root: Path) -> None:
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
        for s in journey.stages
        for lane in journey.lanes
        if lane.kind not in ("emotion", "divider")
    ]
    for i in range(CARDS):
        editor.add_card(jid, cells[i % len(cells)], None,
                        {"kind": "touchpoint", "text": f"Card {i}: customer does a thing"})
    project.save(path)
    project.close()


def mouse(widget, kind: QEvent.Type, pos: QPointF, button, buttons) -> None:
    event = QMouseEvent(kind, pos, QPointF(widget.mapToGlobal(pos.toPoint())), button, buttons,
                        Qt.KeyboardModifier.NoModifier)
    QApplication.sendEvent(widget, event)


def frame_times(view: QGraphicsView, step: Callable[[int], None]) -> list[float]:
    times = []
    for i in range(FRAMES):
        t0 = time.perf_counter()
        step(i)
        view.viewport().repaint()  # paint this frame now
        times.append((time.perf_counter() - t0) * 1000)
    return times


def drag_frames(view: QGraphicsView, start: QPointF) -> list[float]:
    vp = view.viewport()
    left, none = Qt.MouseButton.LeftButton, Qt.MouseButton.NoButton
    mouse(vp, QEvent.Type.MouseButtonPress, start, left, left)

    def step(i: int) -> None:
        mouse(vp, QEvent.Type.MouseMove, start + QPointF(3 * (i + 1), 2 * (i + 1)), none, left)

    times = frame_times(view, step)
    mouse(vp, QEvent.Type.MouseButtonRelease, start, left, none)
    return times


def zoom_frames(view: QGraphicsView, zoom: Callable[[float], None]) -> list[float]:
    return frame_times(view, lambda i: zoom(1.02 if (i // 15) % 2 == 0 else 1 / 1.02))


def summary(name: str, times: list[float]) -> str:
    return (f"{name:34s} median {statistics.median(times):6.2f} ms   "
            f"p90 {sorted(times)[int(len(times) * 0.9)]:6.2f} ms")


def bare_scene(layout) -> tuple[QGraphicsView, QPointF]:
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
    view.resize(1400, 900)
    view.show()
    view._keep = scene  # type: ignore[attr-defined]
    return view, QPointF()


def main() -> int:
    app = QApplication.instance() or QApplication(sys.argv[:1])
    from app.document import open_document
    from app.main_window import MainWindow
    from app.settings import Settings
    from model.store import Workspace

    tmp = Path(tempfile.mkdtemp(prefix="jb-bench-"))
    path = tmp / "bench.cjm"
    build_project(path, tmp / "build-ws")

    workspace = Workspace(tmp / "ws")
    t0 = time.perf_counter()
    window = MainWindow(Settings(), workspace)
    window.set_document(open_document(path, workspace))
    window.resize(1400, 900)
    window.show()
    app.processEvents()
    window.view.fit()
    window.view.viewport().repaint()
    open_ms = (time.perf_counter() - t0) * 1000

    layout = window.scene.layout
    assert layout is not None and len(layout.cards) == CARDS
    first = next(iter(layout.cards.values())).rect
    view, _ = bare_scene(layout)
    app.processEvents()
    print(f"{STAGES} stages x {LANES} lanes, {CARDS} cards, window 1400x900")
    print(f"open (file -> window painted)      {open_ms:7.1f} ms   target < 1000 ms")
    for label, zoom in (("fit to window", None), ("100 %", 1.0)):
        for v in (window.view, view):
            v.resetTransform()
            if zoom is None:
                v.fitInView(v.sceneRect(), Qt.AspectRatioMode.KeepAspectRatio)
            else:
                v.centerOn(QPointF(*first.center))
        app.processEvents()
        ours_start = QPointF(window.view.mapFromScene(QPointF(*first.center)))
        bare_start = QPointF(view.mapFromScene(QPointF(*first.center)))
        ours_drag = drag_frames(window.view, ours_start)
        window.doc.undo_stack.undo()  # the drop moved a card; put it back
        ours_zoom = zoom_frames(window.view, lambda f: window.view.set_zoom(window.view.zoom * f))
        bare_drag = drag_frames(view, bare_start)
        bare_zoom = zoom_frames(view, lambda f: view.scale(f, f))
        print(f"-- {label}")
        print(summary("drag frame, Journeyboard", ours_drag))
        print(summary("drag frame, bare QGraphicsScene", bare_drag))
        print(summary("zoom frame, Journeyboard", ours_zoom))
        print(summary("zoom frame, bare QGraphicsScene", bare_zoom))
        for what, ours, bare in (("drag", ours_drag, bare_drag), ("zoom", ours_zoom, bare_zoom)):
            ratio = statistics.median(ours) / statistics.median(bare)
            print(f"{what}: ours/bare = {ratio:.2f}x   target <= 1.5x and < 16 ms")
    window.doc.undo_stack.setClean()
    window.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
