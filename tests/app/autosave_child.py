"""Editors that autosave in a loop, to be killed (``python -m tests.app.autosave_child``).

``fork-autosave-loop TARGET WORKSPACE``: prints ``server``; each ``go`` line forks a
child that opens TARGET as a document (offscreen Qt) and forever: prints ``start N``,
writes ``counter=N`` into the first and the last card (two undoable edits), starts an
autosave on the worker thread, and prints ``saved N`` once the write is taken in. The
worker prints ``write N`` / ``wrote N`` around its part. ``wait PID`` reaps a child and
prints ``reaped``.

The children write to a slow disk: every fsync waits SLOW_FSYNC_S first. On a fast
disk (or tmpfs, where fsync returns at once) a write otherwise lasts well under a
millisecond, and the test's kills would almost never land inside one.
"""

from __future__ import annotations

import os
import sys
import time
from pathlib import Path

SLOW_FSYNC_S = 0.004


def _slow_disk() -> None:
    """Make every fsync of this process take at least SLOW_FSYNC_S, as on a busy disk."""
    real = os.fsync

    def fsync(fd: int) -> None:
        time.sleep(SLOW_FSYNC_S)
        real(fd)

    os.fsync = fsync


def _say(line: str) -> None:
    """One line in one write: a kill never leaves half a line."""
    os.write(1, f"{line}\n".encode())


def _autosave_loop(target: Path, root: Path) -> None:
    from PySide6.QtCore import QEventLoop
    from PySide6.QtWidgets import QApplication

    from app.commands import EditCardCommand
    from app.document import open_document
    from model.store import FlushJob, FlushResult, Workspace

    app = QApplication([])
    doc = open_document(target, Workspace(root))
    journey = doc.project.journeys()[0]
    cards = sorted(c.id for c in journey.cards)
    write = doc.project.write_flush
    counter = {"n": 0}

    def spied(job: FlushJob) -> FlushResult:
        _say(f"write {counter['n']}")
        result = write(job)
        _say(f"wrote {counter['n']}")
        return result

    doc.project.write_flush = spied  # type: ignore[method-assign]
    _say("ready")
    while True:
        counter["n"] += 1
        n = counter["n"]
        _say(f"start {n}")
        for card in (cards[0], cards[-1]):
            doc.push(EditCardCommand(doc.editor, card, {"text": f"counter={n}"}))
        doc.autosaver.write_soon()
        while doc.autosaver.in_flight:
            app.processEvents(QEventLoop.ProcessEventsFlag.WaitForMoreEvents)
        _say(f"saved {n}")


def _fork_server(target: Path, root: Path) -> None:
    # Import the heavy parts once, before forking: each child then starts in milliseconds.
    import PySide6.QtWidgets  # noqa: F401

    import app.document  # noqa: F401

    _say("server")
    for line in sys.stdin:
        words = line.split()
        if words[0] == "go":
            pid = os.fork()
            if pid == 0:
                try:
                    _say(f"child {os.getpid()}")
                    _slow_disk()
                    _autosave_loop(target, root)
                finally:
                    os._exit(3)
            continue
        if words[0] == "wait":
            os.waitpid(int(words[1]), 0)
            _say("reaped")


if __name__ == "__main__":
    os.environ["QT_QPA_PLATFORM"] = "offscreen"
    _fork_server(Path(sys.argv[2]), Path(sys.argv[3]))
