"""Presenter mode (F5): the map full screen on the projector, stepped stage by stage."""

from __future__ import annotations

from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QActionGroup, QGuiApplication, QScreen
from PySide6.QtWidgets import QMenu

from app.context import EditorContext
from app.settings import Settings
from widgets.presenter import PresenterWindow
from widgets.timer import Countdown


class PresenterController(QObject):
    """Opens the presenter on the other screen if there is one; Escape comes back."""

    def __init__(self, ctx: EditorContext, countdown: Countdown,
                 settings: Settings | None = None) -> None:
        super().__init__(ctx.window)
        self.ctx = ctx
        self.countdown = countdown
        self.settings = settings
        self.window: PresenterWindow | None = None
        self.screens_menu = QMenu(self.tr("Present &On"), ctx.window)
        self.screens_menu.aboutToShow.connect(self._fill_screens_menu)

    def target_screen(self) -> QScreen:
        """The chosen screen if it is there; else one the editor is not on (the projector)."""
        own = self.ctx.window.screen()
        chosen = self.settings.presenter_screen() if self.settings is not None else ""
        screens = QGuiApplication.screens()
        named = next((s for s in screens if chosen and s.name() == chosen), None)
        if named is not None:
            return named
        others = [s for s in screens if s is not own]
        return others[0] if others else own

    def choose_screen(self, name: str) -> None:
        """Present on this screen from now on ("": automatic); kept in the settings."""
        if self.settings is not None:
            self.settings.set_presenter_screen(name)
        self.ctx.status(self.tr("Presenter mode will use {0}.").format(
            name or self.tr("a screen without the editor")))

    def _fill_screens_menu(self) -> None:
        menu = self.screens_menu
        menu.clear()
        group = QActionGroup(menu)
        chosen = self.settings.presenter_screen() if self.settings is not None else ""
        names = [s.name() for s in QGuiApplication.screens()]
        entries = [("", self.tr("&Automatic (a screen without the editor)"))]
        for i, screen in enumerate(QGuiApplication.screens()):
            size = screen.geometry()
            entries.append((screen.name(), self.tr("Screen {0}: {1} ({2} x {3})").format(
                i + 1, screen.name(), size.width(), size.height())))
        for name, label in entries:
            action = menu.addAction(label)
            action.setCheckable(True)
            action.setChecked(name == chosen or (not name and chosen not in names))
            action.triggered.connect(lambda _c=False, n=name: self.choose_screen(n))
            group.addAction(action)

    def _editor_off(self, screen: QScreen) -> None:
        """With two screens, the editor keeps the one the room does not see."""
        editor = self.ctx.window
        if editor.screen() is not screen:
            return
        others = [s for s in QGuiApplication.screens() if s is not screen]
        if not others:
            return
        area = others[0].availableGeometry()
        if editor.isMaximized() or editor.isFullScreen():
            editor.showNormal()
        editor.resize(min(editor.width(), area.width()), min(editor.height(), area.height()))
        editor.move(area.topLeft())
        if editor.windowHandle() is not None:
            editor.windowHandle().setScreen(others[0])

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
        self._editor_off(screen)
        window.setScreen(screen)
        window.setGeometry(screen.geometry())
        self.window = window
        window.showFullScreen()
        window.activateWindow()
        window.setFocus(Qt.FocusReason.ShortcutFocusReason)
        window.show_stage(first)
        # The scene is shared: cards drawn as blocks for a zoomed-out editor would be
        # blocks on the projector too.
        scene.set_level_of_detail(window.view.transform().m11())

    def _left(self) -> None:
        self.window = None
        view = self.ctx.view
        self.ctx.scene.pin_headers(view.visible_scene_rect())  # back to the editor's view
        self.ctx.scene.set_level_of_detail(view.zoom)
        self.ctx.window.activateWindow()
        view.setFocus(Qt.FocusReason.ShortcutFocusReason)
