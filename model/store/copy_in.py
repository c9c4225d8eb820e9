"""Bringing a file into a session: the copy the editor works on, and its fingerprint."""

from __future__ import annotations

import contextlib
import os
from pathlib import Path

from model.store.errors import DamagedFileError, ProjectFileError
from model.store.files import SIDECARS, Fingerprint, copy_and_fingerprint, open_regular
from model.store.validation import DB_ERRORS, connect


def disk_info(disk: Fingerprint | None) -> dict[str, object] | None:
    """The target's fingerprint as session.json keeps it (to tell later if it changed)."""
    if disk is None:
        return None
    return {"size": disk.size, "mtime_ns": disk.mtime_ns, "inode": list(disk.inode),
            "sha256": disk.sha256, "sidecars": [list(s) for s in disk.sidecars]}


def disk_from_info(info: dict[str, object] | None) -> Fingerprint | None:
    """The fingerprint back from session.json; None when it is missing or malformed."""
    data = info.get("disk") if info else None
    if not isinstance(data, dict):
        return None
    try:
        dev, ino = data["inode"]
        return Fingerprint(
            int(data["size"]), int(data["mtime_ns"]), (int(dev), int(ino)), str(data["sha256"]),
            tuple((str(a), int(b), int(c)) for a, b, c in data["sidecars"]),
        )
    except (KeyError, TypeError, ValueError):
        return None


def copy_in(path: Path, work: Path) -> tuple[Fingerprint, tuple[str, ...]]:
    """Copy the file (and SQLite's -wal/-journal beside it) into the session; fold them in.

    A -wal holds committed changes not yet in the file, a -journal an unfinished
    transaction to undo: SQLite applies either on the copy exactly as it would on the
    original, which is never touched.
    """
    try:
        disk = copy_and_fingerprint(path, work)
        real = Path(os.path.realpath(path))
        folded = []
        for suffix in SIDECARS:
            side = Path(f"{real}{suffix}")
            if not os.path.lexists(side):
                continue
            try:
                fd = open_regular(side)
            except ProjectFileError:
                continue  # not a file SQLite would use either
            try:
                if os.fstat(fd).st_size == 0:
                    continue
                with open(f"{work}{suffix}", "wb") as out:
                    while chunk := os.read(fd, 1 << 20):
                        out.write(chunk)
            finally:
                os.close(fd)
            folded.append(side.name)
    except ProjectFileError:
        raise
    except OSError as exc:
        raise ProjectFileError(
            path, f"Could not make a working copy of the file: {exc.strerror or exc}."
        ) from None
    with open(work, "rb") as fh:
        wal_mode = fh.read(20)[18:20] == b"\x02\x02"
    if folded or wal_mode:
        try:
            conn = connect(work)
            try:
                conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
                conn.execute("PRAGMA journal_mode=DELETE").fetchone()
            finally:
                conn.close()
        except DB_ERRORS as exc:
            if not folded:
                raise DamagedFileError(path, f"The file is damaged ({exc}).") from None
            raise DamagedFileError(
                path,
                f"The file and the unfinished changes beside it ({', '.join(folded)}) do not "
                f"fit together ({exc}). Open it with the program that wrote it last.",
            ) from None
        for suffix in ("-wal", "-shm", "-journal"):
            with contextlib.suppress(FileNotFoundError):
                os.unlink(f"{work}{suffix}")
    return disk, tuple(folded)
