"""A full disk under the state folder costs crash safety, never the work (issue 8, item 3)."""

from __future__ import annotations

from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from app.commands import AddCardCommand
from app.document import Document, open_document
from model.edits import Editor
from model.store import Project, WorkingCopyError, Workspace
from tests.model.small_disk import SmallDisk, small_disk

__all__ = ["small_disk"]  # a fixture


@pytest.fixture
def saved(tmp_path: Path) -> Path:
    path = tmp_path / "docs" / "map.cjm"
    path.parent.mkdir()
    with Project.new(Workspace(tmp_path / "maker")) as project:
        Editor(project.session, project.changes).add_journey("cjm7", "Trip")
        project.save(path)
    return path


def _card_texts(path: Path, root: Path) -> list[str]:
    with Project.open(path, Workspace(root), read_only=True) as project:
        return sorted(c.text for j in project.journeys() for c in j.cards)


def _add(doc: Document, text: str) -> None:
    journey = doc.project.journey(doc.journey_id or 0)
    lane = next(x for x in journey.lanes if x.kind not in ("divider", "emotion"))
    command = AddCardCommand(doc.editor, journey.id, (journey.stages[0].id, lane.id), None,
                             {"text": text})
    doc.push(command)
    assert command.error is None


def test_edits_go_on_and_save_elsewhere_works_while_the_state_disk_is_full(
    qtbot: QtBot, saved: Path, small_disk: SmallDisk, tmp_path: Path
) -> None:
    workspace = Workspace(small_disk.root / "ws")
    doc = open_document(saved, workspace)
    _add(doc, "before full")
    assert doc.flush()
    small_disk.fill()
    _add(doc, "while full")  # the edit itself never needs the disk
    with qtbot.waitSignal(doc.autosave_failed) as failed:
        assert not doc.flush()
    message = failed.args[0]
    assert "could not be written" in message and "lost in a crash" in message
    assert "autosave" not in message.lower()
    assert doc.autosave_problem == message
    _add(doc, "still editing")
    doc.undo_stack.undo()
    doc.undo_stack.redo()
    assert doc.modified
    elsewhere = tmp_path / "elsewhere" / "copy.cjm"
    elsewhere.parent.mkdir()
    doc.save(elsewhere)  # Save As to another disk
    assert not doc.modified
    assert _card_texts(elsewhere, tmp_path / "r") == ["before full", "still editing", "while full"]
    small_disk.free()
    _add(doc, "after freeing")
    with qtbot.waitSignal(doc.autosave_recovered):
        assert doc.flush()
    assert doc.autosave_problem is None
    doc.save()
    doc.close()
    assert _card_texts(elsewhere, tmp_path / "r") == [
        "after freeing", "before full", "still editing", "while full"
    ]


def test_a_failed_working_copy_write_keeps_the_previous_one(
    saved: Path, small_disk: SmallDisk
) -> None:
    workspace = Workspace(small_disk.root / "ws")
    project = Project.open(saved, workspace)
    ed = Editor(project.session, project.changes)
    ed.add_journey("blank", "Flushed")
    project.flush()
    small_disk.fill()
    ed.add_journey("blank", "Only in memory")
    with pytest.raises(WorkingCopyError):
        project.flush()
    assert [p.name for p in project.folder.iterdir() if p.name.endswith(".tmp")] == []
    small_disk.free()
    # What a crash now would offer back: the last working copy that was written.
    recovered_names = [j.name for j in project.journeys()]
    assert recovered_names == ["Trip", "Flushed", "Only in memory"]
    project.flush()
    project.close()
