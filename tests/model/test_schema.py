"""The frozen DDL, the ORM and the migrations describe the same file format."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from sqlalchemy import create_engine

from model.entities import Base
from model.schema import (
    APPLICATION_ID,
    MIGRATIONS,
    SCHEMA_VERSION,
    ddl,
    expected_signature,
    read_signature,
)
from model.store import create_empty_database, migrate, validate_database


def _orm_signature() -> object:
    engine = create_engine("sqlite://")
    try:
        Base.metadata.create_all(engine)
        with engine.connect() as conn:
            raw = conn.connection.driver_connection
            assert isinstance(raw, sqlite3.Connection)
            return read_signature(raw)
    finally:
        engine.dispose()


def test_frozen_ddl_matches_the_orm() -> None:
    assert _orm_signature() == expected_signature(SCHEMA_VERSION)


def test_every_version_has_frozen_ddl_and_a_migration_path() -> None:
    assert set(MIGRATIONS) == set(range(1, SCHEMA_VERSION))
    for version in range(1, SCHEMA_VERSION + 1):
        assert "CREATE TABLE" in ddl(version)
    assert expected_signature(1) != expected_signature(SCHEMA_VERSION)


def test_signature_notices_each_kind_of_difference() -> None:
    base = expected_signature(SCHEMA_VERSION)
    changes = [
        "ALTER TABLE cards ADD COLUMN extra TEXT",
        "CREATE INDEX ix_more ON cards (text)",
        "CREATE VIEW v AS SELECT 1",
        "CREATE TRIGGER t AFTER INSERT ON cards BEGIN SELECT 1; END",
        "DROP INDEX ix_cards_journey",
        "ANALYZE",
    ]
    for change in changes:
        conn = sqlite3.connect(":memory:")
        conn.executescript(ddl(SCHEMA_VERSION))
        conn.execute(change)
        assert read_signature(conn) != base, change
        conn.close()


def test_signature_notices_clauses_the_pragmas_hide() -> None:
    base = expected_signature(SCHEMA_VERSION)
    ours = ddl(SCHEMA_VERSION)
    for old, new in [
        ("text TEXT NOT NULL", "text TEXT NOT NULL CHECK (text <> '')"),
        ("name VARCHAR NOT NULL", "name VARCHAR NOT NULL COLLATE NOCASE"),
        ("ON cards (journey_id)", "ON cards (journey_id) WHERE journey_id > 0"),
        ("ON cards (journey_id)", "ON cards (journey_id DESC)"),
        ("value INTEGER NOT NULL", "value INTEGER NOT NULL DEFAULT 0"),
        ("ON DELETE CASCADE", "ON DELETE CASCADE ON UPDATE CASCADE"),
    ]:
        assert old in ours, old
        conn = sqlite3.connect(":memory:")
        conn.executescript(ours.replace(old, new, 1))
        assert read_signature(conn) != base, new
        conn.close()


def test_migrated_v1_file_has_the_current_signature(tmp_path: Path) -> None:
    path = tmp_path / "v1.cjm"
    create_empty_database(path, version=1)
    conn = sqlite3.connect(path, isolation_level=None)
    try:
        assert conn.execute("PRAGMA user_version").fetchone()[0] == 1
        assert conn.execute("PRAGMA application_id").fetchone()[0] == APPLICATION_ID
        assert read_signature(conn) == expected_signature(1)
        migrate(conn, 1)
        assert conn.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
        assert read_signature(conn) == expected_signature(SCHEMA_VERSION)
        assert read_signature(conn) == _orm_signature()
        validate_database(conn, path, SCHEMA_VERSION)
    finally:
        conn.close()


def test_new_file_has_the_current_signature_and_header(tmp_path: Path) -> None:
    path = tmp_path / "new.cjm"
    create_empty_database(path)
    conn = sqlite3.connect(path)
    try:
        assert conn.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
        assert conn.execute("PRAGMA application_id").fetchone()[0] == APPLICATION_ID
        assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "delete"
        assert read_signature(conn) == _orm_signature()
    finally:
        conn.close()
