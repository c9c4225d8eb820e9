"""The inspector: edits the fields of the selected card, stage or lane.

It shows what ``show_*()`` hands it and reports each committed user edit as
``*_edited(FieldsEdit(id, {field: value}))`` with only the fields the user changed. It never
changes the model itself: the app turns an edit into an undo command, and the
model's change notification comes back as another ``show_*()`` call.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any, ClassVar, Generic, cast

from PySide6.QtCore import QSignalBlocker, Qt, Signal
from PySide6.QtGui import QFocusEvent, QFont, QKeyEvent
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QFrame,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QSizePolicy,
    QSpinBox,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from model.entities import CardKind, LaneKind
from model.palette import CARD_KIND_LABELS, LANE_KIND_LABELS
from model.records import (
    CARD_DEFAULTS,
    CardFields,
    F,
    FieldsEdit,
    LaneFields,
    MetricRecord,
    Shown,
    StageFields,
)
from model.style import (
    DEFAULT_STAGE_WIDTH,
    LANE_DEFAULT_COLOR,
    MAX_STAGE_WIDTH,
    MIN_STAGE_WIDTH,
    STAGE_DEFAULT_COLOR,
    card_fill,
)
from widgets.color_picker import pick_color
from widgets.metrics_panel import MetricsPanel
from widgets.palette import PALETTE_KINDS, swatch_icon

SEVERITY_LABELS: dict[int, str] = {
    1: "1 (minor)",
    2: "2 (low)",
    3: "3 (moderate)",
    4: "4 (high)",
    5: "5 (critical)",
}


_NOT_KNOWN = -1  # the usage-share spin box value shown as "Not known"


def ask_color(parent: QWidget, initial: str, title: str) -> str | None:
    """Ask for a colour; ``#rrggbb`` or None when cancelled (thin wrapper for tests)."""
    return pick_color(parent, initial, title)


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


def _heading(text: str) -> QLabel:
    label = QLabel(text)
    font = QFont(label.font())
    font.setBold(True)
    font.setPointSizeF(font.pointSizeF() * 1.15)
    label.setFont(font)
    return label


def _set_combo_data(combo: QComboBox, value: object) -> None:
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
        outer.addWidget(_heading(title))
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


class CardPage(EditorPage[CardFields]):
    DEFAULTS: ClassVar[dict[str, Any]] = dict(CARD_DEFAULTS)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__("Card", parent)
        self.kind_combo = QComboBox()
        for kind in PALETTE_KINDS:
            self.kind_combo.addItem(swatch_icon(card_fill(kind, "")), CARD_KIND_LABELS[kind], kind)
        self.kind_combo.currentIndexChanged.connect(self._on_kind_changed)

        self.text_edit = self._text_edit("text", 4, "What the card says")
        self.text_edit.setToolTip("Committed when you leave the field or press Ctrl+Enter")

        self.color_button = ColorButton()
        self.color_button.setToolTip("Choose a colour for this card")
        self.color_button.clicked.connect(self._choose_color)
        self.reset_color_button = QPushButton("Reset to kind colour")
        self.reset_color_button.clicked.connect(lambda: self._commit_color(""))
        color_box = QWidget()
        color_layout = QVBoxLayout(color_box)
        color_layout.setContentsMargins(0, 0, 0, 0)
        color_layout.setSpacing(2)
        color_layout.addWidget(self.color_button)
        color_layout.addWidget(self.reset_color_button)

        self.notes_edit = self._text_edit("notes", 3, "Evidence, sources, remarks")

        self.channel_edit = self._line_edit("channel", "e.g. App, phone, store")
        self.department_edit = self._line_edit("department", "Team or department")
        self.owner_edit = self._line_edit("owner", "Person responsible")
        self.usage_spin = QSpinBox()
        self.usage_spin.setRange(_NOT_KNOWN, 100)
        self.usage_spin.setSuffix(" %")
        self.usage_spin.setSpecialValueText("Not known")
        self.usage_spin.setKeyboardTracking(False)
        self.usage_spin.setToolTip(
            "Share of customers who use this touchpoint.\nStep below 0 % for “Not known”."
        )
        self.usage_spin.valueChanged.connect(self._on_usage_changed)

        self.severity_combo = QComboBox()
        self.severity_combo.addItem("Not rated", None)
        for value, label in SEVERITY_LABELS.items():
            self.severity_combo.addItem(label, value)
        self.severity_combo.currentIndexChanged.connect(
            lambda _index: self._commit("severity", self.severity_combo.currentData())
        )

        self.form.addRow("Kind", self.kind_combo)
        self.form.addRow("Text", self.text_edit)
        self.form.addRow("Colour", color_box)
        self.form.addRow("Notes", self.notes_edit)
        self.form.addRow("Channel", self.channel_edit)
        self.form.addRow("Department", self.department_edit)
        self.form.addRow("Owner", self.owner_edit)
        self.form.addRow("Used by", self.usage_spin)
        self.form.addRow("Severity", self.severity_combo)

    def _inputs(self) -> list[QWidget]:
        return [
            self.kind_combo,
            *self._text_fields.values(),
            self.usage_spin,
            self.severity_combo,
            self.color_button,
            self.reset_color_button,
        ]

    def _sync(self) -> None:
        v = self._values
        _set_combo_data(self.kind_combo, v["kind"])
        self._show_text("text")
        self._show_text("notes")
        self._show_text("channel")
        self._show_text("department")
        self._show_text("owner")
        share = v["usage_share"]
        self.usage_spin.setValue(_NOT_KNOWN if share is None else round(float(share) * 100))
        _set_combo_data(self.severity_combo, v["severity"])
        self._show_color()
        self._show_kind_fields(v["kind"])

    def _show_kind_fields(self, kind: str) -> None:
        touchpoint = kind == CardKind.TOUCHPOINT
        # Department and owner belong to every kind; channel and usage to touchpoints.
        for widget in (self.channel_edit, self.usage_spin):
            self.form.setRowVisible(widget, touchpoint)
        self.form.setRowVisible(self.severity_combo, kind == CardKind.PAIN_POINT)

    def _show_color(self) -> None:
        color: str = self._values["color"] or ""
        fill = card_fill(self._values["kind"], color)
        self.color_button.set_color(fill, color if color else "Kind colour")
        self.reset_color_button.setEnabled(bool(color))

    def _on_kind_changed(self, _index: int) -> None:
        kind = self.kind_combo.currentData()
        if kind is None:
            return
        self._commit("kind", kind)
        self._show_kind_fields(kind)
        self._show_color()

    def _on_usage_changed(self, value: int) -> None:
        self._commit("usage_share", None if value == _NOT_KNOWN else round(value / 100, 4))

    def _choose_color(self) -> None:
        current = card_fill(self._values["kind"], self._values["color"] or "")
        chosen = ask_color(self, current, "Card colour")
        if chosen is not None:
            self._commit_color(chosen)

    def _commit_color(self, color: str) -> None:
        self._commit("color", color)
        self._show_color()


