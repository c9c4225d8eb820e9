"""A small typed wrapper over QSettings, passed to whoever needs it (never a global)."""

from __future__ import annotations

from enum import StrEnum
from pathlib import Path

from PySide6.QtCore import QByteArray, QSettings

from app import APP_NAME, ORG_NAME

MAX_RECENT = 10


class Theme(StrEnum):
    """How the canvas is coloured: as the desktop is, or always light, or always dark."""

    SYSTEM = "system"
    LIGHT = "light"
    DARK = "dark"


class Settings:
    def __init__(self, qsettings: QSettings | None = None) -> None:
        self._s = qsettings or QSettings(ORG_NAME, APP_NAME)

    def recent_files(self) -> list[Path]:
        value = self._s.value("recent_files", [])
        values: list[object] = [value] if isinstance(value, str) else list(value or [])  # type: ignore[call-overload]
        return [Path(v) for v in values if isinstance(v, str) and v]

    def add_recent_file(self, path: Path) -> None:
        path = path.resolve()
        files = [p for p in self.recent_files() if p != path]
        files.insert(0, path)
        self._s.setValue("recent_files", [str(p) for p in files[:MAX_RECENT]])

    def remove_recent_file(self, path: Path) -> None:
        self._s.setValue(
            "recent_files", [str(p) for p in self.recent_files() if p != path.resolve()]
        )

    def window_geometry(self) -> QByteArray | None:
        value = self._s.value("window/geometry")
        return value if isinstance(value, QByteArray) else None

    def set_window_geometry(self, geometry: QByteArray) -> None:
        self._s.setValue("window/geometry", geometry)

    def window_state(self) -> QByteArray | None:
        value = self._s.value("window/state")
        return value if isinstance(value, QByteArray) else None

    def set_window_state(self, state: QByteArray) -> None:
        self._s.setValue("window/state", state)

    def last_directory(self) -> str:
        value = self._s.value("last_directory", "")
        return value if isinstance(value, str) else ""

    def set_last_directory(self, path: Path) -> None:
        self._s.setValue("last_directory", str(path.resolve()))

    def theme(self) -> Theme:
        value = self._s.value("view/theme", Theme.SYSTEM.value)
        try:
            return Theme(str(value))
        except ValueError:  # a value written by hand or by another version
            return Theme.SYSTEM

    def set_theme(self, theme: Theme) -> None:
        self._s.setValue("view/theme", theme.value)

    def language(self) -> str:
        """The chosen UI language code ("de"), or "" to follow the system."""
        value = self._s.value("language", "")
        return value if isinstance(value, str) else ""

    def set_language(self, code: str) -> None:
        self._s.setValue("language", code)

    def presenter_screen(self) -> str:
        """The name of the screen presenter mode uses ("" : one without the editor)."""
        value = self._s.value("presenter/screen", "")
        return value if isinstance(value, str) else ""

    def set_presenter_screen(self, name: str) -> None:
        self._s.setValue("presenter/screen", name)

    def sync(self) -> None:
        self._s.sync()
