"""Sample journeys the export tests share, and checks of the page geometry they rely on."""

from __future__ import annotations

import re
import subprocess
import unicodedata
from pathlib import Path

import pytest

from app.export.compose import MapDocument
from app.export.paper import MM, PaperError, make_paper, paper_size_mm, plan_tiles
from app.export.poster import poster_frame
from model.edits import Editor
from model.store import Project, Workspace

# Texts that must come out of every export intact; each fits one card.
SAMPLES = {
    "markup": "Pays with <b>x</b> & gets a receipt",
    "img": '<img src="/etc/hostname"> typed by a user',
    "cjk": "中文客户旅程 购买",
    "japanese": "お問い合わせ",
    "arabic": "مرحبا بالعالم",
    "hebrew": "שלום עולם",
    "greek": "Ελληνικά и русский",
    "emoji": "Happy 😀 coffee ☕",
    "uncovered_emoji": "Launch 🚀 day",
}
LONG_TEXT = (
    "A very long card text that goes on and on about the many details of this step, far "
    "more than fits in one card, so it must be shortened ZZTAILWORD"
)
KINDS = ["action", "thought", "touchpoint", "touchpoint", "pain_point", "opportunity", "backstage"]


def build_sample(project: Project, name: str = "Checkout journey") -> int:
    """A cjm7 journey with the sample texts, a long card and a shaped emotion curve."""
    editor = Editor(project.session, project.changes)
    journey_id = editor.add_journey("cjm7", name)
    editor.update_journey(journey_id, {"objective": "Find why first-time buyers give up."})
    journey = project.journey(journey_id)
    stages = sorted(journey.stages, key=lambda s: s.position)
    lanes = [
        lane
        for lane in sorted(journey.lanes, key=lambda x: x.position)
        if lane.kind not in ("emotion", "divider")
    ]
    texts = [*SAMPLES.values(), LONG_TEXT]
    k = 0
    for si, stage in enumerate(stages):
        for li, lane in enumerate(lanes):
            if (si + li) % 3 == 0:
                continue
            kind = KINDS[li % len(KINDS)]
            editor.add_card(
                journey_id,
                (stage.id, lane.id),
                None,
                {
                    "text": texts[k % len(texts)],
                    "kind": kind,
                    "severity": 3 if kind == "pain_point" else None,
                },
            )
            k += 1
    curve = journey.curves[0]
    values = dict(zip([s.id for s in stages], [2, 4, -3, -5, 1, 3, 5], strict=False))
    for stage_id, value in values.items():
        editor.set_emotion(curve.id, stage_id, value)
    project.flush()
    return journey_id


@pytest.fixture
def sample(workspace: Workspace):
    project = Project.new(workspace)
    journey_id = build_sample(project)
    yield project, journey_id
    project.close()


def normalized(text: str) -> str:
    """Text as compared across PDF extraction: NFKC, no bidi marks, no whitespace."""
    text = unicodedata.normalize("NFKC", text)
    text = re.sub("[\u200e\u200f\u202a-\u202e\u2066-\u2069]", "", text)
    return re.sub(r"\s+", "", text)


def pdftotext(path: Path, page: int | None = None) -> str:
    args = ["pdftotext", "-enc", "UTF-8"]
    if page is not None:
        args += ["-f", str(page), "-l", str(page)]
    return subprocess.run(
        [*args, str(path), "-"], check=True, capture_output=True, text=True
    ).stdout


def pdfinfo(path: Path) -> dict[str, str]:
    out = subprocess.run(["pdfinfo", str(path)], check=True, capture_output=True, text=True)
    info = {}
    for line in out.stdout.splitlines():
        key, _, value = line.partition(":")
        info[key.strip()] = value.strip()
    return info


def page_size_pt(path: Path) -> tuple[int, int]:
    match = re.match(r"([\d.]+) x ([\d.]+) pts", pdfinfo(path)["Page size"])
    assert match, pdfinfo(path)
    return round(float(match.group(1))), round(float(match.group(2)))


# --------------------------------------------------------------------------- geometry


def test_paper_sizes_in_points() -> None:
    a0 = make_paper("A0", "portrait")
    assert (round(a0.width), round(a0.height)) == (2384, 3370)
    letter = make_paper("letter", "landscape")
    assert (round(letter.width), round(letter.height)) == (792, 612)
    tabloid = make_paper("Tabloid", "portrait")
    assert (round(tabloid.width), round(tabloid.height)) == (792, 1224)
    custom = make_paper("500x700", "landscape")
    assert custom.width == pytest.approx(700 * MM)
    assert paper_size_mm("420 x 297 mm") == (420.0, 297.0)


@pytest.mark.parametrize("bad", ["B5", "", "0x0", "10x10", "axb"])
def test_unknown_paper_is_refused(bad: str) -> None:
    with pytest.raises(PaperError):
        paper_size_mm(bad)


def test_auto_orientation_follows_the_map() -> None:
    assert make_paper("A3", "auto", content_aspect=1.6).landscape
    assert not make_paper("A3", "auto", content_aspect=0.5).landscape


def test_tiles_cover_the_poster_with_overlap() -> None:
    poster = make_paper("A0", "portrait")
    tiles = plan_tiles(poster, "A4")
    assert len(tiles) == 25  # 5 x 5 A4 portrait sheets, 10 mm margin, 10 mm overlap
    last = tiles[-1]
    _px, _py, pw, ph = last.printable
    assert last.poster_x + pw >= poster.width
    assert last.poster_y + ph >= poster.height
    # Neighbours share exactly the overlap band.
    assert tiles[1].poster_x == pytest.approx(tiles[0].printable[2] - tiles[0].overlap)
    with pytest.raises(PaperError):
        plan_tiles(poster, "A3")


def test_map_fits_inside_the_margins(sample) -> None:
    project, journey_id = sample
    doc = MapDocument.from_journey(project.journey(journey_id))
    for paper in (make_paper("A4", "portrait"), make_paper("A0", "landscape")):
        frame = poster_frame(doc, paper)
        printed = frame.map.layout
        x0, y0 = frame.fit.map(0, 0)
        x1, y1 = frame.fit.map(printed.width, printed.height)
        assert x0 >= frame.margin - 0.01 and y0 > frame.margin
        assert x1 <= paper.width - frame.margin + 0.01
        assert y1 <= paper.height - frame.margin + 0.01
        # Fitted: it touches the margins on at least one axis.
        _bx, _by, bw, bh = frame.map_box
        assert (x1 - x0) == pytest.approx(bw, rel=1e-6) or (y1 - y0) == pytest.approx(
            bh, rel=1e-6
        )
