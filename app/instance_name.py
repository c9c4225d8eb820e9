"""The name a running editor listens under, and whether one seems to be up (no Qt).

Qt-free so that a start can ask before it imports PySide6 (see app.__main__).
"""

from __future__ import annotations

import getpass
import hashlib
import os
import sys
from pathlib import Path


def _user() -> str:
    try:
        return getpass.getuser()
    except Exception:  # no user name in the environment or the password database
        return str(os.getuid()) if hasattr(os, "getuid") else "user"


def server_name(workspace_root: Path) -> str:
    """The local server's name for this user and state folder (short: a Unix socket path)."""
    key = f"{_user()}\0{Path(workspace_root).resolve()}".encode()
    return f"journeyboard-{hashlib.sha256(key).hexdigest()[:20]}"


def editor_seems_running(workspace_root: Path) -> bool:
    """Whether a running editor's socket is there (Unix: QLocalServer's file in Qt's temp
    folder). Only a hint for what to import first: a stale file from a crashed editor
    says yes, and Windows always says no."""
    if sys.platform == "win32":
        return False
    folder = os.environ.get("TMPDIR") or "/tmp"  # what QDir.tempPath() is on Unix
    return os.path.exists(os.path.join(folder, server_name(workspace_root)))
