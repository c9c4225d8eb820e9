"""Start the editor: QApplication, crash recovery, the main window, friendly errors."""

from __future__ import annotations

import datetime as dt
import gc
import logging
import sys
import traceback
from collections.abc import Callable
from importlib import resources
from pathlib import Path
from types import TracebackType
from typing import TYPE_CHECKING

from platformdirs import user_log_path
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QApplication, QMessageBox, QWidget

from app import APP_NAME, ORG_NAME, workspace_root
from app.document import Document, new_document
from app.settings import Settings
from model.store import Project, ProjectFileError, RecoverableSession, Workspace
from model.templates import TEMPLATES
from widgets.i18n import qtr

if TYPE_CHECKING:
    from app.single_instance import InstanceServer
    from widgets.recovery_dialog import RecoveryDialog, RecoveryItem

log = logging.getLogger("journeyboard")


def default_workspace() -> Workspace:
    return Workspace(workspace_root())


def recovery_items(sessions: list[RecoverableSession]) -> list[RecoveryItem]:
    """What the recovery dialog shows of each session, newest first."""
    from widgets.recovery_dialog import RecoveryItem

    items = []
    for session in sessions:
        when = session.modified_at.strftime("%Y-%m-%d %H:%M") if session.modified_at else "?"
        where = str(session.target.parent) if session.target else qtr("never saved")
        items.append(
            RecoveryItem(str(session.folder), session.title, where, when, session.journeys)
        )
    return items


def _confirm_discard(parent: QWidget | None, count: int) -> bool:
    sure = QMessageBox.question(
        parent,
        qtr("Discard Unsaved Work"),
        qtr("Discard the unsaved changes to {0} maps? This cannot be undone.").format(count),
    )
    return sure == QMessageBox.StandardButton.Yes


def offer_recovery(
    parent: QWidget | None,
    workspace: Workspace,
    ask: Callable[[RecoveryDialog], object] | None = None,
    confirm: Callable[[QWidget | None, int], bool] = _confirm_discard,
) -> Document | None:
    """Ask about all unsaved work left by crashes in one dialog; return the document to show.

    ``ask`` runs the dialog (default: modally); ``confirm`` is asked before discarding
    more than one map.
    """
    sessions = sorted(
        workspace.recoverable(),
        key=lambda s: s.modified_at or dt.datetime.min,
        reverse=True,
    )
    if not sessions:
        return None
    # Only after a crash: a normal start does not pay for importing the dialog.
    from widgets.recovery_dialog import RecoveryChoice, RecoveryDialog

    dialog = RecoveryDialog(recovery_items(sessions), parent)
    (ask or RecoveryDialog.exec)(dialog)
    choices = dialog.choices()
    dialog.deleteLater()
    discards = [s for s in sessions if choices[str(s.folder)] is RecoveryChoice.DISCARD]
    if len(discards) > 1 and not confirm(parent, len(discards)):
        discards = []
    chosen: Document | None = None
    for session in sessions:
        choice = choices[str(session.folder)]
        try:
            if session in discards:
                workspace.discard(session)
            elif choice is RecoveryChoice.RECOVER and chosen is None:
                chosen = Document(Project.recover(session, workspace))
        except ProjectFileError as exc:
            QMessageBox.warning(parent, qtr("Cannot Recover"), f"{session.title}\n\n{exc.message}")
    return chosen


def _install_excepthook() -> None:
    """Unexpected errors: details to the log, a plain message to the user, no traceback."""
    log_dir = user_log_path(APP_NAME, ORG_NAME)
    log_dir.mkdir(parents=True, exist_ok=True)
    log_file = log_dir / "journeyboard.log"
    logging.basicConfig(filename=log_file, level=logging.INFO)

    showing = False

    def hook(kind: type[BaseException], value: BaseException, tb: TracebackType | None) -> None:
        nonlocal showing
        log.error("Unexpected error:\n%s", "".join(traceback.format_exception(kind, value, tb)))
        if showing:  # an error that repeats (every paint, every tick) is logged only
            return
        showing = True
        try:
            QMessageBox.critical(
                QApplication.activeWindow(),
                qtr("Unexpected Error"),
                qtr("Something went wrong: {0}\n\nDetails were written to {1}. To be safe, save "
                    "your work now (File → Save As can save a copy under another name or on "
                    "another disk).").format(value, log_file),
            )
        finally:
            showing = False

    sys.excepthook = hook


def run_gui(file: str | None, template: str = "cjm7",
            server: InstanceServer | None = None) -> int:
    """Start the editor; ``server`` (app.single_instance.claim) brings later launches' files."""
    from app.i18n import install_translators
    from app.windows import EditorWindows

    app = QApplication.instance() or QApplication(sys.argv[:1])
    from app.screen_fit import install

    install(app)  # no dialog opens larger than a small laptop's screen
    app.setApplicationName(APP_NAME)
    app.setOrganizationName(ORG_NAME)
    settings = Settings()
    install_translators(app, settings.language())
    QApplication.setDesktopFileName("journeyboard")
    icon = resources.files("resources").joinpath("desktop/journeyboard.svg")
    QApplication.setWindowIcon(QIcon(str(icon)))
    if template not in TEMPLATES:
        template = "cjm7"
    workspace = default_workspace()
    # What is loaded by now (modules, classes, Qt's wrappers) lives as long as the
    # process: kept out of the cyclic collector's way, the full collections that a big
    # map's open triggers no longer walk all of it (about 0.1 s CPU at 20,000 cards).
    gc.freeze()
    windows = EditorWindows(settings, workspace, template)
    window = windows.make_window()
    _install_excepthook()
    recovered = offer_recovery(None, workspace)
    if recovered is not None:
        window.set_document(recovered)
    elif file:
        path = Path(file)
        if not window.open_file(path):
            window.set_document(new_document(workspace, template))
    else:
        window.set_document(new_document(workspace, template))
    window.show()
    if server is not None:
        server.open_requested.connect(windows.open_request)
    try:
        return int(app.exec())
    finally:
        if server is not None:
            server.close()
