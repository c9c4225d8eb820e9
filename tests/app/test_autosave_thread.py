"""Autosave writes the working copy on a worker thread, as safely as it did on the UI thread."""

from __future__ import annotations

import json
import os
import random
import signal
import sqlite3
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

import model.store.project as store_project
import model.store.working_copy as store_working_copy
from app.commands import AddCardCommand
from app.document import Document, new_document, open_document
from model.store import FlushJob, FlushResult, Project, Workspace
from model.store.working_copy import INFO_NAME
from tests.model.small_disk import SmallDisk, small_disk
from tests.model.store_child import ROOT, make_counter_project
from tests.model.test_killsave import _Lines

__all__ = ["small_disk"]  # a fixture


def _add(doc: Document, text: str) -> None:
    journey = doc.project.journey(doc.journey_id or 0)
    lane = next(x for x in journey.lanes if x.kind not in ("divider", "emotion"))
    command = AddCardCommand(doc.editor, journey.id, (journey.stages[0].id, lane.id), None,
                             {"text": text})
    doc.push(command)
    assert command.error is None


def _working_copy_texts(doc: Document) -> list[str]:
    conn = sqlite3.connect(f"{doc.project.work_path.as_uri()}?mode=ro", uri=True)
    try:
        return sorted(r[0] for r in conn.execute("SELECT text FROM cards"))
    finally:
        conn.close()


def _saved_texts(path: Path, root: Path) -> list[str]:
    with Project.open(path, Workspace(root), read_only=True) as project:
        return sorted(c.text for j in project.journeys() for c in j.cards)


def _dirty(doc: Document) -> bool:
    return bool(json.loads((doc.project.folder / INFO_NAME).read_text())["dirty"])


@pytest.fixture
def doc(qapp: object, tmp_path: Path) -> Iterator[Document]:
    document = new_document(Workspace(tmp_path / "ws"), "cjm7")
    yield document
    document.close()


class Gate:
    """Holds the worker inside its write of the working copy until opened."""

    def __init__(self, monkeypatch: pytest.MonkeyPatch) -> None:
        self.inside = threading.Event()
        self.open = threading.Event()
        original = store_working_copy.write_image

        def write_image(image: bytes, path: Path) -> None:
            if threading.current_thread() is not threading.main_thread():
                self.inside.set()
                assert self.open.wait(30), "the gate was never opened"
            original(image, path)

        monkeypatch.setattr(store_working_copy, "write_image", write_image)


def test_autosave_writes_the_working_copy_on_another_thread(doc: Document, qtbot: QtBot) -> None:
    threads: list[threading.Thread] = []
    write = doc.project.write_flush

    def spied(job: FlushJob) -> FlushResult:
        threads.append(threading.current_thread())
        return write(job)

    doc.project.write_flush = spied  # type: ignore[method-assign]
    _add(doc, "written by the worker")
    with qtbot.waitSignal(doc.autosaver.finished):
        doc.autosaver.write_soon()  # what the autosave timer does
    assert threads and threads[0] is not threading.main_thread()
    assert _working_copy_texts(doc) == ["written by the worker"]
    assert _dirty(doc)  # a crash now offers the card back
    assert doc.autosave_problem is None
    doc.undo_stack.undo()
    with qtbot.waitSignal(doc.autosaver.finished):
        doc.autosaver.write_soon()
    assert _working_copy_texts(doc) == []


