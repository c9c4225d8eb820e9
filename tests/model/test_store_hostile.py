"""Damage that used to get past the open check, leak as a traceback, or hang (issue 8)."""

from __future__ import annotations

import hashlib
import os
import shutil
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from model.edits import Editor
from model.store import DamagedFileError, NotAProjectError, Project, ProjectFileError, Workspace
from tests.model.damage import empty_btree_page, root_pages
from tests.model.store_child import ROOT, child_command, make_counter_project


def _sha(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


@pytest.fixture
def healthy(tmp_path: Path) -> Path:
    project = Project.new(Workspace(tmp_path / "maker"))
    make_counter_project(project, 200)
    path = tmp_path / "docs" / "map.cjm"
    path.parent.mkdir()
    project.save(path)
    project.close()
    return path


def _sql(path: Path, *statements: str) -> None:
    conn = sqlite3.connect(path, isolation_level=None)
    try:
        for statement in statements:
            conn.execute(statement)
    finally:
        conn.close()


# ------------------------------------------------------------------ 1. damaged index


def test_a_map_with_an_emptied_index_page_is_refused_on_open(
    healthy: Path, workspace: Workspace
) -> None:
    data = bytearray(healthy.read_bytes())
    empty_btree_page(data, root_pages(healthy, "index")["ix_stages_journey"])
    healthy.write_bytes(bytes(data))
    conn = sqlite3.connect(healthy)
    try:  # the damage the old open check (quick_check) let through
        assert conn.execute("PRAGMA quick_check").fetchall() == [("ok",)]
    finally:
        conn.close()
    before = _sha(healthy)
    with pytest.raises(DamagedFileError) as info:
        Project.open(healthy, workspace)
    assert info.value.path == healthy
    assert "ix_stages_journey" in info.value.message
    assert _sha(healthy) == before
    assert workspace.recoverable() == []


def test_save_refuses_to_write_a_file_that_would_not_open_again(
    healthy: Path, workspace: Workspace
) -> None:
    project = Project.open(healthy, workspace)
    raw = project.session.connection().connection.driver_connection
    project.session.commit()
    raw.execute("PRAGMA foreign_keys=OFF")  # what a bug in an edit could do
    raw.execute("UPDATE cards SET stage_id = 424242 WHERE id = 2")
    before = _sha(healthy)
    with pytest.raises(ProjectFileError) as info:
        project.save()
    assert "broken reference" in info.value.message
    assert "previous file is unchanged" in info.value.message
    assert _sha(healthy) == before
    assert sorted(os.listdir(healthy.parent)) == [".~lock.map.cjm#", "map.cjm"]
    project.close()
    Project.open(healthy, workspace).close()


# ------------------------------------------------------------ 2. damage found late


@pytest.mark.parametrize(
    ("statement", "said"),
    [
        ("UPDATE cards SET text = CAST(x'48e9ff6c6c6f' AS TEXT) WHERE id = 3", "cannot read"),
        ("UPDATE journeys SET next_review = '2024-02-30'", "not a date"),
        ("UPDATE journeys SET next_review = '0000-01-01'", "cannot read"),
        ("UPDATE journeys SET created_at = '2024-01-01 25:61:00.000000'", "not a date"),
        ("UPDATE opportunities SET due_date = '2023-13-01'", "not a date"),
    ],
    ids=["invalid utf-8", "30 february", "year 0", "hour 25", "month 13"],
)
def test_values_the_editor_cannot_read_are_refused_on_open_with_the_file_name(
    healthy: Path, workspace: Workspace, statement: str, said: str
) -> None:
    project = Project.open(healthy, workspace)
    Editor(project.session, project.changes).add_opportunity(
        project.journeys()[0].id, {"title": "Due", "card_ids": []}
    )
    project.save()
    project.close()
    _sql(healthy, statement)
    before = _sha(healthy)
    with pytest.raises(DamagedFileError) as info:
        Project.open(healthy, workspace)
    assert info.value.path == healthy
    assert said in info.value.message
    assert _sha(healthy) == before


def test_cli_reports_an_unreadable_value_as_one_line_naming_the_file(
    healthy: Path, tmp_path: Path
) -> None:
    _sql(healthy, "UPDATE cards SET notes = CAST(x'c328' AS TEXT) WHERE id = 5")
    env = dict(os.environ, PYTHONPATH=str(ROOT), QT_QPA_PLATFORM="offscreen")
    done = subprocess.run(
        [sys.executable, "-m", "app", "export", str(healthy), "--csv", str(tmp_path / "o.csv")],
        cwd=ROOT, env=env, capture_output=True, text=True, timeout=120,
    )
    assert done.returncode == 1
    lines = done.stderr.strip().splitlines()
    assert len(lines) == 1, done.stderr
    assert str(healthy) in lines[0] and "cannot read" in lines[0]
    assert "unexpected" not in lines[0] and "Traceback" not in done.stderr


# ------------------------------------------------------------- 8. FIFO, -wal, -journal


def test_a_fifo_named_like_a_map_is_refused_without_waiting(tmp_path: Path) -> None:
    fifo = tmp_path / "x.cjm"
    os.mkfifo(fifo)
    done = subprocess.run(
        child_command("open", fifo, tmp_path / "ws"),
        cwd=ROOT, input="\n", capture_output=True, text=True, timeout=60,
    )
    assert done.stdout.strip() == "NotAProjectError", done.stderr
    with pytest.raises(NotAProjectError) as info:
        Project.open(fifo, Workspace(tmp_path / "ws2"))
    assert "not a regular file" in info.value.message


def _wal_copy(healthy: Path, where: Path) -> Path:
    """A map plus a -wal holding a committed journey not yet written into the file."""
    live = where / "live.cjm"
    shutil.copyfile(healthy, live)
    conn = sqlite3.connect(live, isolation_level=None)
    conn.execute("PRAGMA journal_mode=WAL")
    conn.execute("PRAGMA wal_autocheckpoint=0")
    conn.execute(
        "INSERT INTO journeys (name, objective, scenario, owner, position, created_at, "
        "modified_at) VALUES ('Only in the wal', '', '', '', 9, '2025-01-01 00:00:00.000000', "
        "'2025-01-01 00:00:00.000000')"
    )
    stale = where / "stale.cjm"
    shutil.copyfile(live, stale)  # as a crash or a copy tool leaves them
    shutil.copyfile(f"{live}-wal", f"{stale}-wal")
    conn.close()
    return stale


def test_a_stale_wal_is_folded_in_on_the_copy_and_gone_after_save(
    healthy: Path, tmp_path: Path, workspace: Workspace
) -> None:
    stale = _wal_copy(healthy, tmp_path)
    wal = Path(f"{stale}-wal")
    before, wal_before = _sha(stale), _sha(wal)
    project = Project.open(stale, workspace)
    assert "Only in the wal" in [j.name for j in project.journeys()]
    assert project.folded == ("stale.cjm-wal",)
    assert (_sha(stale), _sha(wal)) == (before, wal_before)  # the originals are only read
    project.save()
    project.close()
    assert not wal.exists()
    done = subprocess.run(
        [sys.executable, "-c", "import sqlite3,sys; c=sqlite3.connect(sys.argv[1]);"
         "print(c.execute('PRAGMA integrity_check').fetchone()[0],"
         "c.execute('SELECT count(*) FROM journeys').fetchone()[0])", str(stale)],
        capture_output=True, text=True, timeout=60,
    )
    assert done.stdout.split() == ["ok", "2"]


def test_a_stale_journal_beside_the_file_never_changes_it(
    healthy: Path, tmp_path: Path, workspace: Workspace
) -> None:
    stale = tmp_path / "crashed.cjm"
    shutil.copyfile(healthy, stale)
    conn = sqlite3.connect(stale, isolation_level=None)
    conn.execute("PRAGMA cache_size=1")  # spill: the file is written mid-transaction
    conn.execute("BEGIN")
    conn.execute("UPDATE cards SET text = 'half-done ' || text")
    shutil.copyfile(stale, tmp_path / "snap.cjm")
    shutil.copyfile(f"{stale}-journal", tmp_path / "snap.cjm-journal")
    conn.execute("ROLLBACK")
    conn.close()
    snap = tmp_path / "snap.cjm"
    before = (_sha(snap), _sha(Path(f"{snap}-journal")))
    project = Project.open(snap, workspace)  # the unfinished transaction is undone
    texts = [c.text for j in project.journeys() for c in j.cards]
    assert texts and not any(t.startswith("half-done") for t in texts)
    project.close()
    assert (_sha(snap), _sha(Path(f"{snap}-journal"))) == before
