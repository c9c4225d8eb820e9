"""View → Language: the system's language or a chosen one, used from the next start."""

from __future__ import annotations

from PySide6.QtGui import QAction, QActionGroup
from PySide6.QtWidgets import QMenu, QMessageBox, QWidget

from app.i18n import LANGUAGES
from app.settings import Settings


class LanguageMenu(QMenu):
    """One checkable entry per language; the choice is stored and applies after a restart."""

    def __init__(self, settings: Settings, parent: QWidget) -> None:
        super().__init__(parent)
        self.setTitle(self.tr("&Language"))
        self.settings = settings
        self.group = QActionGroup(self)
        self.group.setExclusive(True)
        current = settings.language()
        choices = [("", self.tr("System Default")), *LANGUAGES.items()]
        for code, name in choices:
            # Each language is named in itself (a user who cannot read the current one
            # still finds theirs); they are names, not translated.
            action = QAction(name, self)
            action.setCheckable(True)
            action.setChecked(code == current)
            action.setData(code)
            self.group.addAction(action)
            self.addAction(action)
        self.group.triggered.connect(self._chosen)

    def _chosen(self, action: QAction) -> None:
        code = str(action.data() or "")
        if code == self.settings.language():
            return
        self.settings.set_language(code)
        self.settings.sync()
        QMessageBox.information(
            self.parentWidget(), self.tr("Language"),
            self.tr("Journeyboard will use the new language the next time it starts."))
