"""The review pack: one PDF for stakeholders after a review.

Page 1 is the poster; then the changes since a chosen snapshot, the opportunity register
(owners, due dates, overdue items first) and a sheet per persona of the journey. The
text pages are A4 portrait, drawn with the poster's fonts and text shaping.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from pathlib import Path

from sqlalchemy import select

from app.export.atomic import atomic_path
from app.export.compose import MapDocument, PersonaCard
from app.export.paper import Paper, make_paper
from app.export.pdf import PdfSurface, _canvas
from app.export.poster import draw_poster
from app.export.service import ExportOptions, poster_paper
from app.export.text import wrap
from app.export.verify import pdf as complete_pdf
from model import style
from model.diff import ChangeLine, LineKind, change_lines, diff_journeys, summary
from model.entities import EmotionCurve, OpportunityStatus, Persona, Snapshot
from model.review_edits import load_snapshot
from model.scoring import priority
from model.snapshot import journey_snapshot
from model.store import Project

OPEN_STATUSES = {OpportunityStatus.IDEA.value, OpportunityStatus.PLANNED.value,
                 OpportunityStatus.IN_PROGRESS.value}
LINE_COLORS = {
    LineKind.ADDED: style.CHANGE_ADDED, LineKind.REMOVED: style.CHANGE_REMOVED,
    LineKind.CHANGED: style.CHANGE_CHANGED_PRINT, LineKind.MOVED: style.CHANGE_MOVED,
    LineKind.STRUCTURE: style.CHANGE_STRUCTURE, LineKind.EMOTION: style.CHANGE_OTHER_PRINT,
    LineKind.METRIC: style.CHANGE_METRIC, LineKind.OPPORTUNITY: style.CHANGE_OTHER_PRINT,
}
TEXT, MUTED, RULE, OVERDUE = style.LIGHT.text, style.INK_MUTED, style.RULE, style.OVERDUE_TEXT
PHOTO_SIDE = 96.0  # a persona photo on its sheet, in points


@dataclass(frozen=True)
class RegisterRow:
    title: str
    owner: str
    status: str
    due: dt.date | None
    priority: float
    overdue: bool


@dataclass(frozen=True)
class PersonaSheet:
    name: str
    role: str
    sections: tuple[tuple[str, str], ...]  # (heading, text): goals, needs, frustrations, quote
    photo: bytes = b""  # checked again (model.images.prepare_photo), or none


@dataclass
class ReviewPack:
    """Everything the pack prints, gathered from the project first."""

    poster: MapDocument
    since: str  # "“Q3 review” (1 Sep 2026)", or "" without a snapshot
    changes: list[ChangeLine] = field(default_factory=list)
    change_summary: str = ""
    register: list[RegisterRow] = field(default_factory=list)
    personas: list[PersonaSheet] = field(default_factory=list)


def gather(project: Project, journey_id: int, snapshot_id: int | None,
           today: dt.date) -> ReviewPack:
    """The pack's content (SnapshotError when the chosen snapshot cannot be read)."""
    journey = project.journey(journey_id)
    pack = ReviewPack(poster=MapDocument.from_journey(journey, today), since="")
    if snapshot_id is not None:
        snap = project.session.get(Snapshot, snapshot_id)
        if snap is None or snap.journey_id != journey_id:
            raise KeyError(snapshot_id)
        diff = diff_journeys(load_snapshot(project.session, snapshot_id),
                             journey_snapshot(journey))
        pack.since = f"“{snap.label}” ({snap.taken_at:%d %b %Y})"
        pack.changes = change_lines(diff)
        pack.change_summary = "nothing changed" if diff.empty else summary(diff)
    rows = [RegisterRow(o.title, o.owner, o.status, o.due_date,
                        priority(o.importance, o.cost, o.ease),
                        o.due_date is not None and o.due_date < today
                        and o.status in OPEN_STATUSES)
            for o in journey.opportunities]
    pack.register = sorted(rows, key=lambda r: (not r.overdue, -r.priority, r.title))
    persona_ids = [journey.persona_id] if journey.persona_id else []
    persona_ids += [c.persona_id for c in project.session.scalars(
        select(EmotionCurve).where(EmotionCurve.journey_id == journey_id))
        if c.persona_id and c.persona_id not in persona_ids]
    for persona_id in persona_ids:
        p = project.session.get(Persona, persona_id)
        if p is not None:
            pack.personas.append(PersonaSheet(p.name, p.role, tuple(
                (head, text) for head, text in (("Goals", p.goals), ("Needs", p.needs),
                                                ("Frustrations", p.frustrations),
                                                ("In their words", p.quote))
                if text.strip()), PersonaCard.of(p).photo))
    return pack


