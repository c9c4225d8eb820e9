"""The review pack PDF: poster, changes since a snapshot, opportunity register, persona sheets."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from app.export.review_pack import gather, write_review_pack
from model.edits import Editor
from model.store import Project, Workspace
from tests.app.test_cli import assert_clean_failure, run
from tests.app.test_export_samples import normalized, pdfinfo, pdftotext

TODAY = dt.date(2026, 11, 26)


def _reviewed_map(project: Project) -> tuple[int, int]:
    ed = Editor(project.session, project.changes)
    jid = ed.add_journey("cjm7", "Checkout")
    journey = project.journey(jid)
    persona = ed.add_persona({"name": "Amira", "role": "Operations lead",
                              "goals": "Ship faster", "quote": "Why do I have to call?"})
    ed.update_journey(jid, {"persona_id": persona})
    stages = [s.id for s in journey.stages]
    actions = next(x.id for x in journey.lanes if x.kind == "actions")
    gone = ed.add_card(jid, (stages[0], actions), None, {"text": "Sees the ad"})
    ed.add_opportunity(jid, {"title": "Show coupon field", "owner": "Web team",
                             "due_date": dt.date(2026, 10, 1)})
    later = ed.add_opportunity(jid, {"title": "Guest checkout", "status": "planned",
                                     "due_date": dt.date(2027, 1, 1)})
    snapshot_id = ed.take_snapshot(jid, "Q3 review", dt.datetime(2026, 9, 1, 10, 0))
    ed.remove_card(gone)
    ed.update_opportunity(later, {"status": "done"})
    return jid, snapshot_id


def test_the_pack_lists_changes_overdue_opportunities_first_and_the_persona(
        workspace: Workspace, tmp_path: Path) -> None:
    project = Project.new(workspace)
    try:
        jid, snapshot_id = _reviewed_map(project)
        pack = gather(project, jid, snapshot_id, TODAY)
        out = write_review_pack(tmp_path / "pack.pdf", pack)
    finally:
        project.close()
    assert [r.title for r in pack.register] == ["Show coupon field", "Guest checkout"]
    assert [r.overdue for r in pack.register] == [True, False]
    assert pdfinfo(out)["Pages"] == "3"  # poster, changes + register, one persona
    text = normalized(pdftotext(out))
    for words in ("Since“Q3review”(01Sep2026):1removed", "Removed“Seesthead”",
                  "Opportunity“Guestcheckout”:planned→done", "1overdue",
                  "Persona:Amira", "WhydoIhavetocall?"):
        assert normalized(words) in text, words
    assert "Checkout" in normalized(pdftotext(out, 1))  # the poster's title


def test_the_review_pack_from_the_command_line(workspace: Workspace, tmp_path: Path) -> None:
    project = Project.new(workspace)
    try:
        _reviewed_map(project)
        project.save(tmp_path / "map.cjm")
    finally:
        project.close()
    out = tmp_path / "pack.pdf"
    result = run("review-pack", tmp_path / "map.cjm", "--journey", "Checkout", "--pdf", out)
    assert result.returncode == 0, result.stderr
    assert "Since“Q3review”" in normalized(pdftotext(out))
    bad = run("review-pack", tmp_path / "map.cjm", "--since", "Nope", "--pdf", out)
    assert_clean_failure(bad, "no snapshot labelled 'Nope'")


def test_a_personas_photo_is_on_its_sheet_in_the_pack(workspace: Workspace,
                                                      tmp_path: Path) -> None:
    import subprocess

    from PIL import Image

    from model.entities import Persona
    from model.images import prepare_photo
    from tests.model.test_analysis import image_bytes

    project = Project.new(workspace)
    try:
        jid, snapshot_id = _reviewed_map(project)
        amira = project.session.query(Persona).one()
        Editor(project.session, project.changes).update_persona(
            amira.id, {"photo": prepare_photo(image_bytes("PNG", (300, 200)))})
        out = write_review_pack(tmp_path / "pack.pdf", gather(project, jid, snapshot_id, TODAY))
    finally:
        project.close()
    images = subprocess.run(["pdfimages", "-list", "-f", "3", "-l", "3", str(out)],
                            check=True, capture_output=True, text=True).stdout
    assert len(images.splitlines()) == 3  # two header lines, one image: the photo
    subprocess.run(["pdftoppm", "-f", "3", "-l", "3", "-r", "50", "-png", str(out),
                    str(tmp_path / "page")], check=True)
    [page] = tmp_path.glob("page*.png")
    pixels = Image.open(page).convert("RGB")
    # The orange photo sits under the heading, at the left margin.
    assert pixels.getpixel((60, 110)) == pytest.approx((255, 165, 0), abs=12)
