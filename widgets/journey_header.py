"""The strip above the canvas: the journey's name, objective and persona, edited in place."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from PySide6.QtCore import QSignalBlocker, QSize, Qt, Signal
from PySide6.QtGui import QFont, QIcon
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QLineEdit,
    QSizePolicy,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from widgets.chrome import follow_desktop
from widgets.i18n import qtr
from widgets.photo import initials_of, round_photo

NEW_PERSONA = "new"  # item data of the "New persona…" entry; persona ids are ints
# Logical px of screen width under which the header drops its labels: 1366 px at 200 %
# is 683, 1280 at 200 % is 640, 1440 at 200 % is 720.
COMPACT_BELOW = 760


def ask_persona_name(parent: QWidget) -> str | None:
    """Ask for a new persona's name; None when cancelled (thin wrapper for tests)."""
    name, ok = QInputDialog.getText(parent, qtr("New persona"), qtr("Name of the new persona:"))
    return name if ok else None


class JourneyHeader(QWidget):
    """Shows and edits the journey's name, objective and persona.

    ``journey_edited`` carries only the fields the user changed. Choosing
    "New persona…" asks for a name and emits ``persona_created``; the app then
    creates it (and usually assigns it) and calls ``set_journey`` again.
    """

    journey_edited = Signal(dict)
    persona_created = Signal(str)
    persona_opened = Signal(int)  # the persona's photo/name was clicked

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("JourneyHeader")
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Fixed)
        self._values: dict[str, Any] = {"name": "", "objective": "", "persona_id": None}
        self._shown_persona: int | None = None

        self.name_edit = QLineEdit()
        font = QFont(self.name_edit.font())
        font.setBold(True)
        font.setPointSizeF(font.pointSizeF() * 1.25)
        self.name_edit.setFont(font)
        self.name_edit.setFrame(False)
        # Reads as a title until clicked, then looks like the field it is (set again when
        # the palette changes: a style sheet keeps the colours it was polished with).
        follow_desktop(self.name_edit, lambda: self.name_edit.setStyleSheet(
            "QLineEdit { background: transparent; } QLineEdit:focus { background: palette(base); }"
        ))
        self.name_edit.setPlaceholderText(self.tr("Untitled journey"))
        self.name_edit.setToolTip(self.tr("Journey name: click to rename"))
        self.name_edit.setAccessibleName(self.tr("Journey name"))
        self.name_edit.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Fixed)
        self.name_edit.setMinimumWidth(80)
        self.name_edit.editingFinished.connect(self._on_name_finished)
        self.name_edit.textChanged.connect(self._fit_name)

        self.objective_edit = QLineEdit()
        self.objective_edit.setPlaceholderText(self.tr("What is this map for?"))
        self.objective_edit.setToolTip(self.tr("Objective: what this journey map is for"))
        self.objective_edit.setClearButtonEnabled(True)
        self.objective_edit.setMinimumWidth(60)
        self.objective_edit.editingFinished.connect(self._on_objective_finished)
        objective_label = QLabel(self.tr("Objective:"))
        objective_label.setBuddy(self.objective_edit)
        self.objective_edit.setAccessibleName(self.tr("Objective"))

        self.persona_combo = QComboBox()
        self.persona_combo.setToolTip(self.tr("The persona whose journey this is"))
        # A long persona name must not squeeze the objective: the list shows it in full.
        self.persona_combo.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.persona_combo.setMinimumContentsLength(6)
        self.persona_combo.activated.connect(self._on_persona_activated)
        persona_label = QLabel(self.tr("Persona:"))
        persona_label.setBuddy(self.persona_combo)
        self.persona_combo.setAccessibleName(self.tr("Persona"))
        self._labels = (objective_label, persona_label)
        self.persona_button = QToolButton()
        self.persona_button.setAutoRaise(True)
        self.persona_button.setIconSize(QSize(28, 28))
        # The photo only: the persona list beside it already shows the name, and the
        # objective needs the width more than a second copy of the name does.
        self.persona_button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonIconOnly)
        self.persona_button.clicked.connect(self._on_persona_clicked)
        self.persona_button.hide()

        # The name over the objective (a sentence needs the width), then the persona; the
        # window appends its review date to this row (main_window).
        layout = QHBoxLayout(self)
        layout.setContentsMargins(8, 2, 8, 2)
        layout.setSpacing(6)
        titles = QVBoxLayout()
        titles.setSpacing(0)
        titles.addWidget(self.name_edit)
        objective_row = QHBoxLayout()
        objective_row.setContentsMargins(2, 0, 0, 0)
        objective_row.setSpacing(6)
        objective_row.addWidget(objective_label)
        objective_row.addWidget(self.objective_edit, 1)
        titles.addLayout(objective_row)
        layout.addLayout(titles, 1)
        layout.addSpacing(12)
        self._gap = layout.itemAt(layout.count() - 1)
        layout.addWidget(self.persona_button)
        layout.addWidget(persona_label)
        layout.addWidget(self.persona_combo)
        self.set_journey({}, [])
        self.set_compact(self._narrow_screen())

    def _narrow_screen(self) -> bool:
        """A small or 200 %-scaled laptop screen (1366 px at scale 2 is 683 wide)."""
        return self.screen().availableGeometry().width() < COMPACT_BELOW

    def set_compact(self, compact: bool) -> None:
        """Without the field labels (the fields keep placeholders, tooltips and names)."""
        self.compact = compact
        for label in self._labels:
            label.setVisible(not compact)
        self.persona_combo.setMinimumContentsLength(4 if compact else 6)
        layout = self.layout()
        assert layout is not None
        gap = self._gap.spacerItem() if self._gap is not None else None
        if gap is not None:
            gap.changeSize(4 if compact else 12, 0)
        layout.invalidate()
        self._fit_name()

    def _fit_name(self) -> None:
        """Wide enough for the whole name (up to a limit), so the title is not cut."""
        text = self.name_edit.text() or self.name_edit.placeholderText()
        width = self.name_edit.fontMetrics().horizontalAdvance(text) + 24
        # Up to 40 % of the screen, so the header never makes the window wider than it.
        share = 0.16 if getattr(self, "compact", False) else 0.4
        limit = min(460, int(self.screen().availableGeometry().width() * share))
        self.name_edit.setMinimumWidth(max(min(80, limit), min(width, limit)))

    # -- public API --------------------------------------------------------------

    def set_journey(self, fields: Mapping[str, Any], personas: Sequence[tuple[int, str]]) -> None:
        """Show the journey (name, objective, persona_id) and the personas to pick from."""
        self._values = {
            "name": str(fields.get("name") or ""),
            "objective": str(fields.get("objective") or ""),
            "persona_id": fields.get("persona_id"),
        }
        inputs = (self, self.name_edit, self.objective_edit, self.persona_combo)
        blockers = [QSignalBlocker(w) for w in inputs]
        try:
            self._show_text(self.name_edit, self._values["name"])
            self._show_text(self.objective_edit, self._values["objective"])
            self.objective_edit.setToolTip(
                self._values["objective"] or self.tr("Objective: what this journey map is for")
            )
            self.persona_combo.clear()
            self.persona_combo.addItem(self.tr("No persona"), None)
            for persona_id, name in personas:
                self.persona_combo.addItem(name or self.tr("(unnamed persona)"), persona_id)
            self.persona_combo.insertSeparator(self.persona_combo.count())
            self.persona_combo.addItem(self.tr("New persona…"), NEW_PERSONA)
            self._show_persona()
        finally:
            for blocker in blockers:
                blocker.unblock()
        self._fit_name()  # textChanged was blocked while syncing

    def show_persona(self, persona_id: int | None, name: str, photo: bytes | None) -> None:
        """Show the journey's persona as photo and name (hidden without a persona)."""
        self._shown_persona = persona_id
        self.persona_button.setVisible(persona_id is not None)
        if persona_id is not None:
            shown = name or self.tr("(unnamed persona)")
            self.persona_button.setIcon(QIcon(round_photo(photo, 28, initials_of(name))))
            self.persona_button.setText(shown)  # for screen readers; the button shows the photo
            self.persona_button.setAccessibleName(shown)
            self.persona_button.setToolTip(
                self.tr("{0}: open in the persona library").format(shown))

    def _on_persona_clicked(self) -> None:
        if self._shown_persona is not None:
            self.persona_opened.emit(self._shown_persona)

    def values(self) -> dict[str, Any]:
        """The values as last shown or edited."""
        return dict(self._values)

    def choose_persona(self, persona_id: int | None) -> None:
        """Assign a persona as if picked from the list (None for no persona)."""
        self._commit("persona_id", persona_id)
        self._show_persona()

    def create_persona(self, name: str) -> None:
        """Report a new persona called ``name``; blank names are ignored."""
        name = name.strip()
        if name:
            self.persona_created.emit(name)

    # -- gestures ------------------------------------------------------------------

    def _on_name_finished(self) -> None:
        if not self.name_edit.isModified():
            return
        self.name_edit.setModified(False)
        name = self.name_edit.text().strip()
        if not name:  # a journey keeps a name; clearing it is taken as a slip
            self._show_text(self.name_edit, self._values["name"])
            return
        self._commit("name", name)

    def _on_objective_finished(self) -> None:
        if not self.objective_edit.isModified():
            return
        self.objective_edit.setModified(False)
        self._commit("objective", self.objective_edit.text())

    def _on_persona_activated(self, index: int) -> None:
        data = self.persona_combo.itemData(index)
        if data == NEW_PERSONA:
            self._show_persona()  # until the app shows the new persona
            name = ask_persona_name(self)
            if name is not None:
                self.create_persona(name)
            return
        self.choose_persona(data)

    # -- helpers -------------------------------------------------------------------

    def _commit(self, key: str, value: Any) -> None:
        if self._values.get(key) == value:
            return
        self._values[key] = value
        self.journey_edited.emit({key: value})

    def _show_persona(self) -> None:
        blocker = QSignalBlocker(self.persona_combo)
        wanted = self._values["persona_id"]
        combo = self.persona_combo
        # A persona id that is not listed shows as "No persona" rather than blank.
        index = next((i for i in range(combo.count()) if combo.itemData(i) == wanted), 0)
        combo.setCurrentIndex(index)
        blocker.unblock()

    @staticmethod
    def _show_text(edit: QLineEdit, text: str) -> None:
        edit.setText(text)
        edit.setCursorPosition(0)
        edit.setModified(False)
