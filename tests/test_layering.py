"""The layering rules of STYLE.md, checked by import-linter's contracts in pyproject.toml."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

from tests.conftest import ROOT


def _lint_imports(root: Path) -> subprocess.CompletedProcess[str]:
    exe = shutil.which("lint-imports") or str(Path(sys.executable).with_name("lint-imports"))
    return subprocess.run([exe, "--no-cache"], cwd=root, capture_output=True, text=True,
                          timeout=300, env={"PYTHONPATH": str(root), "PATH": "/usr/bin:/bin"})


def test_every_layering_contract_is_kept() -> None:
    result = _lint_imports(ROOT)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "6 kept, 0 broken" in result.stdout


def test_a_model_module_importing_qt_breaks_the_contract(tmp_path: Path) -> None:
    copy = tmp_path / "tree"
    for package in ("app", "widgets", "model", "resources"):
        shutil.copytree(ROOT / package, copy / package,
                        ignore=shutil.ignore_patterns("__pycache__", "*.ttf"))
    shutil.copy(ROOT / "pyproject.toml", copy / "pyproject.toml")
    (copy / "model" / "sneaky.py").write_text("from PySide6.QtCore import QObject\n")
    result = _lint_imports(copy)
    assert result.returncode != 0
    assert "model is pure Python: no Qt BROKEN" in result.stdout
