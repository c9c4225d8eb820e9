"""The journey canvas view: zoom (Ctrl+wheel, pinch), pan (space-drag, middle button), fit."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QPointF, QRect, QRectF, Qt, Signal
from PySide6.QtGui import (
    QKeyEvent,
    QMouseEvent,
    QNativeGestureEvent,
    QPainter,
    QResizeEvent,
    QWheelEvent,
)
from PySide6.QtWidgets import QGraphicsView, QWidget

from widgets.scene import JourneyScene

MIN_ZOOM = 0.1
MAX_ZOOM = 4.0
WHEEL_STEP = 1.15


class JourneyView(QGraphicsView):
    """A QGraphicsView with the zoom and pan gestures a canvas user expects."""

    zoom_changed = Signal(float)

    def __init__(self, scene: JourneyScene, parent: QWidget | None = None) -> None:
        super().__init__(scene, parent)
        self.setRenderHints(
            QPainter.RenderHint.Antialiasing | QPainter.RenderHint.TextAntialiasing
        )
        self.setDragMode(QGraphicsView.DragMode.RubberBandDrag)
        self.setRubberBandSelectionMode(Qt.ItemSelectionMode.IntersectsItemShape)
        self.setTransformationAnchor(QGraphicsView.ViewportAnchor.AnchorUnderMouse)
        self.setResizeAnchor(QGraphicsView.ViewportAnchor.AnchorViewCenter)
        self.setViewportUpdateMode(QGraphicsView.ViewportUpdateMode.MinimalViewportUpdate)
        self.setOptimizationFlag(QGraphicsView.OptimizationFlag.DontSavePainterState, False)
        self.setAcceptDrops(True)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.viewport().grabGesture(Qt.GestureType.PinchGesture)
        # A map smaller than the window sits at the top, not in the middle of an empty band.
        self.setAlignment(Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop)
        self._space_down = False
        self._panning_from: QPointF | None = None
        self._fit_mode = False
        self._fitted_size = self.size()
        self._fitting = False
        self.rubberBandChanged.connect(self._rubber_band_changed)

    # -- pinned headers --------------------------------------------------------------

    def visible_scene_rect(self) -> QRectF:
        return self.mapToScene(self.viewport().rect()).boundingRect()

    def _repin(self) -> None:
        scene = self.scene()
        if isinstance(scene, JourneyScene) and not self._fitting:
            scene.set_level_of_detail(self.zoom)
            scene.pin_headers(self.visible_scene_rect())

    def scrollContentsBy(self, dx: int, dy: int) -> None:
        super().scrollContentsBy(dx, dy)
        self._repin()

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        # "Fit" stays a fit when the window changes size; scroll bars coming and going
        # (an edit that grows the map) resize only the viewport and keep the zoom.
        if self._fit_mode and self.size() != self._fitted_size:
            self.fit()
        self._repin()

    def _rubber_band_changed(self, _rect: QRect, start: QPointF, end: QPointF) -> None:
        scene = self.scene()
        if isinstance(scene, JourneyScene) and start != end:
            # On a big map the cards far from the window have no item yet: make those the
            # band reaches, so that it selects them.
            scene.make_cards_in(QRectF(start, end).normalized())

    @property
    def fit_mode(self) -> bool:
        """True while the view shows the whole map because the user asked it to."""
        return self._fit_mode

    # -- zoom --------------------------------------------------------------------

    @property
    def zoom(self) -> float:
        return self.transform().m11()

    def min_zoom(self) -> float:
        """The zoom floor: 10 %, or lower when that is what showing the whole map takes."""
        rect = self.sceneRect()
        viewport = self.viewport().rect()
        if rect.isEmpty() or viewport.isEmpty():
            return MIN_ZOOM
        # fitInView keeps a 2 px margin; the floor sits a little under the fit.
        fit = min((viewport.width() - 4) / rect.width(), (viewport.height() - 4) / rect.height())
        return max(1e-4, min(MIN_ZOOM, fit * 0.98))

    def set_zoom(self, factor: float, anchor: QPointF | None = None) -> None:
        """Zoom to an absolute factor, keeping ``anchor`` (viewport point) in place."""
        factor = max(self.min_zoom(), min(MAX_ZOOM, factor))
        self._fit_mode = False
        if abs(factor - self.zoom) < 1e-6:
            return
        old_anchor = self.transformationAnchor()
        if anchor is not None:
            self.setTransformationAnchor(QGraphicsView.ViewportAnchor.NoAnchor)
            before = self.mapToScene(anchor.toPoint())
        scale = factor / self.zoom
        self.scale(scale, scale)
        if anchor is not None:
            after = self.mapToScene(anchor.toPoint())
            delta = after - before
            self.translate(delta.x(), delta.y())
            self.setTransformationAnchor(old_anchor)
        self._repin()
        self.zoom_changed.emit(self.zoom)

    def zoom_in(self) -> None:
        self.set_zoom(self.zoom * WHEEL_STEP * WHEEL_STEP)

    def zoom_out(self) -> None:
        self.set_zoom(self.zoom / (WHEEL_STEP * WHEEL_STEP))

    def zoom_reset(self) -> None:
        self.set_zoom(1.0)

    def fit(self) -> None:
        """Fit the whole map into the window."""
        rect = self.sceneRect()
        if rect.isEmpty():
            return
        # fitInView passes through 100 % on its way: switching the cards' level of detail
        # there and back costs a pass over every card on a big map.
        self._fitting = True
        try:
            self.fitInView(rect, Qt.AspectRatioMode.KeepAspectRatio)
        finally:
            self._fitting = False
        if self.zoom > MAX_ZOOM:
            self.set_zoom(MAX_ZOOM)
        self._fit_mode = True
        self._fitted_size = self.size()
        self._repin()
        self.zoom_changed.emit(self.zoom)

    def wheelEvent(self, event: QWheelEvent) -> None:
        if event.modifiers() & Qt.KeyboardModifier.ControlModifier:
            steps = event.angleDelta().y() / 120.0
            if steps:
                self.set_zoom(self.zoom * (WHEEL_STEP**steps), event.position())
            event.accept()
            return
        super().wheelEvent(event)

    def viewportEvent(self, event: QEvent) -> bool:
        if event.type() == QEvent.Type.NativeGesture:
            gesture: QNativeGestureEvent = event  # type: ignore[assignment]
            if gesture.gestureType() == Qt.NativeGestureType.ZoomNativeGesture:
                self.set_zoom(self.zoom * (1.0 + gesture.value()), gesture.position())
                return True
        if event.type() == QEvent.Type.Gesture:
            pinch = event.gesture(Qt.GestureType.PinchGesture)  # type: ignore[attr-defined]
            if pinch is not None:
                self.set_zoom(self.zoom * pinch.scaleFactor(), self.mapFromGlobal(
                    pinch.centerPoint().toPoint()).toPointF())
                return True
        return super().viewportEvent(event)

    # -- pan -------------------------------------------------------------------------

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() == Qt.Key.Key_Space and not event.isAutoRepeat() and not self._editing():
            self._space_down = True
            self.setDragMode(QGraphicsView.DragMode.ScrollHandDrag)
            self.viewport().setCursor(Qt.CursorShape.OpenHandCursor)
            event.accept()
            return
        super().keyPressEvent(event)

    def keyReleaseEvent(self, event: QKeyEvent) -> None:
        if event.key() == Qt.Key.Key_Space and not event.isAutoRepeat() and self._space_down:
            self._space_down = False
            self.setDragMode(QGraphicsView.DragMode.RubberBandDrag)
            self.viewport().unsetCursor()
            event.accept()
            return
        super().keyReleaseEvent(event)

    def _editing(self) -> bool:
        from widgets.items import CardTextEditor

        return isinstance(self.scene().focusItem(), CardTextEditor)

    def mousePressEvent(self, event: QMouseEvent) -> None:
        if event.button() == Qt.MouseButton.MiddleButton:
            self._panning_from = event.position()
            self.viewport().setCursor(Qt.CursorShape.ClosedHandCursor)
            event.accept()
            return
        super().mousePressEvent(event)

    def mouseMoveEvent(self, event: QMouseEvent) -> None:
        if self._panning_from is not None:
            delta = event.position() - self._panning_from
            self._panning_from = event.position()
            h, v = self.horizontalScrollBar(), self.verticalScrollBar()
            h.setValue(h.value() - round(delta.x()))
            v.setValue(v.value() - round(delta.y()))
            event.accept()
            return
        super().mouseMoveEvent(event)

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        if event.button() == Qt.MouseButton.MiddleButton and self._panning_from is not None:
            self._panning_from = None
            self.viewport().unsetCursor()
            event.accept()
            return
        super().mouseReleaseEvent(event)
