"""Survey results (CSV or XLSX) turned into metrics on touchpoint cards and stages.

Read a table, map its columns (score, target; optional date, segment, persona), match
each answer's target to a touchpoint card (by text) or a stage (by name) of one
journey, score the answers per target, and hand the figures to
``Editor.replace_survey_metrics`` so that importing the same survey again replaces
its figures instead of adding to them. Bad answers are reported as ``line N: ...``
and nothing is imported.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.orm import Session

from model.edits import Editor
from model.entities import Card, CardKind, Stage
from model.metrics import AnswerError, MetricKind, Scale, check_answer, scale_of, score_counts
from model.snapshot import Row

# Reading stops here: a survey export is not a data warehouse, and a runaway file
# must not take the machine's memory.
MAX_ROWS = 2_000_000
MAX_ERRORS = 20


class SurveyError(ValueError):
    """A survey file that cannot be read or imported; ``line`` is 1-based (header = 1)."""

    def __init__(self, line: int | None, message: str) -> None:
        self.line = line
        self.message = message
        super().__init__(f"line {line}: {message}" if line is not None else message)


@dataclass
class SurveyTable:
    """A survey file as text cells: its header and its rows with their line numbers."""

    headers: list[str]
    rows: list[tuple[int, list[str]]]


@dataclass(frozen=True)
class SurveyMapping:
    """Which column holds what, and which answers count."""

    score_column: str
    target_column: str
    kind: MetricKind
    source: str
    date_column: str | None = None
    segment_column: str | None = None
    segment: str | None = None  # only answers of this segment (None: all)
    persona_column: str | None = None
    persona: str | None = None  # only answers of this persona (None: all)
    name: str = ""  # a custom metric's name
    unit: str = ""
    range_min: float | None = None  # a custom metric's answer range
    range_max: float | None = None


@dataclass(frozen=True)
class SurveyTarget:
    """A touchpoint card or a stage that answers can be about."""

    card_id: int | None
    stage_id: int | None
    label: str


@dataclass
class TargetFigures:
    """What an import stores for one target."""

    target: SurveyTarget
    value: float | None
    mean: float | None
    responses: int
    period: str


@dataclass
class SurveyPlan:
    """The outcome of matching a survey to a journey, before anything is stored."""

    figures: list[TargetFigures] = field(default_factory=list)
    unmatched: list[tuple[int, str]] = field(default_factory=list)  # (line, target text)
    skipped: int = 0  # rows without a score, or filtered out by segment/persona
    errors: list[str] = field(default_factory=list)

    @property
    def matched_answers(self) -> int:
        return sum(f.responses for f in self.figures)

    def metric_rows(self, mapping: SurveyMapping) -> list[Row]:
        """The rows Editor.replace_survey_metrics stores."""
        return [
            {"card_id": f.target.card_id, "stage_id": f.target.stage_id, "value": f.value,
             "mean": f.mean, "responses": f.responses, "period": f.period,
             "name": mapping.name, "unit": mapping.unit, "range_min": mapping.range_min,
             "range_max": mapping.range_max}
            for f in self.figures
        ]


# -- reading ------------------------------------------------------------------------


Progress = Callable[[int, int], bool]  # (rows done, rows in all or 0); False cancels


def read_survey(path: Path, progress: Progress | None = None) -> SurveyTable:
    """Read a .csv or .xlsx survey export (first worksheet) as text cells."""
    path = Path(path)
    if path.suffix.lower() in (".xlsx", ".xlsm"):
        return read_xlsx(path, progress)
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise SurveyError(None, f"cannot read {path}: {exc.strerror or exc}.") from None
    return read_csv(data)


def read_csv(data: bytes) -> SurveyTable:
    """A CSV survey (UTF-8, BOM allowed; comma, semicolon or tab separated)."""
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        raise SurveyError(line, "the file is not UTF-8 text.") from None
    if not text.strip():
        raise SurveyError(1, "the file is empty; expected a header row.")
    first = text.split("\n", 1)[0]
    delimiter = max((",", ";", "\t"), key=first.count)
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter, strict=True)
    rows: list[tuple[int, list[str]]] = []
    try:
        headers = [h.strip() for h in next(reader)]
        line = reader.line_num + 1
        for record in reader:
            rows.append((line, record))
            line = reader.line_num + 1
            if len(rows) > MAX_ROWS:
                raise SurveyError(line, f"more than {MAX_ROWS:,} rows.")
    except csv.Error as exc:
        raise SurveyError(reader.line_num or 1, f"malformed CSV ({exc}).") from None
    return SurveyTable(_unique(headers), rows)


def read_xlsx(path: Path, progress: Progress | None = None) -> SurveyTable:
    """The first worksheet of an .xlsx file (openpyxl, read-only, values not formulas)."""
    import zipfile

    from openpyxl import load_workbook

    try:
        book = load_workbook(path, read_only=True, data_only=True)
    except (OSError, zipfile.BadZipFile, KeyError, ValueError) as exc:
        raise SurveyError(None, f"cannot read {path.name} as an Excel workbook ({exc}).") from None
    try:
        sheet = book.worksheets[0]
        lines = sheet.iter_rows(values_only=True)
        header = next(lines, None)
        if header is None:
            raise SurveyError(1, "the worksheet is empty; expected a header row.")
        headers = [_cell_text(v).strip() for v in header]
        rows = []
        total = 0  # unknown: asking the sheet would parse it all once more
        for number, values in enumerate(lines, start=2):
            rows.append((number, [_cell_text(v) for v in values]))
            if len(rows) > MAX_ROWS:
                raise SurveyError(number, f"more than {MAX_ROWS:,} rows.")
            if progress is not None and number % 2_000 == 0 and not progress(number, total):
                raise SurveyError(None, "cancelled.")
    finally:
        book.close()
    return SurveyTable(_unique(headers), rows)


def _cell_text(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, dt.datetime):
        return value.date().isoformat() if value.time() == dt.time() else value.isoformat()
    if isinstance(value, dt.date):
        return value.isoformat()
    return str(value)


def _unique(headers: list[str]) -> list[str]:
    """Column names as shown for mapping: blanks named by position, repeats numbered."""
    seen: dict[str, int] = {}
    out = []
    for i, name in enumerate(headers, start=1):
        name = name or f"column {i}"
        if name in seen:
            seen[name] += 1
            name = f"{name} ({seen[name]})"
        else:
            seen[name] = 1
        out.append(name)
    return out


# -- matching -----------------------------------------------------------------------


def _key(text: str) -> str:
    return " ".join(text.split()).casefold()


def survey_targets(session: Session, journey_id: int) -> list[SurveyTarget]:
    """A journey's touchpoint cards (by text) and stages (by name), in map order."""
    targets = [
        SurveyTarget(card_id, None, text)
        for card_id, text in session.execute(
            select(Card.id, Card.text)
            .join(Stage, Stage.id == Card.stage_id)
            .where(Card.journey_id == journey_id, Card.kind == CardKind.TOUCHPOINT.value)
            .order_by(Stage.position, Card.lane_id, Card.position)
        )
    ]
    targets += [
        SurveyTarget(None, stage_id, name)
        for stage_id, name in session.execute(
            select(Stage.id, Stage.name).where(Stage.journey_id == journey_id)
            .order_by(Stage.position)
        )
    ]
    return targets


