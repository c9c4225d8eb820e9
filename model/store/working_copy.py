"""The session folder's files (working copy, session.json), written from plain snapshots.

A flush is split in two so the slow, durable half can run on a worker thread: the
caller takes a ``FlushJob`` (the database serialized to bytes at one committed moment,
plus the session info) on the thread that owns the database, and ``SessionFolder.write``
puts it on disk from any thread. Writes are serialized by one lock and carry a
generation, so an older snapshot never lands on top of a newer one, whatever order the
threads get there in.
"""

from __future__ import annotations

import contextlib
import itertools
import json
import os
import sqlite3
import threading
from dataclasses import dataclass
from pathlib import Path

from model.store.files import fsync_path

WORK_NAME = "work.cjm"
INFO_NAME = "session.json"

SessionInfo = dict[str, object]


@dataclass(frozen=True)
class FlushJob:
    """One flush: what the database and the session were at one moment, as plain data."""

    generation: int
    changes: int  # the database's total_changes the image holds
    image: bytes  # the whole database file (sqlite3 serialize)
    info: SessionInfo | None  # written first when set: "dirty" before the edits land


@dataclass(frozen=True)
class FlushResult:
    """What became of a FlushJob: written, overtaken by a newer one, or failed."""

    job: FlushJob
    written: bool
    error: OSError | sqlite3.Error | None = None


def write_image(image: bytes, path: Path) -> None:
    """Write a database image to a new file and make it durable."""
    with open(path, "wb") as fh:
        fh.write(image)
        fh.flush()
        os.fsync(fh.fileno())


def write_info_file(folder: Path, info: SessionInfo) -> None:
    """Replace session.json atomically and durably."""
    tmp = folder / f"{INFO_NAME}.tmp"
    try:
        with open(tmp, "w", encoding="utf-8") as fh:
            json.dump(info, fh)
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(tmp, folder / INFO_NAME)
    except OSError:
        with contextlib.suppress(OSError):
            tmp.unlink()
        raise


class SessionFolder:
    """Writes one session folder's files in order, from any thread."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder
        self._lock = threading.Lock()
        self._generations = itertools.count(1)  # next() is atomic under the GIL
        self._info_generation = 0
        self._copy_generation = 0
        self._closed = False

    @property
    def work_path(self) -> Path:
        return self.folder / WORK_NAME

    def next_generation(self) -> int:
        """A number later than every one handed out before (never blocks)."""
        return next(self._generations)

    def write_info(self, info: SessionInfo, generation: int) -> None:
        """Write session.json unless something newer was written; raises OSError."""
        with self._lock:
            if self._closed or generation < self._info_generation:
                return
            write_info_file(self.folder, info)
            self._info_generation = generation

    def write(self, job: FlushJob) -> FlushResult:
        """Put a flush on disk: session.json (when dirty) first, then the working copy."""
        with self._lock:
            if self._closed or job.generation < self._copy_generation:
                return FlushResult(job, written=False)
            work = self.work_path
            tmp = work.with_name(f"{WORK_NAME}.tmp")
            try:
                if job.info is not None and job.generation > self._info_generation:
                    write_info_file(self.folder, job.info)
                    self._info_generation = job.generation
                write_image(job.image, tmp)
                os.replace(tmp, work)
            except (OSError, sqlite3.Error) as exc:
                for leftover in (tmp, Path(f"{tmp}-journal")):
                    with contextlib.suppress(OSError):
                        leftover.unlink()
                return FlushResult(job, written=False, error=exc)
            with contextlib.suppress(OSError):
                fsync_path(self.folder, directory=True)
            self._copy_generation = job.generation
            return FlushResult(job, written=True)

    def close(self) -> None:
        """Wait for a write in progress; write nothing more (the folder is going away)."""
        with self._lock:
            self._closed = True
