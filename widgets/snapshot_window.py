"""A snapshot shown read-only in its own window: the same canvas, no editing."""

from __future__ import annotations

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QDialog, QLabel, QVBoxLayout, QWidget

from model.layout import JourneyLayout
from widgets.chrome import chrome, follow_desktop
from widgets.scene import JourneyScene
from widgets.view import JourneyView


class SnapshotWindow(QDialog):
    """Shows one laid-out snapshot; the canvas takes no edits (zoom and scroll still work)."""

    def __init__(self, title: str, layout: JourneyLayout, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Snapshot “%1” (read-only)").replace("%1", title))
        self.setModal(False)
        self.scene = JourneyScene(self)
        self.view = JourneyView(self.scene)
        self.view.setInteractive(False)  # no selection, drags or typing: read-only
        note = QLabel(self.tr("Read-only snapshot “%1”. Restore it as a journey to edit it.")
                      .replace("%1", title))
        follow_desktop(note, lambda: note.setStyleSheet(
            f"background: {chrome().note_fill}; padding: 4px 8px;"))
        box = QVBoxLayout(self)
        box.setContentsMargins(0, 0, 0, 0)
        box.setSpacing(0)
        box.addWidget(note)
        box.addWidget(self.view, 1)
        self.resize(1100, 700)
        self.scene.apply_layout(layout)
        QTimer.singleShot(0, self.view.fit)
