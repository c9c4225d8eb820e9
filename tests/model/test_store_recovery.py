"""After a crash the unsaved work is offered back; clean and half-made sessions are not."""

from __future__ import annotations

import json
import os
import sqlite3
import time
from pathlib import Path

import pytest

from model.edits import Editor
from model.store import (
    STALE_STAGING_SECONDS,
    FileInUseError,
    Project,
    RecoverableSession,
    Workspace,
    create_empty_database,
)
from tests.model.store_fixtures import Child, children
from tests.model.test_store import _names

__all__ = ["children"]


def _crash(kind: str, target: Path, workspace: Workspace, children: list[Child]) -> None:
    child = Child(kind, target, workspace.root)
    children.append(child)
    assert child.line() == "flushed"
    child.kill()


def test_killed_session_is_offered_back_with_its_unsaved_edits(
    tmp_path: Path, workspace: Workspace, children: list[Child]
) -> None:
    target = tmp_path / "plan.cjm"
    _crash("crash-after-flush", target, workspace, children)
    assert _names(target) == ["Alpha"]  # the file holds only what was saved

    (found,) = workspace.recoverable()
    assert found.target == target
    assert found.title == "plan.cjm"
    assert found.journeys == ("Alpha", "Beta")
    assert found.modified_at is not None

    project = Project.recover(found, workspace)
    assert project.dirty and project.path == target
    journeys = {j.name: j for j in project.journeys()}
    assert sorted(journeys) == ["Alpha", "Beta"]
    assert [c.text for c in journeys["Beta"].cards] == ["unsaved card ✓"]
    with pytest.raises(FileInUseError):
        Project.open(target, workspace)  # recovered work holds its target
    with pytest.raises(FileInUseError):
        Project.recover(found, workspace)
    assert workspace.recoverable() == []  # a session being worked on is not offered
    with pytest.raises(FileInUseError):
        workspace.discard(found)  # another instance's dialog cannot delete it now
    assert project.work_path.exists()
    project.save()
    project.close()
    assert _names(target) == ["Alpha", "Beta"]
    assert workspace.recoverable() == []


def test_discarded_session_is_gone(
    tmp_path: Path, workspace: Workspace, children: list[Child]
) -> None:
    target = tmp_path / "plan.cjm"
    _crash("crash-after-flush", target, workspace, children)
    (found,) = workspace.recoverable()
    workspace.discard(found)
    assert not found.folder.exists()
    assert workspace.recoverable() == []
    project = Project.open(target, workspace)
    assert [j.name for j in project.journeys()] == ["Alpha"]
    project.close()


def test_recovered_migrated_file_still_gets_its_backup(
    tmp_path: Path, workspace: Workspace, children: list[Child]
) -> None:
    target = tmp_path / "old.cjm"
    create_empty_database(target, version=1)
    conn = sqlite3.connect(target, isolation_level=None)
    conn.execute(
        "INSERT INTO journeys (id, position, name, objective, scenario, owner, created_at, "
        "modified_at) VALUES (1, 0, 'Old', '', '', '', '2025-01-01 00:00:00', "
        "'2025-01-01 00:00:00')"
    )
    conn.execute("INSERT INTO stages VALUES (1, 1, 0, 'S', '', '#fff', 220.0)")
    conn.execute("INSERT INTO lanes VALUES (1, 1, 0, 'L', 'actions', '#fff')")
    conn.close()
    original = target.read_bytes()
    _crash("open-edit-crash", target, workspace, children)
    assert target.read_bytes() == original

    (found,) = workspace.recoverable()
    project = Project.recover(found, workspace)
    assert project.migrated_from == 1
    assert [c.text for c in project.journeys()[0].cards] == ["recovered edit"]
    project.save()
    project.close()
    assert (tmp_path / "old.v1-backup.cjm").read_bytes() == original


def test_cleanly_closed_and_saved_sessions_leave_nothing(
    tmp_path: Path, workspace: Workspace
) -> None:
    project = Project.new(workspace)
    Editor(project.session, project.changes).add_journey("blank", "Closed unsaved")
    project.flush()
    project.close()
    assert workspace.recoverable() == []
    assert list(workspace.sessions_dir.iterdir()) == []


def test_saved_session_of_a_killed_process_is_not_offered(
    tmp_path: Path, workspace: Workspace, children: list[Child]
) -> None:
    target = tmp_path / "plan.cjm"
    target_ws = Workspace(tmp_path / "setup")
    project = Project.new(target_ws)
    Editor(project.session, project.changes).add_journey("blank", "Saved")
    project.save(target)
    project.close()
    child = Child("open", target, workspace.root)  # opens, changes nothing, then dies
    children.append(child)
    assert child.line() == "opened"
    child.kill()
    assert workspace.recoverable() == []
    assert list(workspace.sessions_dir.iterdir()) == []


