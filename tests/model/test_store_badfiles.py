"""A file that is not a healthy project is refused with the right error and left untouched."""

from __future__ import annotations

import hashlib
import os
import shutil
import sqlite3
from collections.abc import Callable
from pathlib import Path

import pytest

from model.edits import Editor
from model.schema import APPLICATION_ID, SCHEMA_VERSION, expected_signature, read_signature
from model.store import (
    DamagedFileError,
    ForeignFileError,
    NewerVersionError,
    NotAProjectError,
    Project,
    ProjectFileError,
    UnexpectedSchemaError,
    Workspace,
    create_empty_database,
)
from tests.model.store_child import make_counter_project


@pytest.fixture(scope="module")
def valid_cjm(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A healthy project with enough cards to fill many pages."""
    root = tmp_path_factory.mktemp("valid")
    project = Project.new(Workspace(root / "ws"))
    make_counter_project(project, 600)
    path = root / "valid.cjm"
    project.save(path)
    project.close()
    return path


def _edit_with_sqlite(path: Path, *statements: str) -> None:
    conn = sqlite3.connect(path, isolation_level=None)
    try:
        for statement in statements:
            conn.execute(statement)
    finally:
        conn.close()


def _not_sqlite_text(path: Path, _valid: Path) -> None:
    path.write_text("Stage;Lane;Card\nAwareness;Actions;Sees an ad\n", encoding="utf-8")


def _empty(path: Path, _valid: Path) -> None:
    path.write_bytes(b"")


def _png(path: Path, _valid: Path) -> None:
    path.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(200))


def _foreign_sqlite(path: Path, _valid: Path) -> None:
    _edit_with_sqlite(
        path,
        "CREATE TABLE notes (id INTEGER PRIMARY KEY, body TEXT)",
        "INSERT INTO notes (body) VALUES ('hello')",
    )


def _truncated(path: Path, valid: Path) -> None:
    data = valid.read_bytes()
    path.write_bytes(data[: len(data) // 2])


def _truncated_at_page_boundary(path: Path, valid: Path) -> None:
    data = valid.read_bytes()
    page = int.from_bytes(data[16:18], "big")
    path.write_bytes(data[: (len(data) // page // 2) * page])


def _corrupted_pages(path: Path, valid: Path) -> None:
    data = bytearray(valid.read_bytes())
    page = int.from_bytes(data[16:18], "big")
    middle = (len(data) // page // 2) * page
    data[middle : middle + 3 * page] = b"\xa5" * (3 * page)
    path.write_bytes(bytes(data))


def _schema_edit(*statements: str) -> Callable[[Path, Path], None]:
    def make(path: Path, valid: Path) -> None:
        shutil.copyfile(valid, path)
        _edit_with_sqlite(path, *statements)
        conn = sqlite3.connect(path)
        try:  # still looks like ours from the outside
            assert conn.execute("PRAGMA application_id").fetchone()[0] == APPLICATION_ID
            assert conn.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
        finally:
            conn.close()

    return make


def _rewrite_sql(name: str, old: str, new: str) -> Callable[[Path, Path], None]:
    """Change a CREATE statement in place (what a careless external tool can do)."""
    old_q, new_q = old.replace("'", "''"), new.replace("'", "''")
    return _schema_edit(
        "PRAGMA writable_schema=ON",
        f"UPDATE sqlite_master SET sql = replace(sql, '{old_q}', '{new_q}') WHERE name = '{name}'",
        "PRAGMA writable_schema=OFF",
    )


def _newer(path: Path, valid: Path) -> None:
    shutil.copyfile(valid, path)
    _edit_with_sqlite(path, f"PRAGMA user_version={SCHEMA_VERSION + 1}")


def _broken_reference(path: Path, valid: Path) -> None:
    shutil.copyfile(valid, path)
    _edit_with_sqlite(path, "UPDATE cards SET stage_id = 999999 WHERE id = 1")


CASES: dict[str, tuple[Callable[[Path, Path], None], type[ProjectFileError]]] = {
    "text file": (_not_sqlite_text, NotAProjectError),
    "empty file": (_empty, NotAProjectError),
    "png image": (_png, NotAProjectError),
    "plain sqlite database": (_foreign_sqlite, ForeignFileError),
    "cut in half": (_truncated, DamagedFileError),
    "cut at a page boundary": (_truncated_at_page_boundary, DamagedFileError),
    "corrupted pages": (_corrupted_pages, DamagedFileError),
    "extra trigger": (
        _schema_edit("CREATE TRIGGER evil AFTER INSERT ON cards BEGIN DELETE FROM personas; END"),
        UnexpectedSchemaError,
    ),
    "extra view": (_schema_edit("CREATE VIEW v AS SELECT text FROM cards"), UnexpectedSchemaError),
    "extra table": (_schema_edit("CREATE TABLE extra (x)"), UnexpectedSchemaError),
    "missing column": (
        _schema_edit("ALTER TABLE personas DROP COLUMN quote"),
        UnexpectedSchemaError,
    ),
    "extra index": (_schema_edit("CREATE INDEX ix_extra ON cards (text)"), UnexpectedSchemaError),
    "check constraint": (
        _rewrite_sql(
            "cards", "text TEXT NOT NULL", "text TEXT NOT NULL CHECK (length(text) < 99999)"
        ),
        UnexpectedSchemaError,
    ),
    "column default": (
        _rewrite_sql("cards", "notes TEXT NOT NULL", "notes TEXT NOT NULL DEFAULT 'x'"),
        UnexpectedSchemaError,
    ),
    "partial index": (
        _rewrite_sql("ix_cards_journey", "(journey_id)", "(journey_id) WHERE journey_id > 1"),
        UnexpectedSchemaError,
    ),
    "newer version": (_newer, NewerVersionError),
    "broken reference": (_broken_reference, DamagedFileError),
}


def _fingerprint(path: Path) -> tuple[str, int, int]:
    st = path.stat()
    return hashlib.sha256(path.read_bytes()).hexdigest(), st.st_mtime_ns, st.st_size


@pytest.mark.parametrize("case", list(CASES))
def test_bad_file_is_refused_and_left_untouched(case: str, valid_cjm: Path, tmp_path: Path) -> None:
    make, error = CASES[case]
    folder = tmp_path / "docs"
    folder.mkdir()
    path = folder / "map.cjm"
    make(path, valid_cjm)
    for leftover in folder.glob("map.cjm-*"):  # sqlite3 editing may leave nothing, but be sure
        leftover.unlink()
    before = _fingerprint(path)
    listing = sorted(os.listdir(folder))
    workspace = Workspace(tmp_path / "ws")

    with pytest.raises(error) as info:
        Project.open(path, workspace)

    assert type(info.value) is error
    assert info.value.message and "Traceback" not in info.value.message
    assert info.value.path == path
    assert _fingerprint(path) == before
    assert sorted(os.listdir(folder)) == listing  # no -journal, -wal, -shm beside it
    # Nothing left behind: no working copy, and the file is not reported as in use.
    assert not list(workspace.sessions_dir.glob("*"))
    lock = workspace.lock_for(path)
    assert lock.try_acquire()
    lock.release()


def test_corrupted_fixture_really_fails_quick_check(valid_cjm: Path, tmp_path: Path) -> None:
    """Guard for the case above: the damage is in pages SQLite actually reads."""
    path = tmp_path / "bad.cjm"
    _corrupted_pages(path, valid_cjm)
    conn = sqlite3.connect(path)
    try:
        rows = conn.execute("PRAGMA quick_check").fetchall()
    except sqlite3.DatabaseError:
        return
    finally:
        conn.close()
    assert rows != [("ok",)]


def test_folder_and_missing_file_are_clear_errors(tmp_path: Path) -> None:
    workspace = Workspace(tmp_path / "ws")
    with pytest.raises(NotAProjectError):
        Project.open(tmp_path, workspace)
    with pytest.raises(ProjectFileError, match="does not exist"):
        Project.open(tmp_path / "nope.cjm", workspace)


def test_healthy_file_opens_and_is_not_modified(valid_cjm: Path, tmp_path: Path) -> None:
    path = tmp_path / "map.cjm"
    shutil.copyfile(valid_cjm, path)
    before = _fingerprint(path)
    project = Project.open(path, Workspace(tmp_path / "ws"))
    try:
        (journey,) = project.journeys()
        assert len(journey.cards) == 600
        Editor(project.session, project.changes).update_card(journey.cards[0].id, {"text": "x"})
        project.flush()
    finally:
        project.close()
    assert _fingerprint(path) == before
    assert sorted(os.listdir(tmp_path)) == ["map.cjm", "ws"]


# --------------------------------------------------------------------------- older files


def _v1_file(path: Path) -> None:
    create_empty_database(path, version=1)
    _edit_with_sqlite(
        path,
        "INSERT INTO personas (id, name, role, goals, needs, frustrations, quote, photo) "
        "VALUES (1, 'Old persona', '', '', '', '', '', X'00FF')",
        "INSERT INTO journeys (id, position, name, objective, scenario, persona_id, owner, "
        "created_at, modified_at) VALUES (1, 0, 'Legacy journey', 'obj', 'scn', 1, 'me', "
        "'2025-01-02 03:04:05', '2025-01-02 03:04:05')",
        "INSERT INTO stages (id, journey_id, position, name, description, color, width) "
        "VALUES (1, 1, 0, 'Only stage', '', '#fff', 220.0)",
        "INSERT INTO lanes (id, journey_id, position, name, kind, color) "
        "VALUES (1, 1, 0, 'Actions', 'actions', '#eee')",
        "INSERT INTO cards (id, journey_id, stage_id, lane_id, position, kind, text, color, "
        "notes, channel, department) VALUES (1, 1, 1, 1, 0, 'action', 'Old card', '', '', "
        "'email', 'Sales')",
    )


def test_v1_file_is_migrated_and_first_save_keeps_a_backup(tmp_path: Path) -> None:
    path = tmp_path / "legacy.cjm"
    _v1_file(path)
    original = path.read_bytes()
    before = _fingerprint(path)
    workspace = Workspace(tmp_path / "ws")

    project = Project.open(path, workspace)
    assert project.migrated_from == 1
    assert _fingerprint(path) == before  # opening alone does not touch it
    (journey,) = project.journeys()
    assert journey.name == "Legacy journey"
    assert journey.next_review is None
    assert [(c.text, c.channel, c.usage_share, c.severity) for c in journey.cards] == [
        ("Old card", "email", None, None)
    ]
    ed = Editor(project.session, project.changes)
    ed.update_card(journey.cards[0].id, {"severity": 3})
    project.save()
    backup = tmp_path / "legacy.v1-backup.cjm"
    assert backup.read_bytes() == original
    ed.update_card(journey.cards[0].id, {"text": "Edited again"})
    project.save()
    project.close()
    assert backup.read_bytes() == original  # the second save does not replace the backup
    assert sorted(p.name for p in tmp_path.glob("*.cjm")) == ["legacy.cjm", "legacy.v1-backup.cjm"]

    conn = sqlite3.connect(path)
    try:
        assert conn.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
        assert read_signature(conn) == expected_signature(SCHEMA_VERSION)
    finally:
        conn.close()
    again = Project.open(path, workspace)
    try:
        assert again.migrated_from is None
        (journey,) = again.journeys()
        assert [(c.text, c.severity) for c in journey.cards] == [("Edited again", 3)]
    finally:
        again.close()


def test_migrated_file_saved_elsewhere_leaves_the_original_alone(tmp_path: Path) -> None:
    path = tmp_path / "legacy.cjm"
    _v1_file(path)
    before = _fingerprint(path)
    project = Project.open(path, Workspace(tmp_path / "ws"))
    project.save(tmp_path / "new.cjm")
    project.close()
    assert _fingerprint(path) == before
    assert not list(tmp_path.glob("*backup*"))
