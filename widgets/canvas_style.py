"""The drawing specification (model.style) as the QColors and QPens the canvas paints with."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QPen

from model import style
from model.style import Palette, Role


def qcolor(color: str, alpha: float = 1.0) -> QColor:
    """A QColor of a ``#rrggbb`` colour with an alpha of 0..1."""
    c = QColor(color)
    if alpha < 1.0:
        c.setAlphaF(alpha)
    return c


class CanvasStyle:
    """One palette's colours and pens, made once and shared by every item of a scene."""

    def __init__(self, palette: Palette) -> None:
        self.palette = palette
        p = palette
        self.dark = p.dark
        self.background = QColor(p.background)
        self.text = QColor(p.text)
        self.muted = QColor(p.muted)
        self.selection = QColor(p.selection)
        self.lane_header = QColor(p.lane_header)
        self.backdrop = qcolor(p.backdrop, style.BACKDROP_ALPHA)
        self.severity = QColor(p.severity)
        self.link = QColor(p.link)
        self.point_fill = QColor(p.point_fill)
        self.unset_point_fill = qcolor(p.point_fill, style.UNSET_POINT_ALPHA)
        self.value_label = qcolor(p.value_label, style.VALUE_LABEL_ALPHA)
        self.value_label_text = QColor(p.value_label_text)
        self.pen_selected = QPen(self.selection, style.CARD_SELECTED_W)
        self.pen_header_selected = QPen(self.selection, style.HEADER_SELECTED_W)
        self.pen_grid = QPen(QColor(p.grid), 0)
        self.pen_border = QPen(QColor(p.border), style.CARD_BORDER_W)
        self.pen_edge = QPen(qcolor(p.edge_shadow, style.EDGE_SHADOW_ALPHA), 2)
        self.pen_link = QPen(QColor(p.link_edge), style.LINK_FLAG_W)
        self.pen_rename = QPen(self.selection, 1.2)
        self.pen_divider = QPen(QColor(p.border), style.DIVIDER_W, Qt.PenStyle.DashLine)
        self.pen_zero = QPen(QColor(p.zero_line), 1, Qt.PenStyle.DashLine)
        self.badge_usage_fill = QColor(p.badge_usage_fill)
        self.pen_badge_usage = QPen(QColor(p.badge_usage_edge), 0.6)
        self.badge_usage_text = QColor(p.badge_usage_text)
        self.badge_metric_fill = QColor(p.badge_metric_fill)
        self.pen_badge_metric = QPen(QColor(p.badge_metric_edge), 0.6)
        self.badge_small_fill = QColor(p.badge_small_fill)
        self.badge_small_text = QColor(p.badge_small_text)
        self.vote_fill = QColor(p.vote_fill)
        self.vote_text = QColor(p.vote_text)
        self.vote_none_fill = QColor(p.vote_none_fill)
        self.vote_none_text = QColor(p.vote_none_text)
        self.pen_vote = QPen(QColor(p.vote_edge), 0.8)
        self.pen_vote_none = QPen(QColor(p.badge_usage_edge), 0.8)
        self._fills: dict[tuple[str, Role], QColor] = {}
        self._tints: dict[bool, QColor] = {
            True: qcolor(p.positive, style.TINT_ALPHA),
            False: qcolor(p.negative, style.TINT_ALPHA),
        }

    def fill(self, color: str, role: Role) -> QColor:
        """A shared QColor per user fill (thousands of cards share a handful of fills)."""
        key = (color, role)
        q = self._fills.get(key)
        if q is None:
            q = self._fills[key] = QColor(self.palette.fill(color, role))
        return q

    def tint(self, positive: bool) -> QColor:
        """The wash between the emotion curve and the zero line."""
        return self._tints[positive]


_STYLES: dict[bool, CanvasStyle] = {}


def canvas_style(dark: bool = False) -> CanvasStyle:
    """The shared style of the light or the dark canvas (made on first use: QColor needs Qt)."""
    s = _STYLES.get(dark)
    if s is None:
        s = _STYLES[dark] = CanvasStyle(style.palette_for(dark))
    return s
