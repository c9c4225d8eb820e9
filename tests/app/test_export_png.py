"""PNG and SVG exports: pixel size = paper x DPI, DPI metadata, pixels where the layout says."""

from __future__ import annotations

import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from PIL import Image

from app.export.compose import MapDocument
from app.export.paper import PaperError, make_paper
from app.export.poster import poster_frame
from app.export.service import ExportOptions, export_journey
from tests.app.test_export_samples import SAMPLES, normalized, sample  # noqa: F401 - fixture

SVG_NS = "{http://www.w3.org/2000/svg}"


def _hex(color: str) -> tuple[int, int, int]:
    return (int(color[1:3], 16), int(color[3:5], 16), int(color[5:7], 16))


def _close(a: tuple[int, ...], b: tuple[int, ...], tol: int = 10) -> bool:
    return all(abs(x - y) <= tol for x, y in zip(a, b, strict=False))


@pytest.mark.parametrize(
    ("paper", "orientation", "dpi", "size"),
    [
        ("A3", "portrait", 100, (1169, 1654)),
        ("A3", "landscape", 72, (1191, 842)),
        ("A4", "landscape", 300, (3508, 2480)),
        ("Letter", "portrait", 150, (1275, 1650)),
    ],
)
def test_png_pixel_size_and_dpi(
    sample, tmp_path: Path, paper: str, orientation: str, dpi: int, size: tuple[int, int]  # noqa: F811
) -> None:
    project, journey_id = sample
    out = tmp_path / "map.png"
    export_journey(
        project, journey_id, out, ExportOptions(fmt="png", paper=paper, orientation=orientation,
                                                dpi=dpi)
    )
    with Image.open(out) as image:
        assert image.format == "PNG"
        assert image.size == size
        dpi_x, dpi_y = image.info["dpi"]
        assert round(dpi_x) == dpi and round(dpi_y) == dpi


def test_png_pixels_match_the_layout(sample, tmp_path: Path) -> None:  # noqa: F811
    project, journey_id = sample
    out = tmp_path / "map.png"
    dpi = 96
    export_journey(
        project, journey_id, out, ExportOptions(fmt="png", paper="A3", orientation="landscape",
                                                dpi=dpi)
    )
    doc = MapDocument.from_journey(project.journey(journey_id))
    paper = make_paper("A3", "landscape")
    frame = poster_frame(doc, paper)
    fit, printed = frame.fit, frame.map.layout
    k = dpi / 72
    with Image.open(out) as raw:
        image = raw.convert("RGB")
    for card in printed.cards.values():
        x, y = fit.map(card.rect.x + card.rect.w * 0.4,
                       card.rect.bottom - 3 * frame.map.type.k)
        assert _close(image.getpixel((round(x * k), round(y * k))), _hex(card.fill)), card.text
    for stage in printed.stages:
        # Just inside the arrow's top left corner, clear of its notch and of the name.
        x, y = fit.map(stage.header.x + 8, stage.header.y + 6)
        assert _close(image.getpixel((round(x * k), round(y * k))), _hex(stage.color)), stage.name
    # Outside the map and the title block the paper is white.
    assert image.getpixel((2, image.size[1] - 2)) == (255, 255, 255)


def test_png_refuses_bad_dpi_and_huge_images(sample, tmp_path: Path) -> None:  # noqa: F811
    project, journey_id = sample
    for dpi in (71, 601):
        with pytest.raises(PaperError, match="DPI"):
            export_journey(project, journey_id, tmp_path / "x.png", ExportOptions(fmt="png",
                                                                                 dpi=dpi))
    with pytest.raises(PaperError, match="too large"):
        export_journey(
            project, journey_id, tmp_path / "x.png", ExportOptions(fmt="png", paper="A0", dpi=600)
        )
    assert not list(tmp_path.glob("*.png")) and not list(tmp_path.glob(".*.part"))


def test_svg_is_vector_with_real_text(sample, tmp_path: Path) -> None:  # noqa: F811
    project, journey_id = sample
    out = tmp_path / "map.svg"
    export_journey(project, journey_id, out, ExportOptions(fmt="svg", paper="A3",
                                                           orientation="landscape"))
    root = ET.parse(out).getroot()
    assert root.tag == f"{SVG_NS}svg"
    view = [float(v) for v in root.attrib["viewBox"].split()]
    assert view[2] == pytest.approx(420 * 72 / 25.4, abs=0.1)
    assert view[3] == pytest.approx(297 * 72 / 25.4, abs=0.1)
    texts = "".join("".join(t.itertext()) for t in root.iter(f"{SVG_NS}text"))
    for key in ("markup", "cjk", "arabic", "emoji"):
        assert normalized(SAMPLES[key]) in normalized(texts), key
    assert root.find(f".//{SVG_NS}image") is None
    assert "<b>x</b>" not in out.read_text(encoding="utf-8")  # escaped as &lt;b&gt;
    assert any(p.attrib.get("d") for p in root.iter(f"{SVG_NS}path"))


def test_svg_renders(sample, tmp_path: Path, qapp) -> None:  # noqa: F811
    from PySide6.QtSvg import QSvgRenderer

    project, journey_id = sample
    out = tmp_path / "map.svg"
    export_journey(project, journey_id, out, ExportOptions(fmt="svg", paper="A4"))
    assert QSvgRenderer(str(out)).isValid()