class StagePage(EditorPage[StageFields]):
    DEFAULTS: ClassVar[dict[str, Any]] = {
        "name": "",
        "description": "",
        "color": STAGE_DEFAULT_COLOR,
        "width": DEFAULT_STAGE_WIDTH,
    }

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__("Stage", parent)
        self.name_edit = self._line_edit("name", "Stage name")
        self.description_edit = self._text_edit("description", 4, "What happens in this stage")
        self.color_button = ColorButton()
        self.color_button.clicked.connect(self._choose_color)
        self.width_spin = QSpinBox()
        self.width_spin.setRange(round(MIN_STAGE_WIDTH), round(MAX_STAGE_WIDTH))
        self.width_spin.setSingleStep(20)
        self.width_spin.setSuffix(" px")
        self.width_spin.setKeyboardTracking(False)
        self.width_spin.valueChanged.connect(lambda value: self._commit("width", float(value)))

        self.form.addRow("Name", self.name_edit)
        self.form.addRow("Description", self.description_edit)
        self.form.addRow("Colour", self.color_button)
        self.form.addRow("Width", self.width_spin)

    def _inputs(self) -> list[QWidget]:
        return [*self._text_fields.values(), self.width_spin, self.color_button]

    def _sync(self) -> None:
        self._show_text("name")
        self._show_text("description")
        self.width_spin.setValue(round(float(self._values["width"])))
        self._show_color()

    def _show_color(self) -> None:
        color = self._values["color"] or self.DEFAULTS["color"]
        self.color_button.set_color(color, color)

    def _choose_color(self) -> None:
        chosen = ask_color(self, self._values["color"] or self.DEFAULTS["color"], "Stage colour")
        if chosen is not None:
            self._commit("color", chosen)
            self._show_color()


class LanePage(EditorPage[LaneFields]):
    DEFAULTS: ClassVar[dict[str, Any]] = {
        "name": "",
        "kind": LaneKind.TEXT.value,
        "color": LANE_DEFAULT_COLOR,
    }

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__("Lane", parent)
        self.name_edit = self._line_edit("name", "Lane name")
        self.kind_combo = QComboBox()
        for kind in LaneKind:
            self.kind_combo.addItem(LANE_KIND_LABELS.get(kind, kind.value), kind.value)
        self.kind_combo.currentIndexChanged.connect(
            lambda _index: self._commit("kind", self.kind_combo.currentData())
        )
        self.color_button = ColorButton()
        self.color_button.clicked.connect(self._choose_color)

        self.form.addRow("Name", self.name_edit)
        self.form.addRow("Kind", self.kind_combo)
        self.form.addRow("Colour", self.color_button)

    def _inputs(self) -> list[QWidget]:
        return [*self._text_fields.values(), self.kind_combo, self.color_button]

    def _sync(self) -> None:
        self._show_text("name")
        _set_combo_data(self.kind_combo, self._values["kind"])
        self._show_color()

    def _show_color(self) -> None:
        color = self._values["color"] or self.DEFAULTS["color"]
        self.color_button.set_color(color, color)

    def _choose_color(self) -> None:
        chosen = ask_color(self, self._values["color"] or self.DEFAULTS["color"], "Lane colour")
        if chosen is not None:
            self._commit("color", chosen)
            self._show_color()