def _parse_number(raw: str) -> float:
    text = raw.strip().replace(",", ".") if raw.count(",") == 1 and "." not in raw else raw
    return float(text)


def _date_text(raw: str) -> str | None:
    """An ISO date (the first 10 characters of a date or timestamp), or None."""
    text = raw.strip()[:10]
    try:
        return dt.date.fromisoformat(text).isoformat()
    except ValueError:
        return None


def plan_survey(
    table: SurveyTable,
    mapping: SurveyMapping,
    targets: list[SurveyTarget],
    progress: Progress | None = None,
) -> SurveyPlan:
    """Match and score every answer; ``progress(done, total)`` returning False cancels."""
    columns = {name: i for i, name in enumerate(table.headers)}
    for column in (mapping.score_column, mapping.target_column, mapping.date_column,
                   mapping.segment_column, mapping.persona_column):
        if column is not None and column not in columns:
            raise SurveyError(1, f"there is no column {column!r}.")
    score_at = columns[mapping.score_column]
    target_at = columns[mapping.target_column]
    date_at = columns.get(mapping.date_column) if mapping.date_column else None
    filters = [(columns[c], _key(v)) for c, v in ((mapping.segment_column, mapping.segment),
                                                   (mapping.persona_column, mapping.persona))
               if c is not None and v is not None]
    scale: Scale = scale_of(mapping.kind, mapping.range_min, mapping.range_max)
    lookup: dict[str, SurveyTarget] = {}
    for target in reversed(targets):  # reversed: the first of equal names wins
        lookup[_key(target.label)] = target
    # cards win over stages of the same name
    for target in reversed([t for t in targets if t.card_id is not None]):
        lookup[_key(target.label)] = target

    plan = SurveyPlan()
    # Per target index: {answer: count}, earliest and latest date. Ints and plain dicts
    # in the loop: it runs once per answer (100,000 answers in well under a second).
    index_of = {id(t): i for i, t in enumerate(targets)}
    target_index = {key: index_of[id(t)] for key, t in lookup.items()}
    counts: list[dict[float, int]] = [{} for _ in targets]
    first_date: list[str | None] = [None] * len(targets)
    last_date: list[str | None] = [None] * len(targets)
    checked: dict[str, float] = {}  # raw answer text -> checked value (few distinct)
    keys: dict[str, int | None] = {}  # raw target text -> target index
    dates: dict[str, str | None] = {}  # raw date text -> ISO date
    total = len(table.rows)
    width = max(score_at, target_at, date_at or 0) + 1
    for done, (line, cells) in enumerate(table.rows):
        if progress is not None and done % 10_000 == 0 and not progress(done, total):
            raise SurveyError(None, "cancelled.")
        if len(cells) < width:
            cells = cells + [""] * (width - len(cells))
        raw = cells[score_at].strip()
        if not raw:
            if any(c.strip() for c in cells):
                plan.skipped += 1  # an answer left blank; a wholly empty row is no answer
            continue
        if filters and any(cells[i].strip().casefold() != want if i < len(cells) else want
                           for i, want in filters):
            plan.skipped += 1
            continue
        answer = checked.get(raw)
        if answer is None:
            try:
                answer = check_answer(mapping.kind, _parse_number(raw), scale)
            except ValueError as exc:
                reason = (str(exc) if isinstance(exc, AnswerError)
                          else f"the score {raw!r} is not a number")
                plan.errors.append(f"line {line}: {reason}.")
                if len(plan.errors) >= MAX_ERRORS:
                    break
                continue
            checked[raw] = answer
        target_text = cells[target_at]
        if target_text in keys:
            hit = keys[target_text]
        else:
            hit = keys[target_text] = target_index.get(_key(target_text))
        if hit is None:
            plan.unmatched.append((line, target_text.strip()))
            continue
        bucket = counts[hit]
        bucket[answer] = bucket.get(answer, 0) + 1
        if date_at is not None:
            raw_date = cells[date_at]
            if raw_date in dates:
                when = dates[raw_date]
            else:
                when = dates[raw_date] = _date_text(raw_date)
            if when is not None:
                lo = first_date[hit]
                if lo is None or when < lo:
                    first_date[hit] = when
                hi = last_date[hit]
                if hi is None or when > hi:
                    last_date[hit] = when
    if progress is not None:
        progress(total, total)
    for i, target in enumerate(targets):
        if counts[i]:
            s = score_counts(mapping.kind, counts[i])
            lo, hi = first_date[i], last_date[i]
            period = "" if lo is None or hi is None else (lo if lo == hi else f"{lo}..{hi}")
            plan.figures.append(TargetFigures(target, s.value, s.mean, s.responses, period))
    return plan


def import_survey(
    session: Session,
    editor: Editor,
    journey_id: int,
    table: SurveyTable,
    mapping: SurveyMapping,
) -> SurveyPlan:
    """Plan and store a survey without undo (the command line); the editor stores it."""
    plan = plan_survey(table, mapping, survey_targets(session, journey_id))
    if plan.errors:
        raise SurveyError(None, "\n".join(plan.errors))
    with session.begin_nested():
        editor.replace_survey_metrics(journey_id, mapping.source, mapping.kind.value,
                                      plan.metric_rows(mapping))
    return plan
