"""After many crashes, one dialog lists all unsaved work: recover / discard / keep each."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QWidget
from pytestqt.qtbot import QtBot

from app.gui import offer_recovery
from model.edits import Editor
from model.store import Project, Workspace
from widgets.recovery_dialog import RecoveryChoice, RecoveryDialog


def _crash(workspace: Workspace, name: str, target: Path | None = None) -> None:
    """Leave a session behind as a killed process does: folder kept, locks dropped."""
    project = Project.new(workspace)
    Editor(project.session, project.changes).add_journey("blank", name)
    if target is not None:
        project.save(target)
        Editor(project.session, project.changes).add_journey("blank", f"{name} unsaved")
    project.flush()
    project.session.close()
    project.engine.dispose()
    if project._target_lock is not None:  # what the kernel does for a killed process
        project._target_lock.release()
    project._owner.release()


def test_all_crashed_sessions_are_in_one_dialog_with_a_choice_each(
    qtbot: QtBot, tmp_path: Path, workspace: Workspace
) -> None:
    for i in range(6):
        _crash(workspace, f"Map {i}", tmp_path / f"map{i}.cjm" if i % 2 else None)
    shown: list[RecoveryDialog] = []

    def choose(dialog: RecoveryDialog) -> None:
        qtbot.addWidget(dialog)
        shown.append(dialog)
        assert dialog.model.rowCount() == 6
        titles = {dialog.model.item(r, 0).text() for r in range(6)}
        assert titles == {"Untitled", "map1.cjm", "map3.cjm", "map5.cjm"}
        by_title = {dialog.model.item(r, 0).text(): r for r in range(6)}
        dialog.set_choice(by_title["map3.cjm"], RecoveryChoice.RECOVER)
        dialog.set_choice(by_title["map5.cjm"], RecoveryChoice.DISCARD)
        # Only one map can be recovered into the window: the others go back to "later".
        assert [c.currentData() for c in dialog.combos].count(RecoveryChoice.RECOVER) == 1
        dialog.accept()

    doc = offer_recovery(None, workspace, ask=choose)
    assert len(shown) == 1
    assert doc is not None
    try:
        assert doc.path == tmp_path / "map3.cjm"
        assert [j.name for j in doc.project.journeys()] == ["Map 3", "Map 3 unsaved"]
        assert doc.modified
    finally:
        doc.close()
    left = workspace.recoverable()
    assert len(left) == 4  # map5 discarded, map3 recovered (closed), four kept for later
    assert {s.title for s in left} == {"Untitled", "map1.cjm"}


def test_discard_all_asks_once_and_then_removes_everything(
    qtbot: QtBot, workspace: Workspace
) -> None:
    for i in range(3):
        _crash(workspace, f"Map {i}")
    asked: list[int] = []

    def confirm(_parent: QWidget | None, count: int) -> bool:
        asked.append(count)
        return True

    def discard_all(dialog: RecoveryDialog) -> None:
        qtbot.addWidget(dialog)
        dialog.discard_all_button.click()

    assert offer_recovery(None, workspace, ask=discard_all, confirm=confirm) is None
    assert asked == [3]
    assert workspace.recoverable() == []


def test_dismissing_the_dialog_keeps_everything_for_later(
    qtbot: QtBot, workspace: Workspace
) -> None:
    for i in range(2):
        _crash(workspace, f"Map {i}")

    def dismiss(dialog: RecoveryDialog) -> None:
        qtbot.addWidget(dialog)
        dialog.later_button.click()

    assert offer_recovery(None, workspace, ask=dismiss) is None
    assert len(workspace.recoverable()) == 2
