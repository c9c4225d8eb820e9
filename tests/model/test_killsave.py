"""Killing Journeyboard (SIGKILL) in the middle of saving never leaves a broken file."""

from __future__ import annotations

import os
import random
import signal
import subprocess
import threading
import time
from pathlib import Path

from model.store import Project, Workspace
from tests.model.store_child import ROOT, child_command, counter_cards

CARDS = 150
KILLS_PER_SLOT = 28  # two slots run side by side: 56 kills in all
SEED = int(os.environ.get("KILLSAVE_SEED", str(random.SystemRandom().randrange(1 << 30))))


def _check_file(
    target: Path, workspace: Workspace, started: set[int], last_saved: int, previous: int
) -> int:
    """Open the file and check it holds one complete state; return its counter."""
    project = Project.open(target, workspace)
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


def _slot(
    index: int, root: Path, rng: random.Random, saves: list[int], errors: list[BaseException]
) -> None:
    target = root / f"slot{index}" / "counter.cjm"
    target.parent.mkdir(parents=True)
    child_ws = root / f"child-ws{index}"
    checker = Workspace(root / f"check-ws{index}")
    previous = 0
    try:
        for kill in range(KILLS_PER_SLOT):
            proc = subprocess.Popen(
                child_command("save-loop", target, child_ws, str(CARDS)),
                cwd=ROOT,
                stdout=subprocess.PIPE,
                stderr=subprocess.PIPE,
                text=True,
            )
            assert proc.stdout is not None and proc.stderr is not None
            ready = proc.stdout.readline().strip()
            if ready != "ready":
                proc.kill()
                raise AssertionError(f"child did not start: {proc.stderr.read()}")
            time.sleep(rng.uniform(0.020, 0.200))
            proc.send_signal(signal.SIGKILL)
            proc.wait(timeout=30)
            lines = proc.stdout.read().split("\n")
            proc.stdout.close()
            proc.stderr.close()
            assert proc.returncode == -signal.SIGKILL, f"child ended early (kill {kill})"
            started = {int(x.split()[1]) for x in lines if x.startswith("start ")}
            saved = [int(x.split()[1]) for x in lines if x.startswith("saved ")]
            saves.append(len(saved))
            previous = _check_file(target, checker, started, max(saved, default=previous), previous)
            leftovers = [n for n in os.listdir(target.parent) if n != "counter.cjm"]
            # A killed save may leave its temp file (and journal); the next save removes it.
            assert len(leftovers) <= 2 and all(n.startswith(".counter.cjm.") for n in leftovers)
    except BaseException as exc:  # reported by the main thread
        errors.append(exc)


def test_file_survives_being_killed_while_saving(tmp_path: Path) -> None:
    saves: list[int] = []
    errors: list[BaseException] = []
    threads = [
        threading.Thread(target=_slot, args=(i, tmp_path, random.Random(SEED + i), saves, errors))
        for i in range(2)
    ]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    if errors:
        raise AssertionError(f"KILLSAVE_SEED={SEED}") from errors[0]
    assert len(saves) == 2 * KILLS_PER_SLOT
    # The children really were saving when killed, not still starting up.
    assert sum(saves) >= len(saves)
