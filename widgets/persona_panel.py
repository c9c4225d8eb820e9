"""The persona library: every persona of the file, edited in place, picked for the journey.

Shows what ``set_personas()`` and ``set_usage()`` hand it and reports gestures as
signals; the app turns them into undo commands and calls the setters again.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any, ClassVar

from PySide6.QtCore import QSignalBlocker, QSize, Qt, Signal
from PySide6.QtGui import QDragEnterEvent, QDropEvent, QIcon
from PySide6.QtWidgets import (
    QComboBox,
    QFileDialog,
    QFormLayout,
    QFrame,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from model.i18n import QT_TR_NOOP
from model.records import CurveRecord, FieldsEdit, PersonaFields, PersonaRecord
from widgets.chrome import chrome_text
from widgets.editor_page import EditorPage
from widgets.i18n import qtr
from widgets.photo import initials_of, photo_pixmap, round_photo

PHOTO_FILTER = QT_TR_NOOP("Images (*.png *.jpg *.jpeg *.webp *.gif)")
PHOTO_SUFFIXES = (".png", ".jpg", ".jpeg", ".webp", ".gif")


def ask_photo_path(parent: QWidget) -> str | None:
    """Ask for an image file; None when cancelled (thin wrapper for tests)."""
    path, _ = QFileDialog.getOpenFileName(
        parent, qtr("Choose a photo"), "", qtr(PHOTO_FILTER))
    return path or None


class PersonaForm(EditorPage[PersonaFields]):
    """The selected persona's fields; each committed edit is ``edited(FieldsEdit)``."""

    DEFAULTS: ClassVar[dict[str, Any]] = {
        "name": "", "role": "", "goals": "", "needs": "", "frustrations": "", "quote": "",
        "notes": "",
    }

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__("", parent)
        self.name_edit = self._line_edit("name", qtr("e.g. Trial user Tina"))
        self.role_edit = self._line_edit("role", qtr("Role or segment"))
        self.goals_edit = self._text_edit("goals", 3, qtr("What they want to achieve"))
        self.needs_edit = self._text_edit("needs", 3, qtr("What they need from us"))
        self.frustrations_edit = self._text_edit("frustrations", 3, qtr("What gets in the way"))
        self.quote_edit = self._text_edit("quote", 2, qtr("Something they said"))
        self.notes_edit = self._text_edit("notes", 3, qtr("Sources, interviews, remarks"))
        self.form.addRow(qtr("Name"), self.name_edit)
        self.form.addRow(qtr("Role / segment"), self.role_edit)
        self.form.addRow(qtr("Goals"), self.goals_edit)
        self.form.addRow(qtr("Needs"), self.needs_edit)
        self.form.addRow(qtr("Frustrations"), self.frustrations_edit)
        self.form.addRow(qtr("Quote"), self.quote_edit)
        self.form.addRow(qtr("Notes"), self.notes_edit)
        layout = self.layout()
        if layout is not None:
            layout.setContentsMargins(0, 0, 0, 0)

    def _inputs(self) -> list[QWidget]:
        return list(self._text_fields.values())

    def _sync(self) -> None:
        for key in self._text_fields:
            self._show_text(key)


