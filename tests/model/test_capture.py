"""Scribe capture lines and pasted blocks: where each card goes, or why none does."""

from __future__ import annotations

from model.capture import (
    Capture,
    CaptureProblem,
    Named,
    ProblemKind,
    completions,
    parse_capture,
    paste_columns,
)

STAGES = [Named(1, "Awareness"), Named(2, "Consideration"), Named(3, "Purchase"),
          Named(4, "Post-purchase")]
LANES = [Named(10, "Actions"), Named(11, "Thoughts"), Named(12, "Touchpoints"),
         Named(13, "Pain points")]


def test_a_full_line_names_the_cell_and_the_text() -> None:
    result = parse_capture("Awareness / Actions: Sees an advert: 50% off", STAGES, LANES)
    assert result == Capture(STAGES[0], LANES[0], "Sees an advert: 50% off")


def test_names_may_be_shortened_lower_case_or_given_by_stage_number() -> None:
    assert parse_capture("cons/pain: Too many options", STAGES, LANES) == Capture(
        STAGES[1], LANES[3], "Too many options")
    assert parse_capture("3 / th: Is it worth it?", STAGES, LANES) == Capture(
        STAGES[2], LANES[1], "Is it worth it?")
    # A word inside a name counts too, and an exact name wins over a longer one.
    assert parse_capture("purchase / points: Slow", STAGES, LANES) == Capture(
        STAGES[2], LANES[3], "Slow")


def test_an_ambiguous_name_lists_what_it_could_be() -> None:
    result = parse_capture("aw / t: hmm", STAGES, LANES)
    assert result == CaptureProblem(ProblemKind.AMBIGUOUS_LANE, "t",
                                    ("Thoughts", "Touchpoints"))
    assert parse_capture("p / actions: x", STAGES, LANES) == CaptureProblem(
        ProblemKind.AMBIGUOUS_STAGE, "p", ("Purchase", "Post-purchase"))


def test_an_unknown_name_lists_the_names_there_are() -> None:
    result = parse_capture("Checkout / Actions: pays", STAGES, LANES)
    assert isinstance(result, CaptureProblem)
    assert result.kind is ProblemKind.UNKNOWN_STAGE and result.query == "Checkout"
    assert result.candidates == tuple(s.name for s in STAGES)
    assert parse_capture("1 / Emotion: sad", STAGES, LANES).kind is ProblemKind.UNKNOWN_LANE
    assert parse_capture("9 / Actions: x", STAGES, LANES).kind is ProblemKind.UNKNOWN_STAGE


def test_a_line_without_a_place_or_without_text_adds_nothing() -> None:
    assert parse_capture("just some words", STAGES, LANES).kind is ProblemKind.NO_PLACE
    assert parse_capture("Awareness: words", STAGES, LANES).kind is ProblemKind.NO_PLACE
    assert parse_capture("Awareness / Actions:   ", STAGES, LANES).kind is ProblemKind.NO_TEXT


def test_completions_offer_every_stage_and_lane_in_map_order() -> None:
    offered = completions(STAGES[:2], LANES[:2])
    assert offered == ["Awareness / Actions: ", "Awareness / Thoughts: ",
                       "Consideration / Actions: ", "Consideration / Thoughts: "]


def test_pasted_lines_are_one_column_of_cards() -> None:
    assert paste_columns("one\n\n  two  \r\nthree\n") == [["one", "two", "three"]]


def test_spreadsheet_cells_are_columns_with_empty_cells_skipped() -> None:
    block = 'a1\tb1\tc1\n\tb2\t\na3\t"b3 line 1\nb3 line 2"\t\n'
    assert paste_columns(block) == [["a1", "a3"], ["b1", "b2", "b3 line 1\nb3 line 2"],
                                    ["c1"]]
    # A leading empty column keeps its place (the block starts one stage later).
    assert paste_columns("\tx\n\ty\n") == [[], ["x", "y"]]
