"""model/ is pure Python: every module imports with PySide6 unavailable."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]

SCRIPT = r"""
import importlib
import importlib.abc
import pkgutil
import sys


class BlockQt(importlib.abc.MetaPathFinder):
    def find_spec(self, name, path=None, target=None):
        if name == "PySide6" or name.startswith(("PySide6.", "shiboken6")):
            raise ImportError(f"model must not import {name}")
        return None


sys.meta_path.insert(0, BlockQt())
import model

names = ["model"]
for info in pkgutil.walk_packages(model.__path__, "model."):
    names.append(info.name)
failed = []
for name in names:
    try:
        importlib.import_module(name)
    except ImportError as exc:
        failed.append(f"{name}: {exc}")
leaked = sorted(m for m in sys.modules if m.startswith(("PySide6", "shiboken6")))
print(len(names))
print("\n".join(failed + leaked))
"""


def test_every_model_module_imports_without_qt() -> None:
    result = subprocess.run(
        [sys.executable, "-c", SCRIPT], cwd=ROOT, capture_output=True, text=True, timeout=120
    )
    assert result.returncode == 0, result.stderr
    count, _, problems = result.stdout.partition("\n")
    assert problems.strip() == "", problems
    expected = {p.stem for p in (ROOT / "model").glob("*.py")} | {"schema"}
    assert int(count) >= len(expected)  # really walked the package


def test_the_blocker_catches_a_qt_import(tmp_path: Path) -> None:
    """Guard: the same script reports a module that imports PySide6."""
    pkg = tmp_path / "model"
    pkg.mkdir()
    (pkg / "__init__.py").write_text("")
    (pkg / "bad.py").write_text("from PySide6 import QtCore\n")
    result = subprocess.run(
        [sys.executable, "-c", SCRIPT],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        timeout=120,
        env={"PYTHONPATH": str(tmp_path), "PATH": "/usr/bin:/bin"},
    )
    assert result.returncode == 0, result.stderr
    assert "model.bad: model must not import PySide6" in result.stdout
