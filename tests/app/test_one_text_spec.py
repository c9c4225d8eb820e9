"""One text specification: canvas, PDF, PNG and SVG show the layout's lines of card text."""

from __future__ import annotations

import re
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QGlyphRun
from PySide6.QtTest import QTest

from app.commands import AddCardCommand
from app.export.compose import MapDocument, draw_map
from app.export.service import ExportOptions, export_journey
from app.main_window import MainWindow
from model.entities import Card
from model.layout import METRICS, CardGeom, JourneyLayout
from model.text import ELLIPSIS, REGULAR, place_line
from tests.app.page_transform import PageTransform
from tests.app.test_canvas import card_center, journey, lane_of, stage_at, to_view
from widgets.text_paint import RunFonts, run_ops

TRICKY = [
    "Supercalifragilisticexpialidociousandevenlongerwordwithoutspaces",
    "中文文本可以在任何地方换行而不需要空格\uff0c这是一个很长的句子",
    "مرحبا بالعالم، الدفع لا يعمل عند استخدام البطاقة",
    "Emoji 😀 ☕ 🚀 in the middle of a sentence",
    "first line\nsecond line\n\nfourth after a blank",
    "Pay مرحبا بالعالم now — mixed RTL and LTR text",
    "שלום world, Hebrew first",
    "Compares delivery options on the phone while commuting, then gives up because the "
    "shipping cost only shows at the very end of a long checkout",
    " ".join(f"word{i}" for i in range(120)),
]
BIDI_MARKS = re.compile("[\u200e\u200f\u202a-\u202e\u2066-\u2069]")


class RecordingSurface:
    """A compose.Surface that keeps the text it is asked to draw."""

    def __init__(self) -> None:
        self.texts: list[tuple[float, float, str, float]] = []

    def text(self, x: float, y: float, line: str, size: float, color: str, bold: bool = False,
             rtl: bool | None = None) -> None:
        self.texts.append((x, y, line, size))

    def __getattr__(self, name: str):
        return lambda *args, **kwargs: None  # shapes are not text


def add_cards(win: MainWindow, texts: list[str]) -> list[int]:
    doc = win.doc
    assert doc is not None
    ids = []
    for i, text in enumerate(texts):
        cell = (stage_at(win, i % 7).id, lane_of(win, "actions" if i < 7 else "thoughts").id)
        command = AddCardCommand(doc.editor, journey(win).id, cell, None,
                                 {"kind": "action", "text": text})
        doc.push(command)
        assert command.card_id is not None
        ids.append(command.card_id)
    return ids


def printed_lines(layout: JourneyLayout, card: CardGeom) -> list[tuple[float, float, str]]:
    """The card's text as the PDF/PNG/SVG composition draws it, relative to the card."""
    surface = RecordingSurface()
    draw_map(surface, layout)  # type: ignore[arg-type]
    r = card.rect
    return [(x - r.x, y - r.y, line) for x, y, line, size in surface.texts
            if size == METRICS.card_text and r.contains(x, y)]


def flat(text: str) -> str:
    return "".join(BIDI_MARKS.sub("", text).split())


