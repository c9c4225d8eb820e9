"""The .cjm project file: open, validate, migrate, edit safely, save atomically, recover.

How a project is kept safe:

* The file the user opened is never written in place. Opening copies it into a
  *session* folder of the workspace (a per-user state folder) and validates the copy;
  every edit is committed to that working copy within seconds (``flush``).
* Save writes a complete new file beside the target with SQLite's backup API,
  fsyncs it and ``os.replace``s the target: the target is always the old or the
  new state. A crash leaves the session folder behind; the next start offers it
  back (``Workspace.recoverable``).
* A lock (an OS file lock, released by the kernel when a process dies) per target
  path tells a second running instance that the file is already open.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import hashlib
import json
import os
import shutil
import sqlite3
import sys
import uuid
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import IO, Any

from sqlalchemy import create_engine, event, select
from sqlalchemy.engine import Engine
from sqlalchemy.orm import Session, sessionmaker
from sqlalchemy.pool import StaticPool

from model.changes import ChangeHub
from model.entities import Journey
from model.schema import (
    APPLICATION_ID,
    MIGRATIONS,
    SCHEMA_VERSION,
    ddl,
    expected_signature,
    read_signature,
)

SQLITE_MAGIC = b"SQLite format 3\x00"
SUFFIX = ".cjm"


# --------------------------------------------------------------------------- errors


class ProjectFileError(Exception):
    """A problem with a project file, phrased for the user."""

    def __init__(self, path: Path | str | None, message: str) -> None:
        self.path = Path(path) if path is not None else None
        self.message = message
        super().__init__(f"{path}: {message}" if path is not None else message)


class NotAProjectError(ProjectFileError):
    """The file is not an SQLite database at all."""


class ForeignFileError(ProjectFileError):
    """An SQLite database, but not one written by Journeyboard."""


class DamagedFileError(ProjectFileError):
    """Truncated or corrupted."""


class UnexpectedSchemaError(ProjectFileError):
    """The tables, indexes, views or triggers are not the ones Journeyboard writes."""


class NewerVersionError(ProjectFileError):
    """Written by a newer Journeyboard."""


class FileInUseError(ProjectFileError):
    """Another running Journeyboard has this file open."""


class SaveFailedError(ProjectFileError):
    """The file could not be written; the previous file on disk is intact."""


# --------------------------------------------------------------------------- locks


class FileLock:
    """An exclusive OS lock on a small file; the kernel drops it if the process dies."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self._fh: IO[str] | None = None

    def try_acquire(self) -> bool:
        self.path.parent.mkdir(parents=True, exist_ok=True)
        fh = open(self.path, "a+", encoding="utf-8")  # noqa: SIM115 - held while locked
        try:
            _lock_fd(fh)
        except OSError:
            fh.close()
            return False
        fh.seek(0)
        fh.truncate()
        fh.write(str(os.getpid()))
        fh.flush()
        self._fh = fh
        return True

    @property
    def held(self) -> bool:
        return self._fh is not None

    def owner_pid(self) -> int | None:
        try:
            return int(self.path.read_text(encoding="utf-8").strip() or 0) or None
        except (OSError, ValueError):
            return None

    def release(self) -> None:
        if self._fh is None:
            return
        with contextlib.suppress(OSError):
            _unlock_fd(self._fh)
        self._fh.close()
        self._fh = None
        with contextlib.suppress(OSError):
            self.path.unlink()


if sys.platform == "win32":  # pragma: no cover - exercised on Windows only
    import msvcrt

    def _lock_fd(fh: IO[str]) -> None:
        fh.seek(0)
        msvcrt.locking(fh.fileno(), msvcrt.LK_NBLCK, 1)

    def _unlock_fd(fh: IO[str]) -> None:
        fh.seek(0)
        msvcrt.locking(fh.fileno(), msvcrt.LK_UNLCK, 1)

else:
    import fcntl

    def _lock_fd(fh: IO[str]) -> None:
        fcntl.flock(fh.fileno(), fcntl.LOCK_EX | fcntl.LOCK_NB)

    def _unlock_fd(fh: IO[str]) -> None:
        fcntl.flock(fh.fileno(), fcntl.LOCK_UN)


