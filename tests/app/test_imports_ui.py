"""File → Import in the window: the survey wizard and cards from CSV, each one undo step."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QMessageBox

from app.commands import EditCardCommand
from app.main_window import MainWindow
from model.entities import Card, Metric
from tests.app.test_canvas import add_card

SURVEY = (
    "Respondent,Touchpoint,NPS score,Submitted\n"
    "1,Mobile app,10,2026-01-02\n"
    "2,Mobile app,9,2026-01-03\n"
    "3,Mobile app,2,2026-01-04\n"
    "4,Purchase,8,2026-01-04\n"
    "5,Fax machine,9,2026-01-04\n"
    "6,Fax machine,1,2026-01-05\n"
)


def _touchpoint(window: MainWindow, text: str) -> int:
    card_id = add_card(window, 1, "touchpoints", text)
    window.doc.push(EditCardCommand(window.doc.editor, card_id, {"kind": "touchpoint"}))
    return card_id


def _computed(window: MainWindow) -> list[tuple]:
    return sorted((m.card_id or 0, m.stage_id or 0, m.value, m.responses, m.period)
                  for m in window.doc.project.session.query(Metric)
                  .filter(Metric.computed.is_(True)))


def _run_wizard(window: MainWindow, path: Path):
    wizard = window.imports.make_wizard()
    wizard.show()
    wizard.file_page.path_edit.setText(str(path))
    wizard.next()
    assert wizard.currentPage() is wizard.columns_page
    wizard.next()
    assert wizard.currentPage() is wizard.preview_page
    return wizard


def test_the_wizard_guesses_columns_previews_matches_and_imports_in_one_step(
    window: MainWindow, tmp_path: Path
) -> None:
    app_card = _touchpoint(window, "Mobile app")
    path = tmp_path / "answers.csv"
    path.write_text(SURVEY)
    wizard = _run_wizard(window, path)
    columns = wizard.columns_page
    assert columns.score_box.currentText() == "NPS score"
    assert columns.target_box.currentText() == "Touchpoint"
    assert columns.date_box.currentText() == "Submitted"
    assert columns.kind_box.currentData() == "nps"
    preview = wizard.preview_page
    shown = [(preview.model.index(r, 0).data(), preview.model.index(r, 1).data(),
              preview.model.index(r, 2).data()) for r in range(preview.model.rowCount())]
    assert shown == [("Mobile app (touchpoint)", "3", "NPS +33 · n=3*"),
                     ("Purchase (stage)", "1", "NPS +0 · n=1*")]
    assert preview.unmatched.count() == 1
    assert "Fax machine" in preview.unmatched.item(0).text()
    assert "2 rows" in preview.unmatched.item(0).text()
    assert preview.isComplete()
    steps = window.doc.undo_stack.count()
    assert window.imports.store(wizard)
    wizard.close()
    assert window.doc.undo_stack.count() == steps + 1
    first = _computed(window)
    assert [row[0] for row in first].count(app_card) == 1 and len(first) == 2
    window._relayout_if_needed()
    assert window.scene.decorations.badges[app_card].headline == "NPS +33 · n=3*"
    # the same survey again replaces its figures
    wizard = _run_wizard(window, path)
    window.imports.store(wizard)
    wizard.close()
    assert _computed(window) == first
    window.acts.undo.trigger()
    assert _computed(window) == first
    window.acts.undo.trigger()
    assert _computed(window) == []


def test_the_wizard_refuses_bad_answers_with_their_line(window: MainWindow, tmp_path) -> None:
    _touchpoint(window, "Mobile app")
    path = tmp_path / "bad.csv"
    path.write_text("Touchpoint,NPS\nMobile app,10\nMobile app,ten\n")
    wizard = _run_wizard(window, path)
    assert not wizard.preview_page.isComplete()
    assert "line 3: the score 'ten' is not a number." in wizard.preview_page.errors.text()
    assert not window.imports.store(wizard)
    wizard.close()
    assert _computed(window) == []


def test_cards_from_csv_come_in_as_one_undo_step(window: MainWindow, tmp_path) -> None:
    path = tmp_path / "cards.csv"
    path.write_text("stage,lane,kind,text\nPurchase,Touchpoints,touchpoint,Pays online\n"
                    "Returns,Pain points,pain_point,Label printer needed\n")
    session = window.doc.project.session
    before = session.query(Card).count()
    stages = len(window.doc.layout().stages)
    assert window.imports.import_cards_from(path)
    assert session.query(Card).count() == before + 2
    assert len(window.doc.layout().stages) == stages + 1  # "Returns" was made
    window.acts.undo.trigger()
    assert session.query(Card).count() == before
    assert len(window.doc.layout().stages) == stages


def test_a_bad_card_csv_names_the_line_and_changes_nothing(window, tmp_path, monkeypatch) -> None:
    warnings: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning",
                        lambda _parent, _title, text, *a: warnings.append(text))
    path = tmp_path / "cards.csv"
    path.write_text("stage,lane,kind,text,severity\nPurchase,Actions,action,Pays,\n"
                    "Purchase,Actions,action,Waits,9\n")
    steps = window.doc.undo_stack.count()
    before = window.doc.project.session.query(Card).count()
    assert not window.imports.import_cards_from(path)
    assert len(warnings) == 1 and "line 3:" in warnings[0] and "Nothing was imported" in warnings[0]
    assert window.doc.undo_stack.count() == steps
    assert window.doc.project.session.query(Card).count() == before
