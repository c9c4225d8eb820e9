"""The poster's title block prints the journey's next review date (issue 12)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from app.export.service import ExportOptions, export_journey
from model.edits import Editor
from model.store import Project, Workspace
from model.templates import create_journey
from tests.app.test_export_samples import normalized, pdftotext


def test_the_poster_title_block_shows_the_next_review_date(workspace: Workspace,
                                                           tmp_path: Path) -> None:
    project = Project.new(workspace)
    try:
        journey = create_journey(project.session, "cjm7", "Checkout")
        out = tmp_path / "before.pdf"
        export_journey(project, journey.id, out, ExportOptions(fmt="pdf", paper="A3"))
        assert "Nextreview" not in normalized(pdftotext(out))  # none set: no row
        Editor(project.session, project.changes).update_journey(
            journey.id, {"next_review": dt.date(2027, 2, 26)})
        out = tmp_path / "poster.pdf"
        export_journey(project, journey.id, out, ExportOptions(fmt="pdf", paper="A3"))
    finally:
        project.close()
    assert "Nextreview:2027-02-26" in normalized(pdftotext(out))
