"""Run on the real X11 platform (xcb): does Ctrl+E in the Objective field export?

``python -m tests.app.field_keys_child STATE_DIR`` prints one JSON object: whether the
Export action fired, and the field's text and cursor after Ctrl+E and after typing.
"""

from __future__ import annotations

import json
import os
import sys
from pathlib import Path


def main(state: Path) -> None:
    os.environ["HOME"] = str(state)
    os.environ["XDG_CONFIG_HOME"] = str(state / "config")
    os.environ["XDG_DATA_HOME"] = str(state / "data")
    from PySide6.QtCore import Qt, QTimer
    from PySide6.QtTest import QTest
    from PySide6.QtWidgets import QApplication

    app = QApplication(sys.argv[:1])
    from app.document import new_document
    from app.main_window import MainWindow
    from app.settings import Settings
    from model.store import Workspace

    workspace = Workspace(state / "ws")
    window = MainWindow(Settings(), workspace)
    window.set_document(new_document(workspace, "cjm7"))
    window.show()
    QTest.qWaitForWindowExposed(window)
    window.activateWindow()
    QTest.qWaitForWindowActive(window)
    fired: list[str] = []
    window.acts.export.triggered.connect(lambda: fired.append("export"))

    def close_dialogs() -> None:  # the export dialog the shortcut opens
        box = QApplication.activeModalWidget()
        if box is not None:
            box.reject()
        QTimer.singleShot(20, close_dialogs)

    QTimer.singleShot(0, close_dialogs)
    edit = window.header.objective_edit
    edit.setFocus()
    QTest.keyClicks(edit, "Find out why")
    edit.setCursorPosition(0)
    QTest.keyClick(edit, Qt.Key.Key_E, Qt.KeyboardModifier.ControlModifier)
    after_export = (edit.text(), edit.cursorPosition())
    QTest.keyClick(edit, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)  # the field's
    QTest.keyClick(edit, Qt.Key.Key_C, Qt.KeyboardModifier.ControlModifier)
    copied = QApplication.clipboard().text()
    print(json.dumps({"fired": fired, "platform": app.platformName(),
                      "after_export": after_export, "copied": copied,
                      "focus_in_field": QApplication.focusWidget() is edit}))
    assert window.doc is not None
    window.doc.undo_stack.setClean()
    window.close()


if __name__ == "__main__":
    main(Path(sys.argv[1]))
