"""An open project: the live database in memory, its working copy on disk, save and recover.

The live database is an in-memory SQLite database: an edit never touches the disk, so
a full or failing disk can never leave an edit half-made. ``flush`` writes a complete
snapshot of it as the session's working copy (crash recovery); ``save`` writes a
complete, verified new file beside the target and renames it over the target.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import errno
import os
import sqlite3
import stat
from collections.abc import Iterator
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.orm import Session, sessionmaker

from model.card_ids import keep_card_ids_unique
from model.changes import ChangeHub
from model.entities import Journey
from model.schema import SCHEMA_VERSION
from model.store.copy_in import copy_in, disk_from_info, disk_info
from model.store.engine import make_engine
from model.store.errors import (
    DamagedFileError,
    FileChangedOnDiskError,
    FileInUseError,
    ProjectFileError,
    SaveFailedError,
    UnexpectedSchemaError,
    WorkingCopyError,
)
from model.store.files import (
    Fingerprint,
    canonical,
    fingerprint,
    fsync_path,
    keep_backup,
    remove_sidecars,
    remove_stale_temps,
    sidecar_state,
    temp_beside,
)
from model.store.locking import FileLock, TargetLock
from model.store.validation import (
    DB_ERRORS,
    check_header,
    connect,
    init_empty,
    migrate,
    validate_database,
    validate_rows,
    verify_written,
)
from model.store.working_copy import (
    WORK_NAME,
    FlushJob,
    FlushResult,
    SessionFolder,
    SessionInfo,
)
from model.store.workspace import (
    IN_USE_ELSEWHERE,
    RecoverableSession,
    Workspace,
    _migrated_from,
    _read_session_info,
    _remove_session_folder,
)


def write_database(src: sqlite3.Connection, path: Path) -> None:
    """Write a complete copy of a database to a new file (SQLite's backup API)."""
    dst = sqlite3.connect(path, isolation_level=None)
    try:
        src.backup(dst)
        dst.execute("PRAGMA journal_mode=DELETE")
    finally:
        dst.close()


def _why(exc: BaseException) -> str:
    if isinstance(exc, OSError) and exc.strerror:
        return exc.strerror
    text = str(exc)
    if isinstance(exc, sqlite3.Error) and "full" in text:
        return os.strerror(errno.ENOSPC)
    return text


class Project:
    """An open project: a validated database in memory, a working copy, a save target."""

    def __init__(
        self,
        workspace: Workspace,
        folder: Path,
        target: Path | None,
        migrated_from: int | None = None,
        owner: FileLock | None = None,
        source: Path | None = None,
        read_only: bool = False,
    ) -> None:
        self.workspace = workspace
        self.folder = folder
        self.path = target
        self.migrated_from = migrated_from
        self.read_only = read_only
        self.changes = ChangeHub()
        self.changes.subscribe(lambda _change: self.mark_dirty())
        self._owner = owner if owner is not None else FileLock(folder / "owner.lock")
        if not self._owner.try_acquire():
            raise FileInUseError(target, "This recovered session is already open.")
        self._target_lock: TargetLock | None = None
        self._disk: Fingerprint | None = None  # the target as we last read or wrote it
        self.folded: tuple[str, ...] = ()  # -wal/-journal beside the file folded in on open
        self.working_copy_error: str | None = None
        self._files = SessionFolder(folder)
        # Anything written to the session folder (or is being written): from then on it
        # must say whether it holds unsaved work. An opened file's copy is there at once.
        self._folder_used = source is not None
        self._reported_generation = 0  # the newest flush whose outcome was taken in
        self.engine = make_engine()
        with self.engine.connect() as conn:
            raw = conn.connection.driver_connection
            assert isinstance(raw, sqlite3.Connection)
            self._raw = raw
            if source is None:
                init_empty(raw)
            else:
                src = sqlite3.connect(source)
                try:
                    src.backup(raw)
                except DB_ERRORS as exc:
                    raise DamagedFileError(
                        target or source, f"The file cannot be read ({exc})."
                    ) from None
                finally:
                    src.close()
        self.session: Session = sessionmaker(self.engine, expire_on_commit=False)()
        keep_card_ids_unique(self.session)  # a deleted card's id is never reused
        self._committed_changes = self._raw.total_changes
        # The working copy on disk equals the database as of this many changes.
        self._snapshot_changes = self._raw.total_changes if source is not None else -1
        self.dirty = False
        self._closed = False

    # -- construction ------------------------------------------------------

    @property
    def work_path(self) -> Path:
        return self._files.work_path

    @classmethod
    def new(cls, workspace: Workspace) -> Project:
        """An untitled, empty project (add journeys with model.templates)."""
        folder, owner = workspace.new_session()
        try:
            # No session.json yet: a folder without a working copy is nothing to recover
            # (recoverable() removes it), and a start need not wait for an fsync.
            project = cls(workspace, folder, None, owner=owner)
        except BaseException:
            _remove_session_folder(folder, owner)
            raise
        return project

    @classmethod
    def open(
        cls,
        path: Path | str,
        workspace: Workspace,
        *,
        read_only: bool = False,
        lock: TargetLock | None = None,
    ) -> Project:
        """Validate and open a .cjm; the file itself is only read, never modified.

        ``read_only`` (export): no lock is taken, so a file open elsewhere can be read,
        and the project cannot be saved. ``lock``: the caller already claimed the file.
        """
        path = Path(path)
        if lock is None and not read_only:
            lock = workspace.claim(path)
        folder: Path | None = None
        owner: FileLock | None = None
        project: Project | None = None
        try:
            check_header(path)  # cheap: refuse non-projects before copying anything
            folder, owner = workspace.new_session()
            work = folder / WORK_NAME
            disk, folded = copy_in(path, work)
            # The file may have changed since the first look: trust only the copy.
            version = check_header(work, shown_as=path)
            conn = connect(work)
            try:
                validate_database(conn, path, version)
                if version < SCHEMA_VERSION:
                    try:
                        migrate(conn, version)
                    except DB_ERRORS as exc:
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
                source=work,
                read_only=read_only,
            )
            validate_rows(project.session, path)
            project._disk = disk
            project.folded = folded
            project._target_lock = lock
            project._write_info()
            return project
        except BaseException:
            if project is not None:
                project.session.close()
                project.engine.dispose()
            if lock is not None:
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
        lock: TargetLock | None = None
        project: Project | None = None
        try:
            work = session.folder / WORK_NAME
            if not work.is_file():
                raise ProjectFileError(session.target, "This unsaved work no longer exists.")
            if session.target is not None:
                lock = workspace.claim(session.target)
            shown = session.target or work
            version = check_header(work, shown_as=shown)
            conn = connect(work)  # rolls back a half-committed flush (hot journal)
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
                source=work,
            )
            validate_rows(project.session, shown)
        except BaseException:
            if project is not None:
                project.session.close()
                project.engine.dispose()
            if lock is not None:
                lock.release()
            owner.release()
            raise
        project._target_lock = lock
        project.dirty = True
        project._disk = disk_from_info(info)
        if project._disk is None and session.target is not None:
            with contextlib.suppress(ProjectFileError, OSError):
                project._disk = fingerprint(session.target)
        with contextlib.suppress(WorkingCopyError):
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
        """The model equals the saved file (or an untouched new map): nothing to recover."""
        self._commit()
        self.dirty = False
        if not self._folder_used:
            return  # nothing written to the session folder yet: nothing a crash could offer
        with contextlib.suppress(WorkingCopyError):
            self._write_info()

    def flush(self) -> None:
        """Write the edits to the working copy on disk, so a crash loses nothing.

        Raises WorkingCopyError when it cannot (disk full): the project in memory is
        unaffected and the next flush tries again. The same as ``begin_flush``, then
        ``write_flush`` and ``end_flush`` on this thread.
        """
        job = self.begin_flush()
        if job is not None:
            self.end_flush(self.write_flush(job))

    def begin_flush(self) -> FlushJob | None:
        """Commit and take a snapshot to write (None: the working copy is current).

        Quick (a memory copy of the database): the disk is not touched here, so the
        thread that edits can hand the write to another one.
        """
        if not self.dirty and self._has_uncommitted():
            self.dirty = True  # changed without an Editor (scripts, imports)
        self._commit()
        if self._target_lock is not None:
            self._target_lock.touch()
        if self._snapshot_changes == self._raw.total_changes and self.working_copy_error is None:
            return None
        # session.json says "dirty" before the edits land: a crash in between must
        # not make recoverable() treat the session as clean and delete it.
        # The first write also says "clean" when it is: a working copy never stands
        # without a session.json.
        info = self._info() if self.dirty or not self._folder_used else None
        self._folder_used = True
        return FlushJob(self._files.next_generation(), self._raw.total_changes,
                        self._raw.serialize(), info)

    def write_flush(self, job: FlushJob) -> FlushResult:
        """Write a snapshot to the session folder; safe to call from any thread."""
        return self._files.write(job)

    def end_flush(self, result: FlushResult) -> None:
        """Take in a written snapshot; WorkingCopyError if it failed (and is the newest)."""
        if result.job.generation < self._reported_generation:
            return  # a newer flush has already been taken in
        self._reported_generation = result.job.generation
        if result.error is not None:
            raise self._working_copy_failed(result.error) from None
        if result.written:
            self._snapshot_changes = result.job.changes
            self.working_copy_error = None

    def _commit(self) -> None:
        self.session.commit()
        self._committed_changes = self._raw.total_changes

    def _has_uncommitted(self) -> bool:
        if self.session.new or self.session.dirty or self.session.deleted:
            return True
        if not self.session.in_transaction():
            return False
        # Rows written since the last commit (a BEGIN alone, for a read, writes nothing).
        return self._raw.total_changes != self._committed_changes

    def _working_copy_failed(self, exc: BaseException) -> WorkingCopyError:
        self.working_copy_error = (
            f"Your latest changes could not be written to the working copy in "
            f"{self.folder.parent.parent} ({_why(exc)}). They are safe in memory for as long "
            "as Journeyboard stays open, but would be lost in a crash. Free some space there, "
            "or save the map (Save As can save it to another disk)."
        )
        return WorkingCopyError(self.path, self.working_copy_error)

    def save(
        self,
        path: Path | str | None = None,
        *,
        overwrite_changed: bool = False,
        lock: TargetLock | None = None,
    ) -> Path:
        """Write the project to ``path`` (or its own path) atomically.

        Saving over the file this project was opened from checks that the file on disk
        is still the one that was read: if someone else changed it, FileChangedOnDiskError
        and nothing is written, unless ``overwrite_changed``. ``lock``: the caller
        already claimed ``path``; the project keeps it.
        """
        target = Path(path) if path is not None else self.path
        if target is None:
            raise SaveFailedError(None, "This project has no file name yet; use Save As.")
        if self.read_only:
            raise SaveFailedError(target, "This project was opened read-only.")
        new_lock: TargetLock | None = None
        same_file = self.path is not None and canonical(target) == canonical(self.path)
        if not same_file:
            new_lock = lock if lock is not None else self.workspace.claim(
                target, IN_USE_ELSEWHERE
            )
        try:
            if same_file and not overwrite_changed:
                self._check_unchanged_on_disk(target)
            self._commit()  # backup() hangs behind an open write transaction
            # Overwriting the file we migrated: keep its original bytes first.
            backup_from = self.migrated_from if same_file else None
            written = self._write_copy(target, backup_from=backup_from)
        except BaseException:
            if new_lock is not None and new_lock is not lock:
                new_lock.release()
            raise
        if new_lock is not None:
            if self._target_lock is not None:
                self._target_lock.release()
            self._target_lock = new_lock
        self.path = target
        self._disk = written
        self.migrated_from = None
        self.dirty = False
        with contextlib.suppress(WorkingCopyError):
            self._write_info()
        return target

    def _check_unchanged_on_disk(self, target: Path) -> None:
        known = self._disk
        if known is None:
            return
        try:
            st = os.stat(target)
        except FileNotFoundError:
            return  # deleted meanwhile: saving brings it back, nobody's work is lost
        except OSError:
            return  # unreadable: the save itself will say why it fails
        real = Path(os.path.realpath(target))
        if known.matches_stat(st) and sidecar_state(real) == known.sidecars:
            return
        try:
            now: Fingerprint | None = fingerprint(target)
        except ProjectFileError:
            now = None
        if now is not None and now.sha256 == known.sha256 and now.sidecars == known.sidecars:
            self._disk = now  # touched or copied back, same bytes
            return
        when = dt.datetime.fromtimestamp(st.st_mtime).strftime("%Y-%m-%d %H:%M")
        raise FileChangedOnDiskError(
            target,
            f"“{target.name}” was changed on disk (last modified {when}) since you opened "
            "it: by another program, another person or another Journeyboard. Saving now "
            "would overwrite that change. Save your version as a copy under another name, "
            "overwrite the file with your version, or reload it from disk (your unsaved "
            "changes would then be lost).",
        )

    def export_copy(self, target: Path | str) -> None:
        """Write a complete copy elsewhere without changing this project's own path."""
        target = Path(target)
        lock: TargetLock | None = None
        if self.path is None or canonical(target) != canonical(self.path):
            lock = self.workspace.claim(target, IN_USE_ELSEWHERE)
        try:
            self._commit()
            self._write_copy(target, backup_from=None)
        finally:
            if lock is not None:
                lock.release()

    def _write_copy(self, target: Path, backup_from: int | None) -> Fingerprint:
        """Write the committed state to ``target`` via a verified temp file; fingerprint it.

        The caller holds the target's lock, so temp files of earlier, interrupted saves
        of the same target are ours to remove.
        """
        # Replace the file a symlink points to, not the symlink.
        real = Path(os.path.realpath(target))
        directory = real.parent
        tmp = temp_beside(real)
        try:
            remove_stale_temps(real)
            try:
                old_mode: int | None = stat.S_IMODE(real.stat().st_mode)
            except FileNotFoundError:
                old_mode = None
            if backup_from is not None and old_mode is not None:
                keep_backup(real, backup_from)
            write_database(self._raw, tmp)
            check = connect(tmp)
            try:
                verify_written(check, target)
            except ProjectFileError as exc:
                raise sqlite3.DatabaseError(
                    f"the written copy would not open: {exc.message}"
                ) from None
            finally:
                check.close()
            if old_mode is not None:
                # Keep a private file private; some file systems (SMB, FAT) refuse chmod.
                with contextlib.suppress(OSError):
                    os.chmod(tmp, old_mode)
            fsync_path(tmp)
            written = fingerprint(tmp)
            os.replace(tmp, real)
        except (OSError, sqlite3.Error, ProjectFileError) as exc:
            for leftover in (tmp, Path(f"{tmp}-journal")):
                with contextlib.suppress(OSError):
                    leftover.unlink()
            raise SaveFailedError(
                target, f"Could not save: {_why(exc).rstrip('.')}. The previous file is unchanged."
            ) from None
        # The new file is in place: failing now would wrongly report the old one kept.
        with contextlib.suppress(OSError):
            remove_sidecars(real)
        # Some file systems cannot fsync a directory; the rename is then as durable as
        # they make it.
        with contextlib.suppress(OSError):
            fsync_path(directory, directory=True)
        return Fingerprint(written.size, written.mtime_ns, written.inode, written.sha256, ())

    def _info(self) -> SessionInfo:
        return {
            "target": str(self.path) if self.path else None,
            "dirty": self.dirty,
            "modified_at": dt.datetime.now().isoformat(timespec="seconds"),
            "pid": os.getpid(),
            "migrated_from": self.migrated_from,
            "journeys": self._journey_names() if not self._closed else [],
            # The target as this session knows it: after a crash, recovery still notices
            # a change someone else made to the file meanwhile.
            "disk": disk_info(self._disk),
        }

    def _journey_names(self) -> list[str]:
        # Plain SQL, not an ORM query: it runs on every autosave, on the UI thread.
        self.session.flush()
        rows = self._raw.execute("SELECT name FROM journeys ORDER BY position, id")
        return [str(name) for (name,) in rows]

    def _write_info(self) -> None:
        self._folder_used = True
        try:
            self._files.write_info(self._info(), self._files.next_generation())
        except OSError as exc:
            raise self._working_copy_failed(exc) from None

    def close(self) -> None:
        """Drop the working copy and the locks; unsaved edits are discarded."""
        if self._closed:
            return
        self._closed = True
        self._files.close()  # waits for a write in progress on another thread
        self.session.close()
        self.engine.dispose()
        if self._target_lock is not None:
            self._target_lock.release()
        _remove_session_folder(self.folder, self._owner)

    def __enter__(self) -> Project:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


@contextlib.contextmanager
def opened(path: Path | str, workspace: Workspace, *, read_only: bool = False) -> Iterator[Project]:
    """Open a project for the length of a with-block (CLI and scripts)."""
    project = Project.open(path, workspace, read_only=read_only)
    try:
        yield project
    finally:
        project.close()


__all__ = ["Project", "opened", "write_database"]