# --------------------------------------------------------------------------- checks


def _fsync_path(path: Path, directory: bool = False) -> None:
    if directory and sys.platform == "win32":  # pragma: no cover
        return
    fd = os.open(path, os.O_RDONLY | (getattr(os, "O_DIRECTORY", 0) if directory else 0))
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def check_header(path: Path) -> int:
    """Check the 100-byte SQLite header without opening the database; return user_version."""
    try:
        size = path.stat().st_size
        with open(path, "rb") as fh:
            header = fh.read(100)
    except FileNotFoundError:
        raise ProjectFileError(path, "The file does not exist.") from None
    except IsADirectoryError:
        raise NotAProjectError(path, "This is a folder, not a project file.") from None
    except OSError as exc:
        raise ProjectFileError(path, f"The file cannot be read: {exc.strerror}.") from None
    if size == 0:
        raise NotAProjectError(path, "The file is empty.")
    if not header.startswith(SQLITE_MAGIC):
        raise NotAProjectError(path, "This is not a Journeyboard project file (.cjm).")
    if len(header) < 100:
        raise DamagedFileError(path, "The file is truncated: its header is incomplete.")
    app_id = int.from_bytes(header[68:72], "big")
    if app_id != APPLICATION_ID:
        raise ForeignFileError(
            path, "This is an SQLite database from another program, not a Journeyboard project."
        )
    page_size = int.from_bytes(header[16:18], "big")
    page_size = 65536 if page_size == 1 else page_size
    if page_size < 512 or page_size & (page_size - 1):
        raise DamagedFileError(path, "The file is damaged: its header is invalid.")
    page_count = int.from_bytes(header[28:32], "big")
    # The in-header page count is valid when the two change counters agree.
    if header[24:28] == header[92:96] and size < page_count * page_size:
        raise DamagedFileError(
            path,
            f"The file is truncated: it should be {page_count * page_size} bytes "
            f"but is {size}.",
        )
    if size % page_size:
        raise DamagedFileError(path, "The file is truncated or damaged (odd size).")
    version = int.from_bytes(header[60:64], "big", signed=True)
    if version > SCHEMA_VERSION:
        raise NewerVersionError(
            path,
            f"This project was saved by a newer Journeyboard (file format {version}; "
            f"this version reads up to {SCHEMA_VERSION}). Please update Journeyboard.",
        )
    if version < 1:
        raise DamagedFileError(path, "The file is damaged: it has no schema version.")
    return version


def _connect(path: Path) -> sqlite3.Connection:
    conn = sqlite3.connect(path, isolation_level=None)
    conn.execute("PRAGMA trusted_schema=OFF")
    return conn


def validate_database(conn: sqlite3.Connection, path: Path, version: int) -> None:
    """Integrity and exact-schema checks on an open (working-copy) connection."""
    try:
        rows = conn.execute("PRAGMA quick_check").fetchall()
    except sqlite3.DatabaseError as exc:
        raise DamagedFileError(path, f"The file is damaged ({exc}).") from None
    if rows != [("ok",)]:
        raise DamagedFileError(path, f"The file is damaged: {rows[0][0]}.")
    try:
        found = read_signature(conn)
    except sqlite3.DatabaseError as exc:
        raise DamagedFileError(path, f"The file is damaged ({exc}).") from None
    expected = expected_signature(version)
    if found != expected:
        extra = sorted(
            name
            for name in {n for n, _ in found.tables} | {n for _, n in found.others}
            if name not in {n for n, _ in expected.tables}
        )
        detail = f" Unexpected: {', '.join(extra)}." if extra else ""
        raise UnexpectedSchemaError(
            path,
            "The file's structure is not what Journeyboard writes; it may have been edited "
            f"by another tool.{detail}",
        )
    try:
        fk_problems = conn.execute("PRAGMA foreign_key_check").fetchall()
    except sqlite3.DatabaseError as exc:
        raise DamagedFileError(path, f"The file is damaged ({exc}).") from None
    if fk_problems:
        raise DamagedFileError(
            path, f"The file is inconsistent: {len(fk_problems)} broken reference(s)."
        )


