"""The open document: a Project (model), its Editor, and the undo stack."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from PySide6.QtCore import QObject, QTimer, Signal
from PySide6.QtGui import QUndoStack

from app.autosaver import Autosaver
from app.commands import UndoableCommand
from model.changes import Change, How, What
from model.completeness import Finding, Findings
from model.edits import Editor
from model.entities import Card, EmotionCurve, Lane, Opportunity, Persona, Stage
from model.layout import JourneyLayout
from model.metric_records import card_badges, metric_records, stage_heat
from model.records import (
    CardBadge,
    CardRecord,
    CurveRecord,
    EmotionPointRecord,
    HeatCell,
    JourneyRecord,
    LaneRecord,
    MetricRecord,
    NamedRef,
    OpportunityRecord,
    PersonaRecord,
    StageRecord,
)
from model.register import register_rows
from model.store import Project, Workspace
from model.templates import create_journey
from model.workshop import (
    SavedViewRecord,
    ViewFilter,
    VoteRoundRecord,
    opportunity_votes,
    participant_counts,
    participant_votes,
    round_records,
    view_layout,
    view_records,
    vote_counts,
)
from widgets.i18n import qtr


class Document(QObject):
    """Owns the project session and the QUndoStack; bridges model changes to Qt."""

    # The working copy could not be written (disk full): the message says what that
    # means; the document itself is intact. Emitted once per failure streak.
    autosave_failed = Signal(str)
    autosave_recovered = Signal()

    changed = Signal(object)  # a model.changes.Change
    journey_switched = Signal(int)
    journeys_changed = Signal()
    edit_failed = Signal(str)  # an undo the model could not make, phrased for the user

    def __init__(self, project: Project, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.project = project
        self.editor = Editor(project.session, project.changes)
        self.undo_stack = QUndoStack(self)
        self._findings = Findings()  # the completeness check, kept between edits
        self._unsubscribe = project.changes.subscribe(self._on_change)
        self.autosaver = Autosaver(project, self)
        self.autosaver.failed.connect(self.autosave_failed)
        self.autosaver.recovered.connect(self.autosave_recovered)
        self.undo_stack.cleanChanged.connect(self._on_clean_changed)
        journeys = project.journeys()
        self.journey_id: int | None = journeys[0].id if journeys else None
        if project.dirty:  # recovered work: modified until saved
            self.undo_stack.resetClean()

    # -- state -----------------------------------------------------------------

    @property
    def path(self) -> Path | None:
        return self.project.path

    @property
    def modified(self) -> bool:
        return not self.undo_stack.isClean()

    def display_name(self) -> str:
        return self.project.path.name if self.project.path else qtr("Untitled")

    def layout(self, view: ViewFilter | None = None) -> JourneyLayout | None:
        """The current journey laid out, as ``view`` shows it (hidden lanes, curves)."""
        if self.journey_id is None:
            return None
        return view_layout(self.project.journey(self.journey_id), view)

    def set_journey(self, journey_id: int | None) -> None:
        if journey_id != self.journey_id:
            self.journey_id = journey_id
            self.journey_switched.emit(journey_id if journey_id is not None else 0)

    # -- reading: the only way the UI sees the model (no session outside the store) ----

    def journeys(self) -> list[NamedRef]:
        return [NamedRef(id=j.id, name=j.name) for j in self.project.journeys()]

    def journey(self) -> JourneyRecord | None:
        """The current journey's header fields."""
        if self.journey_id is None:
            return None
        j = self.project.journey(self.journey_id)
        return JourneyRecord(id=j.id, name=j.name, objective=j.objective,
                             persona_id=j.persona_id)

    def personas(self) -> list[NamedRef]:
        """The file's persona library, by name."""
        query = self.project.session.query(Persona).order_by(Persona.name, Persona.id)
        return [NamedRef(id=p.id, name=p.name) for p in query]

    def curves(self) -> list[NamedRef]:
        """The current journey's emotion curves, in order."""
        if self.journey_id is None:
            return []
        curves = sorted(self.project.journey(self.journey_id).curves, key=lambda c: c.position)
        return [NamedRef(id=c.id, name=c.name) for c in curves]

    def persona(self, persona_id: int) -> PersonaRecord | None:
        p = self.project.session.get(Persona, persona_id)
        if p is None:
            return None
        return PersonaRecord(id=p.id, name=p.name, role=p.role, goals=p.goals, needs=p.needs,
                             frustrations=p.frustrations, quote=p.quote, photo=p.photo,
                             notes=p.notes)

    def persona_records(self) -> list[PersonaRecord]:
        """The whole library, by name, for the persona panel."""
        refs = self.personas()
        return [r for ref in refs if (r := self.persona(ref["id"])) is not None]

    def write_persona_sheet(self, persona_id: int, path: Path) -> Path:
        """The one-page A4 sheet of a persona, as PDF."""
        from app.export.persona_sheet import write_persona_sheet

        persona = self.project.session.get(Persona, persona_id)
        if persona is None:
            raise ValueError(f"No persona with id {persona_id}")
        used_by = [j for j in self.project.journeys() if j.persona_id == persona_id]
        return write_persona_sheet(path, persona, used_by)

    def curve_records(self) -> list[CurveRecord]:
        """The current journey's curves with their personas, in order."""
        if self.journey_id is None:
            return []
        curves = sorted(self.project.journey(self.journey_id).curves, key=lambda c: c.position)
        return [CurveRecord(id=c.id, name=c.name, persona_id=c.persona_id) for c in curves]

    def opportunities(self) -> list[OpportunityRecord]:
        """The current journey's opportunities, highest priority first."""
        if self.journey_id is None:
            return []
        return register_rows(self.project.journey(self.journey_id))

    def opportunity_ids_of_card(self, card_id: int) -> list[int]:
        card = self.project.session.get(Card, card_id)
        if card is None:
            return []
        return [o.id for o in card.journey.opportunities if card in o.cards]

    def opportunity_journey(self, opp_id: int) -> int | None:
        opp = self.project.session.get(Opportunity, opp_id)
        return opp.journey_id if opp is not None else None

    def findings(self, today: dt.date | None = None) -> list[Finding]:
        """What the current journey still lacks (the completeness check)."""
        if self.journey_id is None:
            return []
        return self._findings.check(self.project.journey(self.journey_id),
                                    today or dt.date.today())

    def card(self, card_id: int) -> CardRecord | None:
        card = self.project.session.get(Card, card_id)
        if card is None:
            return None
        return CardRecord(id=card.id, kind=card.kind, text=card.text, color=card.color,
                          notes=card.notes, channel=card.channel, department=card.department,
                          owner=card.owner,
                          usage_share=card.usage_share, severity=card.severity)

    def stage(self, stage_id: int) -> StageRecord | None:
        s = self.project.session.get(Stage, stage_id)
        if s is None:
            return None
        return StageRecord(id=s.id, name=s.name, description=s.description, color=s.color,
                           width=s.width)

    def lane(self, lane_id: int) -> LaneRecord | None:
        lane = self.project.session.get(Lane, lane_id)
        if lane is None:
            return None
        return LaneRecord(id=lane.id, name=lane.name, kind=lane.kind, color=lane.color)

    def emotion_point(self, curve_id: int, stage_id: int) -> EmotionPointRecord | None:
        curve = self.project.session.get(EmotionCurve, curve_id)
        point = next((p for p in curve.points if p.stage_id == stage_id), None) if curve else None
        if point is None:
            return None
        return EmotionPointRecord(curve_id=curve_id, stage_id=stage_id, value=point.value,
                                  note=point.note)

    def metrics(self, card_id: int | None = None, stage_id: int | None = None
                ) -> list[MetricRecord]:
        """A card's or a stage's metrics, headline first."""
        return metric_records(self.project.session, card_id, stage_id)

    def card_badges(self, heat_kind: str | None = None) -> dict[int, CardBadge]:
        """The current journey's card badges (headline metric, usage share, heat)."""
        if self.journey_id is None:
            return {}
        return card_badges(self.project.session, self.journey_id, heat_kind)

    def stage_heat(self, heat_kind: str | None = None) -> dict[int, HeatCell]:
        """The current journey's stages on the heat strip."""
        if self.journey_id is None:
            return {}
        return stage_heat(self.project.session, self.journey_id, heat_kind)

    # -- workshop: saved views and dot voting ----------------------------------------

    def lanes(self) -> list[LaneRecord]:
        """The current journey's lanes in order, hidden or not."""
        if self.journey_id is None:
            return []
        lanes = sorted(self.project.journey(self.journey_id).lanes, key=lambda x: x.position)
        return [LaneRecord(id=x.id, name=x.name, kind=x.kind, color=x.color) for x in lanes]

    def saved_views(self) -> list[SavedViewRecord]:
        if self.journey_id is None:
            return []
        return view_records(self.project.session, self.journey_id)

    def vote_rounds(self) -> list[VoteRoundRecord]:
        if self.journey_id is None:
            return []
        return round_records(self.project.session, self.journey_id)

    def vote_counts(self, round_id: int) -> dict[int, int]:
        return vote_counts(self.project.session, round_id)

    def participant_counts(self, round_id: int) -> dict[str, int]:
        return participant_counts(self.project.session, round_id)

    def participant_votes(self, round_id: int, participant: str) -> dict[int, int]:
        return participant_votes(self.project.session, round_id, participant)

    def opportunity_votes(self, round_id: int) -> dict[int, int]:
        """Dots per opportunity of the current journey (on the cards it is linked to)."""
        if self.journey_id is None:
            return {}
        return opportunity_votes(self.project.journey(self.journey_id),
                                 self.vote_counts(round_id))

    # -- edits -------------------------------------------------------------------

    def push(self, command: UndoableCommand) -> None:
        """Do an edit and stack it; a refused edit leaves no step and no modified marker."""
        command.undo_failed = self._on_undo_failed
        self.undo_stack.push(command)

    def _on_undo_failed(self, command: UndoableCommand, error: Exception) -> None:
        # The model still holds the edit; move the stack's index back over it (without
        # applying it twice) once QUndoStack has finished this undo.
        def repair() -> None:
            if self.undo_stack.index() < self.undo_stack.count() and (
                self.undo_stack.command(self.undo_stack.index()) is command
            ):
                command.skip_next_redo = True
                self.undo_stack.redo()

        QTimer.singleShot(0, repair)
        self.edit_failed.emit(qtr("{0} The map is unchanged.").format(error))

    def _on_change(self, change: Change) -> None:
        self.autosaver.schedule()
        self._findings.note(change)
        if (
            change.what not in (What.JOURNEY, What.PERSONA)
            and change.journey_id is not None
            and change.journey_id != self.journey_id
        ):
            # Undo/redo of an edit made in another journey: show that journey, so the
            # user sees what changed.
            self.set_journey(change.journey_id)
        if change.what is What.JOURNEY and change.how in (How.ADDED, How.REMOVED, How.UPDATED):
            if change.how is How.REMOVED and change.id == self.journey_id:
                remaining = self.project.journeys()
                self.set_journey(remaining[0].id if remaining else None)
            elif change.how is How.ADDED:
                self.set_journey(change.id)
            self.journeys_changed.emit()
        self.changed.emit(change)

    def _on_clean_changed(self, clean: bool) -> None:
        if clean:
            self.project.mark_clean()  # undone back to the saved state
        else:
            self.project.mark_dirty()

    # -- persistence -------------------------------------------------------------------

    @property
    def autosave_problem(self) -> str | None:
        """Why the working copy is behind the document (None when it is current)."""
        return self.project.working_copy_error

    def flush(self) -> bool:
        """Write edits to the working copy now, on this thread; False (and a signal) if it cannot.

        Never raises for a full or failing disk: the document stays usable and can be
        saved elsewhere; the autosave retries on the next edit. Edits are autosaved on a
        worker thread by themselves: this is for when the copy must be current now.
        """
        return self.autosaver.flush_now()

    def save(self, path: Path | None = None, *, overwrite_changed: bool = False) -> Path:
        """Save (Save As with ``path``); raises ProjectFileError, the document unchanged.

        FileChangedOnDiskError: the file was changed by someone else since it was
        opened; nothing was written. Offer "save as copy" (``save(other_path)``),
        "overwrite" (``save(overwrite_changed=True)``) or "reload" (``reload_document``).
        """
        self.autosaver.stop()
        saved = self.project.save(path, overwrite_changed=overwrite_changed)
        self.undo_stack.setClean()
        return saved

    def close(self) -> None:
        self.autosaver.close()
        self._unsubscribe()
        self.project.close()


def new_document(workspace: Workspace, template: str = "cjm7") -> Document:
    """An untitled project holding one journey from a template."""
    project = Project.new(workspace)
    create_journey(project.session, template)
    project.mark_clean()  # an untouched template is nothing to offer back after a crash
    return Document(project)


def open_document(path: Path, workspace: Workspace) -> Document:
    project = Project.open(path, workspace)
    if not project.journeys():
        create_journey(project.session, "cjm7")
    doc = Document(project)
    doc.flush()  # a full state folder is reported by autosave_failed, not a refused open
    return doc


def reload_document(doc: Document, workspace: Workspace) -> Document:
    """Drop ``doc`` (and its unsaved changes) and open its file again from disk.

    On failure (ProjectFileError) ``doc`` has already been closed.
    """
    from model.store import ProjectFileError

    path = doc.path
    if path is None:
        raise ProjectFileError(None, qtr("This map has never been saved: there is nothing to "
                                         "reload."))
    doc.close()
    return open_document(path, workspace)
