"""The per-user workspace: session folders (working copies) and open-file locks."""

from __future__ import annotations

import contextlib
import datetime as dt
import hashlib
import json
import os
import shutil
import sqlite3
import sys
import time
import uuid
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from model.schema import SCHEMA_VERSION
from model.store.errors import FileInUseError, ProjectFileError, WorkingCopyError
from model.store.files import canonical
from model.store.locking import FileLock, TargetLock, beside_lock_path, try_or_skip


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
IN_USE_ELSEWHERE = "That file is open in another Journeyboard window{who}; close it first."


class Workspace:
    """The per-user folder holding working copies (sessions) and open-file locks."""

    def __init__(self, root: Path) -> None:
        self.root = Path(root)

    @property
    def sessions_dir(self) -> Path:
        return self.root / "sessions"

    def lock_for(self, target: Path) -> FileLock:
        return self._lock_keyed(str(canonical(target)))

    def _lock_keyed(self, key: str) -> FileLock:
        digest = hashlib.sha256(key.encode("utf-8")).hexdigest()[:24]
        return FileLock(self.root / "locks" / f"{digest}.lock")

    def claim(self, target: Path, message: str = IN_USE) -> TargetLock:
        """Lock a target file for this process, or raise FileInUseError.

        Three locks: by path and by inode in this workspace (same user; a hard link is
        the same file), and one beside the file for everybody else who can see it.
        A lock that cannot be made at all (read-only folder, full disk) is skipped:
        ``message`` may name the other owner with ``{who}``.
        """
        target = Path(target)
        candidates = [self.lock_for(target)]
        with contextlib.suppress(OSError):
            st = os.stat(target)
            candidates.append(self._lock_keyed(f"inode:{st.st_dev}:{st.st_ino}"))
        candidates.append(
            FileLock(beside_lock_path(target), respect_other_hosts=True, make_folder=False)
        )
        held: list[FileLock] = []
        for lock in candidates:
            try:
                got = try_or_skip(lock)
            except OSError as exc:
                got = None
                if not isinstance(exc, PermissionError):
                    for other in held:
                        other.release()
                    raise ProjectFileError(
                        target, f"Cannot lock the file: {exc.strerror or exc}."
                    ) from None
            if got is False:
                for other in held:
                    other.release()
                who = lock.blocker.describe() if lock.blocker else ""
                raise FileInUseError(target, message.format(who=f" ({who})" if who else ""))
            if got:
                held.append(lock)
        return TargetLock(target, held)

    def claim_waiting(self, target: Path, timeout: float, message: str = IN_USE) -> TargetLock:
        """claim(), waiting up to ``timeout`` seconds for another process to let go."""
        deadline = time.monotonic() + timeout
        while True:
            try:
                return self.claim(target, message)
            except FileInUseError:
                if time.monotonic() >= deadline:
                    raise
                time.sleep(0.05)

    @property
    def staging_dir(self) -> Path:
        return self.root / "staging"

    def new_session(self) -> tuple[Path, FileLock]:
        """A new, empty session folder, already locked by this process.

        The folder is made and locked under ``staging/`` and then renamed into
        ``sessions/``, so ``recoverable()`` in another instance never sees a session
        folder that nobody holds yet (and never deletes one that is being set up).
        """
        try:
            return self._new_session()
        except OSError as exc:
            raise WorkingCopyError(
                None,
                f"Cannot make a working copy in {self.root}: {exc.strerror or exc}. "
                "Free some space there (or make it writable) and try again.",
            ) from None

    def _new_session(self) -> tuple[Path, FileLock]:
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


