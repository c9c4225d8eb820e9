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
import stat
import sys
import time
import uuid
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import IO, Any

from sqlalchemy import create_engine, event, select
from sqlalchemy.engine import Connection, Engine
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
    value_problems,
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
        if self._fh is not None:
            return True
        self.path.parent.mkdir(parents=True, exist_ok=True)
        for _attempt in range(5):
            fh = open(self.path, "a+", encoding="utf-8")  # noqa: SIM115 - held while locked
            try:
                _lock_fd(fh)
            except OSError:
                fh.close()
                return False
            # release() unlinks the file after unlocking it: a lock taken on that
            # unlinked inode in between protects nothing, so make sure it is still the
            # file at our path (else two processes could both "hold" the lock).
            if _same_file(fh, self.path):
                break
            fh.close()
        else:  # pragma: no cover - only under a sustained race
            return False
        fh.seek(0)
        fh.truncate()
        fh.write(str(os.getpid()))
        fh.flush()
        self._fh = fh
        return True

    def moved_to(self, path: Path) -> None:
        """Note that the locked file was renamed (with its folder) to ``path``."""
        self.path = path

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


def _same_file(fh: IO[str], path: Path) -> bool:
    try:
        on_disk = path.stat()
    except OSError:
        return False
    held = os.fstat(fh.fileno())
    return (held.st_dev, held.st_ino) == (on_disk.st_dev, on_disk.st_ino)


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


def check_header(path: Path, shown_as: Path | None = None) -> int:
    """Check the 100-byte SQLite header without opening the database; return user_version.

    ``shown_as`` is the path named in error messages (the user's file when ``path`` is
    its working copy).
    """
    try:
        return _check_header(path)
    except ProjectFileError as exc:
        if shown_as is None:
            raise
        raise type(exc)(shown_as, exc.message) from None


