"""The description of the opportunity selected in the register: a multi-line editor.

What is typed is reported once, when the editor loses the focus or on Ctrl+Enter, as
``committed(id, text)``; Escape puts back the stored text. The app turns a commit into
one undoable edit and shows the stored text again through ``show_opportunity``.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QFocusEvent, QKeyEvent
from PySide6.QtWidgets import QLabel, QPlainTextEdit, QVBoxLayout, QWidget


class DescriptionEdit(QPlainTextEdit):
    """Plain text; Tab leaves the editor (a description has no use for tab characters)."""

    left = Signal()
    cancelled = Signal()
    submitted = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setTabChangesFocus(True)

    def focusOutEvent(self, event: QFocusEvent) -> None:
        super().focusOutEvent(event)
        self.left.emit()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() == Qt.Key.Key_Escape:
            self.cancelled.emit()
            return
        if (event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter)
                and event.modifiers() & Qt.KeyboardModifier.ControlModifier):
            self.submitted.emit()
            return
        super().keyPressEvent(event)


class OpportunityDetail(QWidget):
    """The selected opportunity's description, edited in place."""

    committed = Signal(int, str)  # opportunity id, the new description

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("OpportunityDetail")
        self.opp_id: int | None = None
        self._stored = ""
        self.title = QLabel()
        self.title.setWordWrap(True)
        self.title.setTextFormat(Qt.TextFormat.PlainText)
        self.edit = DescriptionEdit()
        self.edit.setAccessibleName(self.tr("Opportunity description"))
        self.edit.setPlaceholderText(self.tr(
            "What the opportunity is, why it matters, what done looks like…"))
        self.edit.setToolTip(self.tr("Saved when you leave the field or press Ctrl+Enter; "
                                     "Escape puts back the saved text"))
        self.edit.left.connect(self.commit)
        self.edit.submitted.connect(self.commit)
        self.edit.cancelled.connect(self.revert)
        box = QVBoxLayout(self)
        box.setContentsMargins(0, 0, 0, 0)
        box.setSpacing(2)
        box.addWidget(self.title)
        box.addWidget(self.edit, 1)
        self.show_opportunity(None, "", "")

    @property
    def editing(self) -> bool:
        """Typed text not yet committed."""
        return self.opp_id is not None and self.edit.toPlainText() != self._stored

    def show_opportunity(self, opp_id: int | None, title: str, description: str) -> None:
        """Show one opportunity (None: nothing selected); pending typing is committed first."""
        if opp_id != self.opp_id:
            self.commit()
        elif self.editing and self.edit.hasFocus():
            self._stored = description  # the user is still typing: keep their text
            return
        self.opp_id = opp_id
        self._stored = description
        self.title.setText(self.tr("Description of “{0}”").format(title) if opp_id is not None
                           else self.tr("Select an opportunity to describe it."))
        self.edit.setEnabled(opp_id is not None)
        self.edit.blockSignals(True)
        self.edit.setPlainText(description)
        self.edit.blockSignals(False)

    def commit(self) -> None:
        if self.editing and self.opp_id is not None:
            text = self.edit.toPlainText()
            self._stored = text
            self.committed.emit(self.opp_id, text)

    def revert(self) -> None:
        self.edit.setPlainText(self._stored)
