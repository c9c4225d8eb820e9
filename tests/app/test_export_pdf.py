"""PDF posters: paper size, searchable text in every script, embedded fonts, tiles, pixels."""

from __future__ import annotations

import io
import subprocess
from pathlib import Path

import pytest

from app.export.atomic import ExportError
from app.export.compose import MapDocument
from app.export.paper import make_paper, plan_tiles
from app.export.pdf import write_poster_pdf, write_tiled_pdf
from app.export.poster import poster_frame
from app.export.service import ExportOptions, export_journey
from app.export.tiles import tile_has_content
from model.style import CARD_KIND_COLORS
from tests.app.test_export_samples import (
    LONG_TEXT,
    SAMPLES,
    normalized,
    page_size_pt,
    pdfinfo,
    pdftotext,
    sample,  # noqa: F401 - fixture
)


@pytest.fixture
def poster_pdf(sample, tmp_path: Path) -> tuple[Path, MapDocument]:  # noqa: F811
    project, journey_id = sample
    out = tmp_path / "poster.pdf"
    export_journey(project, journey_id, out, ExportOptions(fmt="pdf", paper="A3"))
    return out, MapDocument.from_journey(project.journey(journey_id))


def test_a0_page_size_matches_the_paper(sample, tmp_path: Path) -> None:  # noqa: F811
    project, journey_id = sample
    portrait = tmp_path / "a0p.pdf"
    landscape = tmp_path / "a0l.pdf"
    export_journey(project, journey_id, portrait, ExportOptions(paper="A0", orientation="portrait"))
    export_journey(
        project, journey_id, landscape, ExportOptions(paper="A0", orientation="landscape")
    )
    assert page_size_pt(portrait) == (2384, 3370)
    assert page_size_pt(landscape) == (3370, 2384)
    assert pdfinfo(portrait)["Pages"] == "1"


def test_custom_paper_size(sample, tmp_path: Path) -> None:  # noqa: F811
    project, journey_id = sample
    out = tmp_path / "custom.pdf"
    export_journey(project, journey_id, out, ExportOptions(paper="500x300", orientation="auto"))
    assert page_size_pt(out) == (round(500 * 72 / 25.4), round(300 * 72 / 25.4))


def test_every_card_text_is_searchable(poster_pdf) -> None:
    out, doc = poster_pdf
    text = normalized(pdftotext(out))
    for key, sample_text in SAMPLES.items():
        assert normalized(sample_text) in text, key
    assert "<b>x</b>" in text  # markup in card text prints literally
    assert normalized('<img src="/etc/hostname">') in text
    for stage in doc.layout.stages:
        assert normalized(stage.name) in text
    for lane in doc.layout.lanes:
        assert normalized(lane.name) in text
    assert "Checkoutjourney" in text and "Objective:" in text and "Pain point" in pdftotext(out)


def test_a_long_text_grows_its_card_and_prints_in_full(poster_pdf) -> None:
    out, _ = poster_pdf
    text = pdftotext(out)
    assert "\u2026" not in text  # cards grow to ten lines; this text needs fewer
    assert "ZZTAILWORD" in text
    assert normalized(LONG_TEXT) in normalized(text)


def test_fonts_are_embedded_and_no_helvetica(poster_pdf) -> None:
    out, _ = poster_pdf
    listing = subprocess.run(
        ["pdffonts", str(out)], check=True, capture_output=True, text=True
    ).stdout
    rows = listing.splitlines()[2:]
    assert rows, listing
    names = " ".join(r.split()[0] for r in rows)
    assert "DejaVuSans" in names and "DejaVuSans-Bold" in names
    assert "DroidSansFallback" in names  # the CJK sample needs it
    assert "Helvetica" not in listing
    for row in rows:
        emb = row.split()[-5]
        assert emb == "yes", row


def test_poster_is_vector_without_images(poster_pdf) -> None:
    out, _ = poster_pdf
    listing = subprocess.run(
        ["pdfimages", "-list", str(out)], check=True, capture_output=True, text=True
    ).stdout
    assert len(listing.strip().splitlines()) == 2, listing  # header lines only


def _render(pdf: Path, dpi: int, tmp_path: Path, page: int = 1):
    from PIL import Image

    prefix = tmp_path / f"r{page}"
    subprocess.run(
        ["pdftoppm", "-r", str(dpi), "-f", str(page), "-l", str(page), "-png", "-singlefile",
         str(pdf), str(prefix)],
        check=True,
    )
    return Image.open(f"{prefix}.png").convert("RGB")


