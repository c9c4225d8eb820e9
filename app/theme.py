"""Light or dark: View → Theme for the canvas and the window, or the desktop's choice."""

from __future__ import annotations

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtGui import QAction, QActionGroup, QGuiApplication, QPalette
from PySide6.QtWidgets import QApplication, QMenu, QWidget

from app.settings import Settings, Theme
from widgets.chrome import dark_window_palette


def system_scheme() -> Qt.ColorScheme:
    """The desktop's colour scheme as Qt reports it (Unknown where the platform does not)."""
    if not isinstance(QGuiApplication.instance(), QGuiApplication):
        return Qt.ColorScheme.Unknown
    return QGuiApplication.styleHints().colorScheme()


class ThemeController(QObject):
    """Keeps the setting, the menu's check mark and the canvas's palette in step."""

    dark_changed = Signal(bool)  # the canvas should now be dark (True) or light

    def __init__(self, settings: Settings, parent: QWidget) -> None:
        super().__init__(parent)
        self._settings = settings
        self.theme = settings.theme()
        self._system = system_scheme()  # kept current by the style hints' change signal
        self.dark = self._wanted_dark()
        self.menu = QMenu(self.tr("&Theme"), parent)
        self.menu.setObjectName("theme_menu")
        group = QActionGroup(self)
        group.setExclusive(True)
        self.actions: dict[Theme, QAction] = {}
        for theme, text in ((Theme.SYSTEM, self.tr("&System")), (Theme.LIGHT, self.tr("&Light")),
                            (Theme.DARK, self.tr("&Dark"))):
            action = QAction(text, parent)
            action.setCheckable(True)
            action.setChecked(theme == self.theme)
            action.setData(theme.value)
            action.triggered.connect(lambda _checked=False, t=theme: self.set_theme(t))
            group.addAction(action)
            self.menu.addAction(action)
            self.actions[theme] = action
        self.actions[Theme.SYSTEM].setStatusTip(self.tr("Follow the desktop's light or dark mode"))
        app = QGuiApplication.instance()
        if isinstance(app, QGuiApplication):
            QGuiApplication.styleHints().colorSchemeChanged.connect(self._system_changed)
        self.apply_window_palette()

    def _wanted_dark(self) -> bool:
        if self.theme == Theme.SYSTEM:
            return self._system == Qt.ColorScheme.Dark  # unknown counts as light
        return self.theme == Theme.DARK

    def set_theme(self, theme: Theme) -> None:
        """Choose System, Light or Dark; stored, and the canvas follows at once."""
        self.theme = theme
        self._settings.set_theme(theme)
        self.actions[theme].setChecked(True)
        self._update()

    def _system_changed(self, scheme: Qt.ColorScheme) -> None:
        self._system = scheme
        if self.theme == Theme.SYSTEM:
            self._update()

    def _update(self) -> None:
        dark = self._wanted_dark()
        if dark != self.dark:
            self.dark = dark
            self.dark_changed.emit(dark)
        self.apply_window_palette()

    def apply_window_palette(self) -> None:
        """The whole window follows the theme, not just the canvas.

        System, or a choice the desktop already is: the desktop's own palette. Dark on a
        light desktop: model.style's dark window colours. Light on a dark desktop: the
        style's standard (light) palette.
        """
        app = QApplication.instance()
        if not isinstance(app, QApplication):
            return
        desktop_dark = self._system == Qt.ColorScheme.Dark
        if self.theme == Theme.SYSTEM or self.dark == desktop_dark:
            wanted = QPalette()  # nothing set: the platform's palette
        elif self.dark:
            wanted = dark_window_palette()
        else:
            wanted = app.style().standardPalette()
        if wanted.resolveMask() == 0 and app.palette().resolveMask() == 0:
            return  # already the desktop's
        QApplication.setPalette(wanted)
