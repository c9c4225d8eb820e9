"""The completeness check: what the map still lacks, each entry a link to its place."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QLabel, QListWidget, QListWidgetItem, QVBoxLayout, QWidget

from model.completeness import MESSAGES, Finding
from model.completeness import describe as describe_finding
from widgets.i18n import qtr


def describe(finding: Finding) -> str:
    """One line for a finding, in the user's language."""
    template = qtr(MESSAGES[finding.rule])
    return describe_finding(finding, template)


class CompletenessPanel(QWidget):
    """A live list of findings; activating one emits ``finding_activated(Finding)``."""

    finding_activated = Signal(object)  # a model.completeness.Finding

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("CompletenessPanel")
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        self.list = QListWidget()
        self.list.setWordWrap(True)
        self.list.setAccessibleName(self.tr("What the map still lacks"))
        self.list.setToolTip(self.tr("Click an entry to go to the place it concerns"))
        self.list.itemClicked.connect(self._on_item)
        self.list.itemActivated.connect(self._on_item)
        self._findings: list[Finding] = []
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)
        layout.addWidget(self.summary)
        layout.addWidget(self.list, 1)
        self.set_findings([])

    def set_findings(self, findings: Sequence[Finding]) -> None:
        if list(findings) == self._findings and self.list.count() == len(findings):
            return  # unchanged: keep the list's scroll position and selection
        self._findings = list(findings)
        self.list.clear()
        for finding in self._findings:
            item = QListWidgetItem(describe(finding))
            item.setData(Qt.ItemDataRole.UserRole, finding)
            self.list.addItem(item)
        n = len(self._findings)
        self.summary.setText(
            self.tr("Nothing missing: the map follows the method.") if n == 0
            else self.tr("%n thing(s) to complete", "", n))

    def findings(self) -> list[Finding]:
        return list(self._findings)

    def texts(self) -> list[str]:
        return [self.list.item(i).text() for i in range(self.list.count())]

    def _on_item(self, item: QListWidgetItem) -> None:
        self.finding_activated.emit(item.data(Qt.ItemDataRole.UserRole))
