"""The window chrome's colours (model.style.Chrome) for the desktop's light or dark palette.

Notes, banners and the timer are coloured with style sheets; they take their colours
from here and set them again when the desktop switches between light and dark.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject
from PySide6.QtGui import QColor, QGuiApplication, QPalette
from PySide6.QtWidgets import QWidget

from model.style import DARK_WINDOW, Chrome, WindowColors, chrome_for


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


def chrome_text(widget: QWidget, role: Callable[[Chrome], str], extra: str = "") -> None:
    """Colour a widget's text with one chrome colour (``lambda c: c.problem``, …)."""
    follow_desktop(widget, lambda: widget.setStyleSheet(f"color: {role(chrome())};{extra}"))


def dark_window_palette(colors: WindowColors = DARK_WINDOW) -> QPalette:
    """A dark palette for every widget (Fusion draws with it), from model.style."""
    role = QPalette.ColorRole
    palette = QPalette()
    for which, color in (
        (role.Window, colors.window), (role.WindowText, colors.window_text),
        (role.Base, colors.base), (role.AlternateBase, colors.alternate_base),
        (role.Text, colors.text), (role.Button, colors.button),
        (role.ButtonText, colors.button_text), (role.BrightText, colors.highlighted_text),
        (role.Highlight, colors.highlight), (role.HighlightedText, colors.highlighted_text),
        (role.ToolTipBase, colors.tooltip_base), (role.ToolTipText, colors.tooltip_text),
        (role.PlaceholderText, colors.placeholder), (role.Link, colors.link),
        (role.Light, colors.light), (role.Midlight, colors.mid), (role.Mid, colors.mid),
        (role.Dark, colors.dark), (role.Shadow, colors.dark),
    ):
        palette.setColor(which, QColor(color))
    disabled = QPalette.ColorGroup.Disabled
    for which in (role.WindowText, role.Text, role.ButtonText):
        palette.setColor(disabled, which, QColor(colors.disabled_text))
    return palette
