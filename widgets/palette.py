"""The card palette: one entry per card kind, dragged into a cell to add a card."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QMimeData, QPoint, QRectF, QSize, Qt, Signal
from PySide6.QtGui import QColor, QDrag, QFont, QIcon, QPainter, QPen, QPixmap
from PySide6.QtWidgets import (
    QAbstractItemView,
    QGraphicsView,
    QListWidget,
    QListWidgetItem,
    QWidget,
)

from model.entities import CardKind
from model.palette import CARD_KIND_LABELS
from model.style import CARD_RADIUS, LIGHT, card_fill
from widgets.i18n import qtr

PALETTE_MIME = "application/x-journeyboard-card-kind"

# The order a workshop fills a map in: what the customer meets, does and thinks,
# then what hurts and what could be better, then what happens behind the scenes.
PALETTE_KINDS: tuple[str, ...] = (
    CardKind.TOUCHPOINT.value,
    CardKind.ACTION.value,
    CardKind.THOUGHT.value,
    CardKind.PAIN_POINT.value,
    CardKind.OPPORTUNITY.value,
    CardKind.BACKSTAGE.value,
    CardKind.NOTE.value,
)

KIND_ROLE = Qt.ItemDataRole.UserRole
_SWATCH = 16
DRAG_ZOOM_MIN = 0.45  # below this the label would not read
_DRAG_SIZE = QSize(132, 56)


def kind_from_mime(mime: QMimeData) -> str | None:
    """The card kind a palette drag carries, or None if it carries no known kind."""
    if not mime.hasFormat(PALETTE_MIME):
        return None
    try:
        kind = bytes(mime.data(PALETTE_MIME).data()).decode("utf-8")
    except UnicodeDecodeError:
        return None
    return kind if kind in PALETTE_KINDS else None


def swatch_icon(color: str, size: int = _SWATCH) -> QIcon:
    """A small rounded square of ``color`` with the card border colour."""
    pixmap = QPixmap(size, size)
    pixmap.fill(Qt.GlobalColor.transparent)
    painter = QPainter(pixmap)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setPen(QPen(QColor(LIGHT.border), 1))
    painter.setBrush(QColor(color))
    painter.drawRoundedRect(QRectF(0.5, 0.5, size - 1, size - 1), 3, 3)
    painter.end()
    return QIcon(pixmap)


def drag_zoom(map_zoom: float) -> float:
    """The scale of the dragged card: the map's, up to 100 %, never too small to read."""
    return max(DRAG_ZOOM_MIN, min(map_zoom, 1.0))


def card_drag_pixmap(kind: str, ratio: float = 1.0, zoom: float = 1.0) -> QPixmap:
    """A small card in the kind's colour with its label, shown under the cursor, at the
    map's zoom (a full-size card over a map shown at 40 % hid the cell aimed at)."""
    zoom = drag_zoom(zoom)
    pixmap = QPixmap(_DRAG_SIZE * (ratio * zoom))
    pixmap.setDevicePixelRatio(ratio)
    pixmap.fill(Qt.GlobalColor.transparent)
    rect = QRectF(0, 0, _DRAG_SIZE.width(), _DRAG_SIZE.height()).adjusted(1, 1, -1, -1)
    painter = QPainter(pixmap)
    painter.scale(zoom, zoom)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setOpacity(0.9)
    painter.setPen(QPen(QColor(LIGHT.border), 1))
    painter.setBrush(QColor(card_fill(kind, "")))
    painter.drawRoundedRect(rect, CARD_RADIUS, CARD_RADIUS)
    painter.setPen(QColor(LIGHT.text))
    font = QFont(painter.font())
    font.setBold(True)
    painter.setFont(font)
    painter.drawText(
        rect.adjusted(8, 6, -8, -6),
        int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop | Qt.TextFlag.TextWordWrap),
        qtr(CARD_KIND_LABELS.get(kind, kind)),
    )
    painter.end()
    return pixmap


