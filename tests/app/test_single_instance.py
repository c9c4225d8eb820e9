"""One editor per user: a second launch hands its file over, in real processes."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtNetwork import QLocalSocket
from PySide6.QtWidgets import QApplication, QMessageBox

from app import workspace_root
from app.settings import Settings
from app.single_instance import InstanceServer, OpenRequest, hand_over, server_name
from app.windows import EditorWindows
from model.store import Workspace
from tests.conftest import ROOT

STARTUP_TIMEOUT = 90.0  # a cold start on a loaded machine; a wait, never an assertion


def env() -> dict[str, str]:
    """This test's HOME and XDG folders (from the conftest), offscreen Qt, the checkout."""
    return dict(os.environ, PYTHONPATH=str(ROOT), QT_QPA_PLATFORM="offscreen")


def journeyboard(*args: str, cwd: Path) -> subprocess.Popen[str]:
    return subprocess.Popen([sys.executable, "-m", "app", *args], cwd=cwd, env=env(),
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)


def run_journeyboard(*args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "app", *args], cwd=cwd, env=env(),
                          capture_output=True, text=True, timeout=STARTUP_TIMEOUT)


def wait_for(condition: Callable[[], bool], what: str) -> None:
    deadline = time.monotonic() + STARTUP_TIMEOUT
    while not condition():
        if time.monotonic() > deadline:
            raise AssertionError(f"gave up waiting for {what}")
        time.sleep(0.1)


def new_map(folder: Path, name: str, journey: str) -> Path:
    path = folder / name
    result = run_journeyboard("new", str(path), "--journey", journey, cwd=folder)
    assert result.returncode == 0, result.stderr
    return path


def lock_owner(path: Path) -> int | None:
    """The process that has a map open, from the lock file beside it."""
    lock = path.with_name(f".~lock.{path.name}#")
    try:
        return int(json.loads(lock.read_text())["pid"])
    except (OSError, ValueError, KeyError, TypeError):
        return None


@pytest.fixture
def editor(qtbot, workspace: Workspace) -> Iterator[EditorWindows]:
    """This test process as the running editor, listening where a launch looks for it."""
    server = InstanceServer(server_name(workspace_root()))
    assert server.try_listen()
    windows = EditorWindows(Settings(), workspace)
    server.open_requested.connect(windows.open_request)
    windows.handled = []  # type: ignore[attr-defined]  # requests, once handled
    server.open_requested.connect(windows.handled.append)  # type: ignore[attr-defined]
    yield windows
    server.close()
    for window in windows.windows():
        if window.doc is not None:
            window.doc.undo_stack.setClean()
        window.close()


def hand_over_from_a_second_process(qtbot, *args: str, cwd: Path) -> subprocess.Popen[str]:
    launch = journeyboard(*args, cwd=cwd)
    # The editor answers from its event loop: keep it turning until the launch exits.
    qtbot.waitUntil(lambda: launch.poll() is not None, timeout=int(STARTUP_TIMEOUT * 1000))
    return launch


def test_a_second_launch_opens_its_file_in_a_new_window_of_the_running_editor(
        qtbot, editor: EditorWindows, tmp_path: Path) -> None:
    bravo = new_map(tmp_path, "bravo.cjm", "Bravo")
    launch = hand_over_from_a_second_process(qtbot, "bravo.cjm", cwd=tmp_path)
    assert launch.returncode == 0, launch.stderr.read() if launch.stderr else ""
    qtbot.waitUntil(lambda: editor.window_for(bravo) is not None)
    window = editor.window_for(bravo)
    assert window is not None and window.isVisible()
    assert "Bravo" in window.windowTitle()
    assert lock_owner(bravo) == os.getpid()


def test_launching_an_open_file_again_raises_its_window_instead_of_a_second_one(
        qtbot, editor: EditorWindows, tmp_path: Path) -> None:
    bravo = new_map(tmp_path, "bravo.cjm", "Bravo")
    first = editor.open_request(OpenRequest(bravo))
    assert first is not None
    launch = hand_over_from_a_second_process(qtbot, str(bravo), cwd=ROOT)
    assert launch.returncode == 0
    qtbot.waitUntil(lambda: len(editor.handled) == 1)  # type: ignore[attr-defined]
    assert editor.windows() == [first]
    assert not [w for w in QApplication.topLevelWidgets() if isinstance(w, QMessageBox)]


def test_a_launch_without_a_file_opens_a_new_untitled_window(
        qtbot, editor: EditorWindows, tmp_path: Path) -> None:
    launch = hand_over_from_a_second_process(qtbot, cwd=tmp_path)
    assert launch.returncode == 0
    qtbot.waitUntil(lambda: len(editor.windows()) == 1)
    window = editor.windows()[0]
    assert window.isVisible()
    assert window.doc is not None and window.doc.path is None


