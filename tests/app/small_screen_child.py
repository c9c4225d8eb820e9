"""Run under a given screen set-up (QT_SCALE_FACTOR, offscreen configfile); print sizes.

``python -m tests.app.small_screen_child STATE_DIR`` prints one JSON object: the
available screen size and the minimum size of the main window (with every dock
shown) and of every dialog, in logical pixels.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import sys
from pathlib import Path


def main(state: Path) -> None:
    os.environ["HOME"] = str(state)
    os.environ["XDG_CONFIG_HOME"] = str(state / "config")
    os.environ["XDG_DATA_HOME"] = str(state / "data")
    from PySide6.QtWidgets import QApplication, QDockWidget

    app = QApplication(sys.argv[:1])
    from app.screen_fit import install

    install(app)  # as app.gui.main does
    from app.document import new_document
    from app.export.dialog import ProjectExportBackend
    from app.main_window import MainWindow
    from app.settings import Settings
    from model.store import Workspace
    from widgets.color_picker import SoftColorDialog
    from widgets.export_dialog import ExportDialog
    from widgets.recovery_dialog import RecoveryDialog, RecoveryItem
    from widgets.review_dialog import ReviewDialog
    from widgets.survey_wizard import SurveyWizard
    from widgets.voting_panel import RoundDialog

    workspace = Workspace(state / "ws")
    window = MainWindow(Settings(), workspace)
    window.set_document(new_document(workspace, "cjm7"))
    window.show()
    app.processEvents()
    sizes: dict[str, list[int]] = {}

    def note(name: str, hint: object) -> None:
        sizes[name] = [hint.width(), hint.height()]  # type: ignore[attr-defined]

    note("window", window.minimumSizeHint())
    for dock in window.findChildren(QDockWidget):
        dock.show()
    window.show_dock(window.voting_panel)
    app.processEvents()
    note("window with every panel", window.minimumSizeHint())
    doc = window.doc
    assert doc is not None and doc.journey_id is not None
    item = RecoveryItem("k", "Checkout map with a long name.cjm", "/home/facilitator/maps",
                        "today 10:42", ("Checkout", "Returns"))
    dialogs = {
        "export": ExportDialog(ProjectExportBackend(doc.project, doc.journey_id), window),
        "voting round": RoundDialog("Round 1", window),
        "review": ReviewDialog("Customer journey", dt.date(2027, 3, 1), 3,
                               dt.date(2026, 11, 26), "Q3 review", window),
        "colour": SoftColorDialog("#dfe7f2", "Stage Colour", window),
        "survey wizard": SurveyWizard(lambda _p: None, lambda _t, _m: None,  # type: ignore
                                      window),
        "recovery": RecoveryDialog([item, item], window),
    }
    for name, dialog in dialogs.items():
        dialog.show()  # a wizard lays its pages out when shown
        app.processEvents()
        note(name, dialog.minimumSizeHint())
        note(f"{name} as opened", dialog.frameGeometry().size())
        dialog.close()
    available = window.screen().availableGeometry()
    print(json.dumps({"available": [available.width(), available.height()],
                      "sizes": sizes}))
    doc.undo_stack.setClean()
    window.close()


if __name__ == "__main__":
    main(Path(sys.argv[1]))
