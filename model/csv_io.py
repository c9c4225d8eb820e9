"""Cards as CSV: export a whole project, import cards into journeys all-or-nothing.

Format (UTF-8, with or without a BOM, a header row, one card per row)::

    journey,stage,lane,kind,text,notes,channel,department,owner,usage_share,severity,color

``journey``, ``stage``, ``lane``, ``kind`` and ``text`` are required columns; the
others are optional. Import matches journeys, stages and lanes by name and creates
the missing ones in order of first appearance; cards keep file order in a cell.
Files written before the ``owner`` column existed import as before (no owner).
The whole file is validated before anything changes, so a bad row leaves the
project exactly as it was.

Free-text cells that a spreadsheet would run as a formula (starting with ``=``,
``+``, ``-``, ``@``, tab or CR, as OWASP lists them) are written with a leading
``'``; import removes exactly that quote, so export -> import -> export is identical.
"""

from __future__ import annotations

import contextlib
import csv
import io
import re
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TypeVar

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from model.changes import ChangeHub
from model.edits import Editor
from model.entities import Card, CardKind, Journey, LaneKind
from model.layout import Cell
from model.snapshot import Row

REQUIRED_COLUMNS = ("journey", "stage", "lane", "kind", "text")
OPTIONAL_COLUMNS = ("notes", "channel", "department", "owner", "usage_share", "severity",
                    "color")
COLUMNS = REQUIRED_COLUMNS + OPTIONAL_COLUMNS
CARD_KINDS = tuple(k.value for k in CardKind)

# The lane a card kind naturally lives in, for lanes an import has to create.
LANE_KIND_FOR_CARD: dict[str, str] = {
    CardKind.TOUCHPOINT.value: LaneKind.TOUCHPOINTS.value,
    CardKind.ACTION.value: LaneKind.ACTIONS.value,
    CardKind.THOUGHT.value: LaneKind.THOUGHTS.value,
    CardKind.PAIN_POINT.value: LaneKind.PAIN_POINTS.value,
    CardKind.OPPORTUNITY.value: LaneKind.OPPORTUNITIES.value,
    CardKind.BACKSTAGE.value: LaneKind.BACKSTAGE.value,
    CardKind.NOTE.value: LaneKind.TEXT.value,
}

_N = TypeVar("_N", int, float)
_COLOR_RE = re.compile(r"^#[0-9a-fA-F]{6}$")

# Columns of free text a user typed: the ones a spreadsheet could take for a formula.
TEXT_COLUMNS = ("journey", "stage", "lane", "text", "notes", "channel", "department", "owner")
# A cell starting with one of these is a formula (or DDE command) in Excel, LibreOffice
# and Google Sheets; OWASP's list. Zero or more quotes first, so that guarding is
# reversible: a guarded cell always starts with ' + (quotes) + trigger.
_NEEDS_GUARD = re.compile(r"'*[=+\-@\t\r]")
_GUARDED = re.compile(r"'+[=+\-@\t\r]")

# The longest field (in characters) export writes and import reads: one limit for
# both, so that every file Journeyboard writes it can also read back. Python's csv
# default (131,072) is far below what a pasted card can hold.
FIELD_LIMIT = 16 * 1024 * 1024

BOM = "\ufeff"


class CsvImportError(ValueError):
    """A CSV file that cannot be imported; ``line`` is 1-based (the header is line 1)."""

    def __init__(self, line: int | None, message: str) -> None:
        self.line = line
        self.message = message
        super().__init__(f"line {line}: {message}" if line is not None else message)


class CsvExportError(ValueError):
    """Cards that cannot be written as CSV; ``message`` is phrased for the user."""

    def __init__(self, message: str) -> None:
        self.message = message
        super().__init__(message)


def guard_formula(value: str) -> str:
    """The cell a spreadsheet shows as text: a leading ' before a formula start (OWASP)."""
    return "'" + value if _NEEDS_GUARD.match(value) else value


def unguard_formula(value: str) -> str:
    """Undo ``guard_formula`` exactly; other cells, including ones starting with ', stay."""
    return value[1:] if _GUARDED.match(value) else value


