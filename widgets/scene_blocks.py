"""Zoomed far out the scene draws cards as coloured blocks; while zooming they paint uncached."""

from __future__ import annotations

import math
from collections.abc import Iterable, Mapping

from PySide6.QtCore import QPointF, QRect, QRectF, Qt, QTimer
from PySide6.QtGui import QColor, QImage, QPainter, QPen, QPicture
from PySide6.QtWidgets import QGraphicsItem, QGraphicsScene
from shiboken6 import isValid

from model.layout import Cell, JourneyLayout
from model.style import BLOCK_SHADE, Role
from widgets.canvas_style import CanvasStyle, canvas_style
from widgets.items import CardItem, qrect

# Below this zoom the scene draws the cards as blocks (no text is readable there anyway).
BLOCK_SCALE = 0.35
ZOOM_REST_MS = 250  # a zoom gesture has ended when the zoom stays put this long
_NO_CONTENTS = QGraphicsItem.GraphicsItemFlag.ItemHasNoContents
_NO_CACHE = QGraphicsItem.CacheMode.NoCache
_DEVICE_CACHE = QGraphicsItem.CacheMode.DeviceCoordinateCache
_BLOCK_COLORS: dict[str, QColor] = {}


def block_color(fill: str) -> QColor:
    """A card's fill, a little darker so that a block stands out from its lane."""
    color = _BLOCK_COLORS.get(fill)
    if color is None:
        color = _BLOCK_COLORS[fill] = QColor(fill).darker(BLOCK_SHADE)
    return color


class _Blocks:
    """One cell's cards as blocks: their rects and colours, and an image of them at one scale.

    Replaying thousands of tiny rects every frame of a fit view was too slow; the image
    is drawn instead while the zoom stays within a factor of about 1.6 of its scale.
    The rects are painted straight into the image (a fit view of a big map makes an image
    for every cell at once); the recorded drawing is only made when zoomed in too far for
    an image.
    """

    MAX_SIDE = 2048  # larger than that (zoomed further in), the commands are replayed

    def __init__(self, rects: list[tuple[QRectF, QColor]]) -> None:
        self.rects = rects  # relative to the cell's first card
        self.image: QImage | None = None
        self.scale = 0.0
        self._picture: QPicture | None = None

    @property
    def picture(self) -> QPicture:
        if self._picture is None:
            self._picture = QPicture()
            painter = QPainter(self._picture)
            self._paint(painter)
            painter.end()
        return self._picture

    def _paint(self, painter: QPainter) -> None:
        painter.setPen(Qt.PenStyle.NoPen)
        fill = painter.fillRect
        for rect, color in self.rects:
            fill(rect, color)

    def image_at(self, scale: float, area: QRectF) -> QImage | None:
        if self.image is not None and 0.6 * scale <= self.scale <= 1.6 * scale:
            return self.image
        w, h = math.ceil(area.width() * scale) + 1, math.ceil(area.height() * scale) + 1
        if max(w, h) > self.MAX_SIDE:
            self.image = None
            return None
        image = QImage(w, h, QImage.Format.Format_ARGB32_Premultiplied)
        image.fill(Qt.GlobalColor.transparent)
        painter = QPainter(image)
        painter.scale(scale, scale)
        self._paint(painter)
        painter.end()
        self.image, self.scale = image, scale
        return image


def _block_rects(layout: JourneyLayout, ids: list[int], style: CanvasStyle
                 ) -> list[tuple[QRectF, QColor]]:
    cards = layout.cards
    fill = style.palette.fill
    top = cards[ids[0]].rect.y if ids else 0.0
    out = []
    for card_id in ids:
        card = cards[card_id]
        r = card.rect  # cards grow with their text: each at its own height
        out.append((QRectF(0.0, r.y - top, r.w, r.h), block_color(fill(card.fill, Role.CARD))))
    return out