class PersonaPanel(QWidget):
    """List, form, photo and "used by this journey" pickers of the persona library."""

    persona_added = Signal()
    persona_duplicated = Signal(int)
    persona_deleted = Signal(int)
    persona_edited = Signal(object)  # FieldsEdit[PersonaFields]: what the user changed
    photo_chosen = Signal(int, str)  # persona id, path of the image file to use
    sheet_requested = Signal(int)  # persona id: print its one-page sheet
    journey_persona_chosen = Signal(object)  # persona id or None
    curve_persona_chosen = Signal(int, object)  # curve id, persona id or None

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("PersonaPanel")
        self.setAcceptDrops(True)
        self._personas: list[PersonaRecord] = []
        self._current: int | None = None

        self.list = QListWidget()
        self.list.setIconSize(QSize(32, 32))
        self.list.setAccessibleName(qtr("Personas"))
        self.list.currentItemChanged.connect(self._on_current_changed)
        self.new_button = QPushButton(qtr("&New"))
        self.new_button.setToolTip(qtr("Add a persona to this file's library"))
        self.new_button.clicked.connect(self.persona_added.emit)
        self.duplicate_button = QPushButton(qtr("D&uplicate"))
        self.duplicate_button.clicked.connect(lambda: self._emit_for(self.persona_duplicated))
        self.delete_button = QPushButton(qtr("&Delete"))
        self.delete_button.clicked.connect(lambda: self._emit_for(self.persona_deleted))
        self.sheet_button = QPushButton(qtr("Persona &Sheet (PDF)…"))
        self.sheet_button.setToolTip(qtr("Print this persona on one A4 page"))
        self.sheet_button.clicked.connect(lambda: self._emit_for(self.sheet_requested))
        buttons = QHBoxLayout()
        for button in (self.new_button, self.duplicate_button, self.delete_button):
            buttons.addWidget(button)

        self.photo_label = QLabel()
        self.photo_label.setFixedSize(112, 112)
        self.photo_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.photo_label.setStyleSheet("QLabel { border: 1px dashed palette(mid); }")
        self.photo_label.setToolTip(qtr("Drop a PNG, JPEG, WebP or GIF image here"))
        self.photo_button = QPushButton(qtr("Choose &Photo…"))
        self.photo_button.clicked.connect(self._choose_photo)
        self.remove_photo_button = QPushButton(qtr("Remove Photo"))
        self.remove_photo_button.clicked.connect(
            lambda: self._emit_edit({"photo": None}))
        self.photo_error = QLabel()
        self.photo_error.setWordWrap(True)
        chrome_text(self.photo_error, lambda c: c.problem)
        self.photo_error.hide()
        photo_buttons = QVBoxLayout()
        photo_buttons.addWidget(self.photo_button)
        photo_buttons.addWidget(self.remove_photo_button)
        photo_buttons.addWidget(self.sheet_button)
        photo_buttons.addStretch(1)
        photo_row = QHBoxLayout()
        photo_row.addWidget(self.photo_label)
        photo_row.addLayout(photo_buttons, 1)

        self.form = PersonaForm()
        self.form.edited.connect(self.persona_edited)

        self.usage_box = QGroupBox(qtr("In this journey"))
        self.usage_form = QFormLayout(self.usage_box)
        self.journey_combo = QComboBox()
        self.curve_combos: dict[int, QComboBox] = {}

        self.details = QWidget()
        details = QVBoxLayout(self.details)
        details.setContentsMargins(0, 0, 0, 0)
        details.addLayout(photo_row)
        details.addWidget(self.photo_error)
        details.addWidget(self.form)

        self.empty_label = QLabel(qtr("No personas yet. Click New to add one."))
        self.empty_label.setWordWrap(True)

        self.list.setMinimumHeight(90)
        content = QWidget()
        inner = QVBoxLayout(content)
        inner.setContentsMargins(8, 8, 8, 8)
        inner.addWidget(self.list, 1)
        inner.addLayout(buttons)
        inner.addWidget(self.empty_label)
        inner.addWidget(self.details)
        inner.addWidget(self.usage_box)
        # The form is taller than a small screen's dock: it scrolls instead of growing
        # the window.
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        scroll.setWidget(content)
        scroll.setAccessibleName(qtr("Persona library"))
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addWidget(scroll)
        self.set_usage(None, [])
        self._show_current()

    # -- public API -------------------------------------------------------------------

    def set_personas(self, personas: Sequence[PersonaRecord]) -> None:
        """Show the library; the selected persona stays selected while it exists."""
        self._personas = list(personas)
        ids = [p["id"] for p in self._personas]
        if self._current not in ids:
            self._current = ids[0] if ids else None
        blocker = QSignalBlocker(self.list)
        self.list.clear()
        for persona in self._personas:
            name = persona["name"] or self.tr("(unnamed persona)")
            label = f"{name}\n{persona['role']}" if persona["role"] else name
            item = QListWidgetItem(QIcon(round_photo(persona["photo"], 32,
                                                     initials_of(persona["name"]))), label)
            item.setData(Qt.ItemDataRole.UserRole, persona["id"])
            self.list.addItem(item)
            if persona["id"] == self._current:
                self.list.setCurrentItem(item)
        blocker.unblock()
        self._show_current()
        self._fill_persona_combo(self.journey_combo, self.journey_combo.currentData())
        for combo in self.curve_combos.values():
            self._fill_persona_combo(combo, combo.currentData())

    def set_usage(self, journey_persona: int | None, curves: Sequence[CurveRecord]) -> None:
        """Show which persona the journey and each of its emotion curves is for."""
        while self.usage_form.rowCount():
            self.usage_form.removeRow(0)  # deletes the old label and combo
        self.journey_combo = QComboBox()
        self.journey_combo.setToolTip(self.tr("The persona whose journey this is"))
        self.journey_combo.activated.connect(
            lambda i, c=self.journey_combo: self.journey_persona_chosen.emit(c.itemData(i)))
        self._fill_persona_combo(self.journey_combo, journey_persona)
        self.usage_form.addRow(self.tr("Journey"), self.journey_combo)
        self.curve_combos = {}
        for curve in curves:
            combo = QComboBox()
            combo.setToolTip(self.tr("Whose feelings the curve “%s” shows") % curve["name"])
            self._fill_persona_combo(combo, curve["persona_id"])
            combo.activated.connect(
                lambda i, c=combo, cid=curve["id"]: self.curve_persona_chosen.emit(
                    cid, c.itemData(i)))
            self.curve_combos[curve["id"]] = combo
            self.usage_form.addRow(self.tr("Curve “%s”") % (curve["name"] or "…"), combo)

    def select_persona(self, persona_id: int) -> None:
        for row in range(self.list.count()):
            if self.list.item(row).data(Qt.ItemDataRole.UserRole) == persona_id:
                self.list.setCurrentRow(row)
                return

    def current_id(self) -> int | None:
        return self._current

    def show_photo_error(self, message: str) -> None:
        self.photo_error.setText(message)
        self.photo_error.setVisible(bool(message))

    def drop_photo(self, path: str) -> None:
        """Use an image file for the selected persona (what a drop or the dialog does)."""
        if self._current is not None:
            self.show_photo_error("")
            self.photo_chosen.emit(self._current, path)

    # -- gestures ---------------------------------------------------------------------

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        if self._current is not None and self._dropped_path(event) is not None:
            event.acceptProposedAction()

    def dropEvent(self, event: QDropEvent) -> None:
        path = self._dropped_path(event)
        if path is not None:
            event.acceptProposedAction()
            self.drop_photo(path)

    @staticmethod
    def _dropped_path(event: QDragEnterEvent | QDropEvent) -> str | None:
        urls = event.mimeData().urls()
        if len(urls) == 1 and urls[0].isLocalFile():
            return urls[0].toLocalFile()
        return None

    def _choose_photo(self) -> None:
        path = ask_photo_path(self)
        if path:
            self.drop_photo(path)

    def _on_current_changed(self, item: QListWidgetItem | None, _old: object) -> None:
        self.form.commit_pending()
        self._current = item.data(Qt.ItemDataRole.UserRole) if item is not None else None
        self.show_photo_error("")
        self._show_current()

    def _emit_for(self, signal: Any) -> None:
        if self._current is not None:
            self.form.commit_pending()
            signal.emit(self._current)

    def _emit_edit(self, fields: PersonaFields) -> None:
        if self._current is not None:
            self.persona_edited.emit(FieldsEdit(self._current, fields))

    # -- helpers ----------------------------------------------------------------------

    def _show_current(self) -> None:
        persona = next((p for p in self._personas if p["id"] == self._current), None)
        has = persona is not None
        self.details.setVisible(has)
        self.empty_label.setVisible(not self._personas)
        self.duplicate_button.setEnabled(has)
        self.delete_button.setEnabled(has)
        if persona is None:
            self.form.unload()
            return
        self.form.load(persona)
        pixmap = photo_pixmap(persona["photo"], 110)
        self.photo_label.setPixmap(pixmap)
        if pixmap.isNull():
            self.photo_label.setText(self.tr("No photo\n(drop one here)"))
        self.remove_photo_button.setEnabled(persona["photo"] is not None)

    def _fill_persona_combo(self, combo: QComboBox, selected: object) -> None:
        blocker = QSignalBlocker(combo)
        combo.clear()
        combo.addItem(self.tr("No persona"), None)
        for persona in self._personas:
            combo.addItem(QIcon(round_photo(persona["photo"], 20, initials_of(persona["name"]))),
                          persona["name"] or self.tr("(unnamed persona)"), persona["id"])
        index = combo.findData(selected) if selected is not None else 0
        combo.setCurrentIndex(max(index, 0))
        blocker.unblock()
