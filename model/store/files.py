"""File-system helpers of the store: reading untrusted files safely, fsync, temp files."""

from __future__ import annotations

import contextlib
import hashlib
import os
import shutil
import stat
import sys
import uuid
from dataclasses import dataclass
from pathlib import Path

from model.store.errors import NotAProjectError, ProjectFileError

SUFFIX = ".cjm"
TMP_SUFFIX = ".tmp"
# What SQLite keeps beside a database: data of an unfinished transaction (-journal)
# or committed data not yet written into the file (-wal; -shm is only an index).
SIDECARS = ("-wal", "-journal")
ALL_SIDECARS = ("-wal", "-shm", "-journal")


def fsync_path(path: Path, directory: bool = False) -> None:
    if directory and sys.platform == "win32":  # pragma: no cover
        return
    fd = os.open(path, os.O_RDONLY | (getattr(os, "O_DIRECTORY", 0) if directory else 0))
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def canonical(path: Path) -> Path:
    return Path(os.path.normcase(os.path.realpath(path)))


def open_regular(path: Path) -> int:
    """Open an untrusted file for reading; refuse anything but a regular file.

    O_NONBLOCK: opening a FIFO for reading would otherwise wait for a writer forever.
    """
    try:
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0))
    except FileNotFoundError:
        raise ProjectFileError(path, "The file does not exist.") from None
    except IsADirectoryError:
        raise NotAProjectError(path, "This is a folder, not a project file.") from None
    except OSError as exc:
        raise ProjectFileError(path, f"The file cannot be read: {exc.strerror}.") from None
    mode = os.fstat(fd).st_mode
    if stat.S_ISREG(mode):
        if hasattr(os, "set_blocking"):
            os.set_blocking(fd, True)
        return fd
    os.close(fd)
    if stat.S_ISDIR(mode):
        raise NotAProjectError(path, "This is a folder, not a project file.")
    raise NotAProjectError(
        path, "This is not a regular file (it is a pipe, a device or a socket), not a project."
    )


@dataclass(frozen=True)
class Fingerprint:
    """What a file on disk was when we read or wrote it: to notice others' changes."""

    size: int
    mtime_ns: int
    inode: tuple[int, int]
    sha256: str
    sidecars: tuple[tuple[str, int, int], ...]  # (suffix, size, mtime_ns) of -wal/-journal

    def matches_stat(self, st: os.stat_result) -> bool:
        return (st.st_size, st.st_mtime_ns, (st.st_dev, st.st_ino)) == (
            self.size,
            self.mtime_ns,
            self.inode,
        )


def sidecar_state(real: Path) -> tuple[tuple[str, int, int], ...]:
    found = []
    for suffix in SIDECARS:
        try:
            st = os.stat(f"{real}{suffix}")
        except OSError:
            continue
        found.append((suffix, st.st_size, st.st_mtime_ns))
    return tuple(found)


def copy_and_fingerprint(src: Path, dst: Path) -> Fingerprint:
    """Copy a regular file, hashing what was read (the copy is all that is trusted)."""
    digest = hashlib.sha256()
    fd = open_regular(src)
    try:
        st = os.fstat(fd)
        with open(dst, "wb") as out:
            while True:
                chunk = os.read(fd, 1 << 20)
                if not chunk:
                    break
                digest.update(chunk)
                out.write(chunk)
    finally:
        os.close(fd)
    real = Path(os.path.realpath(src))
    return Fingerprint(
        st.st_size, st.st_mtime_ns, (st.st_dev, st.st_ino), digest.hexdigest(), sidecar_state(real)
    )


def fingerprint(path: Path) -> Fingerprint:
    digest = hashlib.sha256()
    fd = open_regular(path)
    try:
        st = os.fstat(fd)
        while True:
            chunk = os.read(fd, 1 << 20)
            if not chunk:
                break
            digest.update(chunk)
    finally:
        os.close(fd)
    real = Path(os.path.realpath(path))
    return Fingerprint(
        st.st_size, st.st_mtime_ns, (st.st_dev, st.st_ino), digest.hexdigest(), sidecar_state(real)
    )


def temp_beside(real: Path) -> Path:
    return real.parent / f".{real.name}.{uuid.uuid4().hex[:8]}{TMP_SUFFIX}"


def remove_stale_temps(real: Path) -> None:
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


def remove_sidecars(real: Path) -> None:
    """After replacing a file, SQLite's leftovers of the old file would corrupt the new one."""
    for suffix in ALL_SIDECARS:
        with contextlib.suppress(FileNotFoundError):
            os.unlink(f"{real}{suffix}")


def keep_backup(real: Path, version: int) -> None:
    """Keep the pre-migration file as NAME.vN-backup.cjm (atomically; never overwritten)."""
    stem = real.name[: -len(SUFFIX)] if real.name.endswith(SUFFIX) else real.name
    backup = real.with_name(f"{stem}.v{version}-backup{SUFFIX}")
    remove_stale_temps(backup)
    counter = 2
    while backup.exists():
        if same_bytes(backup, real):
            return
        backup = real.with_name(f"{stem}.v{version}-backup-{counter}{SUFFIX}")
        counter += 1
    tmp = backup.with_name(f".{backup.name}.{uuid.uuid4().hex[:8]}{TMP_SUFFIX}")
    try:
        shutil.copy2(real, tmp)
        fsync_path(tmp)
        os.replace(tmp, backup)
    except BaseException:
        with contextlib.suppress(OSError):
            tmp.unlink()
        raise


def same_bytes(a: Path, b: Path) -> bool:
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