class _Flow:
    """Text set top to bottom on A4 pages, a new page when one is full."""

    MARGIN = 48.0

    def __init__(self, surface: PdfSurface, title: str) -> None:
        self.s = surface
        self.paper: Paper = make_paper("A4", "portrait")
        self.title = title
        self.pages = 0
        self.y = 0.0

    @property
    def width(self) -> float:
        return self.paper.width - 2 * self.MARGIN

    def new_page(self) -> None:
        if self.pages:
            self.s.end_page()
        self.s.begin_page(self.paper)
        self.pages += 1
        self.s.text(self.MARGIN, self.MARGIN - 18, self.title, 8, MUTED)
        self.y = self.MARGIN

    def room(self, height: float) -> None:
        if self.y + height > self.paper.height - self.MARGIN:
            self.new_page()

    def heading(self, text: str, size: float = 16) -> None:
        self.room(size * 2.4)
        self.y += size * 1.2
        self.s.text(self.MARGIN, self.y, text, size, TEXT, True)
        self.y += size * 0.6
        self.s.line(self.MARGIN, self.y, self.MARGIN + self.width, self.y, RULE, 0.8)
        self.y += size * 0.6

    def para(self, text: str, size: float = 9.5, color: str = TEXT, bold: bool = False,
             indent: float = 0.0) -> None:
        for line in wrap(text, self.width - indent, size, bold) or [""]:
            self.room(size * 1.4)
            self.y += size * 1.1
            self.s.text(self.MARGIN + indent, self.y, line, size, color, bold)
            self.y += size * 0.3
        self.y += size * 0.2

    def row(self, cells: list[tuple[str, float]], size: float = 9, color: str = TEXT,
            bold: bool = False) -> None:
        """One table row; each cell (text, width share) on one line, cut to fit."""
        self.room(size * 1.8)
        self.y += size * 1.2
        x = self.MARGIN
        for text, share in cells:
            w = self.width * share - 6
            lines = wrap(text, w, size, bold, max_lines=1)
            self.s.text(x, self.y, lines[0] if lines else "", size, color, bold)
            x += self.width * share
        self.y += size * 0.6


def write_review_pack(path: Path | str, pack: ReviewPack) -> Path:
    """Write the pack as one PDF, replacing ``path`` only when it is complete."""
    target = Path(path)
    pages = [0]
    with atomic_path(target, verify=lambda p: complete_pdf(pages=pages[0])(p)) as tmp:
        canvas = _canvas(tmp, pack.poster)
        canvas.setTitle(f"Review pack: {pack.poster.name}")
        surface = PdfSurface(canvas)
        paper = poster_paper(pack.poster, ExportOptions(fmt="pdf", paper="A3"))
        surface.begin_page(paper)
        draw_poster(surface, pack.poster, paper)
        surface.end_page()
        flow = _Flow(surface, f"Review pack · {pack.poster.name}")
        flow.new_page()
        _changes(flow, pack)
        _register(flow, pack)
        for sheet in pack.personas:
            flow.new_page()
            _persona(flow, sheet)
        surface.end_page()
        canvas.save()
        pages[0] = 1 + flow.pages
    return target


def _changes(flow: _Flow, pack: ReviewPack) -> None:
    flow.heading("What changed")
    if not pack.since:
        flow.para("No snapshot was chosen to compare with.", color=MUTED)
        return
    flow.para(f"Since {pack.since}: {pack.change_summary}.", bold=True)
    for line in pack.changes:
        flow.para(f"• {line.text}", color=LINE_COLORS[line.kind], indent=8)


def _register(flow: _Flow, pack: ReviewPack) -> None:
    flow.y += 12
    flow.heading("Opportunity register")
    if not pack.register:
        flow.para("This journey has no opportunities yet.", color=MUTED)
        return
    overdue = sum(1 for r in pack.register if r.overdue)
    if overdue:
        flow.para(f"{overdue} overdue (past the due date and not done).", color=OVERDUE,
                  bold=True)
    cols = (0.40, 0.18, 0.14, 0.16, 0.12)
    flow.row(list(zip(("Opportunity", "Owner", "Status", "Due", "Priority"), cols,
                      strict=True)), color=MUTED, bold=True)
    for r in pack.register:
        due = r.due.isoformat() if r.due else ""
        values = (r.title, r.owner or "—", r.status.replace("_", " "), due, f"{r.priority:g}")
        flow.row(list(zip(values, cols, strict=True)), color=OVERDUE if r.overdue else TEXT)


def _persona(flow: _Flow, sheet: PersonaSheet) -> None:
    flow.heading(f"Persona: {sheet.name or 'unnamed'}")
    if sheet.photo:
        side = PHOTO_SIDE
        flow.room(side + 8)
        flow.s.image(flow.MARGIN, flow.y, side, side, sheet.photo)
        flow.s.rect(flow.MARGIN, flow.y, side, side, fill=None, stroke=RULE, width=0.6)
        flow.y += side + 8
    if sheet.role:
        flow.para(sheet.role, size=11, color=MUTED)
    for head, text in sheet.sections:
        flow.y += 4
        flow.para(head, size=11, bold=True)
        for part in text.splitlines():
            flow.para(part)

