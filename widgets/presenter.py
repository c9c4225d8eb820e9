"""Presenter mode: the map full screen, stage by stage, in type a room can read."""

from __future__ import annotations

from PySide6.QtCore import QPointF, QRectF, Qt, Signal
from PySide6.QtGui import (
    QCloseEvent,
    QColor,
    QFont,
    QKeyEvent,
    QPainter,
    QPalette,
    QPen,
    QResizeEvent,
)
from PySide6.QtWidgets import (
    QFrame,
    QGraphicsView,
    QHBoxLayout,
    QLabel,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from model.layout import JourneyLayout, StageGeom
from model.style import LIGHT, PRESENTER_DIM_ALPHA
from widgets.canvas_style import qcolor
from widgets.scene import JourneyScene
from widgets.timer import Countdown, TimerDisplay

# The current stage takes about this share of the screen's width, with the neighbouring
# stages still in sight (dimmed) for context; never smaller than MIN_ZOOM (card text must
# read from the back of a room: the lanes below are scrolled to with Up/Down instead).
STAGE_SHARE = 0.24
MIN_ZOOM = 1.25
HINT_FROM_WIDTH = 1000  # narrower screens leave out the key hint (the stage name needs it)
MAX_ZOOM = 2.5
STEP_KEYS = {
    Qt.Key.Key_Right: 1, Qt.Key.Key_PageDown: 1, Qt.Key.Key_Space: 1,
    Qt.Key.Key_Left: -1, Qt.Key.Key_PageUp: -1, Qt.Key.Key_Backspace: -1,
}


def presenter_zoom(layout: JourneyLayout, stage: StageGeom, width: float) -> float:
    """The zoom at which one stage fills its share of the screen."""
    return min(MAX_ZOOM, max(MIN_ZOOM, width * STAGE_SHARE / max(stage.column.w, 1.0)))


class PresenterView(QGraphicsView):
    """Shows the journey scene read-only, the current stage lit and the others dimmed."""

    def __init__(self, scene: JourneyScene, parent: QWidget | None = None) -> None:
        super().__init__(scene, parent)
        self.setInteractive(False)
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setRenderHints(QPainter.RenderHint.Antialiasing
                            | QPainter.RenderHint.TextAntialiasing)
        self.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
        self.setAccessibleName(self.tr("Journey map, presented"))
        self.lit: QRectF | None = None  # scene x-range of the current stage (full height)

    def visible_scene_rect(self) -> QRectF:
        return self.mapToScene(self.viewport().rect()).boundingRect()

    def drawForeground(self, painter: QPainter, rect: QRectF) -> None:  # type: ignore[override]
        scene = self.scene()
        if self.lit is None or not isinstance(scene, JourneyScene) or scene.layout is None:
            return
        visible = self.visible_scene_rect()
        # The pinned lane names stay bright; like the headers, they never sit left of x=0.
        keep_left = max(visible.left(), 0.0) + scene.layout.metrics.lane_header_w
        painter.save()
        painter.setPen(Qt.PenStyle.NoPen)
        # Over the stages not being talked about: the canvas's own colour, see-through.
        dim = QColor(scene.backgroundBrush().color())
        dim.setAlphaF(PRESENTER_DIM_ALPHA)
        painter.setBrush(dim)
        top, bottom = visible.top(), visible.bottom()
        if self.lit.left() > keep_left:
            painter.drawRect(QRectF(QPointF(keep_left, top), QPointF(self.lit.left(), bottom)))
        right = max(self.lit.right(), keep_left)
        if right < visible.right():
            painter.drawRect(QRectF(QPointF(right, top), QPointF(visible.right(), bottom)))
        painter.setBrush(Qt.BrushStyle.NoBrush)
        painter.setPen(QPen(qcolor(LIGHT.selection), 4 / max(self.transform().m11(), 0.01)))
        painter.drawRect(self.lit.adjusted(1, 1, -1, -1))
        painter.restore()


class PresenterWindow(QWidget):
    """Full-screen stepping through the stages; Escape (or closing) reports ``left``."""

    stage_changed = Signal(int)  # index of the stage now shown
    left = Signal()

    def __init__(self, scene: JourneyScene, countdown: Countdown, title: str,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent, Qt.WindowType.Window)
        self.scene = scene
        self.setWindowTitle(self.tr("{0} — presenting").format(title))
        self.setAccessibleName(self.tr("Presenter"))
        self._follow_canvas()
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.view = PresenterView(scene)
        self.journey_label = QLabel(title)
        self.stage_label = QLabel()
        self.stage_label.setAccessibleName(self.tr("Current stage"))
        big = QFont(self.font())
        big.setPointSizeF(big.pointSizeF() * 2.2)
        big.setBold(True)
        self.stage_label.setFont(big)
        small = QFont(self.font())
        small.setPointSizeF(small.pointSizeF() * 1.3)
        self.journey_label.setFont(small)
        hint = QLabel(self.tr("← → stages   ↑ ↓ scroll   T timer   Esc back to the editor"))
        # A small or 200 % screen (683 px wide) cuts long names rather than overflow it,
        # and leaves the key hint out (resizeEvent).
        for label in (self.stage_label, self.journey_label):
            label.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        self.hint = hint
        self._muted((self.journey_label, hint))
        self.timer = TimerDisplay(countdown, 26.0)
        self.countdown = countdown
        bar = QHBoxLayout()
        bar.setContentsMargins(24, 10, 24, 6)
        titles = QVBoxLayout()
        titles.addWidget(self.journey_label)
        titles.addWidget(self.stage_label)
        bar.addLayout(titles, 1)
        bar.addWidget(hint, 0, Qt.AlignmentFlag.AlignBottom)
        bar.addSpacing(24)
        bar.addWidget(self.timer, 0, Qt.AlignmentFlag.AlignVCenter)
        box = QVBoxLayout(self)
        box.setContentsMargins(0, 0, 0, 0)
        box.setSpacing(0)
        box.addLayout(bar)
        box.addWidget(self.view, 1)
        self.index = 0

    # -- stepping ------------------------------------------------------------------

    def _follow_canvas(self) -> None:
        """Around the map, the canvas's own background and text (its light or dark theme)."""
        colors = self.scene.canvas_style.palette
        palette = self.palette()
        palette.setColor(QPalette.ColorRole.Window, QColor(colors.background))
        palette.setColor(QPalette.ColorRole.WindowText, QColor(colors.text))
        self.setPalette(palette)
        self.setAutoFillBackground(True)

    def _muted(self, labels: tuple[QLabel, ...]) -> None:
        for label in labels:
            palette = label.palette()
            palette.setColor(QPalette.ColorRole.WindowText,
                             QColor(self.scene.canvas_style.palette.muted))
            label.setPalette(palette)

    def stage_count(self) -> int:
        layout = self.scene.layout
        return len(layout.stages) if layout is not None else 0

    def show_stage(self, index: int) -> None:
        """Light stage ``index`` and bring it to the middle, zoomed for the room."""
        layout = self.scene.layout
        if layout is None or not layout.stages:
            self.stage_label.setText(self.tr("No stages"))
            self.view.lit = None
            return
        self.index = max(0, min(index, len(layout.stages) - 1))
        stage = layout.stages[self.index]
        self.stage_label.setText(self.tr("Stage {0} of {1}: {2}").format(
            self.index + 1, len(layout.stages), stage.name or self.tr("(unnamed)")))
        self.view.lit = QRectF(stage.header.x, stage.header.y, stage.header.w,
                               layout.height - stage.header.y)
        zoom = presenter_zoom(layout, stage, self.view.viewport().width())
        self.view.resetTransform()
        self.view.scale(zoom, zoom)
        # Centred in the room right of the pinned lane names, the stage names at the top.
        self.view.centerOn(QPointF(stage.column.center[0] - layout.metrics.lane_header_w / 2,
                                   self.view.viewport().height() / (2 * zoom)))
        self._repin()
        self.view.viewport().update()
        self.stage_changed.emit(self.index)

    def step(self, delta: int) -> None:
        self.show_stage(self.index + delta)

    def _repin(self) -> None:
        self.scene.pin_headers(self.view.visible_scene_rect())

    # -- keys --------------------------------------------------------------------------

    def keyPressEvent(self, event: QKeyEvent) -> None:
        key = Qt.Key(event.key())
        if key in STEP_KEYS:
            self.step(STEP_KEYS[key])
        elif key == Qt.Key.Key_Home:
            self.show_stage(0)
        elif key == Qt.Key.Key_End:
            self.show_stage(self.stage_count() - 1)
        elif key in (Qt.Key.Key_Up, Qt.Key.Key_Down):
            bar = self.view.verticalScrollBar()
            step = self.view.viewport().height() // 3
            bar.setValue(bar.value() + (step if key == Qt.Key.Key_Down else -step))
            self._repin()
        elif key == Qt.Key.Key_T:
            self.countdown.toggle()
        elif key == Qt.Key.Key_Escape:
            self.close()
        else:
            super().keyPressEvent(event)
            return
        event.accept()

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self.hint.setVisible(self.width() >= HINT_FROM_WIDTH)
        if self.isVisible():
            self.show_stage(self.index)

    def closeEvent(self, event: QCloseEvent) -> None:
        super().closeEvent(event)
        self.left.emit()
