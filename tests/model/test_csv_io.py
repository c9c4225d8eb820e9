"""CSV import/export: validation with line numbers, all-or-nothing import, exact round trip."""

from __future__ import annotations

import csv
import io
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from model import csv_io
from model.csv_io import (
    COLUMNS,
    CsvExportError,
    CsvImportError,
    export_csv_bytes,
    export_csv_text,
    guard_formula,
    import_csv,
    import_rows,
    parse_csv,
    unguard_formula,
)
from model.edits import EditError, Editor
from model.entities import Card, Journey, Lane, Stage
from model.store import Project, Workspace

HEADER = "journey,stage,lane,kind,text\n"


def new_project(workspace: Workspace) -> Project:
    return Project.new(workspace)


def counts(project: Project) -> tuple[int, int, int, int]:
    s = project.session
    return (
        s.query(Journey).count(),
        s.query(Stage).count(),
        s.query(Lane).count(),
        s.query(Card).count(),
    )


def test_header_and_rows_parse_with_bom_and_crlf() -> None:
    data = ("\ufeff" + HEADER + 'J,S1,Actions,action,"two\nlines, and ""quotes"""\r\n').encode()
    rows = parse_csv(data)
    assert len(rows) == 1
    assert rows[0].text == 'two\nlines, and "quotes"'
    assert rows[0].line == 2


@pytest.mark.parametrize(
    ("body", "line", "words"),
    [
        ("J,S,L,action,ok\nJ,S,L,wish,bad\n", 3, "unknown kind 'wish'"),
        ("J,S,L,action,ok\nJ,,L,action,no stage\n", 3, "stage is empty"),
        ("J,S,L,action,ok\nJ,S,L,action,ok,extra\n", 3, "expected 5 fields"),
        ('J,S,L,action,"multi\nline"\nJ,S,,action,x\n', 4, "lane is empty"),
        (",S,L,action,no journey\n", 2, "journey is empty"),
    ],
)
def test_malformed_rows_are_reported_with_their_line(body: str, line: int, words: str) -> None:
    with pytest.raises(CsvImportError) as info:
        parse_csv((HEADER + body).encode())
    assert info.value.line == line
    assert words in info.value.message


@pytest.mark.parametrize(
    ("header", "words"),
    [
        ("journey,stage,lane,kind\n", "missing required column(s): text"),
        ("journey,stage,lane,kind,text,mood\n", "unknown column 'mood'"),
        ("journey,stage,lane,kind,text,text\n", "appears twice"),
        ("", "empty"),
    ],
)
def test_bad_headers(header: str, words: str) -> None:
    with pytest.raises(CsvImportError) as info:
        parse_csv(header.encode())
    assert info.value.line == 1
    assert words in info.value.message


@pytest.mark.parametrize(
    ("extra", "value", "words"),
    [
        ("severity", "9", "severity '9'"),
        ("severity", "high", "whole number"),
        ("usage_share", "1.5", "between 0 and 1"),
        ("usage_share", "lots", "not a number"),
        ("color", "red", "#rrggbb"),
    ],
)
def test_optional_columns_are_validated(extra: str, value: str, words: str) -> None:
    data = f"journey,stage,lane,kind,text,{extra}\nJ,S,L,note,x,{value}\n".encode()
    with pytest.raises(CsvImportError, match="line 2") as info:
        parse_csv(data)
    assert words in info.value.message


def test_not_utf8_is_reported() -> None:
    with pytest.raises(CsvImportError, match="not UTF-8") as info:
        parse_csv(HEADER.encode() + "J,S,L,note,caf\xe9\n".encode("latin-1"))
    assert info.value.line == 2


