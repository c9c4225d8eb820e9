"""Checks that make every opened or written file trustworthy: header, integrity, schema, values."""

from __future__ import annotations

import os
import sqlite3
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.exc import SQLAlchemyError
from sqlalchemy.orm import Session

from model.entities import Base
from model.schema import (
    APPLICATION_ID,
    MIGRATIONS,
    SCHEMA_VERSION,
    ddl,
    expected_signature,
    read_signature,
    value_problems,
)
from model.store.errors import (
    DamagedFileError,
    ForeignFileError,
    NewerVersionError,
    NotAProjectError,
    ProjectFileError,
    UnexpectedSchemaError,
)
from model.store.files import open_regular

SQLITE_MAGIC = b"SQLite format 3\x00"
# A damaged schema makes SQLite's own error messages quote undecodable bytes.
DB_ERRORS = (sqlite3.Error, UnicodeDecodeError)


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
    fd = open_regular(path)
    try:
        size = os.fstat(fd).st_size
        header = os.read(fd, 100)
    except OSError as exc:
        raise ProjectFileError(path, f"The file cannot be read: {exc.strerror}.") from None
    finally:
        os.close(fd)
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


def _text(data: bytes) -> str:
    # Messages of a damaged file may quote its bytes: never fail on decoding them.
    return data.decode("utf-8", "replace")


def connect(path: Path) -> sqlite3.Connection:
    """A raw connection for checking a working copy or a freshly written file."""
    conn = sqlite3.connect(path, isolation_level=None)
    conn.text_factory = _text
    conn.execute("PRAGMA trusted_schema=OFF")
    return conn


def _damaged(path: Path, exc: BaseException) -> DamagedFileError:
    return DamagedFileError(path, f"The file is damaged ({exc}).")


def validate_database(conn: sqlite3.Connection, path: Path, version: int) -> None:
    """Integrity and exact-schema checks on an open (working-copy) connection.

    ``integrity_check``, not ``quick_check``: only it finds an index that no longer
    matches its table (a map would open with cards missing and save a broken file).
    """
    conn.text_factory = _text
    try:
        found = read_signature(conn)
    except DB_ERRORS as exc:
        raise _damaged(path, exc) from None
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
        rows = conn.execute("PRAGMA integrity_check(20)").fetchall()
    except DB_ERRORS as exc:
        raise _damaged(path, exc) from None
    if rows != [("ok",)]:
        first = str(rows[0][0]) if rows else "no result"
        raise DamagedFileError(path, f"The file is damaged: {first}.")
    try:
        fk_problems = conn.execute("PRAGMA foreign_key_check").fetchall()
    except DB_ERRORS as exc:
        raise _damaged(path, exc) from None
    if fk_problems:
        raise DamagedFileError(
            path, f"The file is inconsistent: {len(fk_problems)} broken reference(s)."
        )
    try:
        bad_values = value_problems(conn, version)
    except DB_ERRORS as exc:
        raise _damaged(path, exc) from None
    if bad_values:
        raise DamagedFileError(
            path, f"The file holds values Journeyboard cannot use: {'; '.join(bad_values)}."
        )


def validate_rows(session: Session, path: Path) -> None:
    """Read every row the way the editor will (text decoding, dates): fail now, not later."""
    try:
        for table in Base.metadata.sorted_tables:
            for _row in session.execute(select(table)):
                pass
    except (SQLAlchemyError, *DB_ERRORS, ValueError, TypeError, OverflowError) as exc:
        session.rollback()
        detail = getattr(exc, "orig", None) or exc
        raise DamagedFileError(
            path, f"The file holds a value Journeyboard cannot read ({detail})."
        ) from None


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


def create_empty_database(path: Path | str, version: int = SCHEMA_VERSION) -> None:
    """Write a new, empty project database of a given schema version."""
    conn = sqlite3.connect(path, isolation_level=None)
    try:
        init_empty(conn, version)
    finally:
        conn.close()


def init_empty(conn: sqlite3.Connection, version: int = SCHEMA_VERSION) -> None:
    """Create the schema of a version in an empty database."""
    conn.execute("PRAGMA journal_mode=DELETE")
    conn.execute(f"PRAGMA application_id={APPLICATION_ID}")
    conn.execute("BEGIN")
    conn.executescript(ddl(version))  # executescript commits the BEGIN above
    conn.execute(f"PRAGMA user_version={version}")


def verify_written(conn: sqlite3.Connection, path: Path) -> None:
    """Refuse to replace the user's file with a copy that Journeyboard would refuse to open.

    The same checks as opening: header fields, integrity, schema, references, values,
    and every row readable.
    """
    app_id = conn.execute("PRAGMA application_id").fetchone()[0]
    version = conn.execute("PRAGMA user_version").fetchone()[0]
    if app_id != APPLICATION_ID or version != SCHEMA_VERSION:
        raise DamagedFileError(path, "the written copy has a wrong header")
    validate_database(conn, path, SCHEMA_VERSION)
    conn.text_factory = str  # strict again: a text the editor could not decode fails here
    from sqlalchemy import create_engine
    from sqlalchemy.pool import StaticPool

    engine = create_engine("sqlite://", creator=lambda: conn, poolclass=StaticPool)
    try:
        with Session(engine) as session:
            validate_rows(session, path)
    finally:
        engine.dispose(close=False)