def migrate(conn: sqlite3.Connection, from_version: int) -> None:
    """Upgrade a working copy to SCHEMA_VERSION in one transaction."""
    conn.execute("BEGIN IMMEDIATE")
    try:
        for version in range(from_version, SCHEMA_VERSION):
            for statement in MIGRATIONS[version]:
                conn.execute(statement)
        conn.execute(f"PRAGMA user_version={SCHEMA_VERSION}")
        conn.execute("COMMIT")
    except BaseException:
        conn.execute("ROLLBACK")
        raise


def create_empty_database(path: Path, version: int = SCHEMA_VERSION) -> None:
    """Write a new, empty project database of a given schema version."""
    conn = sqlite3.connect(path, isolation_level=None)
    try:
        conn.execute("PRAGMA journal_mode=DELETE")
        conn.execute(f"PRAGMA application_id={APPLICATION_ID}")
        conn.execute("BEGIN")
        conn.executescript(ddl(version))  # executescript commits the BEGIN above
        conn.execute(f"PRAGMA user_version={version}")
    finally:
        conn.close()


# --------------------------------------------------------------------------- workspace


@dataclass(frozen=True)
class RecoverableSession:
    """Unsaved work left behind by a Journeyboard that did not close cleanly."""

    folder: Path
    target: Path | None
    modified_at: dt.datetime | None
    journeys: tuple[str, ...]

    @property
    def title(self) -> str:
        return self.target.name if self.target else "Untitled"


class Workspace:
    """The per-user folder holding working copies (sessions) and open-file locks."""

    def __init__(self, root: Path) -> None:
        self.root = Path(root)

    @property
    def sessions_dir(self) -> Path:
        return self.root / "sessions"

    def lock_for(self, target: Path) -> FileLock:
        key = hashlib.sha256(str(_canonical(target)).encode("utf-8")).hexdigest()[:24]
        return FileLock(self.root / "locks" / f"{key}.lock")

    def new_session_folder(self) -> Path:
        folder = self.sessions_dir / uuid.uuid4().hex
        folder.mkdir(parents=True)
        return folder

    def recoverable(self) -> list[RecoverableSession]:
        """Sessions whose owner died with unsaved changes; clean ones are removed."""
        found: list[RecoverableSession] = []
        if not self.sessions_dir.is_dir():
            return found
        for folder in sorted(self.sessions_dir.iterdir()):
            lock = FileLock(folder / "owner.lock")
            if not folder.is_dir() or not lock.try_acquire():
                continue  # a live process owns it
            try:
                info = _read_session_info(folder)
                if info is None or not info.get("dirty") or not (folder / "work.cjm").exists():
                    lock.release()
                    shutil.rmtree(folder, ignore_errors=True)
                    continue
                found.append(
                    RecoverableSession(
                        folder=folder,
                        target=Path(info["target"]) if info.get("target") else None,
                        modified_at=_parse_time(info.get("modified_at")),
                        journeys=tuple(info.get("journeys", ())),
                    )
                )
            finally:
                lock.release()
        return found

    def discard(self, session: RecoverableSession) -> None:
        shutil.rmtree(session.folder, ignore_errors=True)


def _canonical(path: Path) -> Path:
    return Path(os.path.normcase(os.path.realpath(path)))


