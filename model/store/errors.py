"""The errors the store raises: each is phrased for the user and names the file."""

from __future__ import annotations

from pathlib import Path


class ProjectFileError(Exception):
    """A problem with a project file, phrased for the user."""

    def __init__(self, path: Path | str | None, message: str) -> None:
        self.path = Path(path) if path is not None else None
        self.message = message
        super().__init__(f"{path}: {message}" if path is not None else message)


class NotAProjectError(ProjectFileError):
    """The file is not an SQLite database at all (or not a regular file)."""


class ForeignFileError(ProjectFileError):
    """An SQLite database, but not one written by Journeyboard."""


class DamagedFileError(ProjectFileError):
    """Truncated or corrupted."""


class UnexpectedSchemaError(ProjectFileError):
    """The tables, indexes, views or triggers are not the ones Journeyboard writes."""


class NewerVersionError(ProjectFileError):
    """Written by a newer Journeyboard."""


class FileInUseError(ProjectFileError):
    """Another running Journeyboard (here or on another computer) has this file open."""


class SaveFailedError(ProjectFileError):
    """The file could not be written; the previous file on disk is intact."""


class FileChangedOnDiskError(SaveFailedError):
    """The file on disk is no longer the one that was opened: saving would lose that change.

    Nothing was written. Offer: save as a copy, overwrite
    (``Project.save(overwrite_changed=True)``) or reload.
    """


class WorkingCopyError(ProjectFileError):
    """The working copy in the state folder could not be written (disk full, read-only).

    The project in memory is intact and can still be saved elsewhere.
    """
