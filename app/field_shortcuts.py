"""The window's shortcuts work while typing in a one-line field (Ctrl+E exports from it)."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject
from PySide6.QtGui import QAction, QKeyEvent, QKeySequence
from PySide6.QtWidgets import QLineEdit, QWidget

_SK = QKeySequence.StandardKey
# What a field does to its own text with these keys wins over the window's action.
_EDITING = (_SK.Undo, _SK.Redo, _SK.Cut, _SK.Copy, _SK.Paste, _SK.Delete, _SK.SelectAll)


def _editing_keys() -> set[str]:
    keys = {QKeySequence(k).toString() for k in ("Ctrl+Y", "Ctrl+Shift+Z")}
    for standard in _EDITING:
        keys.update(k.toString() for k in QKeySequence.keyBindings(standard))
    return keys


class WindowShortcutsFirst(QObject):
    """Lets the window's own shortcuts through a line edit that would take them.

    A QLineEdit claims some Ctrl+letter keys for moving the text cursor (on X11, Ctrl+E
    is "end of line"), so the window's action never fires while the field has the focus.
    Only the keys a field uses to edit its text (undo, copy, paste, ...) stay the field's.
    """

    def __init__(self, window: QWidget) -> None:
        super().__init__(window)
        self._window = window
        self._editing = _editing_keys()

    def watch_fields(self) -> None:
        """Every one-line field of the window (the header's, the panels', spin boxes')."""
        for field in self._window.findChildren(QLineEdit):
            field.installEventFilter(self)

    def window_keys(self) -> set[str]:
        """The shortcuts of the window's enabled actions, as portable text."""
        return {key.toString() for action in self._window.findChildren(QAction)
                if action.isEnabled() for key in action.shortcuts()}

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.ShortcutOverride and isinstance(event, QKeyEvent):
            key = QKeySequence(event.keyCombination()).toString()
            if key not in self._editing and key in self.window_keys():
                event.ignore()  # not the field's: the shortcut map gives it to the action
                return True
        return False
