"""The opportunity register printed: an extra page of the poster PDF, and CSV from the CLI."""

from __future__ import annotations

import csv
import datetime as dt
import io
import subprocess
from pathlib import Path

import pytest

from model.edits import Editor
from model.store import Project, Workspace
from model.templates import create_journey
from tests.app.test_cli import run
from tests.app.test_export_samples import pdfinfo, pdftotext


@pytest.fixture
def register_map(tmp_path: Path) -> Path:
    """A saved map whose journey has three opportunities (one linked to two cards)."""
    project = Project.new(Workspace(tmp_path / "ws"))
    journey = create_journey(project.session, "cjm7", "Checkout")
    ed = Editor(project.session, project.changes)
    stages = sorted(journey.stages, key=lambda s: s.position)
    pains = next(lane for lane in journey.lanes if lane.kind == "pain_points")
    hold = ed.add_card(journey.id, (stages[1].id, pains.id), None,
                       {"kind": "pain_point", "text": "Hold music", "department": "Support"})
    formula = ed.add_card(journey.id, (stages[2].id, pains.id), None,
                          {"kind": "pain_point", "text": "=cmd|' /C calc'!A0",
                           "department": "IT"})
    ed.add_opportunity(journey.id, {"title": "Self-service reset", "owner": "Ivo", "importance": 4,
                                    "cost": 4, "ease": 2, "card_ids": [formula]})
    ed.add_opportunity(journey.id, {"title": "Call-back", "owner": "Dana", "importance": 5,
                                    "cost": 2, "ease": 4, "status": "planned",
                                    "due_date": dt.date(2026, 1, 15), "card_ids": [hold]})
    ed.add_opportunity(journey.id, {"title": "Price up front", "owner": "Mo", "importance": 3,
                                    "cost": 1, "ease": 5})
    target = tmp_path / "map.cjm"
    project.save(target)
    project.close()
    return target


def test_the_poster_pdf_has_a_register_page_in_priority_order(
    register_map: Path, tmp_path: Path
) -> None:
    pdf = tmp_path / "poster.pdf"
    result = run("export", register_map, "--pdf", pdf, "--paper", "A3")
    assert result.returncode == 0, result.stderr
    assert pdfinfo(pdf)["Pages"] == "2"
    page = pdftotext(pdf, 2)
    assert "Opportunity register — Checkout" in page
    assert "Priority = importance x (ease + 6 - cost) / 2" in page
    order = [page.index(t) for t in ("Call-back", "Price up front", "Self-service reset")]
    assert order == sorted(order)
    for owner, priority in (("Dana", "20"), ("Mo", "15"), ("Ivo", "8")):
        assert owner in page and priority in page
    # each owner and priority sits in the row of its title
    layout = subprocess.run(["pdftotext", "-layout", "-f", "2", "-l", "2", str(pdf), "-"],
                            check=True, capture_output=True, text=True).stdout
    rows = {ln.split()[1]: ln.split() for ln in layout.splitlines()
            if ln.split()[:1] in (["1"], ["2"], ["3"])}
    assert rows["Call-back"][:3] == ["1", "Call-back", "20"] and "Dana" in rows["Call-back"]
    assert rows["Price"][:5] == ["2", "Price", "up", "front", "15"] and "Mo" in rows["Price"]
    assert rows["Self-service"][:4] == ["3", "Self-service", "reset", "8"]
    assert "Completeness check" in page
    assert "Opportunity register" not in pdftotext(pdf, 1)

    plain = tmp_path / "plain.pdf"
    result = run("export", register_map, "--pdf", plain, "--no-register")
    assert result.returncode == 0, result.stderr
    assert pdfinfo(plain)["Pages"] == "1"


def test_opportunities_csv_lists_the_register_by_priority_with_formulas_guarded(
    register_map: Path, tmp_path: Path
) -> None:
    out = tmp_path / "register.csv"
    result = run("export", register_map, "--opportunities-csv", out)
    assert result.returncode == 0, result.stderr
    raw = out.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")
    rows = list(csv.DictReader(io.StringIO(raw.decode("utf-8-sig"))))
    assert [(r["rank"], r["title"], r["priority"], r["owner"]) for r in rows] == [
        ("1", "Call-back", "20", "Dana"), ("2", "Price up front", "15", "Mo"),
        ("3", "Self-service reset", "8", "Ivo")]
    assert rows[0]["department"] == "Support" and rows[0]["due_date"] == "2026-01-15"
    assert rows[0]["status"] == "planned" and rows[0]["linked_cards"] == "Hold music"
    assert rows[2]["linked_cards"] == "'=cmd|' /C calc'!A0"  # not run as a formula


def test_a_persona_sheet_from_the_command_line(register_map: Path, tmp_path: Path) -> None:
    project = Project.open(register_map, Workspace(tmp_path / "ws-edit"))
    ed = Editor(project.session, project.changes)
    pid = ed.add_persona({"name": "Pat", "role": "Buyer", "goals": "Pay in one click",
                          "quote": "Just let me pay"})
    ed.update_journey(project.journeys()[0].id, {"persona_id": pid})
    project.save()
    project.close()
    sheet = tmp_path / "pat.pdf"
    result = run("export", register_map, "--persona-sheet", "Pat", "--pdf", sheet)
    assert result.returncode == 0, result.stderr
    assert pdfinfo(sheet)["Pages"] == "1"
    text = pdftotext(sheet)
    assert "Pat" in text and "Pay in one click" in text and "Persona of: Checkout" in text
    missing = run("export", register_map, "--persona-sheet", "Nobody", "--pdf", sheet)
    assert missing.returncode == 1 and "no persona named 'Nobody'" in missing.stderr
    usage = run("export", register_map, "--persona-sheet", "Pat")
    assert usage.returncode == 2
