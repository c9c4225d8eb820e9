"""Personas' photos, opportunity links and scores, and the completeness rules."""

from __future__ import annotations

import datetime as dt
import io
import struct
import zlib
from pathlib import Path

import pytest
from PIL import Image

from model.completeness import Place, Rule, check
from model.edits import EditError, Editor
from model.entities import Card, Journey, Opportunity
from model.images import MAX_PIXELS, PHOTO_SIZE, PhotoError, prepare_photo
from model.layout import compute_layout
from model.scoring import Quadrant, effort, priority, quadrant, ranked, scores_for_effort
from model.store import Project, Workspace
from model.templates import create_journey


@pytest.fixture
def project(tmp_path: Path):
    p = Project.new(Workspace(tmp_path / "ws"))
    create_journey(p.session, "cjm7")
    yield p
    p.close()


def first_journey(project: Project) -> Journey:
    return project.journeys()[0]


def cell(journey: Journey, stage_index: int, lane_kind: str) -> tuple[int, int]:
    stage = sorted(journey.stages, key=lambda s: s.position)[stage_index]
    lane = next(lane for lane in journey.lanes if lane.kind == lane_kind)
    return stage.id, lane.id


def image_bytes(fmt: str, size: tuple[int, int], mode: str = "RGB") -> bytes:
    out = io.BytesIO()
    Image.new(mode, size, "orange").save(out, format=fmt)
    return out.getvalue()


def png_header_only(width: int, height: int) -> bytes:
    """A PNG that claims a size in its header (all a bomb needs to be refused for)."""

    def chunk(kind: bytes, data: bytes) -> bytes:
        body = kind + data
        return struct.pack(">I", len(data)) + body + struct.pack(">I", zlib.crc32(body))

    ihdr = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", ihdr) + chunk(b"IDAT", zlib.compress(b"\0"))


# -- photos ------------------------------------------------------------------------


