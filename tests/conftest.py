"""Test setup: Qt offscreen, and every test gets its own settings and state folders."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

os.environ["QT_QPA_PLATFORM"] = "offscreen"  # before PySide6 is imported anywhere
os.environ.setdefault("QT_LOGGING_RULES", "qt.qpa.*=false")

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture(autouse=True)
def _isolated_user_dirs(tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch):
    """Point HOME and the XDG folders at a fresh temp dir (QSettings, platformdirs)."""
    home = tmp_path_factory.mktemp("home")
    monkeypatch.setenv("HOME", str(home))
    for var, sub in (
        ("XDG_CONFIG_HOME", ".config"),
        ("XDG_DATA_HOME", ".local/share"),
        ("XDG_STATE_HOME", ".local/state"),
        ("XDG_CACHE_HOME", ".cache"),
    ):
        monkeypatch.setenv(var, str(home / sub))
    # Qt works out the settings folder once per process: point it at this test's.
    from PySide6.QtCore import QSettings

    for fmt in (QSettings.Format.NativeFormat, QSettings.Format.IniFormat):
        QSettings.setPath(fmt, QSettings.Scope.UserScope, str(home / ".config"))
    yield home


@pytest.fixture
def workspace(tmp_path: Path):
    """A store workspace (working copies, locks) private to one test."""
    from model.store import Workspace

    return Workspace(tmp_path / "workspace")


@pytest.fixture(autouse=True)
def _clear_clipboard_after_test():
    """Empty the clipboard after each test.

    With the offscreen platform (not xcb), a QMimeData left on the clipboard makes the
    interpreter segfault at exit (PySide6 6.11, seen here); the app itself runs on xcb.
    """
    yield
    from PySide6.QtGui import QGuiApplication

    app = QGuiApplication.instance()
    if app is not None:
        QGuiApplication.clipboard().clear()


def pytest_terminal_summary(terminalreporter, exitstatus, config) -> None:
    """Name the random order's seed even under -q, so a failure can be replayed."""
    seed = getattr(config.option, "randomly_seed", None)
    if seed is not None:
        terminalreporter.write_line(f"random order: replay with -p randomly --randomly-seed={seed}")


@pytest.fixture(autouse=True)
def _desktop_palette_after_test():
    """View → Theme → Dark darkens the whole application; the next test starts light."""
    yield
    from PySide6.QtGui import QGuiApplication, QPalette

    app = QGuiApplication.instance()
    if isinstance(app, QGuiApplication) and app.palette().resolveMask() != 0:
        QGuiApplication.setPalette(QPalette())