def test_canvas_and_pdf_show_the_same_lines_for_tricky_texts(window: MainWindow,
                                                              tmp_path: Path) -> None:
    ids = add_cards(window, TRICKY)
    layout = window.scene.layout
    assert layout is not None
    out = tmp_path / "map.pdf"
    assert window.doc is not None and window.doc.journey_id is not None
    export_journey(window.doc.project, window.doc.journey_id, out,
                   ExportOptions(paper="A1", orientation="landscape"))
    pdf_text = flat(subprocess.run(["pdftotext", str(out), "-"], capture_output=True,
                                   text=True, check=True).stdout)
    for card_id, text in zip(ids, TRICKY, strict=True):
        card = layout.cards[card_id]
        canvas = window.scene.card_items[card_id].text_lines
        printed = printed_lines(layout, card)
        assert [line for *_xy, line in canvas] == [line for line in card.lines if line], text
        assert len(canvas) == len(printed), text
        for (cx, cy, cline), (px, py, pline) in zip(canvas, printed, strict=True):
            assert cline == pline
            assert abs(cx - px) < 0.01 and abs(cy - py) < 0.01, (text, cline)
        for line, rtl in zip(card.lines, card.rtl or [False] * len(card.lines), strict=True):
            # Real text in the PDF, in logical order (also joined Arabic letters); pdftotext
            # lays a right-to-left line's phrases out left to right, so those go by word.
            words = [w.strip("،,") for w in line.split()] if rtl else [line]
            for word in words:
                assert flat(word).rstrip(ELLIPSIS) in pdf_text, line
    cut = layout.cards[ids[-1]]
    assert cut.cut and cut.lines[-1].endswith(ELLIPSIS)
    assert window.scene.card_items[ids[-1]].toolTip() == TRICKY[-1]
    assert "word119" not in pdf_text


class PageSurface(PageTransform, RecordingSurface):
    """Keeps each text's page position and printed size, through translate and scale."""

    def __init__(self) -> None:
        RecordingSurface.__init__(self)
        PageTransform.__init__(self)

    def text(self, x: float, y: float, line: str, size: float, color: str, bold: bool = False,
             rtl: bool | None = None) -> None:
        dx, dy, k = self._t
        self.texts.append((dx + k * x, dy + k * y, line, k * size))


def test_the_poster_its_tiles_and_svg_print_each_card_s_canvas_lines_scaled_as_a_whole(
        window: MainWindow, tmp_path: Path) -> None:
    from app.export.paper import make_paper, plan_tiles
    from app.export.poster import draw_poster, poster_frame
    from app.export.tiles import draw_tile, tile_has_content

    ids = add_cards(window, TRICKY)
    assert window.doc is not None and window.doc.journey_id is not None
    doc = MapDocument.from_journey(window.doc.project.journey(window.doc.journey_id))
    paper = make_paper("A1", "landscape")
    frame = poster_frame(doc, paper)
    k, fit = frame.fit.scale, frame.fit
    assert k > 1  # the type grows with the paper: A1 prints the canvas larger than 1 px = 1 pt
    surface = PageSurface()
    draw_poster(surface, doc, paper)  # type: ignore[arg-type]
    tiled: set[tuple[float, float, str]] = set()
    for tile in plan_tiles(paper, "A4"):
        if not tile_has_content(doc, paper, tile):
            continue
        sheet = PageSurface()
        draw_tile(sheet, doc, paper, tile, "x")  # type: ignore[arg-type]
        px, py, _w, _h = tile.printable
        # Back to the poster's page: each tile prints its part moved by its own offset.
        tiled |= {(round(x - px + tile.poster_x, 3), round(y - py + tile.poster_y, 3), line)
                  for x, y, line, _size in sheet.texts}
    pdf = tmp_path / "poster.pdf"
    export_journey(window.doc.project, window.doc.journey_id, pdf,
                   ExportOptions(paper="A1", orientation="landscape"))
    pdf_text = flat(subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True,
                                   text=True, check=True).stdout)
    canvas_layout = window.scene.layout
    assert canvas_layout is not None
    for card_id, text in zip(ids, TRICKY, strict=True):
        canvas_card = canvas_layout.cards[card_id]
        canvas = window.scene.card_items[card_id].text_lines
        paper_card = frame.map.layout.cards[card_id].rect
        assert paper_card.h == canvas_card.rect.h  # the card keeps its size, times k
        assert paper_card.w >= canvas_card.rect.w  # a wider column may widen it
        left, top = fit.dx + k * paper_card.x, fit.dy + k * paper_card.y
        right = left + k * paper_card.w
        printed = [(x, y, line) for x, y, line, size in surface.texts
                   if abs(size - k * METRICS.card_text) < 1e-6
                   and left <= x <= right and top <= y <= top + k * paper_card.h]
        assert [line for *_xy, line in printed] == [line for *_xy, line in canvas], text
        rtl = canvas_card.rtl or (False,) * len(canvas_card.lines)
        shown = [r for line, r in zip(canvas_card.lines, rtl, strict=True) if line]
        for (cx, cy, _c), (px, py, line), is_rtl in zip(canvas, printed, shown, strict=True):
            # The canvas position times k: from the card's left edge, or its right edge
            # for a right-to-left line (a wider card keeps it right-aligned).
            if is_rtl:
                assert right - px == pytest.approx(k * (canvas_card.rect.w - cx), abs=1e-6)
            else:
                assert px - left == pytest.approx(k * cx, abs=1e-6), line
            assert py - top == pytest.approx(k * cy, abs=1e-6), line
            assert (round(px, 3), round(py, 3), line) in tiled, line
            words = [w.strip("،,") for w in line.split()] if is_rtl else [line]
            for word in words:
                assert flat(word).rstrip(ELLIPSIS) in pdf_text, line
    cut = frame.map.layout.cards[ids[-1]]
    assert cut.cut and cut.lines == canvas_layout.cards[ids[-1]].lines  # cut where on screen
    # The SVG export (the PNG's painter code, kept as text) of the same A1 poster: each
    # one-run line is a text element in the map's own units, where the canvas has it.
    svg = tmp_path / "poster.svg"
    export_journey(window.doc.project, window.doc.journey_id, svg,
                   ExportOptions(fmt="svg", paper="A1", orientation="landscape"))
    svg_texts = [(BIDI_MARKS.sub("", t.text or ""), float(t.get("x", "0")),
                  float(t.get("y", "0"))) for t in ET.parse(svg).iter()
                 if t.tag.endswith("text") and t.get("font-size") == str(METRICS.card_text)]
    checked = 0
    for card_id in ids:
        paper_card = frame.map.layout.cards[card_id].rect
        for cx, cy, line in window.scene.card_items[card_id].text_lines:
            runs = place_line(line).runs
            if len(runs) != 1 or runs[0].run.rtl or runs[0].run.missing:
                continue
            checked += 1
            x, y = paper_card.x + cx, paper_card.y + cy  # the SVG writes four digits
            assert any(t == line and abs(sx - x) < 0.1 and abs(sy - y) < 0.1
                       for t, sx, sy in svg_texts), line
    assert checked >= 12