def _read_session_info(folder: Path) -> dict[str, Any] | None:
    try:
        data = json.loads((folder / "session.json").read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    return data if isinstance(data, dict) else None


def _parse_time(value: object) -> dt.datetime | None:
    if not isinstance(value, str):
        return None
    try:
        return dt.datetime.fromisoformat(value)
    except ValueError:
        return None


# --------------------------------------------------------------------------- project


def _make_engine(path: Path) -> Engine:
    # One connection for the life of the project: no pool churn, and the session
    # never holds a write transaction between flushes.
    engine = create_engine(
        f"sqlite:///{path}", poolclass=StaticPool, connect_args={"check_same_thread": False}
    )

    @event.listens_for(engine, "connect")
    def _pragmas(dbapi_conn: sqlite3.Connection, _record: object) -> None:
        cur = dbapi_conn.cursor()
        cur.execute("PRAGMA trusted_schema=OFF")
        cur.execute("PRAGMA foreign_keys=ON")
        cur.execute("PRAGMA journal_mode=DELETE")
        cur.execute("PRAGMA synchronous=FULL")
        cur.close()

    return engine


class Project:
    """An open project file: a validated working copy, an ORM session on it, a save target."""

    def __init__(
        self,
        workspace: Workspace,
        folder: Path,
        target: Path | None,
        migrated_from: int | None = None,
    ) -> None:
        self.workspace = workspace
        self.folder = folder
        self.path = target
        self.migrated_from = migrated_from
        self.changes = ChangeHub()
        self.changes.subscribe(lambda _change: self.mark_dirty())
        self._owner = FileLock(folder / "owner.lock")
        if not self._owner.try_acquire():
            raise FileInUseError(target, "This recovered session is already open.")
        self._target_lock: FileLock | None = None
        self.engine = _make_engine(self.work_path)
        self.session: Session = sessionmaker(self.engine, expire_on_commit=False)()
        self.dirty = False
        self._closed = False

    # -- construction ------------------------------------------------------

    @property
    def work_path(self) -> Path:
        return self.folder / "work.cjm"

    @classmethod
    def new(cls, workspace: Workspace) -> Project:
        """An untitled, empty project (add journeys with model.templates)."""
        folder = workspace.new_session_folder()
        create_empty_database(folder / "work.cjm")
        project = cls(workspace, folder, None)
        project._write_info()
        return project

    @classmethod
    def open(cls, path: Path | str, workspace: Workspace) -> Project:
        """Validate and open a .cjm; the file itself is only read, never modified."""
        path = Path(path)
        lock = workspace.lock_for(path)
        if not lock.try_acquire():
            pid = lock.owner_pid()
            who = f" (process {pid})" if pid else ""
            raise FileInUseError(
                path, f"This file is already open in another Journeyboard window{who}."
            )
        folder: Path | None = None
        try:
            version = check_header(path)
            folder = workspace.new_session_folder()
            work = folder / "work.cjm"
            try:
                shutil.copyfile(path, work)
            except OSError as exc:
                raise ProjectFileError(path, f"The file cannot be read: {exc}.") from None
            conn = _connect(work)
            try:
                validate_database(conn, path, version)
                if version < SCHEMA_VERSION:
                    migrate(conn, version)
                    validate_database(conn, path, SCHEMA_VERSION)
            finally:
                conn.close()
            project = cls(
                workspace, folder, path, migrated_from=version if version < SCHEMA_VERSION else None
            )
            project._target_lock = lock
            project._write_info()
            return project
        except BaseException:
            lock.release()
            if folder is not None:
                shutil.rmtree(folder, ignore_errors=True)
            raise

    @classmethod
    def recover(cls, session: RecoverableSession, workspace: Workspace) -> Project:
        """Reopen unsaved work from a crashed session; Save writes to its original target."""
        lock: FileLock | None = None
        if session.target is not None:
            lock = workspace.lock_for(session.target)
            if not lock.try_acquire():
                raise FileInUseError(
                    session.target, "This file is already open in another Journeyboard window."
                )
        try:
            conn = _connect(session.folder / "work.cjm")
            try:
                validate_database(conn, session.folder / "work.cjm", SCHEMA_VERSION)
            finally:
                conn.close()
            project = cls(workspace, session.folder, session.target)
        except BaseException:
            if lock is not None:
                lock.release()
            raise
        project._target_lock = lock
        project.dirty = True
        project._write_info()
        return project

    # -- queries -------------------------------------------------------------

    def journeys(self) -> list[Journey]:
        return list(self.session.scalars(select(Journey).order_by(Journey.position, Journey.id)))

    def journey(self, journey_id: int) -> Journey:
        journey = self.session.get(Journey, journey_id)
        if journey is None:
            raise KeyError(journey_id)
        return journey

    # -- persistence ---------------------------------------------------------

    def mark_dirty(self) -> None:
        """Note that the model changed since the last save (edits call this)."""
        self.dirty = True

    def flush(self) -> None:
        """Commit pending edits to the working copy, so a crash loses nothing."""
        self.session.commit()
        self._write_info()

    def save(self, path: Path | str | None = None) -> Path:
        """Write the project to ``path`` (or its own path) atomically."""
        target = Path(path) if path is not None else self.path
        if target is None:
            raise SaveFailedError(None, "This project has no file name yet; use Save As.")
        new_lock: FileLock | None = None
        if self.path is None or _canonical(target) != _canonical(self.path):
            new_lock = self.workspace.lock_for(target)
            if not new_lock.try_acquire():
                raise FileInUseError(
                    target, "That file is open in another Journeyboard window; close it first."
                )
        try:
            self.session.commit()  # backup() hangs behind an open write transaction
            self._write_copy(target)
        except BaseException:
            if new_lock is not None:
                new_lock.release()
            raise
        if new_lock is not None:
            if self._target_lock is not None:
                self._target_lock.release()
            self._target_lock = new_lock
        self.path = target
        self.migrated_from = None
        self.dirty = False
        self._write_info()
        return target

    def _write_copy(self, target: Path) -> None:
        directory = target.parent
        tmp = directory / f".{target.name}.{uuid.uuid4().hex[:8]}.tmp"
        try:
            replacing_original = self.path is not None and _canonical(target) == _canonical(
                self.path
            )
            if self.migrated_from is not None and replacing_original and target.exists():
                backup = target.with_name(f"{target.stem}.v{self.migrated_from}-backup{SUFFIX}")
                if not backup.exists():
                    shutil.copy2(target, backup)
            src = sqlite3.connect(self.work_path)
            try:
                dst = sqlite3.connect(tmp)
                try:
                    src.backup(dst)
                    dst.execute("PRAGMA journal_mode=DELETE")
                finally:
                    dst.close()
            finally:
                src.close()
            _fsync_path(tmp)
            os.replace(tmp, target)
            _fsync_path(directory, directory=True)
        except (OSError, sqlite3.Error) as exc:
            with contextlib.suppress(OSError):
                tmp.unlink()
            for leftover in (Path(f"{tmp}-journal"),):
                with contextlib.suppress(OSError):
                    leftover.unlink()
            raise SaveFailedError(
                target, f"Could not save: {getattr(exc, 'strerror', None) or exc}. "
                "The previous file is unchanged."
            ) from None

    def export_copy(self, target: Path) -> None:
        """Write a complete copy elsewhere without changing this project's own path."""
        self.session.commit()
        self._write_copy(target)

    def _write_info(self) -> None:
        info = {
            "target": str(self.path) if self.path else None,
            "dirty": self.dirty,
            "modified_at": dt.datetime.now().isoformat(timespec="seconds"),
            "pid": os.getpid(),
            "journeys": [j.name for j in self.journeys()] if not self._closed else [],
        }
        tmp = self.folder / "session.json.tmp"
        tmp.write_text(json.dumps(info), encoding="utf-8")
        os.replace(tmp, self.folder / "session.json")

    def close(self) -> None:
        """Drop the working copy and the locks; unsaved edits are discarded."""
        if self._closed:
            return
        self._closed = True
        self.session.close()
        self.engine.dispose()
        if self._target_lock is not None:
            self._target_lock.release()
        self._owner.release()
        shutil.rmtree(self.folder, ignore_errors=True)

    def __enter__(self) -> Project:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


@contextlib.contextmanager
def opened(path: Path | str, workspace: Workspace) -> Iterator[Project]:
    """Open a project for the length of a with-block (CLI and scripts)."""
    project = Project.open(path, workspace)
    try:
        yield project
    finally:
        project.close()
