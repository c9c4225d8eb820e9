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


def test_a_version_5_file_gains_empty_views_and_voting_tables_and_keeps_its_rows(
        tmp_path: Path) -> None:
    from model.store import Project, Workspace
    from model.workshop import round_records, view_records

    path = tmp_path / "v5.cjm"
    create_empty_database(path, version=5)
    conn = sqlite3.connect(path, isolation_level=None)
    try:
        conn.executescript(
            "INSERT INTO journeys (id, position, name, objective, scenario, owner, created_at, "
            "modified_at, review_interval_months) VALUES (1, 0, 'Checkout', '', '', '', "
            "'2025-01-02 03:04:05', '2025-01-02 03:04:05', 6);"
            "INSERT INTO lanes (id, journey_id, position, name, kind, color) "
            "VALUES (1, 1, 0, 'Pains', 'pain_points', '#eeeeee');"
            "INSERT INTO stages (id, journey_id, position, name, description, color, width) "
            "VALUES (1, 1, 0, 'Pay', '', '#ffffff', 220.0);"
            "INSERT INTO cards (id, journey_id, stage_id, lane_id, position, kind, text, color, "
            "notes, channel, department, owner) VALUES (1, 1, 1, 1, 0, 'pain_point', 'Slow', "
            "'', '', '', '', '')"
        )
        assert read_signature(conn) == expected_signature(5)
    finally:
        conn.close()
    original = path.read_bytes()
    workspace = Workspace(tmp_path / "ws")
    project = Project.open(path, workspace)
    try:
        assert project.migrated_from == 5
        (journey,) = project.journeys()
        assert (journey.name, journey.review_interval_months, journey.cards[0].text) == (
            "Checkout", 6, "Slow")
        assert view_records(project.session, 1) == [] and round_records(project.session, 1) == []
        from model.edits import Editor

        ed = Editor(project.session, project.changes)
        round_id = ed.start_round(1, {"dots": 2})
        ed.set_votes(round_id, 1, "Ana", 2)
        ed.save_view(1, {"name": "Pains only", "highlight_kind": "pain_point"})
        project.save()
    finally:
        project.close()
    assert path.read_bytes() != original
    assert (tmp_path / "v5.v5-backup.cjm").read_bytes() == original
    conn = sqlite3.connect(path)
    try:
        assert conn.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION == 6
        assert read_signature(conn) == expected_signature(SCHEMA_VERSION)
        assert conn.execute("SELECT participant, count FROM votes").fetchall() == [("Ana", 2)]
    finally:
        conn.close()