def test_edits_made_while_an_autosave_is_in_flight_are_written_next(
    doc: Document, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    gate = Gate(monkeypatch)
    _add(doc, "first")
    doc.autosaver.write_soon()
    assert gate.inside.wait(30)
    _add(doc, "second")  # the snapshot on its way to disk does not have it
    doc.autosaver.write_soon()  # the timer fires again meanwhile: it waits its turn
    gate.open.set()
    with qtbot.waitSignal(doc.autosaver.finished):
        pass  # the first write
    with qtbot.waitSignal(doc.autosaver.finished):
        pass  # the second
    assert _working_copy_texts(doc) == ["first", "second"]
    assert doc.project.begin_flush() is None  # nothing left to write


def test_saving_while_an_autosave_is_in_flight_saves_every_edit_and_ends_clean(
    doc: Document, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    gate = Gate(monkeypatch)
    original = store_project.write_database

    def write_database(src: sqlite3.Connection, path: Path) -> None:
        original(src, path)
        gate.open.set()  # the autosave finishes while the save is under way

    monkeypatch.setattr(store_project, "write_database", write_database)
    _add(doc, "autosaving")
    doc.autosaver.write_soon()
    assert gate.inside.wait(30)
    _add(doc, "typed during the autosave")
    target = tmp_path / "saved.cjm"
    doc.save(target)
    assert not doc.modified
    assert _saved_texts(target, tmp_path / "check") == ["autosaving", "typed during the autosave"]
    with qtbot.waitSignal(doc.autosaver.finished):
        pass  # the autosave's outcome arrives after the save
    assert doc.autosave_problem is None
    assert not _dirty(doc)  # the save came last: a crash now offers nothing back
    workspace = doc.project.workspace
    _add(doc, "after the save")
    with qtbot.waitSignal(doc.autosaver.finished):
        doc.autosaver.write_soon()
    assert _dirty(doc)
    assert _working_copy_texts(doc) == ["after the save", "autosaving",
                                        "typed during the autosave"]
    doc.undo_stack.undo()
    doc.save()
    assert _saved_texts(target, tmp_path / "check") == ["autosaving", "typed during the autosave"]
    doc.close()
    assert workspace.recoverable() == []


def test_a_flush_now_while_an_autosave_is_in_flight_keeps_the_newer_copy(
    doc: Document, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    gate = Gate(monkeypatch)
    write = doc.project.write_flush

    def open_then_write(job: FlushJob) -> FlushResult:
        if threading.current_thread() is threading.main_thread():
            gate.open.set()  # the older write goes first; this one waits for it
        return write(job)

    doc.project.write_flush = open_then_write  # type: ignore[method-assign]
    _add(doc, "older")
    doc.autosaver.write_soon()
    assert gate.inside.wait(30)
    _add(doc, "newer")
    assert doc.flush()  # e.g. before an export: on this thread, now
    assert _working_copy_texts(doc) == ["newer", "older"]
    with qtbot.waitSignal(doc.autosaver.finished):
        pass
    assert _working_copy_texts(doc) == ["newer", "older"]
    assert doc.project.begin_flush() is None


def test_closing_while_an_autosave_is_in_flight_waits_and_leaves_nothing(
    qapp: object, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    workspace = Workspace(tmp_path / "ws")
    doc = new_document(workspace, "cjm7")
    gate = Gate(monkeypatch)
    _add(doc, "discarded on close")
    doc.autosaver.write_soon()
    assert gate.inside.wait(30)
    close = doc.autosaver.close

    def open_then_close() -> None:
        gate.open.set()
        close()

    doc.autosaver.close = open_then_close  # type: ignore[method-assign]
    folder = doc.project.folder
    doc.close()
    assert not folder.exists()
    assert workspace.recoverable() == []


def test_a_failing_autosave_on_the_worker_is_reported_once_and_its_recovery_too(
    qapp: object, qtbot: QtBot, small_disk: SmallDisk, tmp_path: Path
) -> None:
    saved = tmp_path / "map.cjm"
    with Project.new(Workspace(tmp_path / "maker")) as project:
        make_counter_project(project, 3)
        project.save(saved)
    doc = open_document(saved, Workspace(small_disk.root / "ws"))
    try:
        small_disk.fill()
        _add(doc, "while full")
        with qtbot.waitSignal(doc.autosave_failed) as failed:
            doc.autosaver.write_soon()
        assert "could not be written" in failed.args[0] and "lost in a crash" in failed.args[0]
        assert doc.autosave_problem == failed.args[0]
        assert [p.name for p in doc.project.folder.iterdir() if p.name.endswith(".tmp")] == []
        reports: list[str] = []
        doc.autosave_failed.connect(reports.append)
        _add(doc, "still full")
        with qtbot.waitSignal(doc.autosaver.finished):
            doc.autosaver.write_soon()
        assert reports == []  # once per failure streak
        small_disk.free()
        _add(doc, "after freeing")
        with qtbot.waitSignal(doc.autosave_recovered):
            doc.autosaver.write_soon()
        assert doc.autosave_problem is None
        assert "after freeing" in _working_copy_texts(doc)
    finally:
        doc.close()


KILLS = 24


def test_killing_the_editor_during_threaded_autosaves_always_leaves_a_whole_session(
    tmp_path: Path,
) -> None:
    target = tmp_path / "counter.cjm"
    with Project.new(Workspace(tmp_path / "maker")) as project:
        make_counter_project(project, 150)
        project.save(target)
    root = tmp_path / "ws"
    workspace = Workspace(root)
    env = dict(os.environ, PYTHONPATH=str(ROOT))
    server = subprocess.Popen(
        [sys.executable, "-m", "tests.app.autosave_child", "fork-autosave-loop", str(target),
         str(root)],
        cwd=ROOT, env=env, stdin=subprocess.PIPE, stdout=subprocess.PIPE,
        stderr=subprocess.PIPE, text=True,
    )
    assert server.stdin is not None
    rng = random.Random(int(os.environ.get("KILLSAVE_SEED", "0")) or None)
    lines_in = _Lines(server)
    inside_writes = 0
    try:
        assert lines_in.next() == "server"
        for _ in range(KILLS):
            server.stdin.write("go\n")
            server.stdin.flush()
            pid = int(lines_in.next().split()[1])
            assert lines_in.next() == "ready"
            lines = [lines_in.next()]
            while not lines[-1].startswith("write"):
                assert lines[-1].startswith(("start", "saved", "wrote")), lines
                lines.append(lines_in.next())
            # Killed at a random moment from the start of a write on.
            time.sleep(rng.uniform(0.0, 0.010))
            os.kill(pid, signal.SIGKILL)
            server.stdin.write(f"wait {pid}\n")
            server.stdin.flush()
            while (line := lines_in.next()) != "reaped":
                lines.append(line)
            started = {int(x.split()[1]) for x in lines if x.startswith("start")}
            saved = [int(x.split()[1]) for x in lines if x.startswith("saved")]
            writes = [x for x in lines if x.startswith(("write", "wrote"))]
            inside_writes += writes[-1].startswith("write ")
            sessions = workspace.recoverable()
            if not sessions and not saved:
                continue  # killed before the first write said "dirty": nothing to offer yet
            assert len(sessions) == 1, lines
            recovered = Project.recover(sessions[0], workspace)
            try:
                cards = sorted(recovered.journeys()[0].cards, key=lambda c: c.id)
                assert len(cards) == 150
                assert cards[0].text == cards[-1].text, "first and last from different writes"
                counter = int(cards[0].text.split("=")[1])
                assert counter == 0 or counter in started, (counter, sorted(started))
                assert counter >= max(saved, default=0), (counter, saved)
            finally:
                recovered.close()
    finally:
        server.kill()
        server.wait()
        for stream in (server.stdin, server.stderr):
            if stream is not None:
                stream.close()
    assert workspace.recoverable() == []
    print(f"{inside_writes} of {KILLS} kills landed inside a write")
    assert inside_writes >= KILLS // 4, f"only {inside_writes} kills landed inside a write"
