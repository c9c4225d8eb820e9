"""The completeness check: what the map still lacks, each entry a link to its place."""

from __future__ import annotations

from collections.abc import Callable, Sequence

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QSize, Qt, Signal
from PySide6.QtGui import QStandardItem, QStandardItemModel
from PySide6.QtWidgets import (
    QAbstractItemView,
    QLabel,
    QListView,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QVBoxLayout,
    QWidget,
)

from model.completeness import MESSAGES, Finding
from model.completeness import describe as describe_finding
from widgets.i18n import qtr


def describe(finding: Finding) -> str:
    """One line for a finding, in the user's language."""
    template = qtr(MESSAGES[finding.rule])
    return describe_finding(finding, template)


def _same(a: Finding, b: Finding) -> bool:
    # The check hands back the same objects for the cells an edit did not touch.
    return a is b or a == b


class FindingsModel(QStandardItemModel):
    """The findings as list rows; a new list rewrites only the rows that differ.

    The rows live in Qt's own item model: the list view asks a model for its row count
    per row when it lays out, and thousands of calls into Python were the cost.
    """

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.findings: list[Finding] = []
        self._texts: dict[Finding, str] = {}

    def text(self, finding: Finding) -> str:
        text = self._texts.get(finding)
        if text is None:
            text = self._texts[finding] = describe(finding)
        return text

    def _fill(self, item: QStandardItem, finding: Finding) -> None:
        text = self.text(finding)
        item.setText(text)
        item.setToolTip(text)  # the row shows one line, cut short in a narrow dock
        item.setData(finding, Qt.ItemDataRole.UserRole)

    def _item(self, finding: Finding) -> QStandardItem:
        item = QStandardItem()
        item.setEditable(False)
        self._fill(item, finding)
        return item

    def set_findings(self, findings: list[Finding]) -> bool:
        """Show ``findings``: rows before and after the part that changed stay. True if any
        row changed."""
        old = self.findings
        n, m = len(old), len(findings)
        start = 0
        while start < n and start < m and _same(old[start], findings[start]):
            start += 1
        end_old, end_new = n, m
        while end_old > start and end_new > start and _same(old[end_old - 1],
                                                             findings[end_new - 1]):
            end_old -= 1
            end_new -= 1
        if start == end_old == n and start == end_new == m:
            return False
        # Rows that differ in place are rewritten (a moved card keeps the count: no row
        # comes or goes); the rest come or go.
        common = min(end_old, end_new) - start
        if common > 0:
            self.blockSignals(True)  # one change for the block, not three per row
            try:
                for row in range(start, start + common):
                    item = self.item(row)
                    if item is not None:
                        self._fill(item, findings[row])
            finally:
                self.blockSignals(False)
            self.dataChanged.emit(self.index(start, 0), self.index(start + common - 1, 0))
        start += common
        if end_old > start:
            self.removeRows(start, end_old - start)
        for row in range(start, end_new):
            self.insertRow(row, self._item(findings[row]))
        self.findings = list(findings)
        if len(self._texts) > 4 * len(findings) + 256:  # texts of findings long gone
            shown = set(findings)
            self._texts = {f: t for f, t in self._texts.items() if f in shown}
        return True


def fitted(finding: Finding, width: float, advance: Callable[[str], float]) -> str:
    """The finding's line within ``width``: its subject (a card's or stage's text) is
    shortened with "…", the rule's own words stay whole ("Touchpoint “Sees a TV…” has no
    channel", not "Touchpoint “Sees a TV adv…ibre wit…")."""
    template = qtr(MESSAGES[finding.rule])
    whole = describe_finding(finding, template)
    if advance(whole) <= width or "%s" not in template:
        return whole
    subject = " ".join(finding.subject.split())
    lo, hi = 0, len(subject)
    while lo < hi:  # the longest start of the subject that fits
        mid = (lo + hi + 1) // 2
        if advance(template % (subject[:mid].rstrip() + "…")) <= width:
            lo = mid
        else:
            hi = mid - 1
    return template % (subject[:lo].rstrip() + "…")


class OneLineDelegate(QStyledItemDelegate):
    """Rows as wide as the list; a long entry shortens its subject (the tooltip has all)."""

    def __init__(self, view: QListView) -> None:
        super().__init__(view)
        self._view = view

    def initStyleOption(self, option: QStyleOptionViewItem,
                        index: QModelIndex | QPersistentModelIndex) -> None:
        super().initStyleOption(option, index)
        finding = index.data(Qt.ItemDataRole.UserRole)
        if isinstance(finding, Finding):
            metrics = option.fontMetrics
            room = option.rect.width() - 3 * metrics.averageCharWidth()  # the item's margins
            if room > 0 and metrics.horizontalAdvance(option.text) > room:
                option.text = fitted(finding, room, metrics.horizontalAdvance)

    def sizeHint(self, option: QStyleOptionViewItem,
                 index: QModelIndex | QPersistentModelIndex) -> QSize:
        size = super().sizeHint(option, index)
        return QSize(min(size.width(), max(1, self._view.viewport().width())), size.height())


class CompletenessPanel(QWidget):
    """A live list of findings; activating one emits ``finding_activated(Finding)``.

    One line per entry (the full text in its tooltip): a big map has thousands of
    findings, and rows of one height cost the list nothing to lay out.
    """

    finding_activated = Signal(object)  # a model.completeness.Finding

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("CompletenessPanel")
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        self.model = FindingsModel(self)
        self.list = QListView()
        self.list.setModel(self.model)
        self.list.setUniformItemSizes(True)
        self.list.setItemDelegate(OneLineDelegate(self.list))
        self.list.setResizeMode(QListView.ResizeMode.Adjust)  # rows follow the width
        self.list.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.list.setTextElideMode(Qt.TextElideMode.ElideRight)  # after fitted(): rarely
        self.list.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.list.setAccessibleName(self.tr("What the map still lacks"))
        self.list.setToolTip(self.tr("Click an entry to go to the place it concerns"))
        self.list.clicked.connect(self._on_index)
        self.list.activated.connect(self._on_index)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)
        layout.addWidget(self.summary)
        layout.addWidget(self.list, 1)
        self._n: int | None = None
        self.set_findings([])

    def set_findings(self, findings: Sequence[Finding]) -> None:
        self.model.set_findings(list(findings))
        n = len(findings)
        if n != self._n:
            self._n = n
            self.summary.setText(
                self.tr("Nothing missing: the map follows the method.") if n == 0
                else self.tr("%n thing(s) to complete", "", n))

    def findings(self) -> list[Finding]:
        return list(self.model.findings)

    def texts(self) -> list[str]:
        return [self.model.text(f) for f in self.model.findings]

    def _on_index(self, index: QModelIndex) -> None:
        finding = index.data(Qt.ItemDataRole.UserRole)
        if finding is not None:
            self.finding_activated.emit(finding)