@dataclass(frozen=True, slots=True)
class CsvRow:
    """One validated card row."""

    line: int
    journey: str
    stage: str
    lane: str
    kind: str
    text: str
    notes: str = ""
    channel: str = ""
    department: str = ""
    owner: str = ""
    usage_share: float | None = None
    severity: int | None = None
    color: str = ""


@dataclass
class ImportResult:
    """What an import created."""

    cards: int = 0
    journeys: list[str] = field(default_factory=list)
    stages: list[str] = field(default_factory=list)
    lanes: list[str] = field(default_factory=list)


# --------------------------------------------------------------------------- export


def _format_share(value: float | None) -> str:
    return "" if value is None else repr(float(value))


def export_rows(journeys: list[Journey]) -> list[list[str]]:
    """The CSV rows (without header) of the cards of ``journeys``.

    Rows go stage by stage; inside a stage, lanes are ordered by the first stage in
    which they hold a card, then by lane order. That order is exactly what an import
    recreates (first appearance), so export -> import -> export is identical.
    """
    rows: list[list[str]] = []
    for journey in journeys:
        rows.extend(_journey_rows(journey))
    return rows


def _journey_rows(journey: Journey) -> list[list[str]]:
    stages = sorted(journey.stages, key=lambda s: s.position)
    lanes = sorted(journey.lanes, key=lambda x: x.position)
    stage_rank = {s.id: i for i, s in enumerate(stages)}
    lane_rank = {lane.id: i for i, lane in enumerate(lanes)}
    stage_names = {s.id: s.name for s in stages}
    lane_names = {lane.id: lane.name for lane in lanes}
    cards = [c for c in journey.cards if c.stage_id in stage_rank and c.lane_id in lane_rank]
    first_stage: dict[int, int] = {}
    for card in cards:
        rank = stage_rank[card.stage_id]
        first_stage[card.lane_id] = min(first_stage.get(card.lane_id, rank), rank)

    def key(card: Card) -> tuple[int, ...]:
        return (
            stage_rank[card.stage_id],
            first_stage[card.lane_id],
            lane_rank[card.lane_id],
            card.position,
            card.id,
        )

    guard = guard_formula
    journey_name = guard(journey.name)
    stage_cells = {i: guard(name) for i, name in stage_names.items()}
    lane_cells = {i: guard(name) for i, name in lane_names.items()}
    rows: list[list[str]] = []
    for card in sorted(cards, key=key):
        _check_length(journey.name, card)
        rows.append(
            [
                journey_name,
                stage_cells[card.stage_id],
                lane_cells[card.lane_id],
                card.kind,
                guard(card.text),
                guard(card.notes),
                guard(card.channel),
                guard(card.department),
                guard(card.owner),
                _format_share(card.usage_share),
                "" if card.severity is None else str(card.severity),
                card.color,
            ]
        )
    return rows


def _check_length(journey: str, card: Card) -> None:
    # The guard quote counts too: it is part of the field import reads.
    for name in ("text", "notes", "channel", "department", "owner"):
        if len(getattr(card, name)) + 1 > FIELD_LIMIT:
            raise CsvExportError(
                f"a card in journey {journey!r} has a {name} longer than "
                f"{FIELD_LIMIT - 1:,} characters, more than CSV import reads back; "
                "shorten it or export JSON."
            )


def export_csv_text(journeys: list[Journey]) -> str:
    """The whole CSV document (header + rows, UTF-8 text without BOM, CRLF rows)."""
    buf = io.StringIO()
    writer = csv.writer(buf, lineterminator="\r\n")
    writer.writerow(COLUMNS)
    writer.writerows(export_rows(journeys))
    return buf.getvalue()


def export_csv_bytes(journeys: list[Journey], bom: bool = True) -> bytes:
    """The CSV file's bytes; the BOM makes spreadsheets read it as UTF-8, not ANSI."""
    return ((BOM if bom else "") + export_csv_text(journeys)).encode("utf-8")


# --------------------------------------------------------------------------- parsing


def _decode(data: bytes) -> str:
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        raise CsvImportError(line, "the file is not UTF-8 text.") from None


def parse_csv(data: bytes, default_journey: str = "") -> list[CsvRow]:
    """Validate a whole CSV document; raise CsvImportError on the first bad row."""
    text = _decode(data)
    if not text.strip():
        raise CsvImportError(1, "the file is empty; expected a header row.")
    with _field_limit():
        return _parse_text(text, default_journey)


