"""A form bound to one object: shows its fields, reports only the ones the user changed.

The inspector's card, stage and lane pages and the persona library's form are built on
it; text fields commit when editing finishes and revert on Escape.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any, ClassVar, Generic, cast

from PySide6.QtCore import QSignalBlocker, Qt, Signal
from PySide6.QtGui import QFocusEvent, QFont, QKeyEvent
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from model.records import F, FieldsEdit
from widgets.palette import swatch_icon


class CommitTextEdit(QPlainTextEdit):
    """A plain-text field that reports when its edit is finished.

    ``committed`` on focus out or Ctrl+Enter, ``reverted`` on Escape. Tab moves
    focus instead of inserting a tab.
    """

    committed = Signal()
    reverted = Signal()

    def __init__(self, lines: int = 4, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setTabChangesFocus(True)
        self.setLineWrapMode(QPlainTextEdit.LineWrapMode.WidgetWidth)
        margins = self.contentsMargins()
        doc_margin = 2 * self.document().documentMargin()
        self.setFixedHeight(
            int(self.fontMetrics().lineSpacing() * lines + doc_margin)
            + margins.top()
            + margins.bottom()
            + 2 * self.frameWidth()
        )
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)

    def is_modified(self) -> bool:
        return self.document().isModified()

    def set_text(self, text: str) -> None:
        """Show ``text`` as the unmodified value."""
        self.setPlainText(text)
        self.document().setModified(False)

    def focusOutEvent(self, event: QFocusEvent) -> None:
        super().focusOutEvent(event)
        self.committed.emit()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        enter = event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter)
        if enter and event.modifiers() & Qt.KeyboardModifier.ControlModifier:
            self.committed.emit()
            event.accept()
            return
        if event.key() == Qt.Key.Key_Escape and self.is_modified():
            self.reverted.emit()
            event.accept()
            return
        super().keyPressEvent(event)


class ColorButton(QPushButton):
    """A button showing a colour swatch and a short description of the colour."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.setStyleSheet("text-align: left; padding: 3px 8px;")

    def set_color(self, color: str, caption: str) -> None:
        self.setIcon(swatch_icon(color))
        self.setText(caption)


def heading(text: str) -> QLabel:
    label = QLabel(text)
    font = QFont(label.font())
    font.setBold(True)
    font.setPointSizeF(font.pointSizeF() * 1.15)
    label.setFont(font)
    return label


def set_combo_data(combo: QComboBox, value: object) -> None:
    # findData() cannot find None (an invalid QVariant), so compare in Python.
    index = next((i for i in range(combo.count()) if combo.itemData(i) == value), -1)
    combo.setCurrentIndex(index)


class EditorPage(QWidget, Generic[F]):
    """One form (card, stage or lane) bound to the item it shows.

    Keeps the values last shown so an edit is reported only when it changes one,
    and only with that one field (``edited`` carries a ``FieldsEdit[F]``).
    """

    edited = Signal(object)
    DEFAULTS: ClassVar[dict[str, Any]] = {}

    def __init__(self, title: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._target_id: int | None = None
        self._values: dict[str, Any] = dict(self.DEFAULTS)
        self._syncing = False
        self._text_fields: dict[str, QLineEdit | CommitTextEdit] = {}
        self.form = QFormLayout()
        self.form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.form.setLabelAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(8, 8, 8, 8)
        outer.addWidget(heading(title))
        outer.addLayout(self.form)
        outer.addStretch(1)

    @property
    def target_id(self) -> int | None:
        return self._target_id

    def values(self) -> dict[str, Any]:
        """The values as last shown or edited."""
        return dict(self._values)

    def load(self, fields: Mapping[str, Any]) -> None:
        """Show ``fields`` (from the model) without reporting anything."""
        self._target_id = int(fields["id"])
        self._values = {key: fields.get(key, default) for key, default in self.DEFAULTS.items()}
        self._syncing = True
        blockers = [QSignalBlocker(w) for w in (self, *self._inputs())]
        try:
            self._sync()
        finally:
            for blocker in blockers:
                blocker.unblock()
            self._syncing = False

    def unload(self) -> None:
        self._target_id = None

    def commit_pending(self) -> None:
        """Report text the user typed but has not committed yet (focus still inside)."""
        for key in self._text_fields:
            self._commit_text(key)

    def _inputs(self) -> list[QWidget]:
        """The widgets whose signals are blocked while showing the model."""
        raise NotImplementedError

    def _sync(self) -> None:
        raise NotImplementedError

    def _commit(self, key: str, value: Any) -> None:
        if self._syncing or self._target_id is None or self._values.get(key) == value:
            return
        self._values[key] = value
        self.edited.emit(FieldsEdit(self._target_id, cast(F, {key: value})))

    # -- text fields: committed when editing finishes, reverted on Escape --------

    def _line_edit(self, key: str, placeholder: str = "") -> QLineEdit:
        edit = QLineEdit()
        edit.setPlaceholderText(placeholder)
        edit.editingFinished.connect(lambda: self._commit_text(key))
        self._text_fields[key] = edit
        return edit

    def _text_edit(self, key: str, lines: int, placeholder: str = "") -> CommitTextEdit:
        edit = CommitTextEdit(lines)
        edit.setPlaceholderText(placeholder)
        edit.committed.connect(lambda: self._commit_text(key))
        edit.reverted.connect(lambda: self._show_text(key))
        self._text_fields[key] = edit
        return edit

    def _show_text(self, key: str) -> None:
        edit = self._text_fields[key]
        text = str(self._values.get(key) or "")
        if isinstance(edit, QLineEdit):
            edit.setText(text)
            edit.setCursorPosition(0)
        else:
            edit.set_text(text)

    def _commit_text(self, key: str) -> None:
        edit = self._text_fields[key]
        if isinstance(edit, QLineEdit):
            if not edit.isModified():
                return
            edit.setModified(False)
            text = edit.text()
        else:
            if not edit.is_modified():
                return
            edit.document().setModified(False)
            text = edit.toPlainText()
        self._commit(key, text)
