"""Journey, persona and opportunity edits."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from typing import Any, cast

from sqlalchemy import select

from model.changes import Change, How, What
from model.edit_base import EditBase, check_fields
from model.edit_error import EditError
from model.entities import (
    Card,
    EmotionCurve,
    Journey,
    Opportunity,
    OpportunityStatus,
    Persona,
    SavedView,
)
from model.metric_edits import take_metrics
from model.records import JourneyFields, OpportunityFields, PersonaFields
from model.review_edits import SnapshotEdits, clean_review_fields
from model.snapshot import Row, journey_snapshot, restore_journey
from model.snapshot_types import (
    OpportunitySnapshot,
    PersonaSnapshot,
    opportunity_row,
    persona_row,
)
from model.templates import create_journey
from model.workshop_edits import (
    copy_views,
    put_back_journey_workshop,
    take_journey_workshop,
)

JOURNEY_FIELDS = frozenset(
    {"name", "objective", "scenario", "persona_id", "owner", "next_review",
     "review_interval_months"}
)
PERSONA_FIELDS = frozenset(
    {"name", "role", "goals", "needs", "frustrations", "quote", "photo", "notes"}
)
OPPORTUNITY_FIELDS = frozenset(
    {"title", "description", "owner", "importance", "cost", "ease", "status", "due_date"}
)


def clean_opportunity_fields(fields: Mapping[str, Any]) -> None:
    """Opportunity fields checked: scores 1..5, a known status, text fields as text."""
    check_fields(fields, OPPORTUNITY_FIELDS)
    for key in ("title", "description", "owner"):
        if key in fields and not isinstance(fields[key], str):
            raise EditError(f"The opportunity's {key} must be text")
    for key in ("importance", "cost", "ease"):
        if key in fields:
            value = fields[key]
            if isinstance(value, bool) or not isinstance(value, int) or not 1 <= value <= 5:
                raise EditError(f"The opportunity's {key} is a whole number from 1 to 5")
    if "status" in fields and fields["status"] not in {"", *(s.value for s in OpportunityStatus)}:
        raise EditError(f"Unknown opportunity status {fields['status']!r}")
    if fields.get("due_date") is not None and not isinstance(fields["due_date"], dt.date):
        raise EditError("A due date is a date")


def clean_persona_fields(fields: Mapping[str, Any]) -> None:
    """Persona fields checked: text as text, the photo as bytes (already prepared) or None."""
    check_fields(fields, PERSONA_FIELDS)
    for key in PERSONA_FIELDS - {"photo"}:
        if key in fields and not isinstance(fields[key], str):
            raise EditError(f"The persona's {key} must be text")
    if fields.get("photo") is not None and not isinstance(fields["photo"], bytes):
        raise EditError("A persona photo is image data")


class JourneyEdits(EditBase, SnapshotEdits):
    """Journeys (deleting one takes its snapshots along), personas and opportunities."""

    def add_journey(self, template: str = "cjm7", name: str = "") -> int:
        journey = create_journey(self.session, template, name)
        self._emit(What.JOURNEY, journey.id, How.ADDED, journey.id)
        return journey.id

    def duplicate_journey(self, journey_id: int, name: str) -> int:
        journey: Journey = self._get(Journey, journey_id)
        last = max(j.position for j in self.session.query(Journey))
        copy = restore_journey(
            self.session,
            journey_snapshot(journey),
            new_ids=True,
            name=name,
            position=last + 1,
            created_at=self._now(),
        )
        copy_views(self.session, journey, copy)
        self._emit(What.JOURNEY, copy.id, How.ADDED, copy.id)
        return copy.id

    def remove_journey(self, journey_id: int) -> dict[str, Any]:
        journey: Journey = self._get(Journey, journey_id)
        snap = journey_snapshot(journey)
        snap["snapshot_rows"] = self.journey_snapshot_rows(journey_id)
        snap["workshop"] = take_journey_workshop(self.session, journey_id)
        # The ORM does not know cards and points depend on stages and lanes: delete the
        # dependants first so SQLite's ON DELETE CASCADE finds nothing left to do.
        for opp in journey.opportunities:
            opp.cards.clear()
        take_metrics(self.session, [c.id for c in journey.cards], [s.id for s in journey.stages])
        journey.cards.clear()
        for curve in journey.curves:
            curve.points.clear()
        self.session.flush()
        self.session.delete(journey)
        self.session.flush()
        self.hub.emit(Change(What.JOURNEY, journey_id, How.REMOVED, journey_id))
        return snap

    def restore_journey(self, snap: dict[str, Any]) -> int:
        journey = restore_journey(self.session, snap)
        self.put_back_snapshot_rows(snap.get("snapshot_rows", []))
        put_back_journey_workshop(self.session, snap.get("workshop", {}))
        self._emit(What.JOURNEY, journey.id, How.ADDED, journey.id)
        return journey.id

    def update_journey(self, journey_id: int, fields: JourneyFields) -> JourneyFields:
        check_fields(fields, JOURNEY_FIELDS)
        clean = clean_review_fields(fields)
        journey: Journey = self._get(Journey, journey_id)
        old = cast(JourneyFields, self._set(journey, clean))
        self._emit(What.JOURNEY, journey_id, How.UPDATED, journey_id)
        return old

    # -- personas and opportunities --------------------------------------------------

    def add_persona(self, fields: Row | None = None) -> int:
        fields = dict(fields or {})
        persona_id = fields.pop("id", None)
        clean_persona_fields(fields)
        persona = Persona(**fields)
        if persona_id is not None:
            persona.id = persona_id
        self.session.add(persona)
        self.session.flush()
        self._emit(What.PERSONA, persona.id, How.ADDED, None)
        return persona.id

    def update_persona(self, persona_id: int, fields: PersonaFields) -> PersonaFields:
        clean_persona_fields(fields)
        old = cast(PersonaFields, self._set(self._get(Persona, persona_id), fields))
        self._emit(What.PERSONA, persona_id, How.UPDATED, None)
        return old

    def remove_persona(self, persona_id: int) -> PersonaSnapshot:
        """Delete a persona; journeys and curves that used it keep no persona."""
        persona: Persona = self._get(Persona, persona_id)
        journeys = list(self.session.scalars(select(Journey).filter_by(persona_id=persona_id)))
        curves = list(self.session.scalars(select(EmotionCurve).filter_by(persona_id=persona_id)))
        views = list(self.session.scalars(select(SavedView).filter_by(persona_id=persona_id)))
        snap = PersonaSnapshot(**persona_row(persona), used_by={
            "journeys": [j.id for j in journeys], "curves": [c.id for c in curves],
            "views": [v.id for v in views]})
        for view in views:
            view.persona_id = None
        for journey in journeys:
            journey.persona_id = None
        for curve in curves:
            curve.persona_id = None
        self.session.delete(persona)
        self._emit(What.PERSONA, persona_id, How.REMOVED, None)
        return snap

    def restore_persona(self, snap: PersonaSnapshot) -> int:
        users = snap["used_by"]
        persona_id = self.add_persona({k: v for k, v in snap.items() if k != "used_by"})
        for journey_id in users["journeys"]:
            journey = self.session.get(Journey, journey_id)
            if journey is not None:
                journey.persona_id = persona_id
        for curve_id in users["curves"]:
            curve = self.session.get(EmotionCurve, curve_id)
            if curve is not None:
                curve.persona_id = persona_id
        for view_id in users["views"]:
            view = self.session.get(SavedView, view_id)
            if view is not None:
                view.persona_id = persona_id
        self.session.flush()
        return persona_id

    def add_opportunity(self, journey_id: int, fields: Row | None = None) -> int:
        journey: Journey = self._get(Journey, journey_id)
        fields = dict(fields or {})
        opp_id = fields.pop("id", None)
        card_ids = fields.pop("card_ids", [])
        clean_opportunity_fields(fields)
        opp = Opportunity(**fields)
        if opp_id is not None:
            opp.id = opp_id
        journey.opportunities.append(opp)
        for card_id in card_ids:
            opp.cards.append(self._journey_card(journey_id, card_id))
        self.session.flush()
        self._emit(What.OPPORTUNITY, opp.id, How.ADDED, journey_id)
        return opp.id

    def _journey_card(self, journey_id: int, card_id: int) -> Card:
        card: Card = self._get(Card, card_id)
        if card.journey_id != journey_id:
            raise EditError("An opportunity links only to cards of its own journey")
        return card

    def update_opportunity(self, opp_id: int, fields: OpportunityFields) -> OpportunityFields:
        opp: Opportunity = self._get(Opportunity, opp_id)
        rest = {k: v for k, v in fields.items() if k != "card_ids"}
        clean_opportunity_fields(rest)
        old: dict[str, Any] = {}
        if "card_ids" in fields:
            old["card_ids"] = [c.id for c in opp.cards]
            opp.cards = [self._journey_card(opp.journey_id, cid) for cid in fields["card_ids"]]
        old.update(self._set(opp, rest))
        self._emit(What.OPPORTUNITY, opp_id, How.UPDATED, opp.journey_id)
        return cast(OpportunityFields, old)

    def remove_opportunity(self, opp_id: int) -> OpportunitySnapshot:
        opp: Opportunity = self._get(Opportunity, opp_id)
        journey = opp.journey
        snap = OpportunitySnapshot(**opportunity_row(opp), card_ids=[c.id for c in opp.cards])
        journey.opportunities.remove(opp)
        self._emit(What.OPPORTUNITY, opp_id, How.REMOVED, journey.id)
        return snap

    def restore_opportunity(self, snap: OpportunitySnapshot) -> int:
        data = {k: v for k, v in snap.items() if k != "journey_id"}
        return self.add_opportunity(snap["journey_id"], data)
