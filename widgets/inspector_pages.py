"""The inspector's pages: the card, stage and lane forms."""

from __future__ import annotations

from typing import Any, ClassVar

from PySide6.QtWidgets import QComboBox, QPushButton, QSpinBox, QVBoxLayout, QWidget

from model.entities import CardKind, LaneKind
from model.i18n import QT_TR_NOOP
from model.palette import CARD_KIND_LABELS, LANE_KIND_LABELS
from model.records import CARD_DEFAULTS, CardFields, F, LaneFields, StageFields
from model.style import (
    DEFAULT_STAGE_WIDTH,
    LANE_DEFAULT_COLOR,
    MAX_STAGE_WIDTH,
    MIN_STAGE_WIDTH,
    STAGE_DEFAULT_COLOR,
    card_fill,
)
from widgets.color_picker import pick_color
from widgets.editor_page import ColorButton, EditorPage, set_combo_data
from widgets.i18n import qtr
from widgets.palette import PALETTE_KINDS, swatch_icon

SEVERITY_LABELS: dict[int, str] = {
    1: QT_TR_NOOP("1 (minor)"),
    2: QT_TR_NOOP("2 (low)"),
    3: QT_TR_NOOP("3 (moderate)"),
    4: QT_TR_NOOP("4 (high)"),
    5: QT_TR_NOOP("5 (critical)"),
}


_NOT_KNOWN = -1  # the usage-share spin box value shown as "Not known"


def ask_color(parent: QWidget, initial: str, title: str) -> str | None:
    """Ask for a colour; ``#rrggbb`` or None when cancelled (thin wrapper for tests)."""
    return pick_color(parent, initial, title)


class CardPage(EditorPage[CardFields]):
    DEFAULTS: ClassVar[dict[str, Any]] = dict(CARD_DEFAULTS)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(qtr("Card"), parent)
        self.kind_combo = QComboBox()
        for kind in PALETTE_KINDS:
            self.kind_combo.addItem(swatch_icon(card_fill(kind, "")), qtr(CARD_KIND_LABELS[kind]),
                                    kind)
        self.kind_combo.currentIndexChanged.connect(self._on_kind_changed)

        self.text_edit = self._text_edit("text", 4, self.tr("What the card says"))
        self.text_edit.setToolTip(qtr("Committed when you leave the field or press Ctrl+Enter"))

        self.color_button = ColorButton()
        self.color_button.setToolTip(qtr("Choose a colour for this card"))
        self.color_button.clicked.connect(self._choose_color)
        self.reset_color_button = QPushButton(qtr("Reset to kind colour"))
        self.reset_color_button.clicked.connect(lambda: self._commit_color(""))
        color_box = QWidget()
        color_layout = QVBoxLayout(color_box)
        color_layout.setContentsMargins(0, 0, 0, 0)
        color_layout.setSpacing(2)
        color_layout.addWidget(self.color_button)
        color_layout.addWidget(self.reset_color_button)

        self.notes_edit = self._text_edit("notes", 3, self.tr("Evidence, sources, remarks"))

        self.channel_edit = self._line_edit("channel", self.tr("e.g. App, phone, store"))
        self.department_edit = self._line_edit("department", self.tr("Team or department"))
        self.owner_edit = self._line_edit("owner", self.tr("Person responsible"))
        self.usage_spin = QSpinBox()
        self.usage_spin.setRange(_NOT_KNOWN, 100)
        self.usage_spin.setSuffix(" %")
        self.usage_spin.setSpecialValueText(qtr("Not known"))
        self.usage_spin.setKeyboardTracking(False)
        self.usage_spin.setToolTip(
            qtr("Share of customers who use this touchpoint.\nStep below 0 % for “Not known”.")
        )
        self.usage_spin.valueChanged.connect(self._on_usage_changed)

        self.severity_combo = QComboBox()
        self.severity_combo.addItem(qtr("Not rated"), None)
        for value, label in SEVERITY_LABELS.items():
            self.severity_combo.addItem(qtr(label), value)
        self.severity_combo.currentIndexChanged.connect(
            lambda _index: self._commit("severity", self.severity_combo.currentData())
        )

        self.form.addRow(qtr("Kind"), self.kind_combo)
        self.form.addRow(qtr("Text"), self.text_edit)
        self.form.addRow(qtr("Colour"), color_box)
        self.form.addRow(qtr("Notes"), self.notes_edit)
        self.form.addRow(qtr("Channel"), self.channel_edit)
        self.form.addRow(qtr("Department"), self.department_edit)
        self.form.addRow(qtr("Owner"), self.owner_edit)
        self.form.addRow(qtr("Used by"), self.usage_spin)
        self.form.addRow(qtr("Severity"), self.severity_combo)

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
        set_combo_data(self.kind_combo, v["kind"])
        self._show_text("text")
        self._show_text("notes")
        self._show_text("channel")
        self._show_text("department")
        self._show_text("owner")
        share = v["usage_share"]
        self.usage_spin.setValue(_NOT_KNOWN if share is None else round(float(share) * 100))
        set_combo_data(self.severity_combo, v["severity"])
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
        self.color_button.set_color(fill, color if color else qtr("Kind colour"))
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
        chosen = ask_color(self, current, qtr("Card colour"))
        if chosen is not None:
            self._commit_color(chosen)

    def _commit_color(self, color: str) -> None:
        self._commit("color", color)
        self._show_color()


