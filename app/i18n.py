"""The UI language: the system's, or the one chosen in View → Language (after a restart)."""

from __future__ import annotations

from importlib import resources
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator

CATALOGUE = "journeyboard"
# Languages with a translation in resources/i18n (English is the source language).
LANGUAGES = {"en": "English", "de": "Deutsch"}


def translations_folder() -> Path:
    return Path(str(resources.files("resources").joinpath("i18n")))


def ui_locale(choice: str) -> QLocale:
    """The locale the UI speaks: the chosen language, else the system's."""
    return QLocale(choice) if choice in LANGUAGES else QLocale.system()


def install_translators(app: QCoreApplication, choice: str) -> list[QTranslator]:
    """Load Journeyboard's and Qt's own translations for the language (owned by the app).

    English is the source language: for it (or a language without a translation) only
    the English plural forms are loaded.
    """
    locale = ui_locale(choice)
    translators: list[QTranslator] = []
    # English plurals ("1 card" / "2 cards") under any language: installed first, so a
    # language's own catalogue, installed after it, is asked first.
    plurals = QTranslator(app)
    if plurals.load(f"{CATALOGUE}_en", str(translations_folder())):
        app.installTranslator(plurals)
    ours = QTranslator(app)
    if ours.load(locale, CATALOGUE, "_", str(translations_folder())):
        translators.append(ours)
        # Qt's standard buttons and dialogs (OK, Cancel, the file dialog) in the same language.
        qt = QTranslator(app)
        qt_folder = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
        if qt.load(locale, "qtbase", "_", qt_folder):
            translators.append(qt)
    for translator in translators:
        app.installTranslator(translator)
    if translators:
        QLocale.setDefault(locale)
    if not plurals.isEmpty():
        translators.insert(0, plurals)
    return translators
