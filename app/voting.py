"""Dot voting (#13): rounds, participants in turn at the laptop, the facilitator's counts.

Every change is an undo step (app.workshop_commands); the counts show on the cards
through the scene's badges while the Voting panel is open, and in the register.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, QPointF, Qt
from PySide6.QtGui import QAction, QKeyEvent, QMouseEvent
from PySide6.QtWidgets import QDialog, QDockWidget, QMenu, QWidget
from shiboken6 import isValid

from app.context import EditorContext
from app.workshop_commands import (
    DeleteRoundCommand,
    PlaceDotsCommand,
    ResetRoundCommand,
    SetVoteTotalCommand,
    StartRoundCommand,
    importance_command,
)
from model.workshop import VoteRoundRecord, importance_from_votes
from widgets.items import CardItem
from widgets.opportunity_register import OpportunityRegister
from widgets.voting_panel import RoundDialog, VotingPanel


class VotingController(QObject):
    """Connects the Voting panel and clicks on cards to the voting commands."""

    def __init__(self, ctx: EditorContext, panel: VotingPanel, register: OpportunityRegister,
                 show_panel: Callable[[], None], show_register: Callable[[], None]) -> None:
        super().__init__(ctx.window)
        self.ctx = ctx
        self.panel = panel
        self.register = register
        self.show_panel = show_panel
        self.show_register = show_register
        self.round_id: int | None = None  # the round shown (None: the latest)
        self.number = 1
        self.participant = self._numbered(1)
        self.shown = False  # counts on the cards while the panel is open
        ctx.votes = self.card_votes
        panel.round_picked.connect(self.show_round)
        panel.new_round_requested.connect(lambda: self.start_round())
        panel.reset_requested.connect(self.reset)
        panel.delete_requested.connect(self.delete_round)
        panel.voting_toggled.connect(self._voting_toggled)
        panel.participant_renamed.connect(self.rename_participant)
        panel.next_participant_requested.connect(self.next_participant)
        panel.count_entered.connect(self.enter_count)
        panel.importance_requested.connect(self.set_importance)
        panel.sort_requested.connect(self.sort_register)
        ctx.view.viewport().installEventFilter(self)
        ctx.view.installEventFilter(self)
        ctx.scene.selectionChanged.connect(self._show_selected)

    def _numbered(self, n: int) -> str:
        return self.tr("Participant {0}").format(n)

    # -- reading ---------------------------------------------------------------------

    def rounds(self) -> list[VoteRoundRecord]:
        return self.ctx.doc.vote_rounds() if self.ctx.doc is not None else []

    def current(self, rounds: list[VoteRoundRecord] | None = None) -> VoteRoundRecord | None:
        rounds = self.rounds() if rounds is None else rounds
        found = next((r for r in rounds if r.id == self.round_id), None)
        return found or (rounds[-1] if rounds else None)

    def card_votes(self) -> dict[int, int]:
        """Dots per card the round shown is on (0 for none yet), while the panel is open."""
        found = self.current()
        layout = self.ctx.scene.layout
        if not self.shown or found is None or layout is None or self.ctx.doc is None:
            return {}
        counts = self.ctx.doc.vote_counts(found.id)
        kinds = found.kinds()
        return {cid: counts.get(cid, 0) for cid, g in layout.cards.items() if g.kind in kinds}

    def dots_left(self, found: VoteRoundRecord) -> int:
        assert self.ctx.doc is not None
        placed = self.ctx.doc.participant_counts(found.id).get(self.participant, 0)
        return max(0, found.dots - placed)

    # -- shown state -------------------------------------------------------------------

    def watch(self, dock: QDockWidget) -> None:
        """Counts on the cards while this dock (the panel's) is open."""
        self._dock = dock
        dock.visibilityChanged.connect(self._dock_shown)

    def _dock_shown(self, _visible: bool) -> None:
        # Also called while the window is being taken down: touch nothing gone.
        if isValid(self._dock) and isValid(self.ctx.scene):
            self.set_shown(not self._dock.isHidden())

    def set_shown(self, shown: bool) -> None:
        """The panel opened or closed: the counts come onto the cards or go."""
        if shown != self.shown:
            self.shown = shown
            if not shown:
                self.panel.vote_check.setChecked(False)
            self.ctx.refresh_badges()

    def refresh(self) -> None:
        """After any change: rounds, dots left, the register's Votes column."""
        rounds = self.rounds()
        found = self.current(rounds)
        self.panel.set_rounds([(r.id, r.name) for r in rounds], found.id if found else None)
        doc = self.ctx.doc
        if found is None or doc is None:
            self.register.set_votes(None)
            return
        on = [self.tr("pain points")] if found.pain_points else []
        on += [self.tr("opportunities")] if found.opportunities else []
        total = sum(doc.vote_counts(found.id).values())
        self.panel.set_round_info(self.tr("{0} dots each, on {1}. {2} placed so far.").format(
            found.dots, self.tr(" and ").join(on), total))
        self.panel.set_participant(self.participant, self.dots_left(found), found.dots)
        self.register.set_votes(doc.opportunity_votes(found.id))
        self._show_selected(found)

    def _show_selected(self, found: VoteRoundRecord | None = None) -> None:
        # The scene says its selection changed while the window is taken down too.
        if not (isValid(self.ctx.scene) and isValid(self.panel)):
            return
        if found is None:
            found = self.current()
        card = self._selected_card()
        if found is None or card is None or self.ctx.doc is None:
            self.panel.set_selected_card(None, None)
            return
        record = self.ctx.doc.card(card)
        if record is None or record["kind"] not in found.kinds():
            self.panel.set_selected_card(None, None)
            return
        self.panel.set_selected_card(record["text"],
                                     self.ctx.doc.vote_counts(found.id).get(card, 0))

    def _selected_card(self) -> int | None:
        items = [i for i in self.ctx.scene.selectedItems() if isinstance(i, CardItem)]
        return items[0].card_id if len(items) == 1 else None

    # -- rounds ---------------------------------------------------------------------------

    def show_round(self, round_id: int) -> None:
        self.round_id = round_id or None
        self.refresh()
        self.ctx.refresh_badges()

    def start_round(self, dots: int | None = None, pain_points: bool = True,
                    opportunities: bool = True, name: str = "") -> bool:
        """A new round (asked for in a dialog unless ``dots`` is given); it is shown."""
        journey_id = self.ctx.journey_id
        if journey_id is None:
            return False
        if dots is None:
            dialog = RoundDialog(self.tr("Round {0}").format(len(self.rounds()) + 1),
                                 self.ctx.window)
            if dialog.exec() != QDialog.DialogCode.Accepted:
                return False
            dots = dialog.dots_box.value()
            pain_points = dialog.pain_check.isChecked()
            opportunities = dialog.opportunity_check.isChecked()
            name = dialog.name_edit.text()
        command = StartRoundCommand(self.ctx.editor(), journey_id, {
            "name": name.strip(), "dots": dots, "pain_points": pain_points,
            "opportunities": opportunities})
        if not self.ctx.push(command):
            return False
        self.round_id = command.obj_id
        self.number = 1
        self.participant = self._numbered(1)
        self.show_panel()
        self.panel.vote_check.setChecked(True)
        self.refresh()
        self.ctx.status(self.tr("Voting round started: {0}, click a card to place a dot.")
                        .format(self.participant))
        return True

    def reset(self) -> None:
        found = self.current()
        if found is not None and self.ctx.push(ResetRoundCommand(self.ctx.editor(), found.id)):
            self.number = 1
            self.participant = self._numbered(1)
            self.refresh()
            self.ctx.status(self.tr("{0} reset: every dot taken off (Undo puts them back).")
                            .format(found.name))

    def delete_round(self) -> None:
        found = self.current()
        if found is not None and self.ctx.push(DeleteRoundCommand(self.ctx.editor(), found.id)):
            self.round_id = None
            self.refresh()

    # -- participants ---------------------------------------------------------------------

    def rename_participant(self, name: str) -> None:
        name = name.strip()
        if name and name != self.participant:
            self.participant = name
            self.refresh()

    def next_participant(self) -> None:
        self.number += 1
        self.participant = self._numbered(self.number)
        self.refresh()
        self.ctx.status(self.tr("{0}'s turn.").format(self.participant))

    def place_dot(self, card_id: int, delta: int = 1) -> bool:
        """One dot more (or fewer) from the participant whose turn it is."""
        found = self.current()
        doc = self.ctx.doc
        if found is None or doc is None:
            return False
        record = doc.card(card_id)
        if record is None or record["kind"] not in found.kinds():
            self.ctx.status(self.tr("{0} is on pain points and opportunities only.").format(
                found.name) if found.pain_points and found.opportunities else
                self.tr("This round is not on cards of this kind."))
            return False
        mine = doc.participant_votes(found.id, self.participant).get(card_id, 0)
        if mine + delta < 0:
            return False
        if delta > 0 and self.dots_left(found) < delta:
            self.ctx.status(self.tr("{0} has no dots left: Next Participant.").format(
                self.participant))
            return False
        done = self.ctx.push(PlaceDotsCommand(self.ctx.editor(), found.id, card_id,
                                              self.participant, mine + delta))
        if done:
            self.refresh()
            self.ctx.status(self.tr("{0}: {1} of {2} dots left.").format(
                self.participant, self.dots_left(found), found.dots))
        return done

    def enter_count(self, total: int, card_id: int | None = None) -> bool:
        """The facilitator's count for a card (the selected one unless given)."""
        found = self.current()
        card_id = card_id if card_id is not None else self._selected_card()
        if found is None or card_id is None:
            return False
        done = self.ctx.push(SetVoteTotalCommand(self.ctx.editor(), found.id, card_id, total))
        if done:
            self.refresh()
        return done

    # -- after the round ------------------------------------------------------------------

    def set_importance(self) -> bool:
        """Each opportunity's importance from its votes, as one undo step."""
        found = self.current()
        doc = self.ctx.doc
        if found is None or doc is None:
            return False
        votes = doc.opportunity_votes(found.id)
        old = {o["id"]: o["importance"] for o in doc.opportunities()}
        scores = {oid: (old[oid], new) for oid, new in importance_from_votes(votes).items()
                  if oid in old and old[oid] != new}
        if not scores:
            self.ctx.status(self.tr("Importance already follows the votes (or nothing was "
                                    "voted on an opportunity's cards)."))
            return False
        command = importance_command(self.ctx.editor(), scores)
        doc.push(command)
        done = command.error is None
        if not done:
            self.ctx.status(str(command.error), 6000)
        else:
            self.ctx.status(self.tr("Importance set from the votes (opportunities changed: "
                                    "{0}).").format(len(scores)))
        return done

    def sort_register(self) -> None:
        self.show_register()
        self.register.sort_by_votes()

    def build_menu(self, parent: QWidget, panel_action: QAction) -> QMenu:
        """Workshop → Dot Voting."""
        menu = QMenu(self.tr("Dot &Voting"), parent)
        start = menu.addAction(self.tr("&Start Round…"))
        start.triggered.connect(lambda _c=False: self.start_round())
        menu.addAction(panel_action)
        menu.addSeparator()
        for text, slot in ((self.tr("&Reset Round"), self.reset),
                           (self.tr("Set &Importance from Votes"), self.set_importance),
                           (self.tr("S&ort Register by Votes"), self.sort_register)):
            action = menu.addAction(text)
            action.triggered.connect(lambda _c=False, f=slot: f())
        return menu

    # -- clicks and keys on the map ----------------------------------------------------------

    def _voting_toggled(self, on: bool) -> None:
        if on:
            self.ctx.status(self.tr("Click a pain point or opportunity to place a dot; "
                                    "Shift+click takes one back."))

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        # The view and the panel go before this controller when the window is taken down.
        if not (isValid(self.panel) and isValid(self.ctx.view)) or not self.panel.voting():
            return False
        if self.current() is None:
            return False
        kind = event.type()
        if watched is self.ctx.view.viewport() and isinstance(event, QMouseEvent):
            if kind == QEvent.Type.MouseButtonPress and (
                    event.button() == Qt.MouseButton.LeftButton):
                card = self._card_at(event.position())
                if card is None:
                    return False
                shift = bool(event.modifiers() & Qt.KeyboardModifier.ShiftModifier)
                self.place_dot(card, -1 if shift else 1)
                return True  # a vote, not a selection or a drag
            return kind in (QEvent.Type.MouseButtonDblClick, QEvent.Type.MouseButtonRelease) \
                and self._card_at(event.position()) is not None
        if watched is self.ctx.view and kind == QEvent.Type.KeyPress:
            assert isinstance(event, QKeyEvent)
            card = self._selected_card()
            if card is not None and event.key() in (Qt.Key.Key_Space, Qt.Key.Key_Backspace):
                self.place_dot(card, -1 if event.key() == Qt.Key.Key_Backspace else 1)
                return True
        return False

    def _card_at(self, pos: QPointF) -> int | None:
        view = self.ctx.view
        for item in view.items(pos.toPoint()):
            parent = item
            while parent is not None and not isinstance(parent, CardItem):
                parent = parent.parentItem()
            if isinstance(parent, CardItem):
                return parent.card_id
        return None
