"""Locks: OS file locks (dropped by the kernel when a process dies) with owner details.

Two kinds protect a project file:

* a per-user lock in the workspace folder, keyed by the file's path and by its inode
  (so a hard link to an open file is seen as in use), and
* a lock file beside the target, ``.~lock.NAME#`` as office suites do, seen by every
  Journeyboard that can see the file: other users, other state folders, other computers
  on a shared drive. It names its owner (user, host, process, time).
"""

from __future__ import annotations

import contextlib
import datetime as dt
import errno
import getpass
import json
import os
import socket
import sys
import time
from dataclasses import dataclass
from pathlib import Path

# A lock file written on another computer whose lock we could take may still be live
# (network file systems do not always pass locks on): it is stale only after this long.
STALE_OTHER_HOST_SECONDS = 12 * 3600.0


@dataclass(frozen=True)
class LockOwner:
    """Who holds a lock, as written in its file."""

    pid: int | None
    user: str
    host: str
    since: str

    def describe(self) -> str:
        parts = []
        if self.user:
            parts.append(f"by {self.user}")
        if self.host and self.host != _hostname():
            parts.append(f"on {self.host}")
        if self.pid and (not self.host or self.host == _hostname()):
            parts.append(f"(process {self.pid})")
        if self.since:
            parts.append(f"since {self.since}")
        return " ".join(parts)


def _hostname() -> str:
    return socket.gethostname()


def _user() -> str:
    try:
        return getpass.getuser()
    except Exception:  # no user name in the environment or the password database
        return ""


def _me() -> LockOwner:
    return LockOwner(
        os.getpid(),
        _user(),
        _hostname(),
        dt.datetime.now().astimezone().isoformat(timespec="seconds"),
    )


def _parse_owner(text: str) -> LockOwner | None:
    text = text.strip()
    if not text:
        return None
    if text.isdigit():  # written by an older Journeyboard: a bare process id
        return LockOwner(int(text), "", "", "")
    try:
        data = json.loads(text)
    except ValueError:
        return None
    if not isinstance(data, dict):
        return None
    pid = data.get("pid")
    return LockOwner(
        pid if isinstance(pid, int) else None,
        str(data.get("user", "")),
        str(data.get("host", "")),
        str(data.get("since", "")),
    )


class FileLock:
    """An exclusive OS lock on a small file holding its owner's details."""

    def __init__(
        self, path: Path, *, respect_other_hosts: bool = False, make_folder: bool = True
    ) -> None:
        self.path = path
        self._make_folder = make_folder
        self._fd: int | None = None
        self._respect_other_hosts = respect_other_hosts
        self.blocker: LockOwner | None = None  # who holds it, after a failed try_acquire

    def try_acquire(self) -> bool:
        """Take the lock; False when another live process holds it.

        Raises OSError when the lock file cannot be made at all (no folder, read-only,
        disk full): the caller decides whether to go on without it.
        """
        if self._fd is not None:
            return True
        self.blocker = None
        if self._make_folder:
            self.path.parent.mkdir(parents=True, exist_ok=True)
        for _attempt in range(5):
            fd = os.open(self.path, os.O_RDWR | os.O_CREAT, 0o644)
            try:
                _lock_fd(fd)
            except OSError:
                self.blocker = self._owner_of(fd)
                os.close(fd)
                return False
            # release() unlinks the file after unlocking it: a lock taken on that
            # unlinked inode in between protects nothing, so make sure it is still the
            # file at our path (else two processes could both "hold" the lock).
            if _same_file(fd, self.path):
                break
            os.close(fd)
        else:  # pragma: no cover - only under a sustained race
            return False
        previous = self._owner_of(fd)
        if self._respect_other_hosts and previous is not None and self._live_elsewhere(previous):
            with contextlib.suppress(OSError):
                _unlock_fd(fd)
            os.close(fd)
            self.blocker = previous
            return False
        # Our details are a courtesy for the message others see; on a full disk the
        # lock itself still works without them.
        with contextlib.suppress(OSError):
            os.ftruncate(fd, 0)
            os.lseek(fd, 0, os.SEEK_SET)  # lseek + write: os.pwrite does not exist on Windows
            os.write(fd, json.dumps(_me().__dict__).encode("utf-8"))
        self._fd = fd
        return True

    def _live_elsewhere(self, owner: LockOwner) -> bool:
        if not owner.host or owner.host == _hostname():
            return False  # same computer: the kernel lock we just took says it is dead
        try:
            age = time.time() - self.path.stat().st_mtime
        except OSError:
            return False
        return age < STALE_OTHER_HOST_SECONDS

    @staticmethod
    def _owner_of(fd: int) -> LockOwner | None:
        try:
            os.lseek(fd, 0, os.SEEK_SET)
            data = os.read(fd, 4096)
        except OSError:
            return None
        return _parse_owner(data.decode("utf-8", "replace"))

    def moved_to(self, path: Path) -> None:
        """Note that the locked file was renamed (with its folder) to ``path``."""
        self.path = path

    @property
    def held(self) -> bool:
        return self._fd is not None

    def owner_pid(self) -> int | None:
        try:
            owner = _parse_owner(self.path.read_text(encoding="utf-8", errors="replace"))
        except OSError:
            return None
        return owner.pid if owner else None

    def touch(self) -> None:
        """Show other computers that the owner is still alive."""
        if self._fd is not None:
            with contextlib.suppress(OSError):
                os.utime(self._fd)

    def release(self) -> None:
        if self._fd is None:
            return
        with contextlib.suppress(OSError):
            _unlock_fd(self._fd)
        os.close(self._fd)
        self._fd = None
        with contextlib.suppress(OSError):
            self.path.unlink()


