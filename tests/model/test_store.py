"""Opening a file twice, atomic save, and saves that cannot succeed."""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import sqlite3
import stat
import subprocess
from pathlib import Path

import pytest

from model.edits import Editor
from model.store import (
    FileInUseError,
    Project,
    SaveFailedError,
    Workspace,
)
from tests.model.store_child import ROOT, child_command
from tests.model.store_fixtures import Child, children

__all__ = ["children"]  # a fixture


def _new_saved(workspace: Workspace, path: Path, name: str = "Saved journey") -> None:
    project = Project.new(workspace)
    Editor(project.session, project.changes).add_journey("cjm7", name)
    project.save(path)
    project.close()


def _sha(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def _names(path: Path) -> list[str]:
    conn = sqlite3.connect(f"{path.as_uri()}?mode=ro", uri=True)
    try:
        return [r[0] for r in conn.execute("SELECT name FROM journeys ORDER BY position")]
    finally:
        conn.close()


@pytest.fixture
def saved(tmp_path: Path, workspace: Workspace) -> Path:
    path = tmp_path / "docs" / "map.cjm"
    path.parent.mkdir()
    _new_saved(workspace, path)
    return path


# --------------------------------------------------------------------------- two instances


def test_second_open_in_same_process_is_refused_until_closed(
    saved: Path, workspace: Workspace
) -> None:
    first = Project.open(saved, workspace)
    with pytest.raises(FileInUseError) as info:
        Project.open(saved, workspace)
    assert str(os.getpid()) in info.value.message
    # Another spelling of the same path is the same file.
    with pytest.raises(FileInUseError):
        Project.open(saved.parent / ".." / "docs" / "map.cjm", workspace)
    link = saved.parent / "link.cjm"
    link.symlink_to(saved)
    with pytest.raises(FileInUseError):
        Project.open(link, workspace)
    first.close()
    second = Project.open(saved, workspace)
    assert [j.name for j in second.journeys()] == ["Saved journey"]
    second.close()


def test_second_process_is_refused_while_first_holds_it(
    saved: Path, workspace: Workspace, children: list[Child]
) -> None:
    first = Project.open(saved, workspace)
    child = Child("open", saved, workspace.root)
    children.append(child)
    assert child.line() == "FileInUseError"
    child.finish()
    first.close()

    child = Child("open", saved, workspace.root)
    children.append(child)
    assert child.line() == "opened"
    with pytest.raises(FileInUseError):
        Project.open(saved, workspace)
    before = _sha(saved)
    other = Project.new(workspace)
    Editor(other.session, other.changes).add_journey("blank", "Would overwrite")
    with pytest.raises(FileInUseError):
        other.save(saved)  # Save As onto the file the other process has open
    other.close()
    assert _sha(saved) == before
    child.send("close")
    child.finish()
    Project.open(saved, workspace).close()


def test_a_killed_instance_does_not_keep_the_file_in_use(
    saved: Path, workspace: Workspace, children: list[Child]
) -> None:
    child = Child("open", saved, workspace.root)
    children.append(child)
    assert child.line() == "opened"
    with pytest.raises(FileInUseError):
        Project.open(saved, workspace)
    child.kill()
    project = Project.open(saved, workspace)
    assert [j.name for j in project.journeys()] == ["Saved journey"]
    project.close()


def test_save_as_onto_a_file_open_elsewhere_is_refused(saved: Path, workspace: Workspace) -> None:
    holder = Project.open(saved, workspace)
    before = _sha(saved)
    other = Project.new(workspace)
    Editor(other.session, other.changes).add_journey("blank", "Intruder")
    with pytest.raises(FileInUseError):
        other.save(saved)
    with pytest.raises(FileInUseError):
        other.export_copy(saved)
    assert _sha(saved) == before
    assert other.path is None and other.dirty
    # The refused project can still be saved somewhere else.
    elsewhere = saved.parent / "elsewhere.cjm"
    other.save(elsewhere)
    assert _names(elsewhere) == ["Intruder"]
    holder.close()
    other.close()


def test_save_as_moves_the_lock_to_the_new_file(saved: Path, workspace: Workspace) -> None:
    project = Project.open(saved, workspace)
    copy = saved.parent / "copy.cjm"
    project.save(copy)
    Project.open(saved, workspace).close()  # the old name is free again
    with pytest.raises(FileInUseError):
        Project.open(copy, workspace)
    project.close()
    Project.open(copy, workspace).close()


# --------------------------------------------------------------------------- atomic save


def test_save_leaves_only_the_project_file(saved: Path, workspace: Workspace) -> None:
    project = Project.open(saved, workspace)
    ed = Editor(project.session, project.changes)
    ed.add_journey("blank", "Second")
    project.save()
    # While open, only the lock beside the file that tells others it is in use.
    assert sorted(os.listdir(saved.parent)) == [".~lock.map.cjm#", "map.cjm"]
    ed.add_journey("blank", "Third")
    project.save()
    project.close()
    assert sorted(os.listdir(saved.parent)) == ["map.cjm"]
    assert _names(saved) == ["Saved journey", "Second", "Third"]
    conn = sqlite3.connect(saved)
    try:
        assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "delete"
    finally:
        conn.close()


@pytest.mark.parametrize("mode", [0o600, 0o640, 0o664])
def test_save_over_an_existing_file_keeps_its_permissions(
    saved: Path, workspace: Workspace, mode: int
) -> None:
    os.chmod(saved, mode)
    project = Project.open(saved, workspace)
    Editor(project.session, project.changes).add_journey("blank", "More")
    project.save()
    project.close()
    assert stat.S_IMODE(saved.stat().st_mode) == mode


def test_new_file_is_private_to_write(tmp_path: Path, workspace: Workspace) -> None:
    old = os.umask(0o022)
    try:
        _new_saved(workspace, tmp_path / "new.cjm")
    finally:
        os.umask(old)
    mode = stat.S_IMODE((tmp_path / "new.cjm").stat().st_mode)
    assert mode & 0o600 == 0o600
    assert mode & 0o022 == 0


def test_save_through_a_symlink_updates_the_real_file(saved: Path, workspace: Workspace) -> None:
    link = saved.parent / "shortcut.cjm"
    link.symlink_to(saved)
    project = Project.open(link, workspace)
    Editor(project.session, project.changes).add_journey("blank", "Via link")
    project.save()
    project.close()
    assert link.is_symlink()
    assert _names(saved) == ["Saved journey", "Via link"]


def test_temp_files_of_an_interrupted_save_are_cleaned_up(
    saved: Path, workspace: Workspace
) -> None:
    stale = [saved.parent / ".map.cjm.0123abcd.tmp", saved.parent / ".map.cjm.0123abcd.tmp-journal"]
    unrelated = [saved.parent / ".other.cjm.0123abcd.tmp", saved.parent / "notes.tmp"]
    for path in stale + unrelated:
        path.write_bytes(b"half a save")
    project = Project.open(saved, workspace)
    project.save()
    project.close()
    assert sorted(os.listdir(saved.parent)) == sorted(["map.cjm", *(p.name for p in unrelated)])


# --------------------------------------------------------------------------- failed saves


def test_save_into_a_missing_folder_fails_cleanly(saved: Path, workspace: Workspace) -> None:
    project = Project.open(saved, workspace)
    Editor(project.session, project.changes).add_journey("blank", "Unsaved")
    with pytest.raises(SaveFailedError) as info:
        project.save(saved.parent / "no such folder" / "x.cjm")
    assert "previous file is unchanged" in info.value.message
    assert project.path == saved and project.dirty
    project.save()  # still works on its own file
    project.close()
    assert _names(saved) == ["Saved journey", "Unsaved"]


def test_save_onto_a_folder_fails_and_leaves_no_temp_file(
    saved: Path, workspace: Workspace
) -> None:
    folder = saved.parent / "looks-like.cjm"
    folder.mkdir()
    project = Project.open(saved, workspace)
    with pytest.raises(SaveFailedError):
        project.save(folder)
    assert sorted(os.listdir(saved.parent)) == [".~lock.map.cjm#", "looks-like.cjm", "map.cjm"]
    assert os.listdir(folder) == []
    project.close()
    assert sorted(os.listdir(saved.parent)) == ["looks-like.cjm", "map.cjm"]
    Project.open(saved, workspace).close()  # the lock on the failed name was not kept


def test_save_into_a_read_only_folder_fails_and_changes_nothing(tmp_path: Path) -> None:
    folder = tmp_path / "readonly"
    folder.mkdir()
    target = folder / "map.cjm"
    _new_saved(Workspace(tmp_path / "ws-setup"), target, "Original")
    before = (_sha(target), target.stat().st_mtime_ns)
    folder.chmod(0o555)
    command = child_command("save-to", target, tmp_path / "ws", tmp_path / "ok.cjm")
    if os.geteuid() == 0:
        # root ignores permission bits; drop that privilege for the child only.
        setpriv = shutil.which("setpriv")
        assert setpriv, "running as root needs setpriv (util-linux) for this test"
        drop = "-dac_override,-dac_read_search"
        command = [setpriv, f"--bounding-set={drop}", f"--inh-caps={drop}", *command]
    try:
        result = subprocess.run(command, cwd=ROOT, capture_output=True, text=True, timeout=60)
    finally:
        folder.chmod(0o755)
    assert result.returncode == 0, result.stderr
    outcome = json.loads(result.stdout)
    assert outcome["target"] == "SaveFailedError", outcome
    assert outcome["elsewhere"] == "saved"
    assert sorted(os.listdir(folder)) == ["map.cjm"]
    assert (_sha(target), target.stat().st_mtime_ns) == before
    assert _names(tmp_path / "ok.cjm") == ["Draft"]


def test_untitled_project_needs_a_name(workspace: Workspace) -> None:
    project = Project.new(workspace)
    with pytest.raises(SaveFailedError):
        project.save()
    project.close()


def test_save_works_when_the_working_copy_was_deleted(saved: Path, workspace: Workspace) -> None:
    """A cleaner removing the state folder must not make Save write an empty project."""
    project = Project.open(saved, workspace)
    Editor(project.session, project.changes).add_journey("blank", "Late edit")
    project.flush()
    project.work_path.unlink()
    project.save()
    project.close()
    assert _names(saved) == ["Saved journey", "Late edit"]
    Project.open(saved, workspace).close()


def test_save_recreates_a_file_deleted_while_open(saved: Path, workspace: Workspace) -> None:
    project = Project.open(saved, workspace)
    saved.unlink()
    Editor(project.session, project.changes).add_journey("blank", "Kept")
    project.save()
    project.close()
    assert _names(saved) == ["Saved journey", "Kept"]


def test_closing_discards_the_working_copy(saved: Path, workspace: Workspace) -> None:
    project = Project.open(saved, workspace)
    folder = project.folder
    assert (folder / "work.cjm").exists()
    project.close()
    assert not folder.exists()
    assert workspace.recoverable() == []


def test_folder_that_cannot_be_fsynced_does_not_fail_a_completed_save(
    saved: Path, workspace: Workspace, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Some network file systems refuse fsync on a folder; the file is saved regardless."""
    import model.store

    real_fsync = model.store.project.fsync_path

    def no_dir_fsync(path: Path, directory: bool = False) -> None:
        if directory:
            raise OSError(22, "Invalid argument")
        real_fsync(path)

    monkeypatch.setattr(model.store.project, "fsync_path", no_dir_fsync)
    project = Project.open(saved, workspace)
    Editor(project.session, project.changes).add_journey("blank", "Kept")
    project.save()
    assert not project.dirty
    project.close()
    assert _names(saved) == ["Saved journey", "Kept"]