@pytest.mark.parametrize("fmt", ["PNG", "JPEG", "WEBP", "GIF"])
def test_a_large_photo_is_stored_downscaled_to_512_pixels(fmt: str) -> None:
    stored = prepare_photo(image_bytes(fmt, (2000, 1000)))
    with Image.open(io.BytesIO(stored)) as image:
        assert image.size == (PHOTO_SIZE, PHOTO_SIZE // 2)
        assert image.format in ("JPEG", "PNG")


def test_a_transparent_photo_keeps_its_transparency() -> None:
    stored = prepare_photo(image_bytes("PNG", (100, 80), "RGBA"))
    with Image.open(io.BytesIO(stored)) as image:
        assert image.format == "PNG" and image.mode == "RGBA" and image.size == (100, 80)


def test_a_decompression_bomb_is_refused_before_decoding() -> None:
    with pytest.raises(PhotoError, match="pixels"):
        prepare_photo(png_header_only(100_000, 100_000))
    side = int(MAX_PIXELS**0.5) + 1
    with pytest.raises(PhotoError, match="million pixels"):
        prepare_photo(png_header_only(side, side))


def test_a_truncated_jpeg_is_refused_as_damaged() -> None:
    data = image_bytes("JPEG", (400, 300))
    with pytest.raises(PhotoError, match="damaged or truncated"):
        prepare_photo(data[: len(data) // 2])


def test_text_renamed_to_png_and_other_formats_are_refused() -> None:
    with pytest.raises(PhotoError, match="not a PNG, JPEG, WebP or GIF"):
        prepare_photo(b"Just some notes, not a picture.\n")
    with pytest.raises(PhotoError, match="not a PNG, JPEG, WebP or GIF"):
        prepare_photo(image_bytes("BMP", (10, 10)))
    with pytest.raises(PhotoError, match="not a PNG"):
        prepare_photo(b"")


# -- scores --------------------------------------------------------------------------


def test_priority_ends_of_the_scale_and_equal_effort_keeps_importance_order() -> None:
    assert priority(5, 1, 5) == 25
    assert priority(1, 5, 1) == 1
    assert priority(3, 3, 3) == 9
    # priority is importance x (6 - effort): what the matrix shows
    for imp, cost, ease in [(4, 2, 5), (2, 5, 1), (5, 3, 2)]:
        assert priority(imp, cost, ease) == imp * (6 - effort(cost, ease))
    with pytest.raises(ValueError):
        priority(0, 3, 3)
    with pytest.raises(ValueError):
        effort(3, 6)


def test_quadrants_and_effort_rescoring() -> None:
    assert quadrant(5, 1, 5) is Quadrant.QUICK_WIN
    assert quadrant(3, 3, 3) is Quadrant.QUICK_WIN
    assert quadrant(5, 5, 1) is Quadrant.BIG_BET
    assert quadrant(2, 1, 5) is Quadrant.FILL_IN
    assert quadrant(1, 4, 3) is Quadrant.MONEY_PIT
    assert scores_for_effort(2) == (2, 4)
    assert effort(*scores_for_effort(4)) == 4
    assert scores_for_effort(9) == (5, 1)


def test_ranking_ties_are_broken_by_title(project: Project, editor: Editor) -> None:
    j = first_journey(project)
    for title, imp in [("b", 4), ("a", 4), ("c", 5)]:
        editor.add_opportunity(j.id, {"title": title, "importance": imp})
    assert [o.title for o in ranked(j.opportunities)] == ["c", "a", "b"]


# -- links -----------------------------------------------------------------------------


def test_an_opportunity_links_to_a_pain_point_and_the_card_shows_a_marker(
    project: Project, editor: Editor
) -> None:
    j = first_journey(project)
    card_id = editor.add_card(j.id, cell(j, 1, "pain_points"), None,
                              {"kind": "pain_point", "text": "Hold music"})
    assert compute_layout(j).cards[card_id].linked == 0
    opp_id = editor.add_opportunity(j.id, {"title": "Call back", "card_ids": [card_id]})
    assert [c.id for c in project.session.get(Opportunity, opp_id).cards] == [card_id]
    assert compute_layout(j).cards[card_id].linked == 1
    # deleting the card drops the link; restoring it brings the link back
    snap = editor.remove_card(card_id)
    assert project.session.get(Opportunity, opp_id).cards == []
    editor.restore_card(snap)
    assert compute_layout(j).cards[card_id].linked == 1
    old = editor.update_opportunity(opp_id, {"card_ids": []})
    assert old == {"card_ids": [card_id]}
    assert compute_layout(j).cards[card_id].linked == 0
    editor.update_opportunity(opp_id, old)
    assert compute_layout(j).cards[card_id].linked == 1
    snap = editor.remove_opportunity(opp_id)  # the whole opportunity goes: no marker
    assert compute_layout(j).cards[card_id].linked == 0
    editor.restore_opportunity(snap)
    # the incremental layout agrees with one computed from scratch
    assert compute_layout(j).cards == compute_layout(j, incremental=False).cards
    assert compute_layout(j).cards[card_id].linked == 1


def test_opportunities_refuse_off_scale_scores_and_cards_of_other_journeys(
    project: Project, editor: Editor
) -> None:
    j = first_journey(project)
    opp_id = editor.add_opportunity(j.id, {"title": "x"})
    for bad in ({"importance": 6}, {"cost": 0}, {"ease": True}, {"status": "someday"},
                {"due_date": "tomorrow"}, {"owner": 3}):
        with pytest.raises(EditError):
            editor.update_opportunity(opp_id, bad)
    other = project.session.get(Journey, editor.add_journey("cjm7", "Other"))
    foreign = editor.add_card(other.id, cell(other, 0, "actions"), None, {"text": "elsewhere"})
    with pytest.raises(EditError, match="own journey"):
        editor.update_opportunity(opp_id, {"card_ids": [foreign]})
    with pytest.raises(EditError):
        editor.add_persona({"name": "P", "photo": "not bytes"})


# -- completeness ---------------------------------------------------------------------


def rules(journey: Journey, today: dt.date = dt.date(2026, 5, 1)) -> set[tuple[Rule, int]]:
    return {(f.rule, f.place_id) for f in check(journey, today)}


def test_a_fresh_map_lacks_objective_persona_and_touchpoints(project: Project) -> None:
    j = first_journey(project)
    found = check(j, dt.date(2026, 5, 1))
    assert found[0].rule is Rule.NO_OBJECTIVE and found[0].place is Place.JOURNEY
    assert found[1].rule is Rule.NO_PERSONA
    stage_findings = [f for f in found if f.rule is Rule.STAGE_WITHOUT_TOUCHPOINT]
    assert [f.place_id for f in stage_findings] == [
        s.id for s in sorted(j.stages, key=lambda s: s.position)]


def test_each_rule_goes_away_when_the_map_is_completed(project: Project, editor: Editor) -> None:
    j = first_journey(project)
    stage0 = sorted(j.stages, key=lambda s: s.position)[0]
    persona = editor.add_persona({"name": "Pat"})
    editor.update_journey(j.id, {"objective": "Fewer calls", "persona_id": persona,
                                 "next_review": dt.date(2026, 4, 1)})
    touch = editor.add_card(j.id, cell(j, 0, "touchpoints"), None, {"kind": "touchpoint",
                                                                   "text": "Web"})
    pain = editor.add_card(j.id, cell(j, 0, "pain_points"), None, {"kind": "pain_point",
                                                                  "text": "Slow"})
    found = rules(j)
    assert (Rule.REVIEW_OVERDUE, j.id) in found
    assert (Rule.NO_OBJECTIVE, j.id) not in found and (Rule.NO_PERSONA, j.id) not in found
    assert (Rule.STAGE_WITHOUT_TOUCHPOINT, stage0.id) not in found
    assert {(Rule.TOUCHPOINT_WITHOUT_CHANNEL, touch), (Rule.TOUCHPOINT_WITHOUT_USAGE, touch),
            (Rule.PAIN_WITHOUT_OPPORTUNITY, pain)} <= found

    editor.update_card(touch, {"channel": "Web", "usage_share": 0.5})
    opp = editor.add_opportunity(j.id, {"title": "Faster", "card_ids": [pain], "status": ""})
    found = rules(j)
    assert (Rule.TOUCHPOINT_WITHOUT_CHANNEL, touch) not in found
    assert (Rule.TOUCHPOINT_WITHOUT_USAGE, touch) not in found
    assert (Rule.PAIN_WITHOUT_OPPORTUNITY, pain) not in found
    assert {(Rule.OPPORTUNITY_WITHOUT_OWNER, opp),
            (Rule.OPPORTUNITY_WITHOUT_DUE_DATE, opp)} <= found
    assert (Rule.REVIEW_OVERDUE, j.id) not in rules(j, dt.date(2026, 4, 1))

    editor.update_opportunity(opp, {"owner": "Support", "due_date": dt.date(2026, 6, 1)})
    assert not {r for r, _ in rules(j)} & {Rule.OPPORTUNITY_WITHOUT_OWNER,
                                          Rule.OPPORTUNITY_WITHOUT_DUE_DATE}
    assert project.session.get(Card, pain) is not None


# -- schema 3: persona notes, card owner ----------------------------------------------


def test_a_version_2_file_gains_persona_notes_and_card_owner_and_keeps_its_data(
    tmp_path: Path,
) -> None:
    import sqlite3

    from model.entities import Persona
    from model.store.validation import create_empty_database

    path = tmp_path / "old.cjm"
    create_empty_database(path, version=2)
    conn = sqlite3.connect(path, isolation_level=None)
    conn.executescript("""
        INSERT INTO personas VALUES (1, 'Pat', 'Buyer', 'g', 'n', 'f', 'q', NULL);
        INSERT INTO journeys VALUES (1, 0, 'Old', '', '', 1, '', '2025-01-01 00:00:00',
                                     '2025-01-01 00:00:00', NULL);
        INSERT INTO stages VALUES (1, 1, 0, 'Awareness', '', '#dfe7f2', 220.0);
        INSERT INTO lanes VALUES (1, 1, 0, 'Actions', 'actions', '#f4f6f8');
        INSERT INTO cards VALUES (1, 1, 1, 1, 0, 'action', 'Calls', '', '', '', 'Sales',
                                  NULL, NULL);
    """)
    conn.close()
    before = path.read_bytes()
    project = Project.open(path, Workspace(tmp_path / "ws"))
    try:
        persona = project.session.get(Persona, 1)
        card = project.session.get(Card, 1)
        assert (persona.name, persona.notes) == ("Pat", "")
        assert (card.text, card.department, card.owner) == ("Calls", "Sales", "")
        editor = Editor(project.session, project.changes)
        editor.update_persona(1, {"notes": "Met at the 2025 user day"})
        editor.update_card(1, {"owner": "Kim"})
        project.save(tmp_path / "new.cjm")
    finally:
        project.close()
    assert path.read_bytes() == before  # the opened file is never changed
    reopened = Project.open(tmp_path / "new.cjm", Workspace(tmp_path / "ws2"))
    try:
        assert reopened.session.get(Persona, 1).notes == "Met at the 2025 user day"
        assert reopened.session.get(Card, 1).owner == "Kim"
    finally:
        reopened.close()
