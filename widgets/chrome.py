"""The window chrome's colours (model.style.Chrome) for the desktop's light or dark palette.

Notes, banners and the timer are coloured with style sheets; they take their colours
from here and set them again when the desktop switches between light and dark.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject
from PySide6.QtGui import QGuiApplication, QPalette
from PySide6.QtWidgets import QWidget

from model.style import Chrome, chrome_for


def desktop_is_dark() -> bool:
    """Whether the application's palette (the desktop's) has dark windows."""
    return QGuiApplication.palette().color(QPalette.ColorRole.Window).lightnessF() < 0.5


def chrome() -> Chrome:
    """The chrome colours for the desktop's palette now."""
    return chrome_for(desktop_is_dark())


class _Restyle(QObject):
    """Lives as long as its widget, so the application's signal stops reaching it after."""

    def __init__(self, widget: QWidget, apply: Callable[[], None]) -> None:
        super().__init__(widget)
        self._apply = apply
        app = QGuiApplication.instance()
        if isinstance(app, QGuiApplication):
            app.paletteChanged.connect(self._changed)

    def _changed(self, _palette: QPalette) -> None:
        self._apply()


def follow_desktop(widget: QWidget, apply: Callable[[], None]) -> None:
    """Call ``apply`` now and whenever the desktop's palette changes (light <-> dark)."""
    apply()
    _Restyle(widget, apply)


def chrome_text(widget: QWidget, role: str, extra: str = "") -> None:
    """Colour a widget's text with one chrome colour (``"problem"``, ``"warning"``, …)."""
    follow_desktop(widget, lambda: widget.setStyleSheet(
        f"color: {getattr(chrome(), role)};{extra}"))
