"""The .cjm project file: open, validate, migrate, edit safely, save atomically, recover.

How a project is kept safe:

* The file the user opened is never written in place. Opening copies it (and any
  ``-wal``/``-journal`` SQLite left beside it) into a *session* folder of the
  workspace (a per-user state folder), validates the copy as untrusted input
  (header, ``integrity_check``, exact schema, references, values, every row readable)
  and loads it into an in-memory database: edits never touch the disk.
* ``flush`` writes a complete snapshot to the session's working copy within seconds
  (the editor takes the snapshot on its own thread and writes it on a worker thread);
  a crash leaves the session folder behind and the next start offers it back
  (``Workspace.recoverable``). A full disk there costs crash safety, never the edits.
* Save writes a complete new file beside the target with SQLite's backup API, checks
  it as thoroughly as an opened file, fsyncs it and ``os.replace``s the target: the
  target is always the old or the new state, and never one Journeyboard would refuse.
  Saving over the opened file first checks it was not changed by someone else.
* Locks (OS file locks, released by the kernel when a process dies): per path and
  inode in the workspace, and ``.~lock.NAME#`` beside the file for other users and
  computers.

Modules: ``errors``, ``locking``, ``files``, ``validation``, ``workspace``,
``working_copy`` (the session folder's writes, from any thread), ``project``.
"""

from __future__ import annotations

from model.store.errors import (
    DamagedFileError,
    FileChangedOnDiskError,
    FileInUseError,
    ForeignFileError,
    NewerVersionError,
    NotAProjectError,
    ProjectFileError,
    SaveFailedError,
    UnexpectedSchemaError,
    WorkingCopyError,
)
from model.store.files import SUFFIX, TMP_SUFFIX, Fingerprint
from model.store.locking import FileLock, LockOwner, TargetLock, beside_lock_path
from model.store.project import Project, opened
from model.store.validation import (
    SQLITE_MAGIC,
    check_header,
    create_empty_database,
    migrate,
    validate_database,
)
from model.store.working_copy import FlushJob, FlushResult
from model.store.workspace import (
    IN_USE,
    IN_USE_ELSEWHERE,
    STALE_STAGING_SECONDS,
    RecoverableSession,
    Workspace,
)

__all__ = [
    "IN_USE",
    "IN_USE_ELSEWHERE",
    "SQLITE_MAGIC",
    "STALE_STAGING_SECONDS",
    "SUFFIX",
    "TMP_SUFFIX",
    "DamagedFileError",
    "FileChangedOnDiskError",
    "FileInUseError",
    "FileLock",
    "Fingerprint",
    "FlushJob",
    "FlushResult",
    "ForeignFileError",
    "LockOwner",
    "NewerVersionError",
    "NotAProjectError",
    "Project",
    "ProjectFileError",
    "RecoverableSession",
    "SaveFailedError",
    "TargetLock",
    "UnexpectedSchemaError",
    "WorkingCopyError",
    "Workspace",
    "beside_lock_path",
    "check_header",
    "create_empty_database",
    "migrate",
    "opened",
    "validate_database",
]
