"""Two writers never silently lose each other's work (issue 8, item 4)."""

from __future__ import annotations

import json
import os
import socket
import subprocess
import sys
import time
from pathlib import Path

import pytest

from model.edits import Editor
from model.store import (
    FileChangedOnDiskError,
    FileInUseError,
    Project,
    Workspace,
    beside_lock_path,
)
from tests.model.store_child import ROOT


@pytest.fixture
def saved(tmp_path: Path) -> Path:
    path = tmp_path / "docs" / "map.cjm"
    path.parent.mkdir()
    with Project.new(Workspace(tmp_path / "maker")) as project:
        Editor(project.session, project.changes).add_journey("blank", "First")
        project.save(path)
    return path


def _names(path: Path, root: Path) -> list[str]:
    with Project.open(path, Workspace(root), read_only=True) as project:
        return [j.name for j in project.journeys()]


def test_two_editors_with_different_state_folders_cannot_both_open_a_file(
    saved: Path, tmp_path: Path
) -> None:
    first = Project.open(saved, Workspace(tmp_path / "alice"))
    with pytest.raises(FileInUseError) as info:
        Project.open(saved, Workspace(tmp_path / "bob"))
    assert f"process {os.getpid()}" in info.value.message
    first.close()
    assert not beside_lock_path(saved).exists()
    Project.open(saved, Workspace(tmp_path / "bob")).close()


def test_a_hard_link_to_an_open_file_is_the_same_file(saved: Path, tmp_path: Path) -> None:
    link = saved.with_name("link.cjm")
    os.link(saved, link)
    workspace = Workspace(tmp_path / "ws")
    with Project.open(saved, workspace), pytest.raises(FileInUseError):
        Project.open(link, workspace)


def test_a_lock_left_by_a_dead_process_on_this_computer_is_taken_over(
    saved: Path, tmp_path: Path
) -> None:
    dead = subprocess.run([sys.executable, "-c", "import os; print(os.getpid())"],
                          capture_output=True, text=True, check=True)
    owner = {"pid": int(dead.stdout), "user": "someone", "host": socket.gethostname(),
             "since": "2020-01-01T00:00:00"}
    beside_lock_path(saved).write_text(json.dumps(owner), encoding="utf-8")
    Project.open(saved, Workspace(tmp_path / "ws")).close()
    assert not beside_lock_path(saved).exists()


def test_a_recent_lock_from_another_computer_is_respected(saved: Path, tmp_path: Path) -> None:
    owner = {"pid": 4242, "user": "bob", "host": "bobs-laptop", "since": "2026-01-01T09:00"}
    beside_lock_path(saved).write_text(json.dumps(owner), encoding="utf-8")
    with pytest.raises(FileInUseError) as info:
        Project.open(saved, Workspace(tmp_path / "ws"))
    assert "bob on bobs-laptop" in info.value.message
    old = time.time() - 2 * 86400  # a lock nobody refreshed for two days is stale
    os.utime(beside_lock_path(saved), (old, old))
    Project.open(saved, Workspace(tmp_path / "ws")).close()


def test_saving_over_a_file_changed_on_disk_asks_first(saved: Path, tmp_path: Path) -> None:
    mine = Project.open(saved, Workspace(tmp_path / "alice"))
    Editor(mine.session, mine.changes).add_journey("blank", "Mine")
    # Someone without Journeyboard's locks (a sync tool, a copy) replaces the file.
    with Project.new(Workspace(tmp_path / "other")) as theirs:
        Editor(theirs.session, theirs.changes).add_journey("blank", "Theirs")
        theirs.save(tmp_path / "theirs.cjm")
    os.replace(tmp_path / "theirs.cjm", saved)
    theirs_bytes = saved.read_bytes()
    with pytest.raises(FileChangedOnDiskError) as info:
        mine.save()
    assert "changed on disk" in info.value.message
    assert saved.read_bytes() == theirs_bytes  # nothing written
    mine.save(tmp_path / "docs" / "copy.cjm")  # "save as copy"
    assert _names(tmp_path / "docs" / "copy.cjm", tmp_path / "r") == ["First", "Mine"]
    mine.close()
    assert _names(saved, tmp_path / "r") == ["Theirs"]


def test_overwrite_after_a_change_on_disk_is_a_choice(saved: Path, tmp_path: Path) -> None:
    mine = Project.open(saved, Workspace(tmp_path / "alice"))
    Editor(mine.session, mine.changes).add_journey("blank", "Mine")
    saved.write_bytes(saved.read_bytes())  # same bytes, new time: not a change
    mine.save()
    with open(saved, "ab") as fh:
        fh.write(b"\0" * 4096)
    with pytest.raises(FileChangedOnDiskError):
        mine.save()
    mine.save(overwrite_changed=True)
    mine.save()  # and from then on it is our file again
    mine.close()
    assert _names(saved, tmp_path / "r") == ["First", "Mine"]


def test_export_reads_a_file_that_is_open_in_an_editor(saved: Path, tmp_path: Path) -> None:
    env = dict(os.environ, PYTHONPATH=str(ROOT), XDG_STATE_HOME=str(tmp_path / "state"))
    with Project.open(saved, Workspace(tmp_path / "state" / "Journeyboard" / "workspace")):
        done = subprocess.run(
            [sys.executable, "-m", "app", "export", str(saved), "--json", str(tmp_path / "o.json")],
            cwd=ROOT, env=env, capture_output=True, text=True, timeout=120,
        )
    assert done.returncode == 0, done.stderr
    assert json.loads((tmp_path / "o.json").read_text(encoding="utf-8"))["journeys"]


def test_concurrent_imports_into_a_new_file_all_land(tmp_path: Path) -> None:
    env = dict(os.environ, PYTHONPATH=str(ROOT), XDG_STATE_HOME=str(tmp_path / "state"))
    target = tmp_path / "new.cjm"
    procs = []
    for i in range(4):
        csv = tmp_path / f"cards{i}.csv"
        csv.write_text(
            "journey,stage,lane,kind,text\n"
            + "".join(f"J,S,L,action,import {i} card {n}\n" for n in range(5)),
            encoding="utf-8",
        )
        procs.append(subprocess.Popen(
            [sys.executable, "-m", "app", "import", str(csv), "--into", str(target)],
            cwd=ROOT, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
        ))
    for proc in procs:
        _out, err = proc.communicate(timeout=180)
        assert proc.returncode == 0, err
    with Project.open(target, Workspace(tmp_path / "check"), read_only=True) as project:
        texts = sorted(c.text for j in project.journeys() for c in j.cards)
    assert texts == sorted(f"import {i} card {n}" for i in range(4) for n in range(5))


def test_a_change_made_while_the_editor_was_crashed_is_noticed_after_recovery(
    saved: Path, tmp_path: Path
) -> None:
    workspace = Workspace(tmp_path / "ws")
    project = Project.open(saved, workspace)
    Editor(project.session, project.changes).add_journey("blank", "Unsaved")
    project.flush()
    project.session.close()  # the process dies: the kernel drops its locks
    project.engine.dispose()
    assert project._target_lock is not None
    project._target_lock.release()
    project._owner.release()
    with open(saved, "ab") as fh:  # meanwhile someone else changes the file
        fh.write(b"\0" * 4096)
    (session,) = workspace.recoverable()
    recovered = Project.recover(session, workspace)
    with pytest.raises(FileChangedOnDiskError):
        recovered.save()
    recovered.save(overwrite_changed=True)
    recovered.close()
    assert _names(saved, tmp_path / "r") == ["First", "Unsaved"]
