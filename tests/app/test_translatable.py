"""Every string a user can see goes through Qt's translation system (a pseudo-locale proves it).

Under a translator that returns ``[!text!]`` for everything it is asked, the window, its
menus, docks and dialogs must show only marked texts, apart from the user's own data
(journey, stage, lane and card names from the file), numbers and signs.
"""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QMenu, QWidget
from sqlalchemy import text

from app import APP_NAME
from app.document import new_document
from app.i18n import LANGUAGES
from app.main_window import MainWindow
from app.settings import Settings
from model.store import Workspace
from tests.app.pseudo_locale import OPEN, install_marking_translator, untranslated


@pytest.fixture
def pseudo_window(qtbot, workspace: Workspace) -> Iterator[MainWindow]:
    translator = install_marking_translator()
    win = MainWindow(Settings(), workspace)
    win.set_document(new_document(workspace, "cjm7"))
    win.resize(1366, 768)
    win.show()
    qtbot.waitExposed(win)
    yield win
    if win.doc is not None:
        win.doc.undo_stack.setClean()
    win.close()
    win.deleteLater()
    QCoreApplication.removeTranslator(translator)


def file_data(window: MainWindow) -> set[str]:
    """Every text stored in the map: it is the user's, shown as it is."""
    assert window.doc is not None
    session = window.doc.project.session
    found = {APP_NAME, *LANGUAGES.values()}
    tables = session.execute(text("SELECT name FROM sqlite_master WHERE type='table'"))
    for (table,) in list(tables):
        for row in session.execute(text(f'SELECT * FROM "{table}"')):
            found.update(v for v in row if isinstance(v, str))
    return found


def open_every_menu(window: MainWindow) -> list[QMenu]:
    """Menus fill some entries when they are about to show (Open Recent)."""
    menus = window.findChildren(QMenu)
    for menu in menus:
        menu.aboutToShow.emit()
    return menus


def test_the_main_window_its_menus_and_docks_show_only_translated_text(
        pseudo_window: MainWindow) -> None:
    open_every_menu(pseudo_window)
    for dock_action in [d.toggleViewAction() for d in pseudo_window.findChildren(QWidget)
                        if d.inherits("QDockWidget")]:
        if not dock_action.isChecked():
            dock_action.trigger()  # hidden docks too
    missing = untranslated([pseudo_window], file_data(pseudo_window))
    assert missing == [], "\n".join(missing)


def test_the_pseudo_locale_does_mark_translated_text(pseudo_window: MainWindow) -> None:
    titles = [a.text() for a in pseudo_window.menuBar().actions()]
    assert titles and all(t.startswith(OPEN) for t in titles), titles


def test_the_main_dialogs_show_only_translated_text(pseudo_window: MainWindow, qtbot) -> None:
    import datetime as dt

    from app.about import about_info
    from app.export.dialog import ProjectExportBackend
    from widgets.about_dialog import AboutDialog
    from widgets.color_picker import SoftColorDialog
    from widgets.export_dialog import ExportDialog
    from widgets.recovery_dialog import RecoveryDialog, RecoveryItem
    from widgets.review_dialog import ReviewDialog
    from widgets.survey_wizard import SurveyWizard

    doc = pseudo_window.doc
    assert doc is not None and doc.journey_id is not None
    item = RecoveryItem("/tmp/session", "Checkout.cjm", "/home/maps", "2026-11-26 10:00",
                        ("Checkout",))
    info = about_info()
    data = file_data(pseudo_window) | {"Checkout.cjm", "/home/maps", "Checkout"}
    data |= {c.name for c in info.components} | {c.version for c in info.components}
    data |= {c.licence for c in info.components if OPEN not in c.licence}
    data |= {"A4", "A3", "A2", "A1", "A0", "Letter", "Tabloid", "Journeyboard (MIT)"}
    dialogs = [
        AboutDialog(info, pseudo_window),
        ExportDialog(ProjectExportBackend(doc.project, doc.journey_id), pseudo_window),
        SurveyWizard(lambda path: None, lambda table, mapping: None, pseudo_window),
        ReviewDialog("Checkout", None, 3, dt.date(2026, 11, 26), "", pseudo_window),
        RecoveryDialog([item], pseudo_window),
        SoftColorDialog("#ffffff", "Checkout", pseudo_window),
    ]
    missing = []
    for dialog in dialogs:
        dialog.show()
        qtbot.waitExposed(dialog)
        missing += untranslated([dialog], data)
        dialog.close()
    assert missing == [], "\n".join(missing)
