"""The poster: type that grows with the paper, a filled sheet, persona, key, top opportunities."""

from __future__ import annotations

import subprocess
import sys
from collections.abc import Sequence
from pathlib import Path

import pytest

from app.export.compose import MapDocument, Point, Segment
from app.export.paper import make_paper
from app.export.poster import draw_poster, poster_frame
from app.export.service import ExportOptions, export_journey
from app.export.text import text_width
from model.store import Project, Workspace
from tests.app.page_transform import PageTransform
from tests.app.poster_sample import build
from tests.app.test_export_samples import pdftotext

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="module")
def map_file(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The sample map saved as a real .cjm file."""
    folder = tmp_path_factory.mktemp("poster")
    project = Project.new(Workspace(folder / "ws"))
    try:
        build(project)
        return project.save(folder / "checkout.cjm")
    finally:
        project.close()


@pytest.fixture
def opened(map_file: Path, tmp_path: Path):
    project = Project.open(map_file, Workspace(tmp_path / "ws"), read_only=True)
    yield project
    project.close()


@pytest.fixture
def doc(opened: Project) -> MapDocument:
    return MapDocument.from_journey(opened.journeys()[0])


def _card_pt(doc: MapDocument, paper: str, orientation: str = "landscape") -> float:
    frame = poster_frame(doc, make_paper(paper, orientation))
    return frame.map.type.card * frame.fit.scale


def test_card_type_grows_with_the_paper(doc: MapDocument) -> None:
    sizes = [_card_pt(doc, p) for p in ("A4", "A3", "A2", "A1", "A0")]
    assert sizes == sorted(sizes) and len(set(sizes)) == len(sizes), sizes
    # The canvas scaled as a whole: on A1 and up, larger than the canvas's own 12.5 px.
    assert sizes[3] >= 13.5 and sizes[4] >= 19, sizes


def test_spare_room_gives_the_lanes_air_and_the_cards_keep_their_lines(doc: MapDocument) -> None:
    frame = poster_frame(doc, make_paper("A1", "landscape"))
    printed = frame.map.layout
    for card_id, card in doc.layout.cards.items():
        on_paper = printed.cards[card_id]
        assert on_paper.lines == card.lines and on_paper.rect.h == card.rect.h
        assert on_paper.rect.w >= card.rect.w
        band = printed.lane(card.cell[1]).band
        assert band.y < on_paper.rect.y and on_paper.rect.bottom < band.bottom
    # The sheet's spare room goes to the lanes and columns: the map fills its box.
    assert printed.height * frame.fit.scale == pytest.approx(frame.map_box[3], rel=0.005)
    assert printed.width * frame.fit.scale == pytest.approx(frame.map_box[2], rel=0.005)


@pytest.mark.parametrize("paper", ["A4", "A3", "A1", "A0"])
@pytest.mark.parametrize("orientation", ["landscape", "portrait"])
def test_the_map_fills_the_room_left_for_it(doc: MapDocument, paper: str,
                                            orientation: str) -> None:
    frame = poster_frame(doc, make_paper(paper, orientation))
    x, y, w, h = frame.map_rect
    bx, by, bw, bh = frame.map_box
    assert w == pytest.approx(bw, rel=0.005) and h == pytest.approx(bh, rel=0.005)
    assert (x, y) == pytest.approx((bx, by))


class RecordingSurface(PageTransform):
    """A Surface that keeps the page box of everything drawn, through translate and scale."""

    def __init__(self) -> None:
        super().__init__()
        self.boxes: list[tuple[str, float, float, float, float]] = []
        self.texts: list[str] = []
        self.images = 0

    def _put(self, what: str, x: float, y: float, w: float, h: float) -> None:
        dx, dy, k = self._t
        self.boxes.append((what, dx + k * x, dy + k * y, k * w, k * h))

    def clip(self, x: float, y: float, w: float, h: float) -> None:
        pass

    def rect(self, x: float, y: float, w: float, h: float, fill: str | None,
             stroke: str | None = None, width: float = 1.0, radius: float = 0.0,
             alpha: float = 1.0) -> None:
        self._put("rect", x, y, w, h)

    def line(self, x1: float, y1: float, x2: float, y2: float, color: str, width: float = 1.0,
             dash: Sequence[float] | None = None) -> None:
        self._put("line", min(x1, x2), min(y1, y2), abs(x2 - x1), abs(y2 - y1))

    def path(self, start: Point, segments: Sequence[Segment], fill: str | None,
             stroke: str | None, width: float = 1.0, alpha: float = 1.0,
             close: bool = False) -> None:
        pts = [start, *(p for seg in segments for p in seg)]
        xs, ys = [p[0] for p in pts], [p[1] for p in pts]
        self._put("path", min(xs), min(ys), max(xs) - min(xs), max(ys) - min(ys))

    def circle(self, cx: float, cy: float, r: float, fill: str | None, stroke: str | None,
               width: float) -> None:
        self._put("circle", cx - r, cy - r, 2 * r, 2 * r)

    def text(self, x: float, y: float, line: str, size: float, color: str,
             bold: bool = False, rtl: bool | None = None) -> None:
        self.texts.append(line)
        self._put(f"text {line!r}", x, y - size, text_width(line, size, bold), size * 1.2)

    def image(self, x: float, y: float, w: float, h: float, data: bytes) -> None:
        self.images += 1
        self._put("image", x, y, w, h)


@pytest.mark.parametrize(("paper", "orientation"),
                         [("A4", "landscape"), ("A4", "portrait"), ("A3", "portrait"),
                          ("A1", "landscape"), ("A0", "portrait")])
def test_nothing_is_drawn_outside_the_page(doc: MapDocument, paper: str,
                                           orientation: str) -> None:
    from dataclasses import replace

    sheet = make_paper(paper, orientation)
    surface = RecordingSurface()
    frame = draw_poster(surface, replace(doc, register_on_sheet=True), sheet)
    m = frame.margin * 0.5  # the margin is for the printer; nothing even comes close
    assert surface.boxes[0] == ("rect", 0, 0, sheet.width, sheet.height)  # the white sheet
    outside = [b for b in surface.boxes[1:]
               if b[1] < m or b[2] < m or b[1] + b[3] > sheet.width - m + 0.01
               or b[2] + b[4] > sheet.height - m + 0.01]
    assert outside == []
    assert surface.images == 1  # the persona's photo


def test_a1_poster_holds_title_persona_key_and_the_top_opportunities(map_file: Path,
                                                                     tmp_path: Path) -> None:
    out = tmp_path / "a1.pdf"
    run = subprocess.run(
        [sys.executable, "-m", "app", "export", str(map_file), "--pdf", str(out), "--paper",
         "A1", "--landscape", "--register-on-poster"],
        cwd=ROOT, capture_output=True, text=True, env={"PYTHONPATH": str(ROOT),
                                                       "QT_QPA_PLATFORM": "offscreen",
                                                       "PATH": "/usr/bin:/bin"})
    assert run.returncode == 0, run.stderr
    page = pdftotext(out, 1)
    flat = " ".join(page.split())
    for expected in ("Buying running shoes online", "Objective:",
                     "why first-time buyers abandon checkout", "Lena Hoffmann",
                     "Weekend runner, 34", "I know my size in my old", "GOALS", "NEEDS",
                     "Key", "Severity", "severe (1\u20135 dots)", "Metrics", "NPS +42",
                     "under 30 answers", "TOP OPPORTUNITIES", "Next review: 2027-03-01"):
        assert expected in flat, expected
    # The top opportunities in priority order, as in the register.
    order = ["Guest checkout", "Show delivery cost on the", "Fit finder on the product",
             "One-click size exchange", "Own tracking page"]
    where = [flat.index(title) for title in order]
    assert where == sorted(where), where
    images = subprocess.run(["pdfimages", "-list", "-f", "1", "-l", "1", str(out)],
                            capture_output=True, text=True, check=True).stdout
    assert len(images.splitlines()[2:]) == 1, images  # the persona's photo


def test_the_register_stays_on_its_own_page_unless_asked_onto_the_poster(
        opened: Project, tmp_path: Path) -> None:
    journey = opened.journeys()[0]
    plain, beside = tmp_path / "plain.pdf", tmp_path / "beside.pdf"
    export_journey(opened, journey.id, plain, ExportOptions(paper="A2"))
    export_journey(opened, journey.id, beside, ExportOptions(paper="A2",
                                                             register_on_poster=True))
    assert "TOP OPPORTUNITIES" not in pdftotext(plain, 1)
    assert "Guest checkout" in pdftotext(plain, 2)  # the register page, as before
    assert "TOP OPPORTUNITIES" in pdftotext(beside, 1)


def test_a_map_without_persona_gives_the_map_the_whole_width(opened: Project) -> None:
    from dataclasses import replace

    doc = replace(MapDocument.from_journey(opened.journeys()[0]), persona_card=None)
    paper = make_paper("A2", "landscape")
    frame = poster_frame(doc, paper)
    assert frame.persona_box is None
    assert frame.map_rect[2] == pytest.approx(paper.width - 2 * frame.margin, rel=0.005)


def test_the_review_pack_shows_the_persona_s_photo(map_file: Path, tmp_path: Path) -> None:
    out = tmp_path / "pack.pdf"
    run = subprocess.run(
        [sys.executable, "-m", "app", "review-pack", str(map_file), "--pdf", str(out)],
        cwd=ROOT, capture_output=True, text=True,
        env={"PYTHONPATH": str(ROOT), "QT_QPA_PLATFORM": "offscreen", "PATH": "/usr/bin:/bin"})
    assert run.returncode == 0, run.stderr
    pages = int(subprocess.run(["pdfinfo", str(out)], capture_output=True, text=True,
                               check=True).stdout.split("Pages:")[1].split()[0])
    last = subprocess.run(["pdfimages", "-list", "-f", str(pages), "-l", str(pages), str(out)],
                          capture_output=True, text=True, check=True).stdout
    assert "Lena Hoffmann" in pdftotext(out, pages)
    assert len(last.splitlines()[2:]) == 1, last


@pytest.mark.parametrize("paper", ["A3", "A1"])
def test_the_title_block_prints_persona_review_and_dates_whole(
        opened: Project, tmp_path: Path, paper: str) -> None:
    journey = opened.journeys()[0]
    out = tmp_path / "poster.pdf"
    export_journey(opened, journey.id, out, ExportOptions(paper=paper, orientation="landscape"))
    text = " ".join(pdftotext(out, 1).split())
    doc = MapDocument.from_journey(journey)
    assert doc.date and doc.review and doc.persona
    for fact in (f"Persona: {doc.persona}", f"Next review: {doc.review}", f"Printed: {doc.date}"):
        assert " ".join(fact.split()) in text, fact  # before: "Printed: … (last chang…"
