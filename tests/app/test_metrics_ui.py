"""Metrics in the window: the inspector lists and edits them, cards show badges, undo."""

from __future__ import annotations

from PySide6.QtCore import Qt

from app.commands import EditCardCommand
from app.main_window import MainWindow
from model.entities import Metric
from tests.app.test_canvas import add_card, stage_at


def _touchpoint(window: MainWindow, text: str = "Mobile app", share: float | None = 0.12) -> int:
    card_id = add_card(window, 1, "touchpoints", text)
    doc = window.doc
    doc.push(EditCardCommand(doc.editor, card_id, {"kind": "touchpoint", "usage_share": share}))
    window._relayout_if_needed()
    return card_id


def _metrics(window: MainWindow) -> list[tuple]:
    return sorted((m.card_id or 0, m.stage_id or 0, m.kind, m.value, m.responses, m.computed)
                  for m in window.doc.project.session.query(Metric))


def test_a_touchpoint_shows_its_metrics_and_adding_one_is_undoable(window: MainWindow) -> None:
    card_id = _touchpoint(window)
    window.scene.select_cards([card_id])
    panel = window.inspector.metrics
    assert panel.isVisibleTo(window.inspector)
    assert panel.model.rowCount() == 0
    panel.kind_box.setCurrentIndex(panel.kind_box.findData("csat"))
    panel.add_button.click()
    assert _metrics(window) == [(card_id, 0, "csat", None, None, False)]
    assert panel.model.rowCount() == 1
    window.acts.undo.trigger()
    assert _metrics(window) == []
    assert panel.model.rowCount() == 0


def test_typing_a_value_and_answers_in_the_table_keeps_them_and_flags_a_small_sample(
    window: MainWindow,
) -> None:
    card_id = _touchpoint(window)
    window.scene.select_cards([card_id])
    panel = window.inspector.metrics
    panel.add_button.click()  # NPS is the first kind
    model = panel.model
    assert model.setData(model.index(0, 1), "37")
    assert model.setData(model.index(0, 2), "12")
    assert _metrics(window) == [(card_id, 0, "nps", 37.0, 12, False)]
    assert model.index(0, 1).data() == "+37"
    assert model.index(0, 2).data() == "12*"
    assert "Small sample" in model.index(0, 2).data(Qt.ItemDataRole.ToolTipRole)
    assert panel.note.isVisibleTo(window.inspector)
    # the canvas badge says the same, with the small-sample star, and the usage share
    window._relayout_if_needed()
    badge = window.scene.decorations.badges[card_id]
    assert badge.headline == "NPS +37 · n=12*" and badge.small_sample
    assert badge.usage == "12 % use it"
    # an NPS of 150 is refused and leaves no undo step
    steps = window.doc.undo_stack.count()
    model.setData(model.index(0, 1), "150")
    assert window.doc.undo_stack.count() == steps
    assert _metrics(window)[0][3] == 37.0
    window.acts.undo.trigger()
    assert _metrics(window)[0][4] is None
    window._relayout_if_needed()
    assert window.scene.decorations.badges[card_id].headline == "NPS +37"


def test_a_stage_has_metrics_and_a_non_touchpoint_card_does_not(window: MainWindow) -> None:
    stage = stage_at(window, 2)
    window.scene.stage_items[stage.id].setSelected(True)
    panel = window.inspector.metrics
    assert panel.isVisibleTo(window.inspector)
    panel.add_button.click()
    assert _metrics(window) == [(0, stage.id, "nps", None, None, False)]
    panel.table.selectRow(0)
    panel.remove_button.click()
    assert _metrics(window) == []
    window.scene.clearSelection()
    action_card = add_card(window, 0, "actions", "Looks around")
    window.scene.select_cards([action_card])
    assert not panel.isVisibleTo(window.inspector)


def test_removing_a_card_with_a_metric_and_undoing_keeps_the_metric(window: MainWindow) -> None:
    card_id = _touchpoint(window)
    window.scene.select_cards([card_id])
    window.inspector.metrics.add_button.click()
    window.scene.select_cards([card_id])
    window.acts.delete.trigger()
    assert _metrics(window) == []
    window.acts.undo.trigger()
    assert [m[0] for m in _metrics(window)] == [card_id]
    window._relayout_if_needed()
    assert card_id in window.scene.decorations.badges


def test_the_poster_prints_usage_share_and_headline_metric(tmp_path) -> None:
    from app.export.service import ExportOptions, export_journey
    from model.edits import Editor
    from model.entities import Journey
    from model.store import Project, Workspace
    from tests.app.test_export_samples import pdftotext

    project = Project.new(Workspace(tmp_path / "ws"))
    try:
        editor = Editor(project.session, project.changes)
        journey_id = editor.add_journey("cjm7", "Checkout")
        journey = project.session.get(Journey, journey_id)
        lane = next(lane for lane in journey.lanes if lane.kind == "touchpoints")
        card_id = editor.add_card(journey_id, (journey.stages[1].id, lane.id), None,
                                  {"kind": "touchpoint", "text": "Mobile app",
                                   "usage_share": 0.12})
        editor.add_metric(card_id, None, {"kind": "nps", "value": 42.0, "responses": 25})
        out = tmp_path / "poster.pdf"
        export_journey(project, journey_id, out, ExportOptions(fmt="pdf", paper="A3"))
    finally:
        project.close()
    text = pdftotext(out)
    assert "12 % use it" in text
    assert "NPS +42 · n=25*" in text


