"""Opportunities: turn a card into one, link cards, the register, the matrix, the check.

Gestures from the register, the priority matrix and the completeness panel become undo
commands here; ``refresh()`` shows the model again (the window calls its parts after
the changes that concern them, while they are shown).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QInputDialog, QWidget

from app.commands import AddOpportunityCommand, DeleteOpportunityCommand, EditOpportunityCommand
from app.context import EditorContext
from model.completeness import Finding, Place, Rule
from model.records import OpportunityFields
from widgets.completeness_panel import CompletenessPanel
from widgets.i18n import qtr
from widgets.journey_header import JourneyHeader
from widgets.opportunity_register import OpportunityRegister
from widgets.priority_matrix import PriorityMatrix

TITLE_MAX = 80


def ask_opportunity(parent: QWidget, titles: list[str]) -> int | None:
    """Ask which opportunity to link or unlink; its index, or None (thin wrapper for tests)."""
    title, ok = QInputDialog.getItem(parent, qtr("Link to opportunity"),
                                     qtr("Opportunity (✓ linked: choose it to unlink):"),
                                     titles, 0, False)
    return titles.index(title) if ok and title in titles else None


def title_from(text: str) -> str:
    """A card's first line, shortened: the title of the opportunity made from it."""
    line = next((ln.strip() for ln in text.splitlines() if ln.strip()), "")
    return line if len(line) <= TITLE_MAX else line[: TITLE_MAX - 1].rstrip() + "…"


class OpportunityController(QObject):
    """Connects the register, the matrix and the completeness panel to the model."""

    def __init__(self, ctx: EditorContext, register: OpportunityRegister,
                 matrix: PriorityMatrix, check: CompletenessPanel, header: JourneyHeader,
                 show_dock: Callable[[QWidget], None],
                 today: Callable[[], dt.date] = dt.date.today) -> None:
        super().__init__(ctx.window)
        self.ctx = ctx
        self.register = register
        self.matrix = matrix
        self.check = check
        self.header = header
        self._show_dock = show_dock
        self.today = today
        register.edited.connect(self.edit_opportunity)
        register.opportunity_added.connect(self.add_opportunity)
        register.opportunity_deleted.connect(self.delete_opportunity)
        register.cards_requested.connect(self.show_cards)
        matrix.rescored.connect(
            lambda oid, fields: self.edit_opportunity(oid, fields, qtr("Re-score opportunity")))
        check.finding_activated.connect(self.go_to)

    def refresh(self) -> None:
        """The register, the matrix and the completeness check, from the model."""
        self.refresh_register()
        self.refresh_check()

    def refresh_register(self) -> None:
        doc = self.ctx.doc
        if doc is None:
            return
        rows = doc.opportunities()
        self.register.set_opportunities(rows, self.today())
        self.matrix.set_opportunities(rows)

    def refresh_check(self) -> None:
        doc = self.ctx.doc
        if doc is not None:
            self.check.set_findings(doc.findings(self.today()))

    # -- edits ---------------------------------------------------------------------

    def turn_into_opportunity(self) -> int | None:
        """Make an opportunity from the selected card (a pain point), linked to it."""
        doc, journey_id = self.ctx.doc, self.ctx.journey_id
        selected = self.ctx.scene.selected_card_ids()
        if doc is None or journey_id is None or len(selected) != 1:
            self.ctx.status(self.tr("Select one card (a pain point) to turn into an "
                                    "opportunity."))
            return None
        card = doc.card(selected[0])
        if card is None:
            return None
        fields: OpportunityFields = {
            "title": title_from(card["text"]) or self.tr("Opportunity"),
            "card_ids": [card["id"]],
        }
        if card["severity"] is not None:
            fields["importance"] = card["severity"]  # a critical pain is an important fix
        command = AddOpportunityCommand(self.ctx.editor(), journey_id, dict(fields),
                                        qtr("Turn into opportunity"))
        if not self.ctx.push(command) or command.obj_id is None:
            return None
        self.refresh()
        self._show_dock(self.register)
        self.register.select(command.obj_id)
        return command.obj_id

    def link_selected_card(self) -> None:
        """Link the selected card to an opportunity of its journey, or unlink it."""
        doc = self.ctx.doc
        selected = self.ctx.scene.selected_card_ids()
        if doc is None or len(selected) != 1:
            self.ctx.status(self.tr("Select one card to link to an opportunity."))
            return
        card_id = selected[0]
        rows = doc.opportunities()
        if not rows:
            self.ctx.status(self.tr("No opportunities yet: use Turn into Opportunity."))
            return
        titles = [("✓ " if any(c["id"] == card_id for c in r["cards"]) else "   ")
                  + r["title"] for r in rows]
        choice = ask_opportunity(self.ctx.window, titles)
        if choice is None:
            return
        row = rows[choice]
        ids = [c["id"] for c in row["cards"]]
        linked = card_id in ids
        ids = [i for i in ids if i != card_id] if linked else [*ids, card_id]
        self.edit_opportunity(row["id"], {"card_ids": ids},
                              qtr("Unlink card") if linked else qtr("Link card"))

    def add_opportunity(self) -> None:
        journey_id = self.ctx.journey_id
        if journey_id is None:
            return
        command = AddOpportunityCommand(self.ctx.editor(), journey_id,
                                        {"title": self.tr("New opportunity")})
        if self.ctx.push(command) and command.obj_id is not None:
            self.refresh()
            self.register.select(command.obj_id)

    def edit_opportunity(self, opp_id: int, fields: OpportunityFields, text: str = "") -> None:
        if self.ctx.doc is not None and fields:
            self.ctx.push(EditOpportunityCommand(self.ctx.editor(), opp_id, fields, text))
            self.refresh()

    def delete_opportunity(self, opp_id: int) -> None:
        if self.ctx.doc is not None:
            self.ctx.push(DeleteOpportunityCommand(self.ctx.editor(), opp_id))
            self.refresh()

    # -- going to places -------------------------------------------------------------

    def show_cards(self, card_ids: list[int]) -> None:
        """Select the cards on the canvas and scroll the first into view."""
        scene = self.ctx.scene
        shown = [cid for cid in card_ids if cid in scene.card_items]
        if not shown:
            return
        scene.select_cards(shown)
        self.ctx.view.centerOn(scene.card_items[shown[0]])
        self.ctx.view.setFocus()

    def go_to(self, finding: Finding) -> None:
        """Show the place a completeness finding concerns."""
        if finding.place is Place.CARD:
            self.show_cards([finding.place_id])
        elif finding.place is Place.STAGE:
            item = self.ctx.scene.stage_items.get(finding.place_id)
            if item is not None:
                self.ctx.scene.clearSelection()
                item.setSelected(True)
                self.ctx.view.centerOn(item)
        elif finding.place is Place.OPPORTUNITY:
            self._show_dock(self.register)
            self.register.select(finding.place_id)
            self.register.table.setFocus()
        elif finding.rule is Rule.NO_OBJECTIVE:
            self.header.objective_edit.setFocus()
        elif finding.rule is Rule.NO_PERSONA:
            self.header.persona_combo.setFocus()
            self.header.persona_combo.showPopup()
        else:
            self.ctx.status(self.tr("The journey's review is overdue: review the map with "
                                    "its owner."))