def test_flush_of_edits_made_without_the_editor_marks_the_session_dirty(
    workspace: Workspace,
) -> None:
    project = Project.new(workspace)
    Editor(project.session, project.changes).add_journey("blank", "Edited")
    project.save(workspace.root.parent / "clean.cjm")
    info = json.loads((project.folder / "session.json").read_text())
    assert info["dirty"] is False
    project.journeys()[0].name = "Renamed by a script"
    project.flush()
    info = json.loads((project.folder / "session.json").read_text())
    assert info["dirty"] is True
    assert info["journeys"] == ["Renamed by a script"]
    project.close()


@pytest.mark.parametrize("flushed", [False, True], ids=["never-flushed", "flushed"])
def test_an_untouched_new_map_of_a_killed_process_is_not_offered(
    tmp_path: Path, workspace: Workspace, children: list[Child], flushed: bool
) -> None:
    args = ("untouched-crash", tmp_path / "unused", workspace.root, *(["flush"] if flushed else []))
    child = Child(*args)
    children.append(child)
    assert child.line() == "flushed"
    (folder,) = workspace.sessions_dir.iterdir()
    # A working copy on disk always has a session.json beside it saying it is clean.
    assert (folder / "work.cjm").exists() == flushed == (folder / "session.json").exists()
    child.kill()
    assert workspace.recoverable() == []
    assert list(workspace.sessions_dir.iterdir()) == []


def test_live_session_is_neither_offered_nor_deleted(workspace: Workspace) -> None:
    project = Project.new(workspace)
    Editor(project.session, project.changes).add_journey("blank", "Live")
    project.flush()
    assert workspace.recoverable() == []
    assert project.work_path.exists()
    project.save(workspace.root.parent / "live.cjm")
    project.close()


# --------------------------------------------------------------------------- half-made folders


def _session_folder(workspace: Workspace, name: str) -> Path:
    folder = workspace.sessions_dir / name
    folder.mkdir(parents=True)
    return folder


def _work_db(path: Path, journey: str) -> None:
    create_empty_database(path)
    conn = sqlite3.connect(path, isolation_level=None)
    conn.execute(
        "INSERT INTO journeys (id, position, name, objective, scenario, owner, created_at, "
        "modified_at) VALUES (1, 0, ?, '', '', '', '2025-01-01 00:00:00', "
        "'2025-01-01 00:00:00')",
        (journey,),
    )
    conn.close()


def test_half_written_session_folders(workspace: Workspace) -> None:
    empty = _session_folder(workspace, "empty")
    no_work = _session_folder(workspace, "no-work")
    (no_work / "session.json").write_text(json.dumps({"dirty": True, "target": None}))
    empty_work = _session_folder(workspace, "empty-work")
    (empty_work / "work.cjm").write_bytes(b"")
    (empty_work / "session.json").write_text(json.dumps({"dirty": True, "target": None}))
    torn_info = _session_folder(workspace, "torn-info")
    _work_db(torn_info / "work.cjm", "Only in the working copy")
    (torn_info / "session.json").write_text('{"dirty": tr')

    found = workspace.recoverable()

    assert [f.folder.name for f in found] == ["torn-info"]
    assert found[0].target is None and found[0].title == "Untitled"
    assert found[0].journeys == ("Only in the working copy",)
    for gone in (empty, no_work, empty_work):
        assert not gone.exists()
    project = Project.recover(found[0], workspace)
    assert [j.name for j in project.journeys()] == ["Only in the working copy"]
    project.close()


def test_damaged_working_copy_is_reported_and_kept(workspace: Workspace) -> None:
    from model.store import DamagedFileError, NotAProjectError

    folder = _session_folder(workspace, "damaged")
    (folder / "work.cjm").write_bytes(b"not a database at all" * 10)
    (folder / "session.json").write_text(json.dumps({"dirty": True, "target": None}))
    (found,) = workspace.recoverable()
    with pytest.raises((NotAProjectError, DamagedFileError)):
        Project.recover(found, workspace)
    assert folder.exists()  # the user decides: discard it
    workspace.discard(found)
    assert not folder.exists()


def test_stale_staging_folders_are_swept_but_fresh_ones_kept(workspace: Workspace) -> None:
    stale = workspace.staging_dir / "stale"
    fresh = workspace.staging_dir / "fresh"
    for folder in (stale, fresh):
        folder.mkdir(parents=True)
        (folder / "work.cjm").write_bytes(b"")
    old = time.time() - STALE_STAGING_SECONDS - 60
    os.utime(stale, (old, old))
    assert workspace.recoverable() == []
    assert not stale.exists()
    assert fresh.exists()


def test_recovering_a_session_that_was_discarded_meanwhile(workspace: Workspace) -> None:
    folder = _session_folder(workspace, "x")
    _work_db(folder / "work.cjm", "J")
    (folder / "session.json").write_text(json.dumps({"dirty": True, "target": None}))
    (found,) = workspace.recoverable()
    workspace.discard(found)
    from model.store import ProjectFileError

    with pytest.raises(ProjectFileError):
        Project.recover(found, workspace)
    assert isinstance(found, RecoverableSession)