class LevelOfDetail:
    """How the scene's cards are drawn at the current zoom: items, or blocks in one go.

    Thousands of card items each running paint() in Python is what made a fit view
    of a big map slow; below BLOCK_SCALE the items stay (hit, selectable, draggable)
    but draw nothing, and the scene draws every cell's cards as blocks.
    """

    def __init__(self, scene: QGraphicsScene, made: Mapping[int, CardItem]) -> None:
        self._scene = scene
        self._made = made  # the card items made so far (a live view, not a copy)
        self._block_mode = False
        self._scale = 1.0
        self._zoom_uncached = False
        self._zoom_rest = QTimer(scene)
        self._zoom_rest.setSingleShot(True)
        self._zoom_rest.setInterval(ZOOM_REST_MS)
        self._zoom_rest.timeout.connect(self._zoom_rested)
        self._blocks: dict[Cell, _Blocks] = {}  # the cards of a cell as blocks, per cell
        self._style = canvas_style()
        scene.selectionChanged.connect(self._on_selection_changed)

    @property
    def block_mode(self) -> bool:
        return self._block_mode

    def set_scale(self, scale: float, dragging: frozenset[int]) -> None:
        """Follow the view's zoom; the cards being dragged keep drawing themselves."""
        if scale != self._scale:
            self._scale = scale
            self._zooming()
        block = scale < BLOCK_SCALE
        if block == self._block_mode:
            return
        self._block_mode = block
        for card_id, item in self._made.items():
            item.setFlag(_NO_CONTENTS, block and card_id not in dragging)
        self._scene.update()

    def prepare(self, item: CardItem) -> None:
        """Set up a new card item for the current zoom."""
        if self._block_mode:
            item.setFlag(_NO_CONTENTS, True)
        if self._zoom_uncached:
            item.setCacheMode(_NO_CACHE)

    def show_dragged(self, card_ids: Iterable[int], dragging: bool) -> None:
        """Dragged cards show while they move, even when the rest are blocks."""
        if not self._block_mode:
            return
        for card_id in card_ids:
            item = self._made.get(card_id)
            if item is not None:
                item.setFlag(_NO_CONTENTS, not dragging)

    def forget(self, cell: Cell) -> None:
        """Drop a cell's blocks: its cards changed."""
        self._blocks.pop(cell, None)

    def set_style(self, style: CanvasStyle) -> None:
        """Draw blocks in another palette (the ones drawn so far are made again)."""
        self._style = style
        self._blocks.clear()

    def forget_all(self) -> None:
        self._blocks.clear()

    def _zooming(self) -> None:
        """While the zoom changes, cards paint directly instead of through their caches.

        A device-coordinate cache makes drags and scrolls cheap, but each zoom step
        throws every visible card's pixmap away and renders a new one; painting directly
        for the gesture and caching again once it rests is faster than both.
        """
        if not self._zoom_uncached:
            self._zoom_uncached = True
            for item in self._made.values():
                item.setCacheMode(_NO_CACHE)
        self._zoom_rest.start()

    def _zoom_rested(self) -> None:
        self._zoom_uncached = False
        for item in self._made.values():
            item.setCacheMode(_DEVICE_CACHE)

    def draw(self, painter: QPainter, rect: QRectF | QRect, layout: JourneyLayout) -> None:
        """Draw every cell's cards inside ``rect`` as blocks, the selected ones outlined."""
        m = layout.metrics
        scale = painter.worldTransform().m11()
        for cell, ids in layout.cell_cards.items():
            if not ids:
                continue
            first = layout.cards[ids[0]].rect
            last = layout.cards[ids[-1]].rect
            area = QRectF(first.x, first.y, first.w, last.bottom - first.y + m.card_gap)
            if not area.intersects(rect):
                continue
            block = self._blocks.get(cell)
            if block is None:
                block = self._blocks[cell] = _Blocks(_block_rects(layout, ids, self._style))
            image = block.image_at(scale, area)
            if image is None:
                painter.drawPicture(QPointF(first.x, first.y), block.picture)
            else:
                painter.drawImage(QRectF(first.x, first.y, image.width() / block.scale,
                                         image.height() / block.scale), image)
        selected = [i for i in self._scene.selectedItems() if isinstance(i, CardItem)]
        if selected:
            painter.setPen(QPen(self._style.selection, 0))
            painter.setBrush(self._style.selection)
            for item in selected:
                painter.drawRect(qrect(item.geom.rect))

    def _on_selection_changed(self) -> None:
        # The scene says so while the window is taken down too (at interpreter exit).
        if self._block_mode and isValid(self._scene):
            self._scene.update()