class HeaderPage(EditorPage[F]):
    """A stage or lane page: a plain colour of its own (no kind colour behind it)."""

    color_button: ColorButton

    def _color_title(self) -> str:
        raise NotImplementedError

    def _show_color(self) -> None:
        color = self._values["color"] or self.DEFAULTS["color"]
        self.color_button.set_color(color, color)

    def _choose_color(self) -> None:
        chosen = ask_color(self, self._values["color"] or self.DEFAULTS["color"],
                           self._color_title())
        if chosen is not None:
            self._commit("color", chosen)
            self._show_color()


class StagePage(HeaderPage[StageFields]):
    DEFAULTS: ClassVar[dict[str, Any]] = {
        "name": "",
        "description": "",
        "color": STAGE_DEFAULT_COLOR,
        "width": DEFAULT_STAGE_WIDTH,
    }

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(qtr("Stage"), parent)
        self.name_edit = self._line_edit("name", self.tr("Stage name"))
        self.description_edit = self._text_edit("description", 4,
                                                self.tr("What happens in this stage"))
        self.color_button = ColorButton()
        self.color_button.clicked.connect(self._choose_color)
        self.width_spin = QSpinBox()
        self.width_spin.setRange(round(MIN_STAGE_WIDTH), round(MAX_STAGE_WIDTH))
        self.width_spin.setSingleStep(20)
        self.width_spin.setSuffix(qtr(" px"))
        self.width_spin.setKeyboardTracking(False)
        self.width_spin.valueChanged.connect(lambda value: self._commit("width", float(value)))

        self.form.addRow(qtr("Name"), self.name_edit)
        self.form.addRow(qtr("Description"), self.description_edit)
        self.form.addRow(qtr("Colour"), self.color_button)
        self.form.addRow(qtr("Width"), self.width_spin)

    def _inputs(self) -> list[QWidget]:
        return [*self._text_fields.values(), self.width_spin, self.color_button]

    def _sync(self) -> None:
        self._show_text("name")
        self._show_text("description")
        self.width_spin.setValue(round(float(self._values["width"])))
        self._show_color()

    def _color_title(self) -> str:
        return qtr("Stage colour")


class LanePage(HeaderPage[LaneFields]):
    DEFAULTS: ClassVar[dict[str, Any]] = {
        "name": "",
        "kind": LaneKind.TEXT.value,
        "color": LANE_DEFAULT_COLOR,
    }

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(qtr("Lane"), parent)
        self.name_edit = self._line_edit("name", self.tr("Lane name"))
        self.kind_combo = QComboBox()
        for kind in LaneKind:
            self.kind_combo.addItem(qtr(LANE_KIND_LABELS.get(kind, kind.value)), kind.value)
        self.kind_combo.currentIndexChanged.connect(
            lambda _index: self._commit("kind", self.kind_combo.currentData())
        )
        self.color_button = ColorButton()
        self.color_button.clicked.connect(self._choose_color)

        self.form.addRow(qtr("Name"), self.name_edit)
        self.form.addRow(qtr("Kind"), self.kind_combo)
        self.form.addRow(qtr("Colour"), self.color_button)

    def _inputs(self) -> list[QWidget]:
        return [*self._text_fields.values(), self.kind_combo, self.color_button]

    def _sync(self) -> None:
        self._show_text("name")
        set_combo_data(self.kind_combo, self._values["kind"])
        self._show_color()

    def _color_title(self) -> str:
        return qtr("Lane colour")