def test_the_heat_strip_colours_stages_and_touchpoints_by_the_chosen_metric(
    window: MainWindow,
) -> None:
    from model.heat import heat_color
    from widgets.card_badge import CardBadgeItem

    card_id = _touchpoint(window)
    stage = stage_at(window, 0)
    editor = window.doc.editor
    editor.add_metric(card_id, None, {"kind": "csat", "value": 90.0, "responses": 80})
    editor.add_metric(card_id, None, {"kind": "nps", "value": -100.0, "responses": 80})
    editor.add_metric(None, stage.id, {"kind": "nps", "value": 100.0, "responses": 80})
    window._relayout()
    assert window.heat.strip is None and not window.heat.legend.isVisibleTo(window)
    window.acts.heat_strip.trigger()
    assert window.acts.heat_strip.isChecked()
    assert window.heat.legend.isVisibleTo(window)
    strip = window.heat.strip
    assert strip is not None and strip.scene() is window.scene
    cells = {round(rect.x()): cell for rect, cell in strip.segments}
    first = window.doc.layout().stages
    assert cells[round(first[0].column.x)].heat == 1.0  # its own NPS +100
    assert cells[round(first[1].column.x)].heat == 0.9  # the touchpoint's CSAT 90 (headline)
    assert cells[round(first[2].column.x)] is None  # no data: drawn as such, not as worst
    badge = next(i for i in window.scene.card_items[card_id].childItems()
                 if isinstance(i, CardBadgeItem))
    assert badge.heat_on and badge.badge.heat == 0.9
    # choosing NPS recolours the card by its NPS (-100: the worst end of the scale)
    legend = window.heat.legend
    legend.kind_box.setCurrentIndex(legend.kind_box.findData("nps"))
    assert window.scene.decorations.badges[card_id].heat == 0.0
    assert heat_color(0.0) == "#440154" and heat_color(1.0) == "#fde725"
    window.acts.heat_strip.trigger()
    assert window.heat.strip is None and not badge.heat_on


def test_the_heat_scale_gets_lighter_from_worst_to_best() -> None:
    from model.heat import heat_color, lightness

    values = [lightness(heat_color(i / 20)) for i in range(21)]
    assert values == sorted(values) and values[0] < 0.05 < 0.7 < values[-1]


def test_the_heat_overlay_is_an_export_option(tmp_path) -> None:
    from app.cli import run_cli
    from model.edits import Editor
    from model.entities import Journey
    from model.store import Project, Workspace
    from tests.app.test_export_samples import pdftotext

    path = tmp_path / "map.cjm"
    project = Project.new(Workspace(tmp_path / "ws"))
    editor = Editor(project.session, project.changes)
    journey_id = editor.add_journey("cjm7", "Checkout")
    journey = project.session.get(Journey, journey_id)
    editor.add_metric(None, journey.stages[0].id, {"kind": "nps", "value": -20.0,
                                                   "responses": 40})
    project.save(path)
    project.close()
    plain, heat = tmp_path / "plain.pdf", tmp_path / "heat.pdf"
    assert run_cli(["export", str(path), "--pdf", str(plain)]) == 0
    assert run_cli(["export", str(path), "--pdf", str(heat), "--heat", "nps"]) == 0
    assert "Heat:" not in pdftotext(plain) and "NPS -20" not in pdftotext(plain)
    text = pdftotext(heat)
    assert "Heat: NPS" in text and "worst" in text and "best" in text
    assert "NPS -20 · n=40" in text and text.count("no data") == 6


def test_closing_the_map_takes_the_heat_strip_away(window: MainWindow) -> None:
    window.acts.heat_strip.trigger()
    assert window.heat.strip is not None
    window.doc.undo_stack.setClean()
    window.files.close_document()
    assert window.heat.strip is None
    assert not [i for i in window.scene.items() if type(i).__name__ == "HeatStripItem"]


def test_the_json_export_carries_the_metrics(tmp_path) -> None:
    from app.export.data import project_json
    from model.edits import Editor
    from model.entities import Journey
    from model.store import Project, Workspace

    project = Project.new(Workspace(tmp_path / "ws"))
    try:
        editor = Editor(project.session, project.changes)
        journey_id = editor.add_journey("cjm7", "J")
        journey = project.session.get(Journey, journey_id)
        editor.add_metric(None, journey.stages[1].id, {"kind": "ces", "value": 5.5,
                                                       "responses": 44, "period": "Q2"})
        data = project_json([journey], [])
    finally:
        project.close()
    (metric,) = data["journeys"][0]["metrics"]
    assert (metric["stage_id"], metric["card_id"], metric["kind"], metric["value"],
            metric["responses"], metric["period"]) == (journey.stages[1].id, None, "ces", 5.5,
                                                       44, "Q2")
