"""``import-survey`` on the command line: figures stored, re-import replaces, bad rows refused."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from app.cli import run_cli


def _map(tmp_path: Path) -> Path:
    target = tmp_path / "map.cjm"
    assert run_cli(["new", str(target), "--journey", "Checkout"]) == 0
    cards = tmp_path / "cards.csv"
    cards.write_text("journey,stage,lane,kind,text,usage_share\n"
                     "Checkout,Purchase,Touchpoints,touchpoint,Mobile app,0.12\n")
    assert run_cli(["import", str(cards), "--into", str(target)]) == 0
    return target


def _metrics(path: Path) -> list[tuple]:
    conn = sqlite3.connect(path)
    try:
        return conn.execute("SELECT card_id IS NOT NULL, kind, value, responses, period, source "
                            "FROM metrics ORDER BY card_id IS NULL").fetchall()
    finally:
        conn.close()


def test_import_survey_stores_figures_and_a_second_run_replaces_them(tmp_path, capsys) -> None:
    target = _map(tmp_path)
    survey = tmp_path / "answers.csv"
    survey.write_text("id;touchpoint;score;date\n1;Mobile app;10;2026-01-02\n"
                      "2;mobile APP;3;2026-01-04\n3;Purchase;9;2026-01-03\n4;Fax;5;2026-01-01\n")
    args = ["import-survey", str(survey), "--into", str(target), "--score", "score",
            "--target", "touchpoint", "--date", "date"]
    assert run_cli(args) == 0
    out = capsys.readouterr().out
    assert "Imported 3 answers" in out and "1 rows matched nothing (lines 5)" in out
    expected = [(1, "nps", 0.0, 2, "2026-01-02..2026-01-04", "answers.csv"),
                (0, "nps", 100.0, 1, "2026-01-03", "answers.csv")]
    assert _metrics(target) == expected
    assert run_cli(args) == 0
    assert _metrics(target) == expected


def test_import_survey_refuses_a_bad_answer_and_leaves_the_file_alone(tmp_path, capsys) -> None:
    target = _map(tmp_path)
    before = target.read_bytes()
    survey = tmp_path / "bad.csv"
    survey.write_text("touchpoint,score\nMobile app,7\nMobile app,12\n")
    code = run_cli(["import-survey", str(survey), "--into", str(target), "--score", "score",
                    "--target", "touchpoint"])
    assert code == 1
    err = capsys.readouterr().err
    assert "line 3: NPS answers are 0..10, not 12." in err and "Nothing was imported" in err
    assert target.read_bytes() == before
