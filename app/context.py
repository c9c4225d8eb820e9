"""What the main window's parts share: the open document, the canvas and the status line."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import QMainWindow

from app.commands import EditorCommand
from app.document import Document
from model.edits import Editor
from widgets.scene import JourneyScene
from widgets.view import JourneyView


class EditorContext:
    """The window's current document and canvas, for the parts that turn input into edits.

    Each part (canvas gestures, clipboard, structure dialogs, files) gets this instead of
    the whole window, so none of them depends on the others or on the window class.
    """

    def __init__(self, window: QMainWindow, scene: JourneyScene, view: JourneyView) -> None:
        self.window = window
        self.scene = scene
        self.view = view
        self.doc: Document | None = None
        self.refresh: Callable[[], None] = lambda: None  # set by the window: relayout now
        # the heat overlay's metric while it is shown (exports follow it), else None
        self.heat: Callable[[], str | None] = lambda: None
        # dots per votable card of the voting round shown (0 for none yet), else {}
        self.votes: Callable[[], dict[int, int]] = lambda: {}
        self.refresh_badges: Callable[[], None] = lambda: None  # set by the window

    @property
    def journey_id(self) -> int | None:
        return self.doc.journey_id if self.doc is not None else None

    def editor(self) -> Editor:
        assert self.doc is not None
        return self.doc.editor

    def status(self, message: str, ms: int = 4000) -> None:
        self.window.statusBar().showMessage(message, ms)

    def push(self, command: EditorCommand) -> bool:
        """Push an edit; a refused one is reported and leaves no undo step. True if applied."""
        if self.doc is None:
            return False
        self.doc.push(command)
        if command.error is not None:
            self.status(str(command.error), 6000)
            self.refresh()  # panels showing the refused value go back to the model's
            return False
        return True