def _same_file(fd: int, path: Path) -> bool:
    try:
        on_disk = path.stat()
    except OSError:
        return False
    held = os.fstat(fd)
    return (held.st_dev, held.st_ino) == (on_disk.st_dev, on_disk.st_ino)


def beside_lock_path(target: Path) -> Path:
    """The lock file beside a project file (LibreOffice's naming: ``.~lock.NAME#``)."""
    real = Path(os.path.realpath(target))
    return real.with_name(f".~lock.{real.name}#")


# Making a lock file can fail for reasons that say nothing about other users: the
# folder is read-only (then nobody can save there either) or its disk is full.
UNLOCKABLE = (errno.EACCES, errno.EPERM, errno.EROFS, errno.ENOSPC, errno.EDQUOT, errno.ENOENT)


def try_or_skip(lock: FileLock) -> bool | None:
    """try_acquire, but None when the lock file cannot be made for an innocent reason."""
    try:
        return lock.try_acquire()
    except OSError as exc:
        if exc.errno in UNLOCKABLE or isinstance(exc, IsADirectoryError):
            return None
        raise


class TargetLock:
    """All the locks that say "this project file is open here"; released together."""

    def __init__(self, target: Path, locks: list[FileLock]) -> None:
        self.target = target
        self.locks = locks

    def touch(self) -> None:
        for lock in self.locks:
            lock.touch()

    def release(self) -> None:
        for lock in reversed(self.locks):
            lock.release()
        self.locks = []

    def __enter__(self) -> TargetLock:
        return self

    def __exit__(self, *exc: object) -> None:
        self.release()


if sys.platform == "win32":  # pragma: no cover - exercised on Windows only
    import msvcrt

    def _lock_fd(fd: int) -> None:
        os.lseek(fd, 0, os.SEEK_SET)
        msvcrt.locking(fd, msvcrt.LK_NBLCK, 1)

    def _unlock_fd(fd: int) -> None:
        os.lseek(fd, 0, os.SEEK_SET)
        msvcrt.locking(fd, msvcrt.LK_UNLCK, 1)

else:
    import fcntl

    def _lock_fd(fd: int) -> None:
        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)

    def _unlock_fd(fd: int) -> None:
        fcntl.flock(fd, fcntl.LOCK_UN)
