"""Text for exports: font runs by coverage, bidi order, wrapping and ellipsis, odd input."""

from __future__ import annotations

import io

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from reportlab.pdfgen.canvas import Canvas

from app.export.compose import MapDocument, draw_map
from app.export.paper import make_paper
from app.export.pdf import PdfSurface
from app.export.poster import draw_poster
from app.export.text import (
    BOLD,
    CJK,
    ELLIPSIS,
    REGULAR,
    font_runs,
    has_uncovered,
    is_rtl,
    register_fonts,
    text_width,
    to_unicode_cmap,
    visual_runs,
    wrap,
)
from model.layout import JourneyLayout, Metrics


def test_runs_switch_font_by_coverage() -> None:
    expected = [(REGULAR, "Hello "), (CJK, "中文 "), (REGULAR, "world")]
    assert font_runs("Hello 中文 world") == expected
    assert font_runs("Bold Ж", bold=True) == [(BOLD, "Bold Ж")]
    assert has_uncovered("rocket 🚀") and not has_uncovered("smile 😀 ☕ Ω مرحبا")


def test_visual_runs_put_rtl_text_in_reading_order() -> None:
    runs = visual_runs("Pay مرحبا بالعالم now")
    texts = [r.text.strip() for r in runs if r.text.strip()]
    assert texts == ["Pay", "مرحبا بالعالم", "now"]
    arabic = next(r for r in runs if "مرحبا" in r.text)
    assert arabic.shape  # HarfBuzz joins the letters
    hebrew_first = visual_runs("שלום world")
    assert hebrew_first[0].text.strip() == "world"  # RTL paragraph: LTR word on the left
    assert is_rtl("שלום world") and not is_rtl("world שלום")


def test_wrap_respects_width_and_ellipsis() -> None:
    text = "one two three four five six seven eight nine ten eleven twelve"
    lines = wrap(text, 60, 10)
    assert len(lines) > 2
    assert all(text_width(line, 10) <= 60 for line in lines)
    assert " ".join(lines) == text
    short = wrap(text, 60, 10, max_lines=2)
    assert len(short) == 2 and short[-1].endswith(ELLIPSIS)
    assert text_width(short[-1], 10) <= 60


def test_wrap_breaks_cjk_and_overlong_words() -> None:
    cjk = wrap("中文文本可以在任何地方换行而不需要空格", 50, 10)
    assert len(cjk) > 1 and "".join(cjk) == "中文文本可以在任何地方换行而不需要空格"
    word = wrap("Supercalifragilisticexpialidocious", 40, 10)
    assert "".join(word) == "Supercalifragilisticexpialidocious"
    assert all(text_width(line, 10) <= 40 for line in word)


def test_newlines_start_new_lines() -> None:
    assert wrap("first\nsecond", 500, 10) == ["first", "second"]


@settings(max_examples=60, deadline=None)
@given(
    text=st.text(st.characters(blacklist_categories=("Cs",)), max_size=80),
    width=st.floats(5, 300),
    max_lines=st.integers(0, 4),
)
def test_wrapped_lines_never_overflow(text: str, width: float, max_lines: int) -> None:
    lines = wrap(text, width, 11, max_lines=max_lines)
    if max_lines:
        assert len(lines) <= max_lines
    for line in lines:
        # A single character wider than the line is the only allowed overflow.
        assert text_width(line, 11) <= width or len(line) <= 1


def test_to_unicode_map_uses_surrogates_beyond_the_bmp() -> None:
    cmap = to_unicode_cmap("X", [0x41, 0x1F680])
    assert "<00> <0041>" in cmap and "<01> <D83DDE80>" in cmap


def test_an_unassigned_hebrew_code_point_prints_instead_of_crashing_the_bidi_pass() -> None:
    runs = visual_runs("a\u0590b")  # U+0590 is unassigned: python-bidi has no class for it
    assert "".join(r.text for r in runs) == "a\u0590b"


@settings(max_examples=25, deadline=None)
@given(text=st.text(st.characters(blacklist_categories=("Cs",)), max_size=60))
def test_any_text_draws_into_a_pdf(text: str) -> None:
    """Card text is data: any string prints without an exception."""
    register_fonts()
    buf = io.BytesIO()
    canvas = Canvas(buf, initialFontName=REGULAR)
    surface = PdfSurface(canvas)
    surface.begin_page(make_paper("A4"))
    surface.text(10, 20, text, 10, "#000000")
    surface.text(10, 40, text, 10, "#000000", bold=True)
    canvas.showPage()
    canvas.save()
    assert buf.getvalue().startswith(b"%PDF")


def test_empty_map_exports() -> None:
    register_fonts()
    doc = MapDocument(JourneyLayout(Metrics(), 150.0, 64.0), name="")
    buf = io.BytesIO()
    canvas = Canvas(buf, initialFontName=REGULAR)
    surface = PdfSurface(canvas)
    paper = make_paper("A4")
    surface.begin_page(paper)
    draw_poster(surface, doc, paper)
    draw_map(surface, doc.layout)
    canvas.showPage()
    canvas.save()
    assert buf.getvalue().startswith(b"%PDF")


@pytest.mark.parametrize("name", ["", "x" * 400, "<b>&amp;</b>", "😀" * 30])
def test_odd_journey_names_fit_the_title(name: str) -> None:
    doc = MapDocument(JourneyLayout(Metrics(), 400.0, 300.0), name=name, objective=name * 3)
    buf = io.BytesIO()
    register_fonts()
    canvas = Canvas(buf, initialFontName=REGULAR)
    surface = PdfSurface(canvas)
    paper = make_paper("A4", "landscape")
    surface.begin_page(paper)
    draw_poster(surface, doc, paper)
    canvas.showPage()
    canvas.save()
    assert buf.getvalue().startswith(b"%PDF")
