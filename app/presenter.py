"""Presenter mode (F5): the map full screen on the projector, stepped stage by stage."""

from __future__ import annotations

from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QGuiApplication, QScreen

from app.context import EditorContext
from widgets.presenter import PresenterWindow
from widgets.timer import Countdown


class PresenterController(QObject):
    """Opens the presenter on the other screen if there is one; Escape comes back."""

    def __init__(self, ctx: EditorContext, countdown: Countdown) -> None:
        super().__init__(ctx.window)
        self.ctx = ctx
        self.countdown = countdown
        self.window: PresenterWindow | None = None

    def target_screen(self) -> QScreen:
        """A screen the editor is not on (the projector), else the editor's own."""
        own = self.ctx.window.screen()
        others = [s for s in QGuiApplication.screens() if s is not own]
        return others[0] if others else own

    def start(self) -> None:
        doc = self.ctx.doc
        layout = self.ctx.scene.layout
        if doc is None or layout is None or not layout.stages:
            self.ctx.status(self.tr("Open a journey with stages to present it."))
            return
        if self.window is not None:
            self.window.activateWindow()
            return
        scene = self.ctx.scene
        cell = scene.current_cell
        first = next((i for i, s in enumerate(layout.stages) if cell and s.id == cell[0]), 0)
        # The room sees the map itself: no selection outline, no keyboard cursor.
        scene.clearSelection()
        scene.current_cell = None
        journey = doc.journey()
        window = PresenterWindow(scene, self.countdown, journey["name"] if journey else "")
        window.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        window.left.connect(self._left)
        screen = self.target_screen()
        window.setScreen(screen)
        window.setGeometry(screen.geometry())
        self.window = window
        window.showFullScreen()
        window.activateWindow()
        window.setFocus(Qt.FocusReason.ShortcutFocusReason)
        window.show_stage(first)

    def _left(self) -> None:
        self.window = None
        view = self.ctx.view
        self.ctx.scene.pin_headers(view.visible_scene_rect())  # back to the editor's view
        self.ctx.window.activateWindow()
        view.setFocus(Qt.FocusReason.ShortcutFocusReason)
