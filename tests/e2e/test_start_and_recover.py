"""End to end: the real program in its own process, real files, a real kill -9."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import textwrap
import time
from pathlib import Path

from app.gui import offer_recovery
from model.entities import Card
from model.store import Workspace
from tests.conftest import ROOT

CRASHER = textwrap.dedent(
    """
    import os, sys, time
    os.environ["QT_QPA_PLATFORM"] = "offscreen"
    from PySide6.QtWidgets import QApplication
    app = QApplication([])
    from app.commands import AddCardCommand
    from app.document import new_document
    from model.store import Workspace
    doc = new_document(Workspace(sys.argv[1]), "cjm7")
    j = doc.project.journey(doc.journey_id)
    doc.push(AddCardCommand(doc.editor, j.id, (j.stages[0].id, j.lanes[0].id), None,
                            {"text": "unsaved workshop card"}))
    deadline = time.time() + 10
    while time.time() < deadline:  # the autosave timer runs in the event loop
        app.processEvents()
        time.sleep(0.05)
    """
)


def test_kill_9_then_next_start_offers_the_unsaved_work_back(qapp, tmp_path: Path,
                                                           monkeypatch) -> None:
    ws_root = tmp_path / "ws"
    env = dict(os.environ, PYTHONPATH=str(ROOT))
    proc = subprocess.Popen([sys.executable, "-c", CRASHER, str(ws_root)], env=env)
    try:
        time.sleep(6)  # longer than the autosave delay, shorter than the script
        os.kill(proc.pid, signal.SIGKILL)
    finally:
        proc.wait()
    workspace = Workspace(ws_root)
    sessions = workspace.recoverable()
    assert len(sessions) == 1

    # The one recovery dialog proposes Recover for the newest crash: apply it.
    doc = offer_recovery(None, workspace, ask=lambda dialog: dialog.accept())
    assert doc is not None
    try:
        assert doc.modified  # recovered work is unsaved until saved
        texts = [c.text for c in doc.project.session.query(Card)]
        assert texts == ["unsaved workshop card"]
    finally:
        doc.close()
    assert workspace.recoverable() == []


def run_app(*args: str, env: dict[str, str]) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "app", *args], capture_output=True, text=True, env=env,
        cwd=ROOT, timeout=60,
    )


def headless_env() -> dict[str, str]:
    env = {k: v for k, v in os.environ.items()
           if k not in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM")}
    env["PYTHONPATH"] = str(ROOT)
    return env


def test_help_works_without_a_display() -> None:
    result = run_app("--help", env=headless_env())
    assert result.returncode == 0
    assert "journeyboard" in result.stdout and "export" in result.stdout


def test_no_display_says_how_to_run_and_exits_non_zero() -> None:
    result = run_app(env=headless_env())
    assert result.returncode == 2
    assert "no display" in result.stderr and "xvfb-run" in result.stderr
    assert "Traceback" not in result.stderr


def test_xcb_requested_without_a_display_is_refused_cleanly() -> None:
    env = headless_env()
    env["QT_QPA_PLATFORM"] = "xcb"
    result = run_app(env=env)
    assert result.returncode == 2
    assert "no display" in result.stderr and "Traceback" not in result.stderr
