"""The Export dialog: options drive the summary and preview, Export writes the file."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QMessageBox
from pytestqt.qtbot import QtBot

from app.export.dialog import ProjectExportBackend
from app.export.service import ExportOptions, pages
from model.store import Project, Workspace
from tests.app.test_export_samples import build_sample, pdfinfo, pdftotext
from widgets.export_dialog import CUSTOM, ExportDialog


@pytest.fixture
def dialog(qtbot: QtBot, workspace: Workspace, tmp_path: Path):
    project = Project.new(workspace)
    journey_id = build_sample(project, "Dialog journey")
    dlg = ExportDialog(ProjectExportBackend(project, journey_id))
    qtbot.addWidget(dlg)
    dlg.path_edit.setText(str(tmp_path / "out.pdf"))
    yield dlg
    dlg.close()
    project.close()


def test_preview_shows_the_first_page(dialog: ExportDialog) -> None:
    dialog.update_preview()
    image = dialog.preview_image
    assert image is not None
    assert max(image.width(), image.height()) == 360
    assert image.width() > image.height()  # the map is wide: automatic = landscape
    assert "A3 landscape" in dialog.summary_label.text()
    # The page is mostly white paper with a coloured map on it.
    corner = image.pixelColor(2, 2)
    assert (corner.red(), corner.green(), corner.blue()) == (255, 255, 255)


def test_orientation_and_tiling_update_the_summary(dialog: ExportDialog) -> None:
    dialog.orientation_box.setCurrentIndex(dialog.orientation_box.findData("portrait"))
    assert "A3 portrait" in dialog.summary_label.text()
    dialog.set_paper("A2")
    dialog.orientation_box.setCurrentIndex(dialog.orientation_box.findData("landscape"))
    dialog.tile_check.setChecked(True)
    assert dialog.choice().tile == "A4"
    backend = dialog.backend
    assert isinstance(backend, ProjectExportBackend)
    _, printed = pages(backend.doc, dialog.choice())
    assert printed is not None
    assert f"on {len(printed)} A4 sheets (2 rows x 4 columns)" in dialog.summary_label.text()
    dialog.update_preview()
    tile = dialog.preview_image
    assert tile is not None and tile.height() > tile.width()  # an A4 portrait sheet


def test_png_summary_has_pixels_and_hides_tiling(dialog: ExportDialog) -> None:
    dialog.set_format("png")
    dialog.set_paper("A4")
    dialog.orientation_box.setCurrentIndex(dialog.orientation_box.findData("landscape"))
    dialog.dpi_box.setValue(300)
    assert "3508 x 2480 pixels at 300 DPI" in dialog.summary_label.text()
    assert dialog.path_edit.text().endswith(".png")
    assert dialog.choice().tile is None
    assert not dialog.form.isRowVisible(dialog.tile_row)
    assert dialog.form.isRowVisible(dialog.dpi_box)


def test_custom_paper(dialog: ExportDialog) -> None:
    dialog.set_paper(CUSTOM)
    assert dialog.form.isRowVisible(dialog.custom_row)
    dialog.custom_w.setValue(600)
    dialog.custom_h.setValue(400)
    assert dialog.choice().paper == "600x400"
    assert "600 x 400 mm" in dialog.summary_label.text()


def test_export_writes_the_pdf(dialog: ExportDialog, tmp_path: Path) -> None:
    dialog.set_paper("A2")
    dialog.tile_check.setChecked(True)
    dialog.orientation_box.setCurrentIndex(dialog.orientation_box.findData("landscape"))
    written = dialog.export_now()
    assert written == tmp_path / "out.pdf"
    assert dialog.result_path == written
    # A2 landscape over A4 is 4 x 2 sheets, less those the map leaves empty.
    backend = dialog.backend
    assert isinstance(backend, ProjectExportBackend)
    options = ExportOptions(paper="A2", orientation="landscape", tile="A4")
    _, printed = pages(backend.doc, options)
    assert printed is not None and 6 <= len(printed) <= 8
    assert pdfinfo(written)["Pages"] == str(len(printed))
    assert "Dialog journey" in pdftotext(written)


def test_csv_has_no_preview_and_exports(dialog: ExportDialog, tmp_path: Path) -> None:
    dialog.set_format("csv")
    dialog.update_preview()
    assert dialog.preview_image is None
    assert "No preview" in dialog.preview_label.text()
    assert dialog.form.isRowVisible(dialog.bom_check) and dialog.bom_check.isChecked()
    written = dialog.export_now()
    assert written is not None and written.suffix == ".csv"
    assert written.read_bytes().startswith(b"\xef\xbb\xbfjourney,stage,lane,kind,text")


def test_csv_without_the_byte_order_mark(dialog: ExportDialog) -> None:
    dialog.set_format("pdf")
    assert not dialog.form.isRowVisible(dialog.bom_check)
    dialog.set_format("csv")
    dialog.bom_check.setChecked(False)
    written = dialog.export_now()
    assert written is not None
    assert written.read_bytes().startswith(b"journey,stage,lane,kind,text")


def test_failed_export_keeps_the_dialog_open(
    dialog: ExportDialog, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    shown: list[str] = []
    monkeypatch.setattr(
        QMessageBox, "warning", staticmethod(lambda _parent, _title, text, *a: shown.append(text))
    )
    dialog.path_edit.setText(str(tmp_path / "missing" / "out.pdf"))
    assert dialog.export_now() is None
    assert dialog.result_path is None
    assert shown and "does not exist" in shown[0]


def test_impossible_png_disables_export(dialog: ExportDialog) -> None:
    dialog.set_format("png")
    dialog.set_paper("A0")
    dialog.dpi_box.setValue(600)
    assert not dialog.export_button.isEnabled()
    assert "too large" in dialog.summary_label.text()
    dialog.dpi_box.setValue(150)
    assert dialog.export_button.isEnabled()


def test_cancelling_a_tiled_export_writes_nothing(
    dialog: ExportDialog, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    shown: list[str] = []
    monkeypatch.setattr(
        QMessageBox, "warning", staticmethod(lambda _parent, _title, text, *a: shown.append(text))
    )
    monkeypatch.setattr(
        "PySide6.QtWidgets.QProgressDialog.wasCanceled", lambda _self: True
    )
    dialog.set_paper("A0")
    dialog.tile_check.setChecked(True)
    assert dialog.export_now() is None
    assert not shown
    assert list(tmp_path.glob("*.pdf")) == [] and list(tmp_path.glob(".*.part")) == []


def test_register_page_option_for_pdf(qtbot: QtBot, workspace: Workspace, tmp_path: Path) -> None:
    from model.edits import Editor

    project = Project.new(workspace)
    journey_id = build_sample(project, "Register journey")
    Editor(project.session, project.changes).add_opportunity(
        journey_id, {"title": "Call-back instead of queue", "owner": "Dana"})
    dlg = ExportDialog(ProjectExportBackend(project, journey_id))
    qtbot.addWidget(dlg)
    try:
        dlg.set_format("csv")
        assert not dlg.form.isRowVisible(dlg.register_check)
        dlg.set_format("pdf")
        assert dlg.form.isRowVisible(dlg.register_check) and dlg.register_check.isChecked()
        dlg.path_edit.setText(str(tmp_path / "with.pdf"))
        written = dlg.export_now()
        assert written is not None and pdfinfo(written)["Pages"] == "2"
        assert "Call-back instead of queue" in pdftotext(written, 2)
        dlg.register_check.setChecked(False)
        dlg.path_edit.setText(str(tmp_path / "without.pdf"))
        written = dlg.export_now()
        assert written is not None and pdfinfo(written)["Pages"] == "1"
    finally:
        dlg.close()
        project.close()


def test_top_opportunities_can_go_onto_the_poster(qtbot: QtBot, workspace: Workspace,
                                                  tmp_path: Path) -> None:
    from model.edits import Editor

    project = Project.new(workspace)
    journey_id = build_sample(project, "Register journey")
    Editor(project.session, project.changes).add_opportunity(
        journey_id, {"title": "Call-back instead of queue", "owner": "Dana"})
    dlg = ExportDialog(ProjectExportBackend(project, journey_id))
    qtbot.addWidget(dlg)
    try:
        dlg.set_format("csv")
        assert not dlg.form.isRowVisible(dlg.poster_register_check)
        dlg.set_format("png")
        assert dlg.form.isRowVisible(dlg.poster_register_check)
        dlg.set_format("pdf")
        assert not dlg.poster_register_check.isChecked()  # off unless asked for
        qtbot.mouseClick(dlg.poster_register_check, Qt.MouseButton.LeftButton,
                         pos=dlg.poster_register_check.rect().center() - QPoint(
                             dlg.poster_register_check.width() // 2 - 6, 0))
        assert dlg.choice().register_on_poster
        dlg.path_edit.setText(str(tmp_path / "beside.pdf"))
        written = dlg.export_now()
        assert written is not None
        first = pdftotext(written, 1)
        assert "Top opportunities" in first and "Call-back instead of queue" in first
    finally:
        dlg.close()
        project.close()


def test_a_persona_sheet_is_exported_from_the_dialog(
        qtbot: QtBot, workspace: Workspace, tmp_path: Path) -> None:
    from model.edits import Editor

    project = Project.new(workspace)
    journey_id = build_sample(project, "Checkout")
    editor = Editor(project.session, project.changes)
    editor.add_persona({"name": "Bruno", "role": "Night-shift nurse"})
    ana = editor.add_persona({"name": "Ana Ruiz", "role": "Small-shop owner",
                              "goals": "Pay suppliers on time"})
    editor.update_journey(journey_id, {"persona_id": ana})
    project.flush()
    dlg = ExportDialog(ProjectExportBackend(project, journey_id))
    qtbot.addWidget(dlg)
    try:
        dlg.path_edit.setText(str(tmp_path / "Checkout.pdf"))
        assert not dlg.form.isRowVisible(dlg.persona_box)
        dlg.set_format("persona")
        assert dlg.form.isRowVisible(dlg.persona_box)
        assert not dlg.form.isRowVisible(dlg.paper_box)
        # The journey's own persona comes first; the sheet gets its own file name.
        assert dlg.persona_box.currentText() == "Ana Ruiz"
        assert Path(dlg.path_edit.text()) == tmp_path / "Ana Ruiz - persona.pdf"
        assert "Ana Ruiz" in dlg.summary_label.text()
        dlg.persona_box.setCurrentIndex(dlg.persona_box.findText("Bruno"))
        assert Path(dlg.path_edit.text()) == tmp_path / "Bruno - persona.pdf"
        dlg.persona_box.setCurrentIndex(dlg.persona_box.findText("Ana Ruiz"))
        written = dlg.export_now()
        assert written == tmp_path / "Ana Ruiz - persona.pdf"
        assert pdfinfo(written)["Pages"] == "1"
        text = pdftotext(written)
        assert "Ana Ruiz" in text and "Small-shop owner" in text
        assert "Pay suppliers on time" in text and "Persona of: Checkout" in text
    finally:
        dlg.close()
    # Back to the poster: the map's file name again, not the persona's.
    dlg = ExportDialog(ProjectExportBackend(project, journey_id))
    qtbot.addWidget(dlg)
    try:
        dlg.path_edit.setText(str(tmp_path / "Checkout.pdf"))
        dlg.set_format("persona")
        dlg.set_format("pdf")
        assert Path(dlg.path_edit.text()) == tmp_path / "Checkout.pdf"
    finally:
        dlg.close()
        project.close()


def test_a_file_without_personas_offers_no_persona_sheet(dialog: ExportDialog) -> None:
    assert dialog.format_box.findData("persona") == -1
    assert not dialog.form.isRowVisible(dialog.persona_box)
