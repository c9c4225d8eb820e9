"""Scribe capture: "stage / lane: text" lines and pasted blocks, turned into card places.

Pure functions: the capture bar and the clipboard ask here where text goes, and get a
typed answer (a place, or a problem the app phrases for the user).
"""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass
from enum import StrEnum


@dataclass(frozen=True)
class Named:
    """A stage or lane the user may name: its id and its name on the map."""

    id: int
    name: str


@dataclass(frozen=True)
class Capture:
    """A card to add: where, and its text."""

    stage: Named
    lane: Named
    text: str


class ProblemKind(StrEnum):
    NO_PLACE = "no_place"  # no "stage / lane:" before the text
    NO_TEXT = "no_text"
    UNKNOWN_STAGE = "unknown_stage"
    UNKNOWN_LANE = "unknown_lane"
    AMBIGUOUS_STAGE = "ambiguous_stage"
    AMBIGUOUS_LANE = "ambiguous_lane"


@dataclass(frozen=True)
class CaptureProblem:
    """Why a line adds nothing: what was asked for and the names it could have meant."""

    kind: ProblemKind
    query: str = ""
    candidates: tuple[str, ...] = ()


def _norm(text: str) -> str:
    return " ".join(text.casefold().split())


def match_name(query: str, options: list[Named]) -> list[Named]:
    """The options a typed name means: exact name, else its start, else a word's start.

    A stage may also be given by its number (1 is the first).
    """
    q = _norm(query)
    if not q:
        return []
    if q.isdigit() and 1 <= int(q) <= len(options):
        return [options[int(q) - 1]]
    exact = [o for o in options if _norm(o.name) == q]
    if exact:
        return exact
    starts = [o for o in options if _norm(o.name).startswith(q)]
    if starts:
        return starts
    return [o for o in options
            if any(word.startswith(q) for word in _norm(o.name).split())]


def parse_capture(
    line: str, stages: list[Named], lanes: list[Named]
) -> Capture | CaptureProblem:
    """Read "stage / lane: text" (names may be abbreviated while they stay unique)."""
    head, colon, text = line.partition(":")
    stage_part, slash, lane_part = head.partition("/")
    if not colon or not slash:
        return CaptureProblem(ProblemKind.NO_PLACE, line.strip())
    text = text.strip()
    found: list[Named] = []
    for query, options, unknown, ambiguous in (
        (stage_part, stages, ProblemKind.UNKNOWN_STAGE, ProblemKind.AMBIGUOUS_STAGE),
        (lane_part, lanes, ProblemKind.UNKNOWN_LANE, ProblemKind.AMBIGUOUS_LANE),
    ):
        matches = match_name(query, options)
        if not matches:
            return CaptureProblem(unknown, query.strip(), tuple(o.name for o in options))
        if len(matches) > 1:
            return CaptureProblem(ambiguous, query.strip(), tuple(o.name for o in matches))
        found.append(matches[0])
    if not text:
        return CaptureProblem(ProblemKind.NO_TEXT)
    return Capture(found[0], found[1], text)


def completions(stages: list[Named], lanes: list[Named]) -> list[str]:
    """Every "stage / lane: " a capture line can start with, in map order."""
    return [f"{s.name} / {lane.name}: " for s in stages for lane in lanes]


def paste_columns(text: str) -> list[list[str]]:
    """Pasted text as columns of card texts.

    Plain lines are one column (one card per line). Spreadsheet cells (tab-separated,
    quoted where a cell holds a line break) give one column per spreadsheet column;
    empty cells are skipped, and trailing empty columns dropped.
    """
    if "\t" not in text:
        return [[line.strip() for line in text.splitlines() if line.strip()]]
    rows = list(csv.reader(io.StringIO(text), delimiter="\t"))
    width = max((len(r) for r in rows), default=0)
    columns = [[r[c].strip() for r in rows if c < len(r) and r[c].strip()]
               for c in range(width)]
    while columns and not columns[-1]:
        columns.pop()
    return columns
