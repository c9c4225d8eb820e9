"""View filters for a workshop: highlight one card kind (the others are dimmed)."""

from __future__ import annotations

from PySide6.QtCore import QObject
from PySide6.QtGui import QAction, QActionGroup
from PySide6.QtWidgets import QMenu

from app.context import EditorContext
from model.palette import CARD_KIND_LABELS
from widgets.i18n import qtr


class FilterController(QObject):
    """The Highlight Card Kind menu; a view setting, so it is no undo step and no edit."""

    def __init__(self, ctx: EditorContext) -> None:
        super().__init__(ctx.window)
        self.ctx = ctx
        self.menu = QMenu(self.tr("&Highlight Card Kind"), ctx.window)
        self.group = QActionGroup(self)
        self.group.setExclusive(True)
        self.actions: dict[str | None, QAction] = {}
        entries: list[tuple[str | None, str]] = [(None, self.tr("&All Cards Alike"))]
        entries += [(kind, qtr(label)) for kind, label in CARD_KIND_LABELS.items()]
        for kind, label in entries:
            action = QAction(label, self.menu)
            action.setCheckable(True)
            action.triggered.connect(lambda _c=False, k=kind: self.highlight(k))
            self.group.addAction(action)
            self.menu.addAction(action)
            self.actions[kind] = action
        self.actions[None].setChecked(True)

    def highlight(self, kind: str | None) -> None:
        self.ctx.scene.set_highlight_kind(kind)
        self.actions[kind].setChecked(True)
        if kind is None:
            self.ctx.status(self.tr("All cards shown alike."))
        else:
            self.ctx.status(self.tr("Highlighting {0} cards; the others are dimmed.").format(
                qtr(CARD_KIND_LABELS.get(kind, kind))))
