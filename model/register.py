"""The opportunity register of a journey: its rows in priority order, and its CSV."""

from __future__ import annotations

import csv
import io

from model.csv_io import guard_formula
from model.entities import Journey
from model.records import LinkedCard, OpportunityRecord
from model.scoring import opportunity_priority, ranked

CSV_COLUMNS = ("journey", "rank", "title", "priority", "importance", "cost", "ease", "owner",
               "department", "status", "due_date", "linked_cards", "description")


def register_rows(journey: Journey) -> list[OpportunityRecord]:
    """The journey's opportunities, highest priority first (ties by title)."""
    return [
        OpportunityRecord(
            id=o.id, title=o.title, owner=o.owner, importance=o.importance, cost=o.cost,
            ease=o.ease, priority=opportunity_priority(o), status=o.status,
            due_date=o.due_date, description=o.description,
            cards=[LinkedCard(id=c.id, kind=c.kind, text=c.text, department=c.department)
                   for c in o.cards],
        )
        for o in ranked(journey.opportunities)
    ]


def departments_of(row: OpportunityRecord) -> str:
    """The departments of the linked cards, each once, in card order."""
    seen: list[str] = []
    for card in row["cards"]:
        if card["department"] and card["department"] not in seen:
            seen.append(card["department"])
    return ", ".join(seen)


def linked_text(row: OpportunityRecord) -> str:
    return "; ".join(" ".join(c["text"].split()) for c in row["cards"])


def register_csv_bytes(journeys: list[Journey], bom: bool = True) -> bytes:
    """Every journey's register as CSV, one opportunity per row, in priority order."""
    out = io.StringIO(newline="")
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(CSV_COLUMNS)
    for journey in journeys:
        descriptions = {o.id: o.description for o in journey.opportunities}
        for rank, row in enumerate(register_rows(journey), start=1):
            due = row["due_date"]
            g = guard_formula
            writer.writerow([
                g(journey.name), rank, g(row["title"]), f"{row['priority']:g}",
                row["importance"], row["cost"], row["ease"], g(row["owner"]),
                g(departments_of(row)), row["status"], due.isoformat() if due else "",
                g(linked_text(row)), g(descriptions.get(row["id"], "")),
            ])
    data = out.getvalue().encode("utf-8")
    return (b"\xef\xbb\xbf" + data) if bom else data