def test_a_bad_file_handed_over_is_one_message_and_no_extra_window(
        qtbot, editor: EditorWindows, tmp_path: Path) -> None:
    bad = tmp_path / "notes.cjm"
    bad.write_text("this is not a journey map\n")
    seen: list[str] = []

    def answer_the_message() -> bool:
        box = QApplication.activeModalWidget()
        if isinstance(box, QMessageBox):
            seen.append(box.text())
            box.accept()
            return True
        return False

    # The message is modal: answer it from the event loop it runs.
    answerer = QTimer()
    answerer.timeout.connect(answer_the_message)
    answerer.start(50)
    launch = hand_over_from_a_second_process(qtbot, str(bad), cwd=tmp_path)
    assert launch.returncode == 0
    qtbot.waitUntil(lambda: bool(seen))
    answerer.stop()
    qtbot.waitUntil(lambda: not editor.windows())
    assert len(seen) == 1
    assert "notes.cjm" in seen[0]
    assert bad.read_text() == "this is not a journey map\n"  # never touched


def test_junk_on_the_socket_is_ignored_and_the_editor_keeps_answering(
        qtbot, editor: EditorWindows, tmp_path: Path) -> None:
    name = server_name(workspace_root())
    junk = QLocalSocket()
    junk.connectToServer(name)
    assert junk.waitForConnected(2000)
    junk.write(b'{"open": "relative/path.cjm"}\n')
    junk.flush()
    qtbot.waitUntil(lambda: junk.state() != QLocalSocket.LocalSocketState.ConnectedState)
    assert editor.windows() == []
    # The editor still takes a real request (the client blocks: run it in a process).
    launch = hand_over_from_a_second_process(qtbot, cwd=tmp_path)
    assert launch.returncode == 0
    qtbot.waitUntil(lambda: len(editor.windows()) == 1)


def test_requests_that_are_not_an_absolute_path_are_refused() -> None:
    assert OpenRequest.decode(b'{"open": null}') == OpenRequest(None)
    assert OpenRequest.decode(b'{"open": "/maps/a.cjm"}') == OpenRequest(Path("/maps/a.cjm"))
    for junk in (b"", b"\xff\xfe", b"[]", b'{"open": 3}', b'{"open": "a.cjm"}',
                 b'{"open": "/a\\u0000b"}', b'{"file": "/a.cjm"}'):
        assert OpenRequest.decode(junk) is None


def test_with_nobody_listening_a_hand_over_says_so(qapp) -> None:
    assert hand_over(server_name(workspace_root()), OpenRequest(None)) is None


def test_two_real_editors_share_one_window_list_and_survive_a_crash(tmp_path: Path) -> None:
    alpha = new_map(tmp_path, "alpha.cjm", "Alpha")
    bravo = new_map(tmp_path, "bravo.cjm", "Bravo")
    first = journeyboard("alpha.cjm", cwd=tmp_path)
    try:
        wait_for(lambda: lock_owner(alpha) == first.pid, "the first editor to open alpha")
        second = run_journeyboard("bravo.cjm", cwd=tmp_path)
        assert second.returncode == 0, second.stderr
        assert "Traceback" not in second.stderr
        # The first editor opened bravo: its lock names the first process, not the second.
        wait_for(lambda: lock_owner(bravo) == first.pid, "the first editor to open bravo")

        # Export reads a file open in the editor, without taking or breaking its lock.
        pdf = tmp_path / "alpha.pdf"
        exported = run_journeyboard("export", "alpha.cjm", "--pdf", str(pdf), cwd=tmp_path)
        assert exported.returncode == 0, exported.stderr
        assert pdf.read_bytes().startswith(b"%PDF")
        assert lock_owner(alpha) == first.pid
        pack = run_journeyboard("review-pack", "alpha.cjm", "--pdf", str(tmp_path / "p.pdf"),
                                cwd=tmp_path)
        assert pack.returncode == 0, pack.stderr
        assert lock_owner(alpha) == first.pid
    finally:
        first.send_signal(signal.SIGKILL)
        first.wait()
    # A crash leaves the socket and lock files behind: the next launch starts normally.
    third = run_journeyboard("--quit-after", "2", "bravo.cjm", cwd=tmp_path)
    assert third.returncode == 0, third.stderr
    assert "shown: bravo.cjm" in third.stdout


def test_file_open_in_one_window_of_a_file_another_window_has_raises_that_window(
        qtbot, editor: EditorWindows, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    refused: list[str] = []  # before: "already open in another Journeyboard window"
    monkeypatch.setattr(QMessageBox, "critical", lambda *args: refused.append(args[2]))
    bravo = new_map(tmp_path, "bravo.cjm", "Bravo")
    first = editor.open_request(OpenRequest(bravo))
    second = editor.open_request(OpenRequest(None))
    assert first is not None and second is not None
    assert second.doc is not None and second.doc.path is None
    # File > Open (or a recent file) in the untitled window asks for bravo again.
    assert second.open_file(bravo)
    assert second.doc is not None and second.doc.path is None  # it keeps its own map
    assert first.doc is not None and first.doc.path == bravo
    assert editor.windows() == [first, second]
    assert refused == []
    # The same file opened in its own window is left as it is.
    assert first.open_file(bravo) and first.doc.path == bravo