def test_import_creates_in_order_of_first_appearance(workspace: Workspace) -> None:
    project = new_project(workspace)
    editor = Editor(project.session, project.changes)
    journey_id = editor.add_journey("blank", "Existing")
    project.flush()
    data = (
        b"journey,stage,lane,kind,text,severity,usage_share,color\n"
        b"Existing,Stage 2,Actions,action,a1,,,\n"
        b"Existing,Later,Feelings,thought,t1,,,\n"
        b"Existing,Stage 2,Actions,action,a2,,0.25,#AABBCC\n"
        b"Brand new,First,Pains,pain_point,p1,5,,\n"
        b"Existing,Earlier?,Actions,action,a3,,,\n"
    )
    result = import_rows(project.session, project.changes, parse_csv(data))
    assert result.cards == 5
    assert result.journeys == ["Brand new"]
    journey = project.journey(journey_id)
    stages = [s.name for s in sorted(journey.stages, key=lambda s: s.position)]
    assert stages == ["Stage 1", "Stage 2", "Stage 3", "Later", "Earlier?"]
    lanes = [(x.name, x.kind) for x in sorted(journey.lanes, key=lambda x: x.position)]
    assert lanes == [("Actions", "actions"), ("Emotion", "emotion"), ("Feelings", "thoughts")]
    stage2 = next(s for s in journey.stages if s.name == "Stage 2")
    cell = sorted(
        (c for c in journey.cards if c.stage_id == stage2.id), key=lambda c: c.position
    )
    assert [c.text for c in cell] == ["a1", "a2"]
    assert cell[1].usage_share == 0.25 and cell[1].color == "#aabbcc"
    new = next(j for j in project.journeys() if j.name == "Brand new")
    assert [c.severity for c in new.cards] == [5]
    # New stages get no made-up emotion value: the curve has a gap there until set.
    added = {s.id for s in journey.stages if s.name in ("Later", "Earlier?")}
    assert not [p for p in journey.curves[0].points if p.stage_id in added]
    project.close()


def test_import_into_a_lane_that_holds_no_cards_is_refused(workspace: Workspace) -> None:
    project = new_project(workspace)
    Editor(project.session, project.changes).add_journey("blank", "J")
    project.flush()
    before = counts(project)
    data = (HEADER + "J,Stage 1,Actions,action,fine\nJ,Stage 1,Emotion,note,nope\n").encode()
    with pytest.raises(CsvImportError, match=r"line 3.*cannot hold cards"):
        import_rows(project.session, project.changes, parse_csv(data))
    assert counts(project) == before
    project.close()


def test_failure_while_applying_rolls_everything_back(
    workspace: Workspace, monkeypatch: pytest.MonkeyPatch
) -> None:
    project = new_project(workspace)
    Editor(project.session, project.changes).add_journey("cjm7", "Kept")
    project.flush()
    before = counts(project)
    real = Editor.append_cards

    def flaky(self: Editor, cards: list[Any]) -> int:
        # Some cards are in when the insert fails (journeys, stages, lanes already are).
        real(self, cards[:2])
        raise RuntimeError("disk full")

    monkeypatch.setattr(Editor, "append_cards", flaky)
    data = (
        HEADER
        + "Kept,New,Actions,action,1\nOther,S,L,note,2\nOther,S,L,note,3\nKept,X,Y,note,4\n"
    ).encode()
    with pytest.raises(RuntimeError):
        import_rows(project.session, project.changes, parse_csv(data))
    assert counts(project) == before
    assert [j.name for j in project.journeys()] == ["Kept"]
    project.close()


def _export(project: Project) -> str:
    return export_csv_text(project.journeys())


def test_round_trip_is_identical(workspace: Workspace, tmp_path: Path) -> None:
    project = new_project(workspace)
    editor = Editor(project.session, project.changes)
    jid = editor.add_journey("cjm7", "Trip, with \"quotes\"")
    journey = project.journey(jid)
    stages = sorted(journey.stages, key=lambda s: s.position)
    lanes = [x for x in sorted(journey.lanes, key=lambda x: x.position) if x.kind != "emotion"]
    # Lane 3 holds a card in stage 0 but lane 0 only from stage 2 on: the export order
    # must still rebuild the same lane order on import.
    editor.add_card(jid, (stages[0].id, lanes[3].id), None, {"text": "first", "kind": "note"})
    editor.add_card(jid, (stages[2].id, lanes[0].id), None, {"text": "x\ny", "kind": "action"})
    editor.add_card(jid, (stages[2].id, lanes[3].id), None, {"text": "", "kind": "touchpoint"})
    editor.add_card(
        jid,
        (stages[1].id, lanes[1].id),
        None,
        {"text": "<b>&</b>", "kind": "thought", "notes": "n", "channel": "web",
         "department": "IT", "owner": "Ana Ruiz", "usage_share": 0.1, "severity": 2,
         "color": "#112233"},
    )
    editor.add_card(jid, (stages[1].id, lanes[1].id), 0, {"text": "before", "kind": "thought"})
    other = editor.add_journey("blueprint", "Second")
    bp = project.journey(other)
    editor.add_card(other, (bp.stages[0].id, bp.lanes[0].id), None, {"text": "中文 😀"})
    project.flush()
    first = _export(project)
    assert first.splitlines()[0] == ",".join(COLUMNS)
    path = tmp_path / "cards.csv"
    path.write_text(first, encoding="utf-8")
    project.close()

    fresh = new_project(workspace)
    import_csv(fresh.session, fresh.changes, path)
    fresh.flush()
    second = _export(fresh)
    assert second == first
    fresh.close()


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow,
                                                                   HealthCheck.function_scoped_fixture])
