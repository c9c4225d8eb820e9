"""The dot-voting panel: the round, whose turn it is, dots left, the facilitator's counts.

It shows what the app gives it and reports what the facilitator asks for as signals;
it never changes the model itself.
"""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

MAX_DOTS = 99
MAX_COUNT = 9999


class RoundDialog(QDialog):
    """Start a round: how many dots each participant has, and on what."""

    def __init__(self, name: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Start Voting Round"))
        self.name_edit = QLineEdit(name)
        self.name_edit.setAccessibleName(self.tr("Round name"))
        self.dots_box = QSpinBox()
        self.dots_box.setRange(1, MAX_DOTS)
        self.dots_box.setValue(3)
        self.dots_box.setAccessibleName(self.tr("Dots per participant"))
        self.pain_check = QCheckBox(self.tr("Pain points"))
        self.pain_check.setChecked(True)
        self.opportunity_check = QCheckBox(self.tr("Opportunities"))
        self.opportunity_check.setChecked(True)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                   | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        self.ok_button = buttons.button(QDialogButtonBox.StandardButton.Ok)
        for check in (self.pain_check, self.opportunity_check):
            check.toggled.connect(self._check)
        form = QFormLayout(self)
        form.addRow(self.tr("Name:"), self.name_edit)
        form.addRow(self.tr("Dots each:"), self.dots_box)
        form.addRow(self.tr("Vote on:"), self.pain_check)
        form.addRow("", self.opportunity_check)
        form.addRow(buttons)

    def _check(self) -> None:
        self.ok_button.setEnabled(self.pain_check.isChecked()
                                  or self.opportunity_check.isChecked())


class VotingPanel(QWidget):
    """Run a round at the laptop: participants in turn, or the facilitator's counts."""

    round_picked = Signal(int)  # the round to show (0: none)
    new_round_requested = Signal()
    reset_requested = Signal()
    delete_requested = Signal()
    voting_toggled = Signal(bool)  # True: a click (or Space) on a card places a dot
    participant_renamed = Signal(str)
    next_participant_requested = Signal()
    count_entered = Signal(int)  # the facilitator's count for the selected card
    importance_requested = Signal()
    sort_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        tr = self.tr
        self.round_box = QComboBox()
        self.round_box.setAccessibleName(tr("Voting round"))
        self.round_box.setMinimumContentsLength(8)
        self.round_box.activated.connect(
            lambda i: self.round_picked.emit(int(self.round_box.itemData(i) or 0)))
        self.new_button = QPushButton(tr("New…"))
        self.new_button.setToolTip(tr("Start a new voting round"))
        self.new_button.clicked.connect(self.new_round_requested)
        self.info_label = QLabel()
        self.info_label.setWordWrap(True)
        self.vote_check = QCheckBox(tr("Place dots by clicking cards"))
        self.vote_check.setToolTip(tr("Click a card, or press Space on the selected card, to "
                                      "place a dot; Shift+click or Backspace takes one back"))
        self.vote_check.toggled.connect(self.voting_toggled)
        self.participant_edit = QLineEdit()
        self.participant_edit.setAccessibleName(tr("Participant"))
        self.participant_edit.setPlaceholderText(tr("Participant's name"))
        self.participant_edit.setToolTip(tr("Whose turn it is: type a name or keep the number"))
        self.participant_edit.editingFinished.connect(
            lambda: self.participant_renamed.emit(self.participant_edit.text()))
        self.dots_label = QLabel()
        self.dots_label.setAccessibleName(tr("Dots left"))
        big = QFont(self.dots_label.font())
        big.setPointSizeF(big.pointSizeF() * 1.8)
        big.setBold(True)
        self.dots_label.setFont(big)
        self.next_button = QPushButton(tr("Next Participant"))
        self.next_button.clicked.connect(self.next_participant_requested)
        self.card_label = QLabel()
        self.card_label.setWordWrap(True)
        self.count_box = QSpinBox()
        self.count_box.setRange(0, MAX_COUNT)
        self.count_box.setAccessibleName(tr("Count on the selected card"))
        self.count_button = QPushButton(tr("Set Count"))
        self.count_button.clicked.connect(lambda: self.count_entered.emit(self.count_box.value()))
        self.reset_button = QPushButton(tr("Reset"))
        self.reset_button.setToolTip(tr("Take every dot off this round (Undo puts them back)"))
        self.reset_button.clicked.connect(self.reset_requested)
        self.delete_button = QPushButton(tr("Delete"))
        self.delete_button.setToolTip(tr("Delete this round"))
        self.delete_button.clicked.connect(self.delete_requested)
        self.sort_button = QPushButton(tr("Sort Register"))
        self.sort_button.setToolTip(tr("Opportunity register, most votes first"))
        self.sort_button.clicked.connect(self.sort_requested)
        self.importance_button = QPushButton(tr("Set Importance"))
        self.importance_button.setToolTip(tr(
            "Importance from the votes: the most-voted opportunity 5, none 1 (one undo step)"))
        self.importance_button.clicked.connect(self.importance_requested)

        top = QHBoxLayout()
        top.addWidget(self.round_box, 1)
        top.addWidget(self.new_button)
        turn = QGridLayout()
        turn.addWidget(self.participant_edit, 0, 0, 1, 2)
        turn.addWidget(self.dots_label, 1, 0, 1, 2)
        turn.addWidget(self.next_button, 2, 0, 1, 2)
        count = QHBoxLayout()
        count.addWidget(self.count_box, 1)
        count.addWidget(self.count_button)
        after = QGridLayout()
        after.addWidget(self.sort_button, 0, 0)
        after.addWidget(self.importance_button, 0, 1)
        after.addWidget(self.reset_button, 1, 0)
        after.addWidget(self.delete_button, 1, 1)
        box = QVBoxLayout(self)
        box.addLayout(top)
        box.addWidget(self.info_label)
        box.addWidget(self.vote_check)
        box.addLayout(turn)
        box.addWidget(self.card_label)
        box.addLayout(count)
        box.addLayout(after)
        box.addStretch(1)
        self.set_rounds([], None)

    # -- shown state ----------------------------------------------------------------

    def set_rounds(self, rounds: list[tuple[int, str]], current: int | None) -> None:
        self.round_box.blockSignals(True)
        self.round_box.clear()
        for round_id, name in rounds:
            self.round_box.addItem(name, round_id)
        if not rounds:
            self.round_box.addItem(self.tr("(no round yet)"), 0)
        index = self.round_box.findData(current) if current is not None else -1
        self.round_box.setCurrentIndex(max(0, index))
        self.round_box.blockSignals(False)
        on = current is not None
        for widget in (self.vote_check, self.participant_edit, self.next_button,
                       self.reset_button, self.delete_button, self.sort_button,
                       self.importance_button):
            widget.setEnabled(on)
        if not on:
            self.info_label.setText(self.tr("Start a round to vote on pain points and "
                                             "opportunities."))
            self.dots_label.setText("")
            self.vote_check.setChecked(False)
            self.set_selected_card(None, None)

    def set_round_info(self, text: str) -> None:
        self.info_label.setText(text)

    def set_participant(self, name: str, left: int, dots: int) -> None:
        if not self.participant_edit.hasFocus():
            self.participant_edit.setText(name)
        self.dots_label.setText(self.tr("Dots left: {0} of {1}").format(left, dots))

    def set_selected_card(self, text: str | None, count: int | None) -> None:
        """The card the facilitator's count goes to (None: no votable card selected)."""
        if text is None or count is None:
            self.card_label.setText(self.tr("Select a card to enter its count."))
            self.count_box.setEnabled(False)
            self.count_button.setEnabled(False)
            return
        short = " ".join(text.split())
        short = short if len(short) <= 40 else short[:39] + "…"
        self.card_label.setText(self.tr("Count on “{0}”:").format(short))
        self.count_box.setEnabled(True)
        self.count_button.setEnabled(True)
        if not self.count_box.hasFocus():
            self.count_box.setValue(count)

    def voting(self) -> bool:
        return self.vote_check.isChecked()
