"""A real main window on a new 7-stage map, for the app tests."""

from __future__ import annotations

import pytest

from app.document import new_document
from app.main_window import MainWindow
from app.settings import Settings
from model.store import Workspace


@pytest.fixture
def window(qtbot, workspace: Workspace):
    # Not qtbot.addWidget: qtbot would close the window before this fixture marks the
    # document clean, and the Save/Discard/Cancel question would block the run.
    win = MainWindow(Settings(), workspace)
    win.set_document(new_document(workspace, "cjm7"))
    win.resize(1400, 900)
    win.show()
    qtbot.waitExposed(win)
    # Opening a map fits it on the next event-loop turn: let that happen first, so the
    # test starts at 100 % and nothing refits under its gestures.
    qtbot.waitUntil(lambda: win.view.fit_mode)
    win.view.set_zoom(1.0)
    yield win
    if win.doc is not None:
        win.doc.undo_stack.setClean()
    win.close()
    win.deleteLater()
