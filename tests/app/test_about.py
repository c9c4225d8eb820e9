"""Help → About: the version, the libraries, the fonts' licences, all readable offline."""

from __future__ import annotations

import platform
import tomllib

import PIL
import reportlab
import sqlalchemy
from PySide6.QtCore import QTimer, qVersion
from PySide6.QtWidgets import QApplication, QLabel, QMessageBox, QTableWidget

from tests.conftest import ROOT
from widgets.about_dialog import AboutDialog


def open_about(window, qtbot) -> AboutDialog:
    help_menu = next(a.menu() for a in window.menuBar().actions() if a.text() == "&Help")
    about = next(a for a in help_menu.actions() if "About Journeyboard" in a.text())
    about.trigger()
    dialog = window.findChild(AboutDialog)
    assert dialog is not None
    qtbot.waitExposed(dialog)
    return dialog


def table_rows(dialog: AboutDialog) -> dict[str, list[str]]:
    table = dialog.findChild(QTableWidget, "about_components")
    assert table is not None
    return {table.item(r, 0).text(): [table.item(r, c).text() for c in range(1, 4)]
            for r in range(table.rowCount())}


def test_about_names_the_version_and_the_libraries_with_their_licences(window, qtbot) -> None:
    dialog = open_about(window, qtbot)
    version = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]["version"]
    title = dialog.findChild(QLabel, "about_title")
    assert title is not None and title.text() == f"Journeyboard {version}"
    rows = table_rows(dialog)
    assert rows["Journeyboard"][:2] == [version, "MIT"]
    assert rows["Python"][0] == platform.python_version()
    assert rows["Qt"][:2] == [qVersion(), "LGPL-3.0"]
    assert rows["PySide6"][1] == "LGPL-3.0"
    assert rows["SQLAlchemy"][:2] == [sqlalchemy.__version__, "MIT"]
    assert rows["ReportLab"][0] == reportlab.Version
    assert rows["Pillow"][0] == PIL.__version__
    assert "Bitstream Vera" in rows["DejaVu Sans"][1]
    assert rows["Droid Sans Fallback"][1] == "Apache-2.0"
    dialog.close()


def test_the_fonts_and_journeyboards_own_licences_can_be_read_in_full(window, qtbot) -> None:
    dialog = open_about(window, qtbot)
    fonts = ROOT / "resources" / "fonts"
    for title, text in (("DejaVu fonts", (fonts / "LICENSE-DejaVu.txt").read_text()),
                        ("Droid Sans Fallback font",
                         (fonts / "LICENSE-DroidSansFallback.txt").read_text()),
                        ("Journeyboard (MIT)", (ROOT / "LICENSE").read_text())):
        assert dialog.show_licence(title)
        assert dialog.licence_text.toPlainText() == text
        assert dialog.licence_text.isReadOnly()
    assert dialog.show_licence("Droid Sans Fallback font")
    assert "Apache License" in dialog.licence_text.toPlainText()
    assert not dialog.show_licence("No such licence")
    dialog.close()


def test_about_qt_opens_from_the_about_box_and_from_the_help_menu(window, qtbot) -> None:
    help_menu = next(a.menu() for a in window.menuBar().actions() if a.text() == "&Help")
    assert "About &Qt" in [a.text() for a in help_menu.actions()]
    dialog = open_about(window, qtbot)
    titles: list[str] = []

    def close_the_box() -> None:
        box = QApplication.activeModalWidget()
        if isinstance(box, QMessageBox):
            titles.append(box.windowTitle())
            box.accept()

    QTimer.singleShot(0, close_the_box)
    dialog.about_qt_button.click()
    assert titles == ["About Qt"]
    dialog.close()
