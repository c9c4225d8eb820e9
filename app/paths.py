"""File names and folders the editor suggests to the user."""

from __future__ import annotations

import re
from pathlib import Path

from PySide6.QtCore import QStandardPaths


def safe_file_stem(name: str, fallback: str = "journey") -> str:
    """A file name made from a journey name: no path separators or characters Windows refuses."""
    cleaned = re.sub(r'[\\/:*?"<>|\x00-\x1f]+', " ", name).strip(" .")
    return " ".join(cleaned.split())[:80] or fallback


def default_folder(last: str) -> Path:
    """The folder a file dialog opens in: the last one used if it still exists, else Documents."""
    if last:
        folder = Path(last).expanduser()
        if folder.is_absolute() and folder.is_dir():
            return folder
    documents = QStandardPaths.writableLocation(
        QStandardPaths.StandardLocation.DocumentsLocation
    )
    if documents and Path(documents).is_dir():
        return Path(documents)
    return Path.home()
