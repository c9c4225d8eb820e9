"""The completeness check: what the map still lacks, each entry a link to its place."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtWidgets import QLabel, QListWidget, QListWidgetItem, QVBoxLayout, QWidget

from model.completeness import Finding, Rule

_MESSAGES: dict[Rule, str] = {
    Rule.NO_OBJECTIVE: "The journey has no objective",
    Rule.NO_PERSONA: "The journey has no persona",
    Rule.REVIEW_OVERDUE: "The next review was due on %s",
    Rule.STAGE_WITHOUT_TOUCHPOINT: "Stage “%s” has no touchpoint",
    Rule.TOUCHPOINT_WITHOUT_CHANNEL: "Touchpoint “%s” has no channel",
    Rule.TOUCHPOINT_WITHOUT_USAGE: "Touchpoint “%s” has no usage share",
    Rule.PAIN_WITHOUT_OPPORTUNITY: "Pain point “%s” has no opportunity",
    Rule.OPPORTUNITY_WITHOUT_OWNER: "Opportunity “%s” has no owner",
    Rule.OPPORTUNITY_WITHOUT_STATUS: "Opportunity “%s” has no status",
    Rule.OPPORTUNITY_WITHOUT_DUE_DATE: "Opportunity “%s” has no due date",
}


def describe(finding: Finding) -> str:
    """One line for a finding (used by the panel and the printed check)."""
    text = QCoreApplication.translate("CompletenessPanel", _MESSAGES[finding.rule])
    if "%s" not in text:
        return text
    subject = " ".join(finding.subject.split())
    if len(subject) > 48:
        subject = subject[:47] + "…"
    return text % (subject or "…")


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
