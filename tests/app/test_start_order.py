"""The editor's start imports the Qt-free model before PySide6 (see app.__main__)."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def imported_in_order(tmp_path: Path) -> list[str]:
    """The modules a real ``python -m app`` start imports, in the order it imports them."""
    env = dict(os.environ, PYTHONPATH=str(ROOT), QT_QPA_PLATFORM="offscreen")
    proc = subprocess.run([sys.executable, "-X", "importtime", "-m", "app", "--quit-after", "0"],
                          cwd=tmp_path, env=env, capture_output=True, text=True, timeout=120)
    assert proc.returncode == 0, proc.stderr[-2000:]
    assert "shown: Untitled" in proc.stdout
    # importtime prints a module once it is imported, its own imports first.
    return [line.split("|")[-1].strip() for line in proc.stderr.splitlines()
            if line.startswith("import time:") and "|" in line][1:]


def test_the_editor_imports_sqlalchemy_and_the_model_before_pyside6(tmp_path: Path) -> None:
    order = imported_in_order(tmp_path)
    first_qt = next(i for i, name in enumerate(order) if name.startswith("PySide6"))
    # A module imported after PySide6 has its source read by PySide6's import hook:
    # the ~400 modules of SQLAlchemy and the model were a good part of a start.
    late = [name for name in order[first_qt:]
            if name.startswith(("sqlalchemy.orm", "sqlalchemy.engine", "model.store",
                                "model.edits", "model.entities"))]
    assert late == []
    assert "model.entities" in order[:first_qt]


def test_what_the_editor_loaded_at_start_is_kept_out_of_the_cyclic_collector(
        tmp_path: Path) -> None:
    # The real start (python -m app), then how many objects it froze before the window.
    code = ("import gc, sys; from app.__main__ import main; "
            "status = main(['--quit-after', '0']); "
            "print('frozen', gc.get_freeze_count()); sys.exit(status)")
    env = dict(os.environ, PYTHONPATH=str(ROOT), QT_QPA_PLATFORM="offscreen")
    proc = subprocess.run([sys.executable, "-c", code], cwd=tmp_path, env=env,
                          capture_output=True, text=True, timeout=120)
    assert proc.returncode == 0, proc.stderr[-2000:]
    frozen = int(proc.stdout.split("frozen")[-1])
    # SQLAlchemy, PySide6, the model and the widgets: some 80,000 objects.
    assert frozen > 50_000
