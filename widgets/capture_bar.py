"""The scribe's capture bar: one line, "stage / lane: text", Enter adds the card."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QStringListModel, Qt, QTimer, Signal
from PySide6.QtGui import QKeyEvent, QKeySequence, QResizeEvent
from PySide6.QtWidgets import (
    QCompleter,
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QSizePolicy,
    QToolButton,
    QWidget,
)

from widgets.chrome import chrome, follow_desktop


def result_style(ok: bool) -> str:
    """A line that worked in the chrome's "ok" colour, a refused one bold in "problem"."""
    c = chrome()
    return f"color: {c.ok};" if ok else f"color: {c.problem}; font-weight: bold;"


class ElidedLabel(QLabel):
    """One line that never asks for more width than it gets: cut with "…", whole in the
    tooltip (a long "Nothing added: …" once widened the whole window)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._full = ""
        self.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        self.setMinimumWidth(0)

    def set_message(self, text: str) -> None:
        self._full = text
        self.setToolTip(text)
        self._elide()

    def message(self) -> str:
        return self._full

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._elide()

    def _elide(self) -> None:
        margins = self.contentsMargins()
        room = self.width() - margins.left() - margins.right()
        self.setText(self.fontMetrics().elidedText(
            self._full, Qt.TextElideMode.ElideRight, max(room, 0)))


class CaptureLine(QLineEdit):
    """The line edit; Escape asks to close the bar instead of doing nothing."""

    escaped = Signal()

    def event(self, event: QEvent) -> bool:
        # With nothing to undo in the line, Ctrl+Z undoes the last card added.
        if (event.type() == QEvent.Type.ShortcutOverride and isinstance(event, QKeyEvent)
                and ((event.matches(QKeySequence.StandardKey.Undo)
                      and not self.isUndoAvailable())
                     or (event.matches(QKeySequence.StandardKey.Redo)
                         and not self.isRedoAvailable()))):
            event.ignore()
            return False
        return super().event(event)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        popup = self.completer().popup() if self.completer() is not None else None
        if event.key() == Qt.Key.Key_Escape and (popup is None or not popup.isVisible()):
            self.escaped.emit()
            event.accept()
            return
        super().keyPressEvent(event)


class CaptureBar(QFrame):
    """Reports each line the scribe enters; shows what became of it."""

    submitted = Signal(str)  # the line as typed
    closed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("CaptureBar")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setAccessibleName(self.tr("Capture bar"))
        label = QLabel(self.tr("&Capture:"))
        self.line = CaptureLine()
        self.line.setAccessibleName(self.tr("Capture a card"))
        self.line.setPlaceholderText(self.tr("stage / lane: text, e.g. Awareness / Actions: "
                                             "Sees an advert"))
        self.line.setToolTip(self.tr(
            "Type “stage / lane: text” and press Enter. Names may be shortened while they "
            "stay unique; a stage may be given by its number. Escape closes the bar."))
        label.setBuddy(self.line)
        self.message = ElidedLabel()
        self.message.setAccessibleName(self.tr("Capture result"))
        self._ok = True
        follow_desktop(self.message, lambda: self.message.setStyleSheet(result_style(self._ok)))
        self.message.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        close = QToolButton()
        close.setText(self.tr("Close"))
        close.setAutoRaise(True)
        close.setToolTip(self.tr("Close the capture bar (Escape)"))
        close.setAccessibleName(self.tr("Close capture bar"))
        close.clicked.connect(self.closed)
        box = QHBoxLayout(self)
        box.setContentsMargins(8, 4, 4, 4)
        box.addWidget(label)
        box.addWidget(self.line, 3)
        box.addWidget(self.message, 2)
        box.addWidget(close)
        self._model = QStringListModel(self)
        completer = QCompleter(self._model, self)
        completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        completer.setFilterMode(Qt.MatchFlag.MatchContains)
        completer.setMaxVisibleItems(12)
        completer.activated.connect(self._on_completed)
        self.line.setCompleter(completer)
        self._completed = False
        self.line.returnPressed.connect(self._on_return)
        self.line.escaped.connect(self.closed)

    def set_completions(self, texts: list[str]) -> None:
        """The "stage / lane: " starts offered while typing."""
        self._model.setStringList(texts)

    def completions(self) -> list[str]:
        return self._model.stringList()

    def start(self) -> None:
        """Show the bar with the keyboard focus in its line."""
        self.show()
        self.line.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.line.selectAll()

    def show_result(self, message: str, ok: bool) -> None:
        """Say what became of the last line; a card added clears the line for the next."""
        self.message.set_message(message)
        self._ok = ok
        self.message.setStyleSheet(result_style(ok))
        if ok:
            self.line.setText("")  # also forgets the line's undo: Ctrl+Z undoes the card

    def _on_completed(self, _text: str) -> None:
        # Enter in the completion list picks a place; it must not also submit the line.
        # (A pick by Tab or click has no Enter after it: the flag ends with this event.)
        self._completed = True
        QTimer.singleShot(0, self._end_completion)

    def _end_completion(self) -> None:
        self._completed = False

    def _on_return(self) -> None:
        if self._completed:
            self._completed = False
            return
        self.submitted.emit(self.line.text())