def _check_header(path: Path) -> int:
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
            f"The file is truncated: it should be {page_count * page_size} bytes but is {size}.",
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
            for name in {t[0] for t in found.tables} | {n for _, n in found.others}
            if name not in {t[0] for t in expected.tables}
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
    try:
        bad_values = value_problems(conn, version)
    except sqlite3.DatabaseError as exc:
        raise DamagedFileError(path, f"The file is damaged ({exc}).") from None
    if bad_values:
        raise DamagedFileError(
            path, f"The file holds values Journeyboard cannot use: {'; '.join(bad_values)}."
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


IN_USE = "This file is already open in another Journeyboard window{who}."
IN_USE_ELSEWHERE = "That file is open in another Journeyboard window; close it first."


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

    def claim(self, target: Path, message: str = IN_USE) -> FileLock:
        """Lock a target path for this process, or raise FileInUseError.

        ``message`` may name the other process with ``{who}``.
        """
        lock = self.lock_for(target)
        if not lock.try_acquire():
            pid = lock.owner_pid()
            raise FileInUseError(target, message.format(who=f" (process {pid})" if pid else ""))
        return lock

    @property
    def staging_dir(self) -> Path:
        return self.root / "staging"

    def new_session(self) -> tuple[Path, FileLock]:
        """A new, empty session folder, already locked by this process.

        The folder is made and locked under ``staging/`` and then renamed into
        ``sessions/``, so ``recoverable()`` in another instance never sees a session
        folder that nobody holds yet (and never deletes one that is being set up).
        """
        name = uuid.uuid4().hex
        if sys.platform == "win32":  # pragma: no cover - a folder holding an open file
            # cannot be renamed there; lock it in place (a microsecond-wide window).
            folder = self.sessions_dir / name
            folder.mkdir(parents=True)
            lock = FileLock(folder / "owner.lock")
            lock.try_acquire()
            return folder, lock
        staging = self.staging_dir / name
        staging.mkdir(parents=True)
        lock = FileLock(staging / "owner.lock")
        if not lock.try_acquire():  # pragma: no cover - a fresh random name
            raise ProjectFileError(None, "Could not create a working folder.")
        folder = self.sessions_dir / name
        try:
            self.sessions_dir.mkdir(parents=True, exist_ok=True)
            os.replace(staging, folder)
        except OSError:
            lock.release()
            shutil.rmtree(staging, ignore_errors=True)
            raise
        lock.moved_to(folder / "owner.lock")
        return folder, lock

    def recoverable(self) -> list[RecoverableSession]:
        """Sessions whose owner died with unsaved changes; clean ones are removed."""
        self._sweep_staging()
        found: list[RecoverableSession] = []
        if not self.sessions_dir.is_dir():
            return found
        for folder in sorted(self.sessions_dir.iterdir()):
            if not folder.is_dir():
                continue
            lock = FileLock(folder / "owner.lock")
            if not lock.try_acquire():
                continue  # a live process owns it
            try:
                work = folder / "work.cjm"
                info = _read_session_info(folder)
                has_work = work.is_file() and work.stat().st_size > 0
                if not has_work or (info is not None and not info.get("dirty")):
                    _remove_session_folder(folder, lock)
                    continue
                if info is None:
                    # session.json was lost (crash while it was written): the working
                    # copy may still hold unsaved edits, so offer it rather than delete it.
                    info = {"target": None, "journeys": _journey_names(work)}
                target = info.get("target")
                found.append(
                    RecoverableSession(
                        folder=folder,
                        target=Path(target) if isinstance(target, str) and target else None,
                        modified_at=_parse_time(info.get("modified_at")),
                        journeys=tuple(str(n) for n in info.get("journeys", ()) or ()),
                    )
                )
            finally:
                lock.release()
        return found

    def discard(self, session: RecoverableSession) -> None:
        """Delete a crashed session's unsaved work (unless a live process holds it)."""
        lock = FileLock(session.folder / "owner.lock")
        if not session.folder.is_dir():
            return
        if not lock.try_acquire():
            raise FileInUseError(session.target, "This recovered session is open.")
        _remove_session_folder(session.folder, lock)

    def _sweep_staging(self) -> None:
        """Remove staging folders left by a process that died while creating a session."""
        if not self.staging_dir.is_dir():
            return
        cutoff = time.time() - STALE_STAGING_SECONDS
        for folder in self.staging_dir.iterdir():
            with contextlib.suppress(OSError):
                if folder.stat().st_mtime < cutoff:
                    lock = FileLock(folder / "owner.lock")
                    if lock.try_acquire():
                        _remove_session_folder(folder, lock)


STALE_STAGING_SECONDS = 600.0


def _remove_session_folder(folder: Path, lock: FileLock) -> None:
    # Delete while still holding the lock, so no other instance sees it half-removed.
    shutil.rmtree(folder, ignore_errors=True)
    lock.release()
    shutil.rmtree(folder, ignore_errors=True)  # Windows: the lock file goes last


def _journey_names(work: Path) -> list[str]:
    try:
        conn = sqlite3.connect(f"{work.as_uri()}?mode=ro", uri=True)
        try:
            conn.execute("PRAGMA trusted_schema=OFF")
            rows = conn.execute("SELECT name FROM journeys ORDER BY position, id").fetchall()
        finally:
            conn.close()
    except sqlite3.Error:
        return []
    return [str(r[0]) for r in rows]


def _canonical(path: Path) -> Path:
    return Path(os.path.normcase(os.path.realpath(path)))


def _read_session_info(folder: Path) -> dict[str, Any] | None:
    try:
        data = json.loads((folder / "session.json").read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    return data if isinstance(data, dict) else None


def _migrated_from(info: dict[str, Any] | None) -> int | None:
    value = info.get("migrated_from") if info else None
    return value if isinstance(value, int) and 1 <= value < SCHEMA_VERSION else None


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
        # pysqlite's own implicit BEGIN breaks SAVEPOINT (SQLAlchemy's documented recipe):
        # let SQLAlchemy emit BEGIN itself, so an edit can be rolled back to a savepoint.
        dbapi_conn.isolation_level = None
        cur = dbapi_conn.cursor()
        cur.execute("PRAGMA trusted_schema=OFF")
        cur.execute("PRAGMA foreign_keys=ON")
        cur.execute("PRAGMA journal_mode=DELETE")
        cur.execute("PRAGMA synchronous=FULL")
        cur.close()

    @event.listens_for(engine, "begin")
    def _begin(conn: Connection) -> None:
        conn.exec_driver_sql("BEGIN")

    return engine


class Project:
    """An open project file: a validated working copy, an ORM session on it, a save target."""

    def __init__(
        self,
        workspace: Workspace,
        folder: Path,
        target: Path | None,
        migrated_from: int | None = None,
        owner: FileLock | None = None,
    ) -> None:
        self.workspace = workspace
        self.folder = folder
        self.path = target
        self.migrated_from = migrated_from
        self.changes = ChangeHub()
        self.changes.subscribe(lambda _change: self.mark_dirty())
        self._owner = owner if owner is not None else FileLock(folder / "owner.lock")
        if not self._owner.try_acquire():
            raise FileInUseError(target, "This recovered session is already open.")
        self._target_lock: FileLock | None = None
        self.engine = _make_engine(self.work_path)
        self.session: Session = sessionmaker(self.engine, expire_on_commit=False)()
        self._committed_changes = self._driver_connection().total_changes
        self.dirty = False
        self._closed = False

    # -- construction ------------------------------------------------------

    @property
    def work_path(self) -> Path:
        return self.folder / "work.cjm"

    @classmethod
    def new(cls, workspace: Workspace) -> Project:
        """An untitled, empty project (add journeys with model.templates)."""
        folder, owner = workspace.new_session()
        try:
            create_empty_database(folder / "work.cjm")
            project = cls(workspace, folder, None, owner=owner)
        except BaseException:
            _remove_session_folder(folder, owner)
            raise
        project._write_info()
        return project

    @classmethod
    def open(cls, path: Path | str, workspace: Workspace) -> Project:
        """Validate and open a .cjm; the file itself is only read, never modified."""
        path = Path(path)
        lock = workspace.claim(path)
        folder: Path | None = None
        owner: FileLock | None = None
        project: Project | None = None
        try:
            check_header(path)  # cheap: refuse non-projects before copying anything
            folder, owner = workspace.new_session()
            work = folder / "work.cjm"
            try:
                shutil.copyfile(path, work)
            except OSError as exc:
                raise ProjectFileError(
                    path, f"The file cannot be read: {exc.strerror or exc}."
                ) from None
            # The file may have changed since the first look: trust only the copy.
            version = check_header(work, shown_as=path)
            conn = _connect(work)
            try:
                validate_database(conn, path, version)
                if version < SCHEMA_VERSION:
                    try:
                        migrate(conn, version)
                    except sqlite3.Error as exc:
                        raise DamagedFileError(
                            path, f"The file could not be upgraded ({exc})."
                        ) from None
                    validate_database(conn, path, SCHEMA_VERSION)
            finally:
                conn.close()
            project = cls(
                workspace,
                folder,
                path,
                migrated_from=version if version < SCHEMA_VERSION else None,
                owner=owner,
            )
            project._target_lock = lock
            project._write_info()
            return project
        except BaseException:
            if project is not None:
                project.session.close()
                project.engine.dispose()
            lock.release()
            if folder is not None and owner is not None:
                _remove_session_folder(folder, owner)
            raise

    @classmethod
    def recover(cls, session: RecoverableSession, workspace: Workspace) -> Project:
        """Reopen unsaved work from a crashed session; Save writes to its original target."""
        owner = FileLock(session.folder / "owner.lock")
        if not session.folder.is_dir():
            raise ProjectFileError(session.target, "This unsaved work no longer exists.")
        if not owner.try_acquire():
            raise FileInUseError(session.target, "This recovered session is already open.")
        lock: FileLock | None = None
        try:
            work = session.folder / "work.cjm"
            if not work.is_file():
                raise ProjectFileError(session.target, "This unsaved work no longer exists.")
            if session.target is not None:
                lock = workspace.claim(session.target)
            shown = session.target or work
            version = check_header(work, shown_as=shown)
            conn = _connect(work)  # rolls back a half-committed flush (hot journal)
            try:
                validate_database(conn, shown, version)
                if version != SCHEMA_VERSION:
                    raise UnexpectedSchemaError(shown, "The unsaved work has an old format.")
            finally:
                conn.close()
            info = _read_session_info(session.folder)
            project = cls(
                workspace,
                session.folder,
                session.target,
                migrated_from=_migrated_from(info),
                owner=owner,
            )
        except BaseException:
            if lock is not None:
                lock.release()
            owner.release()
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

    def mark_clean(self) -> None:
        """The working copy equals the saved file (or an untouched new map): nothing to recover."""
        self._commit()
        self.dirty = False
        self._write_info()

    def flush(self) -> None:
        """Commit pending edits to the working copy, so a crash loses nothing."""
        if not self.dirty and self._has_uncommitted():
            self.dirty = True  # changed without an Editor (scripts, imports)
        # session.json says "dirty" before the edits land: a crash in between must
        # not make recoverable() treat the session as clean and delete it.
        if self.dirty:
            self._write_info()
        self._commit()

    def _driver_connection(self) -> sqlite3.Connection:
        raw = self.session.connection().connection.driver_connection
        assert isinstance(raw, sqlite3.Connection)
        return raw

    def _commit(self) -> None:
        self.session.commit()
        self._committed_changes = self._driver_connection().total_changes

    def _has_uncommitted(self) -> bool:
        if self.session.new or self.session.dirty or self.session.deleted:
            return True
        if not self.session.in_transaction():
            return False
        raw = self.session.connection().connection.driver_connection
        # Rows written since the last commit (a BEGIN alone, for a read, writes nothing).
        return isinstance(raw, sqlite3.Connection) and raw.total_changes != self._committed_changes

    def save(self, path: Path | str | None = None) -> Path:
        """Write the project to ``path`` (or its own path) atomically."""
        target = Path(path) if path is not None else self.path
        if target is None:
            raise SaveFailedError(None, "This project has no file name yet; use Save As.")
        new_lock: FileLock | None = None
        same_file = self.path is not None and _canonical(target) == _canonical(self.path)
        if not same_file:
            new_lock = self.workspace.claim(target, IN_USE_ELSEWHERE)
        try:
            self._commit()  # backup() hangs behind an open write transaction
            # Overwriting the file we migrated: keep its original bytes first.
            self._write_copy(target, backup_from=self.migrated_from if same_file else None)
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

    def export_copy(self, target: Path | str) -> None:
        """Write a complete copy elsewhere without changing this project's own path."""
        target = Path(target)
        lock: FileLock | None = None
        if self.path is None or _canonical(target) != _canonical(self.path):
            lock = self.workspace.claim(target, IN_USE_ELSEWHERE)
        try:
            self._commit()
            self._write_copy(target, backup_from=None)
        finally:
            if lock is not None:
                lock.release()

    def _write_copy(self, target: Path, backup_from: int | None) -> None:
        """Write the working copy's committed state to ``target`` via a temp file.

        The caller holds the target's lock, so temp files of earlier, interrupted saves
        of the same target are ours to remove.
        """
        # Replace the file a symlink points to, not the symlink.
        real = Path(os.path.realpath(target))
        directory = real.parent
        tmp = directory / f".{real.name}.{uuid.uuid4().hex[:8]}{TMP_SUFFIX}"
        try:
            _remove_stale_temps(real)
            try:
                old_mode: int | None = stat.S_IMODE(real.stat().st_mode)
            except FileNotFoundError:
                old_mode = None
            if backup_from is not None and old_mode is not None:
                _keep_backup(real, backup_from)
            dst = sqlite3.connect(tmp, isolation_level=None)
            try:
                # Copy from the live connection, not by path: if the working copy was
                # deleted underneath us, opening it by name would save an empty project.
                src = self.session.connection().connection.driver_connection
                if not isinstance(src, sqlite3.Connection):  # pragma: no cover
                    raise sqlite3.InterfaceError("the working copy is not open")
                src.backup(dst)
                dst.execute("PRAGMA journal_mode=DELETE")
                _verify_written(dst)
            finally:
                dst.close()
            if old_mode is not None:
                # Keep a private file private; some file systems (SMB, FAT) refuse chmod.
                with contextlib.suppress(OSError):
                    os.chmod(tmp, old_mode)
            _fsync_path(tmp)
            os.replace(tmp, real)
        except (OSError, sqlite3.Error) as exc:
            for leftover in (tmp, Path(f"{tmp}-journal")):
                with contextlib.suppress(OSError):
                    leftover.unlink()
            raise SaveFailedError(
                target,
                f"Could not save: {getattr(exc, 'strerror', None) or exc}. "
                "The previous file is unchanged.",
            ) from None
        # The new file is in place: failing now would wrongly report the old one kept.
        # Some file systems cannot fsync a directory; the rename is then as durable as
        # they make it.
        with contextlib.suppress(OSError):
            _fsync_path(directory, directory=True)

    def _write_info(self) -> None:
        info = {
            "target": str(self.path) if self.path else None,
            "dirty": self.dirty,
            "modified_at": dt.datetime.now().isoformat(timespec="seconds"),
            "pid": os.getpid(),
            "migrated_from": self.migrated_from,
            "journeys": [j.name for j in self.journeys()] if not self._closed else [],
        }
        tmp = self.folder / "session.json.tmp"
        with open(tmp, "w", encoding="utf-8") as fh:
            json.dump(info, fh)
            fh.flush()
            os.fsync(fh.fileno())
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
        _remove_session_folder(self.folder, self._owner)

    def __enter__(self) -> Project:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


TMP_SUFFIX = ".tmp"


def _remove_stale_temps(real: Path) -> None:
    """Delete temp files an interrupted save of this target left beside it."""
    prefix = f".{real.name}."
    with contextlib.suppress(OSError):
        for entry in os.scandir(real.parent):
            name = entry.name
            if name.startswith(prefix) and (
                name.endswith(TMP_SUFFIX) or name.endswith(f"{TMP_SUFFIX}-journal")
            ):
                stem = name[len(prefix) :].split(".", 1)[0]
                if len(stem) == 8 and all(c in "0123456789abcdef" for c in stem):
                    with contextlib.suppress(OSError):
                        os.unlink(entry.path)


def _keep_backup(real: Path, version: int) -> None:
    """Keep the pre-migration file as NAME.vN-backup.cjm (atomically; never overwritten)."""
    stem = real.name[: -len(SUFFIX)] if real.name.endswith(SUFFIX) else real.name
    backup = real.with_name(f"{stem}.v{version}-backup{SUFFIX}")
    _remove_stale_temps(backup)
    counter = 2
    while backup.exists():
        if _same_bytes(backup, real):
            return
        backup = real.with_name(f"{stem}.v{version}-backup-{counter}{SUFFIX}")
        counter += 1
    tmp = backup.with_name(f".{backup.name}.{uuid.uuid4().hex[:8]}{TMP_SUFFIX}")
    try:
        shutil.copy2(real, tmp)
        _fsync_path(tmp)
        os.replace(tmp, backup)
    except BaseException:
        with contextlib.suppress(OSError):
            tmp.unlink()
        raise


def _same_bytes(a: Path, b: Path) -> bool:
    try:
        if a.stat().st_size != b.stat().st_size:
            return False
        with open(a, "rb") as fa, open(b, "rb") as fb:
            while True:
                ca, cb = fa.read(1 << 20), fb.read(1 << 20)
                if ca != cb:
                    return False
                if not ca:
                    return True
    except OSError:
        return False


def _verify_written(conn: sqlite3.Connection) -> None:
    """Refuse to replace the user's file with a copy that would not open again."""
    app_id = conn.execute("PRAGMA application_id").fetchone()[0]
    version = conn.execute("PRAGMA user_version").fetchone()[0]
    if app_id != APPLICATION_ID or version != SCHEMA_VERSION:
        raise sqlite3.DatabaseError("the written copy has a wrong header")
    check = conn.execute("PRAGMA quick_check").fetchall()
    if check != [("ok",)]:
        raise sqlite3.DatabaseError(f"the written copy is damaged: {check[0][0]}")


@contextlib.contextmanager
def opened(path: Path | str, workspace: Workspace) -> Iterator[Project]:
    """Open a project for the length of a with-block (CLI and scripts)."""
    project = Project.open(path, workspace)
    try:
        yield project
    finally:
        project.close()
