"""Files an export writes are complete or absent: write beside the target, then os.replace."""

from __future__ import annotations

import contextlib
import os
import uuid
from collections.abc import Iterator
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
def atomic_path(target: Path | str) -> Iterator[Path]:
    """Yield a temporary path beside ``target``; on success it replaces ``target``.

    On any error (or cancellation) the temporary file is removed and ``target`` is
    left as it was.
    """
    target = Path(target)
    directory = target.parent if str(target.parent) else Path(".")
    if not directory.is_dir():
        raise ExportError(f"{target}: the folder {directory} does not exist.")
    tmp = directory / f".{target.name}.{uuid.uuid4().hex[:8]}.part"
    try:
        yield tmp
        if not tmp.exists():
            raise ExportError(f"{target}: nothing was written.")
        with open(tmp, "rb") as fh:
            os.fsync(fh.fileno())
        os.replace(tmp, target)
    except OSError as exc:
        with contextlib.suppress(OSError):
            tmp.unlink()
        raise ExportError(f"{target}: could not write the file ({exc.strerror or exc}).") from None
    except BaseException:
        with contextlib.suppress(OSError):
            tmp.unlink()
        raise
