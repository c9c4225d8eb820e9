"""Workshop mode (#13): export a saved view (CLI --view and the Export dialog)."""

from __future__ import annotations

from pathlib import Path

import pytest

from app.export.dialog import ProjectExportBackend
from model.edits import Editor
from model.entities import LaneKind
from model.store import Project, Workspace
from model.templates import create_journey
from tests.app.test_cli import assert_clean_failure, run
from tests.app.test_export_samples import pdftotext


@pytest.fixture
def view_map(tmp_path: Path) -> Path:
    """A saved map with cards in the backstage lane and a view that hides that lane."""
    project = Project.new(Workspace(tmp_path / "ws"))
    journey = create_journey(project.session, "cjm7", "Checkout")
    ed = Editor(project.session, project.changes)
    stage = sorted(journey.stages, key=lambda s: s.position)[1].id
    lanes = {x.kind: x for x in journey.lanes}
    backstage = lanes[LaneKind.BACKSTAGE.value]
    ed.add_card(journey.id, (stage, backstage.id), None,
                {"text": "Fraud check job", "kind": "backstage"})
    ed.add_card(journey.id, (stage, lanes[LaneKind.ACTIONS.value].id), None,
                {"text": "Pays by card", "kind": "action"})
    ed.save_view(journey.id, {"name": "Customer side", "hidden_lanes": [backstage.id],
                              "highlight_kind": "action"})
    path = tmp_path / "views.cjm"
    project.save(path)
    project.close()
    return path


def test_export_with_a_saved_view_leaves_its_hidden_lanes_off_the_poster(
        view_map: Path, tmp_path: Path) -> None:
    whole, viewed = tmp_path / "whole.pdf", tmp_path / "view.pdf"
    result = run("export", view_map, "--pdf", whole, "--no-register")
    assert result.returncode == 0, result.stderr
    result = run("export", view_map, "--pdf", viewed, "--view", "customer side",
                 "--no-register")
    assert result.returncode == 0, result.stderr
    full = pdftotext(whole, 1)
    assert "Fraud check job" in full
    page = pdftotext(viewed, 1)
    assert "Pays by card" in page
    assert "Fraud check job" not in page
    # The lane's name goes too (the legend still names the Backstage card kind).
    assert page.count("Backstage") == full.count("Backstage") - 1


def test_export_with_an_unknown_view_names_the_views_there_are(
        view_map: Path, tmp_path: Path) -> None:
    result = run("export", view_map, "--pdf", tmp_path / "x.pdf", "--view", "Nope")
    assert_clean_failure(result, "no saved view named 'Nope'", "'Customer side'")
    assert not (tmp_path / "x.pdf").exists()


def test_the_export_dialog_offers_the_saved_views_and_prints_the_one_chosen(
        view_map: Path, tmp_path: Path, qtbot) -> None:
    from widgets.export_dialog import ExportDialog

    project = Project.open(view_map, Workspace(tmp_path / "ws2"), read_only=True)
    try:
        backend = ProjectExportBackend(project, project.journeys()[0].id)
        dialog = ExportDialog(backend)
        qtbot.addWidget(dialog)
        assert [dialog.view_box.itemText(i) for i in range(dialog.view_box.count())] == [
            "Whole map", "Customer side"]
        dialog.view_box.setCurrentIndex(1)
        choice = dialog.choice()
        assert choice.view == "Customer side"
        target = tmp_path / "dialog.pdf"
        backend.export(target, choice, lambda _done, _total: True)
        page = pdftotext(target, 1)
        assert "Pays by card" in page and "Fraud check job" not in page
        # The other cards are washed out, the highlighted kind keeps its colour.
        layout = backend.doc_for("Customer side").layout
        fills = {g.text: g.fill for g in layout.cards.values()}
        assert fills["Pays by card"] == backend.doc.layout.cards[
            next(i for i, g in backend.doc.layout.cards.items() if g.text == "Pays by card")
        ].fill
    finally:
        project.close()


def test_the_json_export_holds_the_saved_views_and_the_votes(tmp_path: Path) -> None:
    import json

    project = Project.new(Workspace(tmp_path / "ws"))
    journey = create_journey(project.session, "cjm7", "Checkout")
    ed = Editor(project.session, project.changes)
    stage = sorted(journey.stages, key=lambda s: s.position)[0].id
    lanes = {x.kind: x.id for x in journey.lanes}
    pain = ed.add_card(journey.id, (stage, lanes[LaneKind.PAIN_POINTS.value]), None,
                       {"text": "Slow", "kind": "pain_point"})
    ed.save_view(journey.id, {"name": "Customer side",
                              "hidden_lanes": [lanes[LaneKind.BACKSTAGE.value]]})
    round_id = ed.start_round(journey.id, {"dots": 3, "pain_points": True,
                                           "opportunities": True})
    ed.set_votes(round_id, pain, "Ana", 2)
    path = tmp_path / "map.cjm"
    project.save(path)
    project.close()

    out = tmp_path / "map.json"
    result = run("export", str(path), "--json", str(out))
    assert result.returncode == 0, result.stderr
    (exported,) = json.loads(out.read_text(encoding="utf-8"))["journeys"]
    (view,) = exported["saved_views"]
    assert view["name"] == "Customer side"
    assert view["hidden_lanes"] == [lanes[LaneKind.BACKSTAGE.value]]
    (voting,) = exported["vote_rounds"]
    assert voting["dots"] == 3
    assert [(v["card_id"], v["participant"], v["count"]) for v in voting["votes"]] == [
        (pain, "Ana", 2)]