def _close(a: tuple[int, ...], b: tuple[int, ...], tol: int = 12) -> bool:
    return all(abs(x - y) <= tol for x, y in zip(a, b, strict=False))


def _hex(color: str) -> tuple[int, int, int]:
    return (int(color[1:3], 16), int(color[3:5], 16), int(color[5:7], 16))


def test_rendered_poster_matches_the_layout(poster_pdf, tmp_path: Path) -> None:
    out, doc = poster_pdf
    paper = make_paper("A3", "auto", doc.layout.width / doc.layout.height)
    frame = poster_frame(doc, paper)
    fit, printed = frame.fit, frame.map.layout
    dpi = 100
    image = _render(out, dpi, tmp_path)
    expected = paper.pixels(dpi)
    assert abs(image.size[0] - expected[0]) <= 1 and abs(image.size[1] - expected[1]) <= 1
    k = dpi / 72
    checked = 0
    assert printed.cards.keys() == doc.layout.cards.keys()
    for card in printed.cards.values():
        # In the pad below the text lines, away from the severity dots: the card's own fill.
        x, y = fit.map(card.rect.x + card.rect.w * 0.4,
                       card.rect.bottom - 3 * frame.map.type.k)
        pixel = image.getpixel((round(x * k), round(y * k)))
        assert _close(pixel, _hex(card.fill)), (card.text, pixel, card.fill)
        checked += 1
    assert checked >= 20
    # Between two cards of a column there is lane background, not card.
    lane = printed.lanes[0]
    gx, gy = fit.map(lane.header.x + 3, lane.header.y + lane.header.h / 2)
    assert _close(image.getpixel((round(gx * k), round(gy * k))), _hex("#eef1f5"))
    # The emotion curve passes through its points.
    curve = printed.curves[0]
    for point in curve.points[1:-1]:
        px, py = fit.map(point.x, point.y)
        ring = [
            image.getpixel((round(px * k) + dx, round(py * k) + dy))
            for dx in range(-4, 5)
            for dy in range(-4, 5)
        ]
        assert any(_close(c, _hex(curve.color), 40) for c in ring), point


def test_card_kinds_use_palette_colours(poster_pdf, tmp_path: Path) -> None:
    _, doc = poster_pdf
    fills = {card.fill for card in doc.layout.cards.values()}
    assert fills <= set(CARD_KIND_COLORS.values())


def test_tiled_poster_pages_labels_and_size(sample, tmp_path: Path) -> None:  # noqa: F811
    project, journey_id = sample
    out = tmp_path / "tiled.pdf"
    export_journey(
        project,
        journey_id,
        out,
        ExportOptions(paper="A2", orientation="landscape", tile="A4"),
    )
    # A2 landscape (594 x 420 mm) on A4 portrait: 4 columns x 2 rows, less the sheets
    # the map (its cards grown with their text) leaves empty.
    poster = make_paper("A2", "landscape")
    tiles = plan_tiles(poster, "A4")
    assert len(tiles) == 8
    doc = MapDocument.from_journey(project.journey(journey_id))
    kept = [t for t in tiles if tile_has_content(doc, poster, t)]
    assert 6 <= len(kept) <= 8
    assert pdfinfo(out)["Pages"] == str(len(kept))
    assert page_size_pt(out) == (595, 842)
    first = pdftotext(out, 1)
    assert "row 1 of 2, column 1 of 4" in first
    assert f"sheet 1 of {len(kept)}" in first
    last = pdftotext(out, len(kept))
    assert kept[-1].label in last
    # Every card's text is on some sheet.
    everything = normalized(pdftotext(out))
    for sample_text in SAMPLES.values():
        assert normalized(sample_text) in everything


def test_tiled_letter_count(sample, tmp_path: Path) -> None:  # noqa: F811
    project, journey_id = sample
    doc = MapDocument.from_journey(project.journey(journey_id))
    poster = make_paper("A1", "landscape")
    tiles = plan_tiles(poster, "Letter")
    out = write_tiled_pdf(tmp_path / "letter.pdf", doc, poster, tiles)
    assert pdfinfo(out)["Pages"] == str(len(tiles))
    # A1 landscape (841 x 594 mm) on Letter portrait: 5 columns x 3 rows beat 4 x 4.
    assert len(tiles) == 15
    assert page_size_pt(out) in ((612, 792), (792, 612))