def _message_page(text: str) -> tuple[QWidget, QLabel]:
    page = QWidget()
    label = QLabel(text)
    label.setAlignment(Qt.AlignmentFlag.AlignCenter)
    label.setWordWrap(True)
    label.setEnabled(False)  # drawn greyed: a hint, not content
    layout = QVBoxLayout(page)
    layout.setContentsMargins(12, 24, 12, 12)
    layout.addWidget(label)
    layout.addStretch(1)
    return page, label


def _scrolled(page: QWidget) -> QScrollArea:
    area = QScrollArea()
    area.setWidget(page)
    area.setWidgetResizable(True)
    # The fields take the focus (and scroll into view); the area itself is no stop for Tab.
    area.setFocusPolicy(Qt.FocusPolicy.NoFocus)
    area.setFrameShape(QFrame.Shape.NoFrame)
    area.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
    return area


class Inspector(QWidget):
    """Edits the selected card, stage or lane; reports user edits, never applies them.

    Switching to a different item first reports text typed into the previous
    one that was not committed yet; refreshing the same item (after an undo)
    shows the model's values and reports nothing.
    """

    card_edited = Signal(object)  # FieldsEdit[CardFields]
    stage_edited = Signal(object)  # FieldsEdit[StageFields]
    lane_edited = Signal(object)  # FieldsEdit[LaneFields]

    NOTHING_HINT = "Select a card, stage or lane to edit it here."

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("Inspector")
        self.card_page = CardPage()
        self.stage_page = StagePage()
        self.lane_page = LanePage()
        self.card_page.edited.connect(self.card_edited)
        self.stage_page.edited.connect(self.stage_edited)
        self.lane_page.edited.connect(self.lane_edited)
        self._nothing_page, self.nothing_label = _message_page(self.NOTHING_HINT)
        self._multiple_page, self.multiple_label = _message_page("")

        self._stack = QStackedWidget()
        self._containers: dict[QWidget, QWidget] = {}
        for page in (self.card_page, self.stage_page, self.lane_page):
            self._containers[page] = _scrolled(page)
            self._stack.addWidget(self._containers[page])
        for plain in (self._nothing_page, self._multiple_page):
            self._containers[plain] = plain
            self._stack.addWidget(plain)
        self.metrics = MetricsPanel()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self._stack, 1)
        layout.addWidget(self.metrics)
        self._current: QWidget = self._nothing_page
        self.show_nothing()

    # -- public API --------------------------------------------------------------

    def show_card(self, fields: Mapping[str, Any]) -> None:
        """Show a card: id, kind, text, color, notes, channel, department, usage_share, severity."""
        self._show_item(self.card_page, fields)

    def show_stage(self, fields: Mapping[str, Any]) -> None:
        """Show a stage: id, name, description, color, width."""
        self._show_item(self.stage_page, fields)

    def show_lane(self, fields: Mapping[str, Any]) -> None:
        """Show a lane: id, name, kind, color."""
        self._show_item(self.lane_page, fields)

    def show_nothing(self) -> None:
        """Show the hint to select something."""
        self._leave_current()
        self._set_current(self._nothing_page)

    def show_multiple(self, count: int) -> None:
        """Say that ``count`` items are selected (they are edited on the canvas)."""
        self._leave_current()
        self.multiple_label.setText(
            f"{count} items selected.\nSelect a single card, stage or lane to edit it."
        )
        self._set_current(self._multiple_page)

    def showing(self) -> tuple[Shown, int | None]:
        """What is shown: a card, stage or lane with its id, or nothing / multiple and None."""
        names: dict[QWidget, Shown] = {
            self.card_page: Shown.CARD,
            self.stage_page: Shown.STAGE,
            self.lane_page: Shown.LANE,
            self._nothing_page: Shown.NOTHING,
            self._multiple_page: Shown.MULTIPLE,
        }
        page = self._current
        target = page.target_id if isinstance(page, EditorPage) else None
        return names[page], target

    def show_metrics(self, title: str | None, records: Sequence[MetricRecord] = ()) -> None:
        """Show the metrics of the card or stage shown; None hides the metrics list."""
        self.metrics.setVisible(title is not None)
        if title is not None:
            self.metrics.show_metrics(title, records)

    def commit_pending(self) -> None:
        """Report uncommitted typing now (e.g. before saving while a field has focus)."""
        if isinstance(self._current, EditorPage) and self._current.target_id is not None:
            self._current.commit_pending()

    # -- switching -----------------------------------------------------------------

    def _show_item(self, page: EditorPage[Any], fields: Mapping[str, Any]) -> None:
        same_item = self._current is page and page.target_id == int(fields["id"])
        if not same_item:
            self._leave_current()
        page.load(fields)
        self._set_current(page)

    def _leave_current(self) -> None:
        self.commit_pending()
        if isinstance(self._current, EditorPage):
            self._current.unload()

    def _set_current(self, page: QWidget) -> None:
        if page not in (self.card_page, self.stage_page):
            self.metrics.hide()
        self._current = page
        self._stack.setCurrentWidget(self._containers[page])