@contextlib.contextmanager
def _field_limit() -> Iterator[None]:
    """Read fields up to FIELD_LIMIT (the limit is the csv module's global setting)."""
    old = csv.field_size_limit(FIELD_LIMIT)
    try:
        yield
    finally:
        csv.field_size_limit(old)


def _parse_text(text: str, default_journey: str) -> list[CsvRow]:
    reader = csv.reader(io.StringIO(text, newline=""), strict=True)
    try:
        header = next(reader)
    except csv.Error as exc:
        raise CsvImportError(1, f"malformed header ({exc}).") from None
    names = [h.strip().lower() for h in header]
    unknown = [h for h in names if h not in COLUMNS]
    if unknown:
        raise CsvImportError(
            1, f"unknown column {unknown[0]!r}; columns are {', '.join(COLUMNS)}."
        )
    duplicate = next((h for h in names if names.count(h) > 1), None)
    if duplicate:
        raise CsvImportError(1, f"column {duplicate!r} appears twice.")
    missing = [
        c
        for c in REQUIRED_COLUMNS
        if c not in names and not (c == "journey" and default_journey)
    ]
    if missing:
        raise CsvImportError(1, f"missing required column(s): {', '.join(missing)}.")
    index = {name: i for i, name in enumerate(names)}

    rows: list[CsvRow] = []
    line = reader.line_num + 1
    while True:
        try:
            record = next(reader)
        except StopIteration:
            break
        except csv.Error as exc:
            raise CsvImportError(line, f"malformed CSV ({exc}).") from None
        start, line = line, reader.line_num + 1
        if not record or all(not v.strip() for v in record):
            continue  # blank line
        if len(record) != len(names):
            raise CsvImportError(
                start, f"expected {len(names)} fields as in the header, found {len(record)}."
            )
        rows.append(_validate_row(start, record, index, default_journey))
    return rows


def _bounded(
    line: int,
    name: str,
    raw: str,
    convert: Callable[[str], _N],
    noun: str,
    low: _N,
    high: _N,
    range_words: str,
) -> _N | None:
    """An optional number column: empty is None, anything else converted and range-checked."""
    text = raw.strip()
    if not text:
        return None
    try:
        value = convert(text)
    except ValueError:
        raise CsvImportError(line, f"{name} {text!r} is not {noun} {range_words}.") from None
    if not low <= value <= high:
        raise CsvImportError(line, f"{name} {text!r} is not {range_words}.")
    return value


def _validate_row(
    line: int, record: list[str], index: dict[str, int], default_journey: str
) -> CsvRow:
    def get(name: str) -> str:
        return record[index[name]] if name in index else ""

    def text(name: str) -> str:
        return unguard_formula(get(name))

    def name(column: str) -> str:
        # Strip first: a guarded name's quote is its first character.
        return unguard_formula(get(column).strip())

    journey = name("journey") or default_journey
    if not journey:
        raise CsvImportError(line, "the journey is empty.")
    stage = name("stage")
    if not stage:
        raise CsvImportError(line, "the stage is empty.")
    lane = name("lane")
    if not lane:
        raise CsvImportError(line, "the lane is empty.")
    kind = get("kind").strip().lower()
    if kind not in CARD_KINDS:
        raise CsvImportError(
            line, f"unknown kind {get('kind')!r}; use one of {', '.join(CARD_KINDS)}."
        )
    share = _bounded(line, "usage_share", get("usage_share"), float, "a number", 0.0, 1.0,
                     "between 0 and 1")
    severity = _bounded(line, "severity", get("severity"), int, "a whole number", 1, 5,
                        "from 1 to 5")
    color = get("color").strip()
    if color and not _COLOR_RE.match(color):
        raise CsvImportError(line, f"color {color!r} is not of the form #rrggbb.")
    return CsvRow(
        line=line,
        journey=journey,
        stage=stage,
        lane=lane,
        kind=kind,
        text=text("text"),
        notes=text("notes"),
        channel=text("channel"),
        department=text("department"),
        owner=text("owner"),
        usage_share=share,
        severity=severity,
        color=color.lower(),
    )


# --------------------------------------------------------------------------- import


