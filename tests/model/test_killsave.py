"""Killing Journeyboard (SIGKILL) in the middle of saving never leaves a broken file.

200 kills at random moments of a process that saves in a loop: a fork server starts
each saver in milliseconds, so the kills are many and land inside saves.
"""

from __future__ import annotations

import os
import queue
import random
import signal
import subprocess
import threading
import time
from pathlib import Path

from model.store import Project, Workspace
from tests.model.store_child import ROOT, child_command, counter_cards

CARDS = 150
KILLS_PER_SLOT = 100  # two slots run side by side: 200 kills in all
SEED = int(os.environ.get("KILLSAVE_SEED", str(random.SystemRandom().randrange(1 << 30))))


def _check_file(
    target: Path, workspace: Workspace, started: set[int], last_saved: int, previous: int
) -> int:
    """Open the file and check it holds one complete state; return its counter."""
    project = Project.open(target, workspace, read_only=True)
    try:
        first, last, cards = counter_cards(project)
        assert len(cards) == CARDS
        assert first.text == last.text, "first and last card come from different saves"
        counter = int(first.text.split("=")[1])
        assert counter == previous or counter in started, (counter, previous, sorted(started))
        assert counter >= last_saved, f"save {last_saved} completed but the file has {counter}"
        assert [c.text for c in cards[1:-1]] == [f"card {i}" for i in range(1, CARDS - 1)]
    finally:
        project.close()
    return counter


LINE_TIMEOUT = 60.0  # seconds to wait for one line from the fork server


class _Lines:
    """Lines from the fork server; waiting too long for one fails with what was seen."""

    def __init__(self, server: subprocess.Popen[str]) -> None:
        self.server = server
        self.queue: queue.Queue[str] = queue.Queue()
        self.seen: list[str] = []
        threading.Thread(target=self._pump, daemon=True).start()

    def _pump(self) -> None:
        assert self.server.stdout is not None
        for line in self.server.stdout:
            self.queue.put(line.strip())
        self.queue.put("")

    def next(self) -> str:
        try:
            line = self.queue.get(timeout=LINE_TIMEOUT)
        except queue.Empty:
            self.server.kill()
            assert self.server.stderr is not None
            raise AssertionError(
                f"no line from the fork server; last {self.seen[-8:]}\n"
                f"{self.server.stderr.read()[-3000:]}"
            ) from None
        self.seen.append(line)
        return line


def _slot(
    index: int,
    root: Path,
    rng: random.Random,
    saves: list[int],
    inside: list[bool],
    errors: list[BaseException],
) -> None:
    target = root / f"slot{index}" / "counter.cjm"
    target.parent.mkdir(parents=True)
    checker = Workspace(root / f"check-ws{index}")
    server = subprocess.Popen(
        child_command("fork-save-loop", target, root / f"child-ws{index}", str(CARDS)),
        cwd=ROOT, stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
        text=True,
    )
    assert server.stdin is not None and server.stdout is not None
    previous = 0
    lines_in = _Lines(server)
    try:
        assert lines_in.next() == "server"
        for kill in range(KILLS_PER_SLOT):
            server.stdin.write("go\n")
            server.stdin.flush()
            pid = int(lines_in.next().split()[1])
            lines = [lines_in.next()]
            assert lines[0] == "ready", f"child did not start (kill {kill}): {lines}"
            time.sleep(rng.uniform(0.0, 0.060))
            os.kill(pid, signal.SIGKILL)
            server.stdin.write(f"wait {pid}\n")
            server.stdin.flush()
            while (line := lines_in.next()) != "reaped":
                assert line, "the fork server ended"
                lines.append(line)
            started = {int(x.split()[1]) for x in lines if x.startswith("start ")}
            saved = [int(x.split()[1]) for x in lines if x.startswith("saved ")]
            saves.append(len(saved))
            # killed between "start N" and "saved N": inside a save
            inside.append(max(started, default=0) > max(saved, default=0))
            previous = _check_file(target, checker, started, max(saved, default=previous), previous)
            leftovers = [n for n in os.listdir(target.parent) if n != "counter.cjm"]
            # A killed save may leave its temp file (and journal) and its lock file; the
            # next save removes the temp files, the next open takes the lock over.
            assert len(leftovers) <= 3, leftovers
            assert all(n.startswith((".counter.cjm.", ".~lock.counter.cjm#")) for n in leftovers)
    except BaseException as exc:  # reported by the main thread
        errors.append(exc)
    finally:
        server.kill()
        server.wait()
        for stream in (server.stdin, server.stderr):
            if stream is not None:
                stream.close()


def test_file_survives_being_killed_while_saving(tmp_path: Path) -> None:
    saves: list[int] = []
    inside: list[bool] = []
    errors: list[BaseException] = []
    threads = [
        threading.Thread(
            target=_slot, args=(i, tmp_path, random.Random(SEED + i), saves, inside, errors)
        )
        for i in range(2)
    ]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    if errors:
        raise AssertionError(f"KILLSAVE_SEED={SEED}") from errors[0]
    assert len(saves) == 2 * KILLS_PER_SLOT
    # The kills really interrupt saves (a saver does little else), and saves complete.
    print(f"{sum(inside)} of {len(inside)} kills inside a save; {sum(saves)} saves completed")
    assert sum(inside) >= len(inside) * 3 // 4
    assert sum(saves) > 0
