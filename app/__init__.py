"""Journeyboard application: main window, document, undo commands, export, CLI."""

from __future__ import annotations

from pathlib import Path

APP_NAME = "Journeyboard"
ORG_NAME = "Journeyboard"


def workspace_root() -> Path:
    """The per-user folder of working copies and open-file locks (editor and CLI share it,
    so each sees the files the other has open)."""
    from platformdirs import user_state_path

    return user_state_path(APP_NAME, ORG_NAME) / "workspace"