# Cards are inserted in batches: one statement each, a bounded list of values.
BATCH = 5000


def _existing_journeys(session: Session) -> dict[str, Journey]:
    """Journeys by name; of several with one name, the first in map order."""
    journeys: dict[str, Journey] = {}
    for j in session.scalars(select(Journey).order_by(Journey.position, Journey.id)):
        journeys.setdefault(j.name, j)
    return journeys


def _check_targets(session: Session, rows: Sequence[CsvRow]) -> None:
    """Reject rows aimed at an existing lane that cannot hold cards."""
    closed: set[tuple[str, str]] = set()
    for name, journey in _existing_journeys(session).items():
        seen: set[str] = set()
        for lane in sorted(journey.lanes, key=lambda x: x.position):
            if lane.name in seen:
                continue  # the first lane of a name is the one cards go to
            seen.add(lane.name)
            if lane.kind in (LaneKind.DIVIDER.value, LaneKind.EMOTION.value):
                closed.add((name, lane.name))
    if not closed:
        return
    for r in rows:
        if (r.journey, r.lane) in closed:
            raise CsvImportError(
                r.line, f"lane {r.lane!r} of journey {r.journey!r} cannot hold cards."
            )


def import_rows(session: Session, hub: ChangeHub, rows: Sequence[CsvRow]) -> ImportResult:
    """Apply validated rows inside a savepoint; on any error nothing of them stays.

    Journeys, stages and lanes are created as rows first name them; the cards go in
    with ``Editor.append_cards`` in batches, so the time grows linearly with the rows.
    """
    _check_targets(session, rows)
    editor = Editor(session, hub)
    result = ImportResult()
    with session.begin_nested():
        journeys = _existing_journeys(session)
        stage_ids: dict[tuple[int, str], int] = {}
        lane_ids: dict[tuple[int, str], int] = {}
        # Reversed, so that the first of several equal names wins.
        for existing in journeys.values():
            for s in sorted(existing.stages, key=lambda s: s.position, reverse=True):
                stage_ids[(existing.id, s.name)] = s.id
            for lane in sorted(existing.lanes, key=lambda x: x.position, reverse=True):
                lane_ids[(existing.id, lane.name)] = lane.id
        batch: list[tuple[int, Cell, Row]] = []
        for r in rows:
            journey = journeys.get(r.journey)
            if journey is None:
                last = session.scalar(select(func.max(Journey.position)))
                journey = Journey(name=r.journey, position=0 if last is None else last + 1)
                session.add(journey)
                session.flush()
                journeys[r.journey] = journey
                result.journeys.append(r.journey)
            stage_id = stage_ids.get((journey.id, r.stage))
            if stage_id is None:
                stage_id = editor.add_stage(journey.id, None, {"name": r.stage})
                stage_ids[(journey.id, r.stage)] = stage_id
                result.stages.append(f"{r.journey} / {r.stage}")
            lane_id = lane_ids.get((journey.id, r.lane))
            if lane_id is None:
                lane_id = editor.add_lane(
                    journey.id, None, {"name": r.lane, "kind": LANE_KIND_FOR_CARD[r.kind]}
                )
                lane_ids[(journey.id, r.lane)] = lane_id
                result.lanes.append(f"{r.journey} / {r.lane}")
            fields: Row = {
                "kind": r.kind,
                "text": r.text,
                "notes": r.notes,
                "channel": r.channel,
                "department": r.department,
                "owner": r.owner,
                "usage_share": r.usage_share,
                "severity": r.severity,
                "color": r.color,
            }
            batch.append((journey.id, (stage_id, lane_id), fields))
            if len(batch) >= BATCH:
                result.cards += editor.append_cards(batch)
                batch = []
        result.cards += editor.append_cards(batch)
        session.flush()
    return result


def import_csv(
    session: Session, hub: ChangeHub, path: Path, default_journey: str = ""
) -> ImportResult:
    """Validate a CSV file completely, then add its cards (all or nothing)."""
    try:
        data = Path(path).read_bytes()
    except OSError as exc:
        raise CsvImportError(None, f"cannot read {path}: {exc.strerror or exc}.") from None
    rows = parse_csv(data, default_journey)
    return import_rows(session, hub, rows)
