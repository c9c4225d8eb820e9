"""Writing a file behind a progress dialog: a wait cursor, Cancel, and a message on failure."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QMessageBox, QProgressDialog, QWidget

# Called with (done, total) while writing; returning False cancels the write.
Progress = Callable[[int, int], bool]


def error_message(exc: BaseException) -> str:
    """What a failed write says to the user (our errors carry a ``message``)."""
    message: Any = getattr(exc, "message", None)
    return str(message) if message else str(exc)


def write_with_progress(parent: QWidget, label: str, cancel: str, failed_title: str,
                        write: Callable[[Progress], Path]) -> Path | None:
    """Run ``write`` with a modal progress dialog; None when it failed or was cancelled."""
    progress = QProgressDialog(label, cancel, 0, 0, parent)
    progress.setWindowModality(Qt.WindowModality.WindowModal)
    progress.setMinimumDuration(400)
    progress.setAutoClose(False)

    def report(done: int, total: int) -> bool:
        progress.setMaximum(total)
        progress.setValue(done)
        QApplication.processEvents()
        return not progress.wasCanceled()

    QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
    try:
        return write(report)
    except Exception as exc:  # shown to the user; the caller's dialog stays open
        failure = exc
    finally:
        QApplication.restoreOverrideCursor()
        progress.close()
    if not getattr(failure, "cancelled", False):  # a cancel needs no message box
        QMessageBox.warning(parent, failed_title, error_message(failure))
    return None
