"""Autosave: the working copy is written a moment after edits, on a worker thread.

The UI thread only commits and takes a snapshot of the database (a memory copy); the
durable write (fsync of the copy and of session.json) runs on a thread of its own, so
a slow disk never stalls the window. One write is in flight at a time; edits made
meanwhile are written by the next one.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject, Qt, QThreadPool, QTimer, Signal

from model.store import FlushJob, FlushResult, Project, WorkingCopyError

AUTOSAVE_MS = 2000  # edits reach the working copy on disk within this time


class Autosaver(QObject):
    """Writes a project's working copy after edits, off the UI thread; reports failures."""

    # The working copy could not be written (disk full): the message says what that
    # means. Emitted once per failure streak; ``recovered`` when a write works again.
    failed = Signal(str)
    recovered = Signal()
    finished = Signal()  # a write from the worker thread was taken in (done or failed)
    _written = Signal(object)  # a FlushResult, from the worker thread

    def __init__(self, project: Project, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.project = project
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(AUTOSAVE_MS)
        self._timer.timeout.connect(self.write_soon)
        # One thread, not the global pool: writes stay in order and never wait behind
        # other work.
        self._pool = QThreadPool()
        self._pool.setMaxThreadCount(1)
        self._in_flight = False
        self._again = False
        self._closed = False
        self._written.connect(self._on_written, Qt.ConnectionType.QueuedConnection)

    @property
    def in_flight(self) -> bool:
        """A write is running on the worker thread."""
        return self._in_flight

    def schedule(self) -> None:
        """An edit was made: write within AUTOSAVE_MS."""
        if not self._closed:
            self._timer.start()

    def stop(self) -> None:
        self._timer.stop()

    def write_soon(self) -> None:
        """Start writing the working copy on the worker thread now (what the timer does)."""
        self._timer.stop()
        if self._closed:
            return
        if self._in_flight:
            self._again = True  # the edits since that snapshot: once it is done
            return
        job = self.project.begin_flush()
        if job is None:
            return
        self._in_flight = True
        self._pool.start(lambda: self._write(job))

    def _write(self, job: FlushJob) -> None:
        # On the worker thread: no session, no Qt objects other than the signal.
        self._written.emit(self.project.write_flush(job))

    def _on_written(self, result: FlushResult) -> None:
        self._in_flight = False
        if self._closed:
            return
        self._take_in(lambda: self.project.end_flush(result))
        self.finished.emit()
        if self._again:
            self._again = False
            self.write_soon()

    def flush_now(self) -> bool:
        """Write the working copy on this thread; False (and ``failed``) if it cannot."""
        self._timer.stop()
        return self._take_in(self.project.flush)

    def _take_in(self, step: Callable[[], None]) -> bool:
        failing = self.project.working_copy_error is not None
        try:
            step()
        except WorkingCopyError as exc:
            if not failing:
                self.failed.emit(exc.message)
            return False
        if failing and self.project.working_copy_error is None:
            self.recovered.emit()
        return True

    def wait(self) -> None:
        """Block until the write in flight (if any) is on disk; its outcome comes later."""
        self._pool.waitForDone()

    def close(self) -> None:
        """Stop autosaving; a write in flight is finished first."""
        self._closed = True
        self._timer.stop()
        self._pool.waitForDone()
