"""The inspector: edits the fields of the selected card, stage or lane.

It shows what ``show_*()`` hands it and reports each committed user edit as
``*_edited(FieldsEdit(id, {field: value}))`` with only the fields the user changed. It never
changes the model itself: the app turns an edit into an undo command, and the
model's change notification comes back as another ``show_*()`` call.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QFrame, QLabel, QScrollArea, QStackedWidget, QVBoxLayout, QWidget

from model.i18n import QT_TR_NOOP
from model.records import MetricRecord, Shown
from widgets.editor_page import EditorPage
from widgets.i18n import qtr
from widgets.inspector_pages import CardPage, LanePage, StagePage
from widgets.metrics_panel import MetricsPanel


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

    NOTHING_HINT = QT_TR_NOOP("Select a card, stage or lane to edit it here.")

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("Inspector")
        self.card_page = CardPage()
        self.stage_page = StagePage()
        self.lane_page = LanePage()
        self.card_page.edited.connect(self.card_edited)
        self.stage_page.edited.connect(self.stage_edited)
        self.lane_page.edited.connect(self.lane_edited)
        self._nothing_page, self.nothing_label = _message_page(qtr(self.NOTHING_HINT))
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
            self.tr("{0} items selected.\nSelect a single card, stage or lane to edit it.").format(
                count)
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