@given(
    cells=st.lists(
        st.tuples(
            st.integers(0, 3),
            st.integers(0, 3),
            st.text(st.characters(blacklist_categories=("Cs",)), max_size=12),
        ),
        min_size=1,
        max_size=12,
    )
)
def test_round_trip_property(tmp_path_factory: pytest.TempPathFactory, cells) -> None:
    folder = tmp_path_factory.mktemp("rt")
    workspace = Workspace(folder / "ws")
    project = new_project(workspace)
    editor = Editor(project.session, project.changes)
    jid = editor.add_journey("blank", "P")
    for i in range(2):
        editor.add_stage(jid, None, {"name": f"S{i + 4}"})
    for i in range(3):
        editor.add_lane(jid, None, {"name": f"L{i}", "kind": "text"})
    journey = project.journey(jid)
    stages = sorted(journey.stages, key=lambda s: s.position)
    lanes = [x for x in sorted(journey.lanes, key=lambda x: x.position) if x.kind != "emotion"]
    for si, li, text in cells:
        editor.add_card(jid, (stages[si].id, lanes[li].id), None, {"text": text})
    project.flush()
    first = _export(project)
    project.close()
    path = folder / "c.csv"
    path.write_bytes(first.encode("utf-8"))
    fresh = new_project(workspace)
    import_csv(fresh.session, fresh.changes, path)
    second = _export(fresh)
    fresh.close()
    assert second == first


def test_a_cards_owner_goes_out_and_comes_back_in_the_owner_column(
        workspace: Workspace, tmp_path: Path) -> None:
    project = new_project(workspace)
    editor = Editor(project.session, project.changes)
    jid = editor.add_journey("blank", "J")
    journey = project.journey(jid)
    stage = sorted(journey.stages, key=lambda s: s.position)[0]
    lane = next(x for x in journey.lanes if x.kind == "actions")
    editor.add_card(jid, (stage.id, lane.id), None, {"text": "Refund", "owner": "Ana Ruiz"})
    editor.add_card(jid, (stage.id, lane.id), None, {"text": "Nobody's"})
    project.flush()
    path = tmp_path / "cards.csv"
    path.write_bytes(export_csv_bytes(project.journeys()))
    project.close()
    rows = list(csv.DictReader(io.StringIO(path.read_text(encoding="utf-8-sig"))))
    assert [(r["text"], r["owner"]) for r in rows] == [("Refund", "Ana Ruiz"), ("Nobody's", "")]

    fresh = new_project(workspace)
    import_csv(fresh.session, fresh.changes, path)
    fresh.flush()
    owners = {c.text: c.owner for c in fresh.session.query(Card)}
    assert owners == {"Refund": "Ana Ruiz", "Nobody's": ""}
    fresh.close()


def test_a_csv_written_before_the_owner_column_still_imports(
        workspace: Workspace, tmp_path: Path) -> None:
    old_header = "journey,stage,lane,kind,text,notes,channel,department,usage_share,severity,color"
    path = tmp_path / "old.csv"
    path.write_text(old_header + "\nJ,Aware,Actions,action,Call us,n,phone,Support,0.5,,#aabbcc\n",
                    encoding="utf-8")
    project = new_project(workspace)
    import_csv(project.session, project.changes, path)
    project.flush()
    card = project.session.query(Card).one()
    assert (card.text, card.department, card.owner, card.usage_share) == (
        "Call us", "Support", "", 0.5)
    project.close()


# -- spreadsheet formulas, the BOM and the field limit ---------------------------------

FORMULAS = (
    '=HYPERLINK("http://evil.example","click")',
    "+cmd|' /C calc'!A0",
    "@SUM(1+1)*cmd|' /C calc'!A0",
    "-2+3",
    "\t=1+1",
    "\r=1+1",
    "'=already quoted",
    "''-two quotes",
)


def _project_with_texts(workspace: Workspace, texts: list[str], name: str = "J") -> Project:
    project = new_project(workspace)
    editor = Editor(project.session, project.changes)
    jid = editor.add_journey("blank", name)
    journey = project.journey(jid)
    stage = sorted(journey.stages, key=lambda s: s.position)[0]
    lane = next(x for x in journey.lanes if x.kind == "actions")
    for text in texts:
        editor.add_card(
            jid, (stage.id, lane.id), None,
            {"text": text, "notes": text, "channel": text, "department": text, "owner": text},
        )
    project.flush()
    return project


