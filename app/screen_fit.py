"""Keep every dialog on its screen: a small laptop at 200 % is 683 x 384 logical pixels."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QEvent, QObject
from PySide6.QtWidgets import QDialog, QWidget

SHARE = 0.95  # of the available screen area a dialog may take


def fit_to_screen(widget: QWidget) -> None:
    """Shrink a window that would open larger than its screen, and keep it on it."""
    screen = widget.screen()
    if screen is None:
        return
    area = screen.availableGeometry()
    width = min(widget.width(), int(area.width() * SHARE))
    height = min(widget.height(), int(area.height() * SHARE))
    if (width, height) != (widget.width(), widget.height()):
        widget.resize(max(width, widget.minimumWidth()), max(height, widget.minimumHeight()))
    frame = widget.frameGeometry()
    x = min(max(frame.x(), area.x()), area.right() - frame.width() + 1)
    y = min(max(frame.y(), area.y()), area.bottom() - frame.height() + 1)
    if (x, y) != (frame.x(), frame.y()):
        widget.move(max(x, area.x()), max(y, area.y()))


class ScreenFit(QObject):
    """Fits each dialog to its screen as it is shown (wizards and lists included)."""

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Show and isinstance(watched, QDialog) and (
                watched.isWindow()):
            fit_to_screen(watched)
        return False


def install(app: QCoreApplication) -> ScreenFit:
    """Install the fitting for the whole application (keep the returned object)."""
    fit = ScreenFit(app)
    app.installEventFilter(fit)
    return fit
