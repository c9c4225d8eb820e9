"""The opportunity register (and the completeness check) as extra pages of the poster PDF."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass

from app.export.compose import MapDocument, Surface
from app.export.paper import Paper, make_paper
from app.export.text import elide
from model import style
from model.entities import OpportunityStatus
from model.records import OpportunityRecord
from model.register import departments_of, linked_text

MARGIN = 36.0
ROW_H = 15.0
SIZE = 8.0
INK = style.INK
RULE = style.RULE
HEAD_FILL = style.TABLE_HEAD_FILL
OVERDUE_FILL = style.OVERDUE_FILL  # as in the register panel
FORMULA = ("Priority = importance x (ease + 6 - cost) / 2, from 1 to 25 "
           "(importance, cost and ease 1-5). Red rows are overdue.")
CLOSED = {OpportunityStatus.DONE.value, OpportunityStatus.DROPPED.value}

# (heading, share of the table width)
COLUMNS: tuple[tuple[str, float], ...] = (
    ("#", 0.03), ("Opportunity", 0.22), ("Priority", 0.06), ("Imp.", 0.04), ("Cost", 0.04),
    ("Ease", 0.04), ("Owner", 0.1), ("Department", 0.1), ("Status", 0.07), ("Due", 0.07),
    ("Linked cards", 0.23),
)


def register_paper() -> Paper:
    return make_paper("A4", "landscape")


@dataclass(frozen=True)
class Line:
    """One printed line: a table row, a heading or a completeness finding."""

    kind: str  # "row", "space", "heading", "finding"
    cells: tuple[str, ...]
    overdue: bool = False


def _lines(doc: MapDocument) -> list[Line]:
    today = doc.today or dt.date.today()
    lines: list[Line] = []
    for rank, row in enumerate(doc.opportunities, start=1):
        lines.append(Line("row", _cells(rank, row), _overdue(row, today)))
    if doc.findings:
        if lines:
            lines.append(Line("space", ()))
        lines.append(Line("heading", (f"Completeness check: {len(doc.findings)} thing(s) "
                                      "to complete",)))
        lines.extend(Line("finding", (f"• {text}",)) for text in doc.findings)
    return lines


def _overdue(row: OpportunityRecord, today: dt.date) -> bool:
    due = row["due_date"]
    return due is not None and due < today and row["status"] not in CLOSED


def _cells(rank: int, row: OpportunityRecord) -> tuple[str, ...]:
    due = row["due_date"]
    status = row["status"].replace("_", " ").capitalize()
    return (str(rank), row["title"], f"{row['priority']:g}", str(row["importance"]),
            str(row["cost"]), str(row["ease"]), row["owner"], departments_of(row), status,
            due.isoformat() if due else "", linked_text(row))


def _per_page(paper: Paper) -> int:
    top = MARGIN + 56  # title, formula, table header
    return max(1, int((paper.height - top - MARGIN) // ROW_H))


def register_page_count(doc: MapDocument) -> int:
    """Pages the register needs (0 when the journey has no opportunities)."""
    if not doc.opportunities or not doc.register_page:
        return 0
    n = len(_lines(doc))
    per = _per_page(register_paper())
    return (n + per - 1) // per


def draw_register_pages(surface: Surface, doc: MapDocument,
                        begin_page: Callable[[Paper], None],
                        end_page: Callable[[], None]) -> None:
    """Print every register page; ``begin_page(paper)``/``end_page()`` frame each one."""
    if not register_page_count(doc):
        return
    paper = register_paper()
    lines = _lines(doc)
    per = _per_page(paper)
    pages = [lines[i:i + per] for i in range(0, len(lines), per)]
    for number, page in enumerate(pages, start=1):
        begin_page(paper)
        _draw_page(surface, doc, paper, page, number, len(pages))
        end_page()


def _draw_page(surface: Surface, doc: MapDocument, paper: Paper, lines: list[Line],
               number: int, count: int) -> None:
    width = paper.width - 2 * MARGIN
    x0, y = MARGIN, MARGIN
    title = f"Opportunity register — {doc.name}"
    if count > 1:
        title += f" (page {number} of {count})"
    surface.text(x0, y + 14, elide(title, width, 14, bold=True), 14, INK, bold=True)
    surface.text(x0, y + 30, elide(FORMULA, width, SIZE), SIZE, style.INK_MUTED)
    if doc.date:
        surface.text(x0, y + 42, elide(doc.date, width, SIZE), SIZE, style.INK_MUTED)
    y += 50
    if any(line.kind == "row" for line in lines):
        surface.rect(x0, y, width, ROW_H, HEAD_FILL)
        _row(surface, x0, y, width, tuple(h for h, _ in COLUMNS), bold=True)
        y += ROW_H
    for line in lines:
        if line.kind == "row":
            if line.overdue:
                surface.rect(x0, y, width, ROW_H, OVERDUE_FILL)
            _row(surface, x0, y, width, line.cells)
            surface.line(x0, y + ROW_H, x0 + width, y + ROW_H, RULE, 0.5)
        elif line.kind == "space":
            pass
        elif line.kind == "heading":
            surface.text(x0, y + ROW_H - 2, line.cells[0], 10, INK, bold=True)
        else:
            surface.text(x0 + 6, y + ROW_H - 4, elide(line.cells[0], width - 6, SIZE), SIZE,
                         INK)
        y += ROW_H


def _row(surface: Surface, x0: float, y: float, width: float, cells: tuple[str, ...],
         bold: bool = False) -> None:
    x = x0
    for (_, share), text in zip(COLUMNS, cells, strict=True):
        w = share * width
        flat = " ".join(text.split())
        surface.text(x + 3, y + ROW_H - 4, elide(flat, w - 6, SIZE, bold), SIZE, INK, bold)
        x += w