def test_tile_sheet_has_crop_marks_in_the_margin(sample, tmp_path: Path) -> None:  # noqa: F811
    project, journey_id = sample
    doc = MapDocument.from_journey(project.journey(journey_id))
    poster = make_paper("A2", "landscape")
    tiles = plan_tiles(poster, "A4")
    out = write_tiled_pdf(tmp_path / "t.pdf", doc, poster, tiles[:1])
    image = _render(out, 72, tmp_path)
    px, py, _, _ = tiles[0].printable
    # A crop mark runs left of the printable corner, in the white margin.
    dark = [image.getpixel((round(px) - d, round(py))) for d in range(4, 14)]
    assert any(sum(c) < 300 for c in dark), dark
    # Far from the marks the margin is blank.
    assert image.getpixel((3, round(py) + 60)) == (255, 255, 255)


def test_failed_export_leaves_no_file(sample, tmp_path: Path, monkeypatch) -> None:  # noqa: F811
    project, journey_id = sample
    doc = MapDocument.from_journey(project.journey(journey_id))
    folder = tmp_path / "out"
    folder.mkdir()
    target = folder / "keep.pdf"
    target.write_bytes(b"old content")

    def boom(*_args: object, **_kw: object) -> None:
        raise RuntimeError("disk on fire")

    monkeypatch.setattr("app.export.pdf.draw_poster", boom)
    with pytest.raises(RuntimeError):
        write_poster_pdf(target, doc, make_paper("A4"))
    assert target.read_bytes() == b"old content"
    assert sorted(p.name for p in folder.iterdir()) == ["keep.pdf"]


def test_missing_folder_is_a_clear_error(sample, tmp_path: Path) -> None:  # noqa: F811
    project, journey_id = sample
    with pytest.raises(ExportError, match="does not exist"):
        export_journey(project, journey_id, tmp_path / "nope" / "x.pdf", ExportOptions())


def test_curves_and_boxes_are_vector_paths(sample) -> None:  # noqa: F811
    import re

    from reportlab.pdfgen.canvas import Canvas

    from app.export.pdf import PdfSurface
    from app.export.poster import draw_poster
    from app.export.text import REGULAR, register_fonts

    project, journey_id = sample
    doc = MapDocument.from_journey(project.journey(journey_id))
    register_fonts()
    buf = io.BytesIO()
    canvas = Canvas(buf, initialFontName=REGULAR, pageCompression=0)
    surface = PdfSurface(canvas)
    paper = make_paper("A3", "landscape")
    surface.begin_page(paper)
    printed = draw_poster(surface, doc, paper).map.layout
    canvas.showPage()
    canvas.save()
    content = buf.getvalue().decode("latin-1")
    num = r"-?[\d.]+"
    curve_ops = [
        tuple(float(v) for v in m.group(1).split())
        for m in re.finditer(rf"((?:{num} ){{5}}{num}) c\b", content)
    ]
    segments = [seg for c in printed.curves for seg in c.segments]
    assert len(segments) == 6
    # Each bezier segment of the poster's layout is drawn as exactly that curveto.
    for _start, c1, c2, end in segments:
        wanted = (*c1, *c2, *end)
        assert any(
            all(abs(a - b) < 0.01 for a, b in zip(op, wanted, strict=True)) for op in curve_ops
        ), wanted
    assert " Do" not in content  # no image XObject is painted
    assert content.count(" re") >= len(doc.layout.cards)  # card clip rectangles


def test_tiled_printing_leaves_out_sheets_with_nothing_on_them(sample, tmp_path: Path) -> None:  # noqa: F811
    from app.export.service import pages, poster_paper
    from model.edits import Editor

    project, journey_id = sample
    journey = project.journey(journey_id)
    # A crowded cell (200 cards) makes the map far taller than the sheet: it is shrunk to
    # fit and centred, and the sheets beside it below the title hold nothing.
    cell = (journey.stages[0].id, journey.lanes[0].id)
    editor = Editor(project.session, project.changes)
    for i in range(200):
        editor.add_card(journey_id, cell, None, {"text": f"Crowded {i}", "kind": "note"})
    project.flush()
    doc = MapDocument.from_journey(project.journey(journey_id))
    options = ExportOptions(paper="A1", orientation="portrait", tile="A4")
    poster = poster_paper(doc, options)
    grid = plan_tiles(poster, "A4")
    _, printed = pages(doc, options)
    empty = [t for t in grid if not tile_has_content(doc, poster, t)]
    assert empty and len(printed) == len(grid) - len(empty)
    out = tmp_path / "tiles.pdf"
    export_journey(project, journey_id, out, options)
    assert pdfinfo(out)["Pages"] == str(len(printed))
    last = pdftotext(out, len(printed))
    assert f"sheet {len(printed)} of {len(printed)}" in last
    everything = normalized(pdftotext(out))
    for sample_text in SAMPLES.values():
        assert normalized(sample_text) in everything
