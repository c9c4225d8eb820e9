"""The editor's windows, one document each: a file asked for again raises its window."""

from __future__ import annotations

import os
from functools import partial
from pathlib import Path

from PySide6.QtCore import QObject, QPoint, Qt
from PySide6.QtWidgets import QApplication

from app.document import new_document
from app.files import raise_widget
from app.main_window import MainWindow
from app.settings import Settings
from app.single_instance import OpenRequest
from model.store import Workspace

CASCADE = QPoint(32, 32)  # a new window sits below and right of the one in front


def same_file(a: Path, b: Path) -> bool:
    """Whether two paths name one file (symlinks and hard links included)."""
    try:
        return os.path.samefile(a, b)
    except OSError:
        return a.absolute() == b.absolute()


class EditorWindows(QObject):
    """Makes, finds and forgets the main windows of this process."""

    def __init__(self, settings: Settings, workspace: Workspace, template: str = "cjm7",
                 parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.settings = settings
        self.workspace = workspace
        self.template = template
        self._windows: list[MainWindow] = []

    def windows(self) -> list[MainWindow]:
        return list(self._windows)

    def make_window(self) -> MainWindow:
        """A new, not yet shown window without a document; freed when it is closed."""
        window = MainWindow(self.settings, self.workspace)
        window.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self._windows.append(window)
        window.destroyed.connect(lambda _obj=None, w=window: self._forget(w))
        window.files.find_open = partial(self._other_window_for, besides=window)
        front = self._front_window(besides=window)
        if front is not None:
            self._cascade(window, front)
        return window

    def window_for(self, path: Path) -> MainWindow | None:
        """The window that has this file open, if any."""
        for window in self._windows:
            doc = window.doc
            if doc is not None and doc.path is not None and same_file(doc.path, path):
                return window
        return None

    def _other_window_for(self, path: Path, besides: MainWindow) -> MainWindow | None:
        found = self.window_for(path)
        return found if found is not besides else None

    def open_request(self, request: OpenRequest) -> MainWindow | None:
        """Show what another launch asked for; None when the file could not be opened."""
        if request.path is None:
            window = self.make_window()
            window.set_document(new_document(self.workspace, self.template))
            window.show()
            raise_widget(window)
            return window
        existing = self.window_for(request.path)
        if existing is not None:
            raise_widget(existing)
            return existing
        window = self.make_window()
        # A bad file is said in a message; then no window is left behind.
        if not window.open_file(request.path):
            self._forget(window)
            window.deleteLater()
            return None
        window.show()
        raise_widget(window)
        return window

    def _forget(self, window: MainWindow) -> None:
        if window in self._windows:
            self._windows.remove(window)

    def _front_window(self, besides: MainWindow) -> MainWindow | None:
        active = QApplication.activeWindow()
        if isinstance(active, MainWindow) and active is not besides:
            return active
        shown = [w for w in self._windows if w is not besides and w.isVisible()]
        return shown[-1] if shown else None

    @staticmethod
    def _cascade(window: MainWindow, front: MainWindow) -> None:
        screen = front.screen().availableGeometry()
        spot = front.pos() + CASCADE
        if (spot.x() + window.width() > screen.right()
                or spot.y() + window.height() > screen.bottom()):
            spot = screen.topLeft()
        window.move(spot)
