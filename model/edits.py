"""Every change a user can make to a project, as small reversible operations.

The Editor is made of its parts: card_edits, structure_edits (stages, lanes, curves),
journey_edits (journeys, personas, opportunities), metric_edits, review_edits and
workshop_edits (saved views, voting rounds), all
on edit_base. Each edit changes the ORM objects, flushes, emits a ``Change`` and
returns what an undo needs (old values, a snapshot, an old position). Undo commands
in app/ hold those return values (ids and plain data, never ORM objects).
"""

from __future__ import annotations

from sqlalchemy import func, select

from model.changes import How, What
from model.edit_error import EditError
from model.entities import Card, Journey, Lane, Stage
from model.journey_edits import JourneyEdits
from model.metric_edits import MetricEdits, take_metrics
from model.structure_edits import StructureEdits
from model.workshop_edits import WorkshopEdits

__all__ = ["EditError", "Editor"]


class Editor(StructureEdits, JourneyEdits, MetricEdits, WorkshopEdits):
    """Reversible edits on one project's session, announced on its change hub."""

    # -- imports -------------------------------------------------------------------

    def id_marks(self) -> tuple[int, int, int, int]:
        """The highest journey, stage, lane and card ids: whatever an import adds is above."""
        marks = [self.session.scalar(select(func.max(cls.id))) or 0
                 for cls in (Journey, Stage, Lane, Card)]
        return marks[0], marks[1], marks[2], marks[3]

    def remove_added_since(self, marks: tuple[int, int, int, int]) -> None:
        """Remove the journeys, stages, lanes and cards made after ``id_marks()`` (undo)."""
        journeys, stages, lanes, cards = marks
        self.session.flush()
        for journey_id in list(self.session.scalars(
                select(Journey.id).where(Journey.id > journeys).order_by(Journey.id.desc()))):
            self.remove_journey(journey_id)
        for stage_id in list(self.session.scalars(
                select(Stage.id).where(Stage.id > stages).order_by(Stage.id.desc()))):
            self.remove_stage(stage_id)
        for lane_id in list(self.session.scalars(
                select(Lane.id).where(Lane.id > lanes).order_by(Lane.id.desc()))):
            self.remove_lane(lane_id)
        added = list(self.session.scalars(select(Card).where(Card.id > cards)))
        by_journey: dict[int, list[Card]] = {}
        for card in added:
            by_journey.setdefault(card.journey_id, []).append(card)
        for journey_id, journey_cards in by_journey.items():
            journey: Journey = self._get(Journey, journey_id)
            take_metrics(self.session, [c.id for c in journey_cards])
            self._drop_cards(journey, journey_cards)  # they were appended: no gaps left
            self._emit(What.JOURNEY, journey_id, How.UPDATED, journey_id)
