"""The German translation is complete, compiled, and the window speaks it when chosen."""

from __future__ import annotations

import re
import subprocess
import sys
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, QLocale
from PySide6.QtWidgets import QDockWidget

from app.document import new_document
from app.i18n import install_translators
from app.main_window import MainWindow
from app.settings import Settings
from model.store import Workspace
from tests.conftest import ROOT

TS = ROOT / "resources" / "i18n" / "journeyboard_de.ts"
QM = TS.with_suffix(".qm")
PLACEHOLDER = re.compile(r"\{[^{}]*\}|%\d|%s|%n|&(?=\w)")
TOOLS = Path(sys.executable).parent


def messages(ts: Path) -> list[ET.Element]:
    return list(ET.parse(ts).getroot().iter("message"))


def translations(message: ET.Element) -> list[str]:
    node = message.find("translation")
    assert node is not None
    forms = [f.text or "" for f in node.iter("numerusform")]
    return forms or [node.text or ""]


def test_every_german_entry_is_translated_and_keeps_its_placeholders() -> None:
    found = messages(TS)
    assert len(found) > 500
    problems = []
    for message in found:
        source = message.findtext("source") or ""
        node = message.find("translation")
        assert node is not None
        if node.get("type") in ("unfinished", "vanished", "obsolete"):
            problems.append(f"unfinished: {source!r}")
            continue
        wanted = sorted(p for p in PLACEHOLDER.findall(source) if p != "&")
        for text in translations(message):
            if not text.strip() and source.strip():
                problems.append(f"empty: {source!r}")
            got = sorted(p for p in PLACEHOLDER.findall(text) if p != "&")
            if got != wanted and not (message.get("numerus") == "yes" and "%n" not in text):
                problems.append(f"placeholders {wanted} -> {got}: {source!r}")
    assert problems == [], "\n".join(problems)


def test_the_catalogue_has_every_string_of_the_code(tmp_path: Path) -> None:
    """pyside6-lupdate over today's code finds nothing the .ts lacks."""
    fresh = tmp_path / "fresh.ts"
    sources = sorted(str(p) for d in ("app", "widgets", "model") for p in (ROOT / d).rglob("*.py"))
    subprocess.run([str(TOOLS / "pyside6-lupdate"), "-locations", "none",
                    "-tr-function-alias", "tr+=qtr", *sources, "-ts", str(fresh)],
                   check=True, capture_output=True, cwd=ROOT)

    def keys(ts: Path) -> set[tuple[str, str]]:
        root = ET.parse(ts).getroot()
        return {(c.findtext("name") or "", m.findtext("source") or "")
                for c in root.iter("context") for m in c.iter("message")}
    missing = keys(fresh) - keys(TS)
    assert not missing, ("run: bash installer/update-translations.sh, then translate:\n"
                         + "\n".join(repr(m) for m in sorted(missing)))


def test_the_shipped_qm_is_compiled_from_the_ts(tmp_path: Path) -> None:
    compiled = tmp_path / "de.qm"
    subprocess.run([str(TOOLS / "pyside6-lrelease"), str(TS), "-qm", str(compiled)],
                   check=True, capture_output=True)
    assert QM.read_bytes() == compiled.read_bytes(), "run: bash installer/update-translations.sh"


@pytest.fixture
def german_window(qtbot, workspace: Workspace) -> Iterator[MainWindow]:
    app = QCoreApplication.instance()
    assert app is not None
    before = QLocale()
    translators = install_translators(app, "de")
    win = MainWindow(Settings(), workspace)
    win.set_document(new_document(workspace, "cjm7"))
    win.show()
    qtbot.waitExposed(win)
    yield win
    if win.doc is not None:
        win.doc.undo_stack.setClean()
    win.close()
    win.deleteLater()
    for translator in translators:
        QCoreApplication.removeTranslator(translator)
    QLocale.setDefault(before)


def test_choosing_german_shows_the_menus_docks_and_cards_in_german(
        german_window: MainWindow) -> None:
    menus = [a.text() for a in german_window.menuBar().actions()]
    assert menus[:4] == ["&Datei", "&Bearbeiten", "&Ansicht", "&Journey"]
    titles = {d.windowTitle() for d in german_window.findChildren(QDockWidget)}
    assert {"Kärtchen", "Eigenschaften", "Personas"} <= titles
    assert german_window.windowTitle().startswith("Unbenannt")
    palette = german_window.card_palette
    kinds = [palette.item(i).text() for i in range(palette.count())]
    assert "Kontaktpunkt" in kinds and "Schmerzpunkt" in kinds


def test_view_language_stores_the_choice_for_the_next_start(window, qtbot) -> None:
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication, QMessageBox

    from app.language_menu import LanguageMenu

    menu = window.findChild(LanguageMenu)
    assert menu is not None
    view = next(a.menu() for a in window.menuBar().actions() if a.text() == "&View")
    assert menu.menuAction() in view.actions()
    german = next(a for a in menu.actions() if a.text() == "Deutsch")
    said: list[str] = []

    def answer() -> None:
        box = QApplication.activeModalWidget()
        if isinstance(box, QMessageBox):
            said.append(box.text())
            box.accept()

    QTimer.singleShot(0, answer)
    german.trigger()
    assert window.settings.language() == "de"
    assert german.isChecked()
    assert said and "next time" in said[0]


def test_undo_steps_are_named_in_german_too(german_window: MainWindow) -> None:
    from app.commands.journeys import CreatePersonaCommand

    assert german_window.doc is not None
    german_window.ctx.push(CreatePersonaCommand(german_window.ctx.editor(), {"name": "Tina"}))
    stack = german_window.doc.undo_stack
    assert stack.text(stack.count() - 1) == "Neue Persona"
    assert german_window.acts.undo.text().endswith("Neue Persona")
