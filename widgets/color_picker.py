"""A colour chooser that offers the soft card colours first, any colour on request."""

from __future__ import annotations

from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QColorDialog,
    QDialog,
    QDialogButtonBox,
    QGridLayout,
    QLabel,
    QPushButton,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from model.style import SOFT_COLORS
from widgets.palette import swatch_icon

_COLUMNS = 6
_SWATCH_PX = 26


class SoftColorDialog(QDialog):
    """A grid of soft colours (one click chooses) plus "Custom colour…" for anything else."""

    def __init__(self, initial: str, title: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        self._chosen: str | None = None
        self._initial = QColor(initial).name() if QColor(initial).isValid() else ""
        box = QVBoxLayout(self)
        box.addWidget(QLabel(self.tr("Soft colours that keep text readable:")))
        grid = QGridLayout()
        grid.setSpacing(4)
        self.swatches: dict[str, QToolButton] = {}
        for i, color in enumerate(SOFT_COLORS):
            button = QToolButton()
            button.setIcon(swatch_icon(color, _SWATCH_PX))
            button.setIconSize(QSize(_SWATCH_PX, _SWATCH_PX))
            button.setAutoRaise(True)
            button.setCheckable(True)
            button.setChecked(color == self._initial)
            button.setToolTip(color)
            button.setAccessibleName(self.tr("Colour {0}").format(color))
            button.clicked.connect(lambda _checked=False, c=color: self._choose(c))
            grid.addWidget(button, i // _COLUMNS, i % _COLUMNS)
            self.swatches[color] = button
        box.addLayout(grid)
        self.custom_button = QPushButton(self.tr("&Custom colour…"))
        self.custom_button.clicked.connect(self._custom)
        box.addWidget(self.custom_button)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        buttons.rejected.connect(self.reject)
        box.addWidget(buttons)
        first = self.swatches.get(self._initial) or next(iter(self.swatches.values()))
        first.setFocus(Qt.FocusReason.OtherFocusReason)

    def chosen(self) -> str | None:
        """The colour chosen as ``#rrggbb``, or None."""
        return self._chosen

    def _choose(self, color: str) -> None:
        self._chosen = color
        self.accept()

    def _custom(self) -> None:
        color = QColorDialog.getColor(QColor(self._initial or SOFT_COLORS[0]), self,
                                      self.windowTitle())
        if color.isValid():
            self._choose(color.name())


def pick_color(parent: QWidget | None, initial: str, title: str) -> str | None:
    """Ask for a colour; ``#rrggbb`` or None when cancelled."""
    dialog = SoftColorDialog(initial, title, parent)
    try:
        if dialog.exec() == QDialog.DialogCode.Accepted:
            return dialog.chosen()
        return None
    finally:
        dialog.deleteLater()
