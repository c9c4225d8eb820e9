"""Files an export writes are complete or absent: write beside the target, then os.replace."""

from __future__ import annotations

import contextlib
import os
import stat
import uuid
from collections.abc import Callable, Iterator
from pathlib import Path


class ExportError(Exception):
    """An export that could not be written; ``message`` is phrased for the user."""

    def __init__(self, message: str) -> None:
        self.message = message
        super().__init__(message)


class ExportCancelled(ExportError):
    """The user stopped a long export; nothing was written."""

    cancelled = True

    def __init__(self) -> None:
        super().__init__("Export cancelled; no file was written.")


@contextlib.contextmanager
def atomic_path(
    target: Path | str, verify: Callable[[Path], None] | None = None
) -> Iterator[Path]:
    """Yield a temporary path beside ``target``; on success it replaces ``target``.

    As Save does: a symlink is followed (the file it points to is replaced, the link
    stays) and an existing file's permissions are kept. The written file is synced
    to disk and then checked by ``verify`` (read back from disk), so a full disk or
    a short write is an error, never a truncated file in the target's place. On any
    error (or cancellation) the temporary file is removed and ``target`` is left as
    it was.
    """
    target = Path(target)
    real = Path(os.path.realpath(target))
    directory = real.parent
    if not directory.is_dir():
        raise ExportError(f"{target}: the folder {target.parent} does not exist.")
    if real.is_dir():
        raise ExportError(f"{target} is a folder, not a file name.")
    try:
        old_mode: int | None = stat.S_IMODE(real.stat().st_mode)
    except OSError:
        old_mode = None
    tmp = directory / f".{real.name}.{uuid.uuid4().hex[:8]}.part"
    kept = "The previous file is unchanged." if old_mode is not None else "No file was written."
    try:
        yield tmp
        if not tmp.exists():
            raise ExportError(f"{target}: nothing was written.")
        with open(tmp, "rb") as fh:
            os.fsync(fh.fileno())
        if verify is not None:
            try:
                verify(tmp)
            except ExportError as exc:
                raise ExportError(f"{target}: {exc.message}") from None
        if old_mode is not None:
            # Keep a private file private; some file systems (SMB, FAT) refuse chmod.
            with contextlib.suppress(OSError):
                os.chmod(tmp, old_mode)
        os.replace(tmp, real)
    except OSError as exc:
        with contextlib.suppress(OSError):
            tmp.unlink()
        why = exc.strerror or exc
        raise ExportError(f"{target}: could not write the file ({why}). {kept}") from None
    except ExportCancelled:
        with contextlib.suppress(OSError):
            tmp.unlink()
        raise
    except ExportError as exc:
        with contextlib.suppress(OSError):
            tmp.unlink()
        raise ExportError(f"{exc.message} {kept}") from None
    except BaseException:
        with contextlib.suppress(OSError):
            tmp.unlink()
        raise
    # The new file is in place; a folder that cannot be synced keeps the rename as
    # durable as its file system makes it.
    with contextlib.suppress(OSError):
        fd = os.open(directory, os.O_RDONLY)
        try:
            os.fsync(fd)
        finally:
            os.close(fd)