class CardPalette(QListWidget):
    """Card kinds to drag into a cell; double-click or Enter adds one to the selected cell."""

    kind_activated = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("CardPalette")
        self.setDragEnabled(True)
        self.setDragDropMode(QAbstractItemView.DragDropMode.DragOnly)
        self.setDefaultDropAction(Qt.DropAction.CopyAction)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setIconSize(QSize(_SWATCH, _SWATCH))
        self.setUniformItemSizes(True)
        self.setSpacing(1)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setToolTip(self.tr("Drag a card kind into a cell to add a card"))
        self.setAccessibleName(self.tr("Card kinds"))
        for kind in PALETTE_KINDS:
            label = qtr(CARD_KIND_LABELS[kind])
            item = QListWidgetItem(swatch_icon(card_fill(kind, "")), label)
            item.setData(KIND_ROLE, kind)
            item.setToolTip(
                self.tr("{0}: drag into a cell to add a card\n(double-click or Enter adds one to "
                        "the selected cell)").format(label)
            )
            self.addItem(item)
        self.itemActivated.connect(self._on_item_activated)

    def kinds(self) -> list[str]:
        """The card kinds listed, top to bottom."""
        return [self.item(row).data(KIND_ROLE) for row in range(self.count())]

    def item_for(self, kind: str) -> QListWidgetItem | None:
        """The entry for ``kind``, if listed."""
        for row in range(self.count()):
            item = self.item(row)
            if item.data(KIND_ROLE) == kind:
                return item
        return None

    def mime_for(self, kind: str) -> QMimeData:
        """What dragging ``kind`` carries: PALETTE_MIME with the kind as UTF-8 bytes."""
        mime = QMimeData()
        mime.setData(PALETTE_MIME, kind.encode("utf-8"))
        return mime

    # -- Qt overrides ------------------------------------------------------------

    def mimeTypes(self) -> list[str]:
        return [PALETTE_MIME]

    def mimeData(self, items: Sequence[QListWidgetItem]) -> QMimeData:
        kinds = [item.data(KIND_ROLE) for item in items]
        return self.mime_for(kinds[0]) if kinds else QMimeData()

    def supportedDropActions(self) -> Qt.DropAction:
        return Qt.DropAction.CopyAction

    def map_zoom(self) -> float:
        """The zoom of the window's map view, its largest graphics view (1 when none)."""
        window = self.window()
        views = [v for v in window.findChildren(QGraphicsView) if v.isVisible()] \
            if window is not None else []
        if not views:
            return 1.0
        view = max(views, key=lambda v: v.width() * v.height())
        return float(view.transform().m11())

    def startDrag(self, supportedActions: Qt.DropAction) -> None:
        item = self.currentItem()
        if item is None:
            return
        kind: str = item.data(KIND_ROLE)
        drag = QDrag(self)
        drag.setMimeData(self.mime_for(kind))
        zoom = drag_zoom(self.map_zoom())
        drag.setPixmap(card_drag_pixmap(kind, self.devicePixelRatioF(), zoom))
        drag.setHotSpot(QPoint(round(16 * zoom), round(12 * zoom)))
        drag.exec(Qt.DropAction.CopyAction)
        # The kind was only a drag source: it does not stay highlighted as if chosen.
        self.clearSelection()
        self.setCurrentRow(-1)

    def sizeHint(self) -> QSize:
        rows = max(1, self.count())
        row_h = max(self.sizeHintForRow(0), _SWATCH + 4) + 2 * self.spacing()
        frame = 2 * self.frameWidth()
        width = self.sizeHintForColumn(0) + frame + 12
        return QSize(max(120, width), rows * row_h + frame + 4)

    def minimumSizeHint(self) -> QSize:
        # Never narrower than its longest kind name: a squeezed palette reads "Tou…".
        frame = 2 * self.frameWidth()
        return QSize(self.sizeHintForColumn(0) + frame + 4, super().minimumSizeHint().height())

    def _on_item_activated(self, item: QListWidgetItem) -> None:
        self.kind_activated.emit(item.data(KIND_ROLE))