def test_typing_a_long_text_grows_the_card_and_its_row_and_undo_shrinks_them(
        window: MainWindow) -> None:
    card_id = add_cards(window, ["Short"])[0]
    layout = window.scene.layout
    assert layout is not None
    lane_id = layout.cards[card_id].cell[1]
    band_before = layout.lane(lane_id).band
    vp = window.view.viewport()
    pos = to_view(window, *card_center(window, card_id))
    QTest.mouseDClick(vp, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, pos)
    QTest.keyClick(vp, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    sentence = ("The shipping cost only shows at the very end of a long checkout form, "
                "so people give up")
    QTest.keyClicks(vp, sentence)
    QTest.keyClick(vp, Qt.Key.Key_Return)
    assert window.doc is not None
    assert window.doc.project.session.get(Card, card_id).text == sentence
    layout = window.scene.layout
    assert layout is not None
    card = layout.cards[card_id]
    item = window.scene.card_items[card_id]
    assert len(card.lines) > 3 and card.rect.h > METRICS.card_h
    assert item.boundingRect().height() >= card.rect.h
    assert [line for *_xy, line in item.text_lines] == list(card.lines)
    grown = layout.lane(lane_id).band
    assert grown.h == band_before.h + card.rect.h - METRICS.card_h
    window.acts.undo.trigger()
    layout = window.scene.layout
    assert layout is not None
    assert layout.cards[card_id].rect.h == METRICS.card_h
    assert layout.lane(lane_id).band == band_before
    assert window.scene.card_items[card_id].text_lines[0][2] == "Short"


def test_the_in_place_editor_sets_text_in_the_layout_s_font_size_and_width(
        window: MainWindow) -> None:
    from widgets.text_paint import load_fonts

    card_id = add_cards(window, ["Short"])[0]
    vp = window.view.viewport()
    QTest.mouseDClick(vp, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier,
                      to_view(window, *card_center(window, card_id)))
    item = window.scene.card_items[card_id]
    editor = item._editor
    assert editor is not None
    layout = window.scene.layout
    assert layout is not None
    card = layout.cards[card_id]
    font = editor.font()
    f = editor.scale()  # in the scene's units: what the editor's own units are shown at
    assert font.families()[0] == load_fonts()[REGULAR]  # the bundled face the layout measures
    assert font.pixelSize() * f == pytest.approx(METRICS.card_text)
    doc = editor.document()
    margin = doc.documentMargin()
    assert (doc.textWidth() - 2 * margin) * f == pytest.approx(METRICS.text_width(card.rect.w))
    # The first line starts where the card's first line does.
    origin = editor.mapToScene(margin, margin)
    assert (origin.x(), origin.y()) == pytest.approx(
        (card.rect.x + METRICS.card_pad_x, card.rect.y + METRICS.card_pad_top))
    QTest.keyClick(vp, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    QTest.keyClicks(vp, "Guest checkout with optional account afterwards, " + TRICKY[7])
    typed = [doc.findBlockByNumber(i).layout().lineAt(j).textLength()
             for i in range(doc.blockCount())
             for j in range(doc.findBlockByNumber(i).layout().lineCount())]
    line_h = doc.findBlockByNumber(0).layout().lineAt(1).y() - \
        doc.findBlockByNumber(0).layout().lineAt(0).y()
    QTest.keyClick(vp, Qt.Key.Key_Return)
    layout = window.scene.layout
    assert layout is not None
    card = layout.cards[card_id]
    # What was typed broke where the committed card breaks, line for line.
    assert typed == [len(line) + 1 for line in card.lines[:-1]] + [len(card.lines[-1])]
    assert line_h * f == pytest.approx(METRICS.card_line_h)
    assert [line for *_xy, line in item.text_lines] == list(card.lines)
    window.acts.undo.trigger()
    assert window.scene.card_items[card_id].text_lines[0][2] == "Short"


def test_the_emotion_legend_wraps_as_the_model_does_and_is_drawn_as_glyph_runs(
        window: MainWindow, monkeypatch: pytest.MonkeyPatch) -> None:
    from model.layout import curve_legend
    from widgets.header_items import LEGEND_TEXT

    name = "Maria, first-time buyer who compares everything"
    monkeypatch.setattr("app.structure.QInputDialog.getText", lambda *a, **k: (name, True))
    window.structure.add_curve()
    emotion = lane_of(window, "emotion")
    item = window.scene.lane_items[emotion.id]
    names = [curve.name for curve in window.scene.layout.curves]  # type: ignore[union-attr]
    expected = curve_legend(names, item.boundingRect().width(), LEGEND_TEXT)
    assert [entry for entry, _ops, _c in item._legend_ops] == expected
    last = expected[-1]
    assert len(last.lines) == 2 and last.lines[-1].text.endswith("\u2026")
    ops = item._legend_ops[-1][1].get(96.0, LEGEND_TEXT, False)
    assert ops and all(isinstance(what, QGlyphRun) for _p, _f, what in ops)
    window.acts.undo.trigger()
    assert [n for n, _c in item._legend] == [["As-is"]]


def test_a_character_no_font_has_does_not_blank_out_the_rest_of_the_line(qapp) -> None:
    placed = place_line("Devanagari हिन्दी card #31")
    ops = run_ops(placed, 0.0, 0.0, 12.5, 96.0, RunFonts())
    assert [p.run.missing for p in placed.runs] == [False, True, False]
    last = ops[-1][2]
    assert isinstance(last, QGlyphRun)
    assert placed.runs[-1].run.text == "card #31"
    assert 0 not in last.glyphIndexes()  # in DejaVu's own glyphs, not missing-glyph boxes
    assert len(last.glyphIndexes()) == len("card #31")


def test_svg_places_each_run_of_a_mixed_line_as_the_pdf_does(tmp_path: Path) -> None:
    from app.export.paper import make_paper
    from app.export.qt_render import write_svg

    line = "Pay مرحبا بالعالم now"
    layout = JourneyLayout(METRICS, 400.0, 200.0)
    layout.cards[1] = CardGeom(1, "action", line, "#ffffff", _rect(), (1, 1), 0,
                               lines=(line,))
    out = write_svg(tmp_path / "m.svg", MapDocument(layout, name="x"), make_paper("A4"))
    texts = [(float(t.get("x", "0")), (t.text or "")) for t in ET.parse(out).iter()
             if t.tag.endswith("text") and t.text and t.text.strip(" \u200f") in
             ("Pay", "مرحبا بالعالم", "now")]
    assert [BIDI_MARKS.sub("", t).strip() for _x, t in texts] == ["Pay", "مرحبا بالعالم", "now"]
    runs = place_line(line).runs
    for (x, _t), run in zip(texts, runs, strict=True):
        assert abs((x - texts[0][0]) - run.x * METRICS.card_text) < 0.05


def _rect():
    from model.layout import Rect

    return Rect(20.0, 20.0, 300.0, 72.0)


def test_png_and_svg_exports_print_no_font_warnings(tmp_path: Path) -> None:
    from model.edits import Editor
    from model.store import Project, Workspace

    project = Project.new(Workspace(tmp_path / "ws"))
    editor = Editor(project.session, project.changes)
    journey_id = editor.add_journey("cjm7", "Warnings")
    j = project.journey(journey_id)
    cell = (j.stages[0].id, next(x for x in j.lanes if x.kind not in ("emotion", "divider")).id)
    editor.add_card(journey_id, cell, None, {"text": "Devanagari हिन्दी card #31 🚀"})
    path = tmp_path / "m.cjm"
    project.save(path)
    project.close()
    for fmt in ("png", "svg"):
        done = subprocess.run([sys.executable, "-m", "app", "export", str(path),
                               f"--{fmt}", str(tmp_path / f"m.{fmt}")],
                              capture_output=True, text=True, check=True)
        assert "OpenType support missing" not in done.stderr
        assert "qt.text" not in done.stderr


def test_stage_and_lane_names_wrap_on_the_canvas_as_on_paper(window: MainWindow) -> None:
    from app.commands import EditLaneCommand, EditStageCommand

    assert window.doc is not None
    editor = window.doc.editor
    window.doc.push(EditStageCommand(editor, stage_at(window, 1).id,
                                     {"name": "Compare delivery options and prices"}))
    window.doc.push(EditLaneCommand(editor, lane_of(window, "actions").id,
                                    {"name": "What the customer does at each step"}))
    layout = window.scene.layout
    assert layout is not None
    surface = RecordingSurface()
    draw_map(surface, layout)  # type: ignore[arg-type]
    for stage in layout.stages:
        item = window.scene.stage_items[stage.id]
        canvas = [(stage.header.x + p.x(), stage.header.y + p.y(), t)
                  for p, t in item._label_lines]
        printed = [(x, y, t) for x, y, t, size in surface.texts
                   if size == METRICS.stage_text and stage.header.contains(x, y)]
        assert canvas == printed and canvas, stage.name
    long_stage = layout.stages[1]
    assert len(window.scene.stage_items[long_stage.id]._label_lines) == 2
    lane = layout.lane(lane_of(window, "actions").id)
    item = window.scene.lane_items[lane.id]
    canvas = [(lane.header.x + line.x, lane.header.y + line.baseline, line.text)
              for line in item._name_ops.lines]
    printed = [(x, y, t) for x, y, t, size in surface.texts
               if size == METRICS.lane_text and lane.header.contains(x, y)]
    assert canvas == printed and len(canvas) >= 2
    window.acts.undo.trigger()
    window.acts.undo.trigger()
    assert window.scene.stage_items[long_stage.id].geom.name != long_stage.name