def test_formulas_are_written_as_text_and_read_back_exactly(
    workspace: Workspace, tmp_path: Path
) -> None:
    project = _project_with_texts(workspace, [*FORMULAS, "'tis plain", "a=b", "- list"], "=J")
    first = export_csv_bytes(project.journeys())
    project.close()
    rows = list(csv.reader(io.StringIO(first.decode("utf-8-sig"), newline="")))[1:]
    for row in rows:
        for column in ("journey", "text", "notes", "channel", "department"):
            cell = row[COLUMNS.index(column)]
            # What a spreadsheet would run starts with = + - @ tab or CR: never written.
            assert not cell.startswith(("=", "+", "-", "@", "\t", "\r")), cell
    assert [r[COLUMNS.index("text")] for r in rows] == [
        *("'" + f for f in FORMULAS), "'tis plain", "a=b", "'- list"
    ]
    path = tmp_path / "cards.csv"
    path.write_bytes(first)
    fresh = new_project(workspace)
    import_csv(fresh.session, fresh.changes, path)
    fresh.flush()
    journey = fresh.journeys()[0]
    assert journey.name == "=J"
    cards = sorted(journey.cards, key=lambda c: c.position)
    assert [c.text for c in cards] == [*FORMULAS, "'tis plain", "a=b", "- list"]
    assert [c.department for c in cards] == [c.text for c in cards]
    assert export_csv_bytes(fresh.journeys()) == first
    fresh.close()


@given(st.text(st.characters(blacklist_categories=("Cs",)), max_size=8))
def test_guarding_is_undone_exactly(text: str) -> None:
    guarded = guard_formula(text)
    assert unguard_formula(guarded) == text
    assert not guarded.startswith(("=", "+", "-", "@", "\t", "\r"))


def test_a_hand_written_leading_quote_is_kept() -> None:
    rows = parse_csv((HEADER + "J,S,L,note,'tis the season\n").encode())
    assert rows[0].text == "'tis the season"


def test_bom_is_on_by_default_and_optional(workspace: Workspace) -> None:
    project = _project_with_texts(workspace, ["café ☕"])
    with_bom = export_csv_bytes(project.journeys())
    without = export_csv_bytes(project.journeys(), bom=False)
    project.close()
    assert with_bom == b"\xef\xbb\xbf" + without
    assert parse_csv(with_bom) == parse_csv(without)


def test_a_card_longer_than_pythons_csv_default_round_trips(
    workspace: Workspace, tmp_path: Path
) -> None:
    long_text = "x" * (csv.field_size_limit() + 10)
    project = _project_with_texts(workspace, [long_text])
    first = export_csv_bytes(project.journeys())
    project.close()
    rows = parse_csv(first)
    assert rows[0].text == long_text
    assert csv.field_size_limit() == 131072  # the module's global setting is restored


def test_export_and_import_share_one_field_limit(
    workspace: Workspace, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(csv_io, "FIELD_LIMIT", 50)
    project = _project_with_texts(workspace, ["=" + "a" * 48])  # 50 with the guard quote
    data = export_csv_bytes(project.journeys())
    assert parse_csv(data)[0].text == "=" + "a" * 48
    Editor(project.session, project.changes).update_card(
        project.journeys()[0].cards[0].id, {"text": "a" * 50}
    )
    project.flush()
    with pytest.raises(CsvExportError, match="longer than 49 characters"):
        export_csv_bytes(project.journeys())
    project.close()
    with pytest.raises(CsvImportError, match="line 2"):
        parse_csv((HEADER + "J,S,L,note," + "a" * 51 + "\n").encode())


def test_bulk_append_refuses_lanes_without_cards_and_cells_of_another_journey(
    workspace: Workspace,
) -> None:
    project = new_project(workspace)
    editor = Editor(project.session, project.changes)
    first = editor.add_journey("blank", "A")
    second = editor.add_journey("blank", "B")
    a = project.journey(first)
    stage = a.stages[0]
    emotion = next(x for x in a.lanes if x.kind == "emotion")
    actions = next(x for x in a.lanes if x.kind == "actions")
    before = counts(project)
    with pytest.raises(EditError):
        editor.append_cards([(first, (stage.id, emotion.id), {"text": "no"})])
    with pytest.raises(EditError):
        editor.append_cards([(second, (stage.id, actions.id), {"text": "no"})])
    assert counts(project) == before
    # Appended cards continue the cell's order.
    editor.add_card(first, (stage.id, actions.id), None, {"text": "one"})
    editor.append_cards([(first, (stage.id, actions.id), {"text": t}) for t in ("two", "3")])
    cell = editor.cell_cards(project.journey(first), (stage.id, actions.id))
    assert [(c.text, c.position) for c in cell] == [("one", 0), ("two", 1), ("3", 2)]
    project.close()
