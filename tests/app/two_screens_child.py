"""Presenter mode with two screens (offscreen platform with two screens configured).

``python -m tests.app.two_screens_child STATE_DIR`` prints one JSON object: where the
editor and the presenter are, for the automatic choice and for each chosen screen.
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
    from PySide6.QtGui import QGuiApplication
    from PySide6.QtWidgets import QApplication

    app = QApplication(sys.argv[:1])
    from app.document import new_document
    from app.main_window import MainWindow
    from app.settings import Settings
    from model.store import Workspace

    workspace = Workspace(state / "ws")
    window = MainWindow(Settings(), workspace)
    window.set_document(new_document(workspace, "cjm7"))
    first = QGuiApplication.screens()[0]
    window.move(first.availableGeometry().topLeft())
    window.show()
    app.processEvents()
    found: dict[str, object] = {"screens": [s.name() for s in QGuiApplication.screens()],
                                "menu": []}

    def present(label: str) -> None:
        window.presenter.start()
        app.processEvents()
        shown = window.presenter.window
        assert shown is not None
        found[label] = {"presenter": shown.screen().name(),
                        "presenter_geometry": list(shown.geometry().getRect()),
                        "full_screen": shown.isFullScreen(),
                        "editor": window.screen().name()}
        shown.close()
        app.processEvents()

    present("automatic")
    menu = window.presenter.screens_menu
    menu.aboutToShow.emit()
    found["menu"] = [a.text() for a in menu.actions()]
    menu.actions()[1].trigger()  # the first screen: the one the editor is on
    present("chosen first")
    menu.aboutToShow.emit()
    menu.actions()[0].trigger()  # automatic again
    present("automatic again")
    print(json.dumps(found))
    assert window.doc is not None
    window.doc.undo_stack.setClean()
    window.close()


if __name__ == "__main__":
    main(Path(sys.argv[1]))
