"""Glyph runs of every size reach the pixels (Qt's raster engine drops those over 64 px)."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QImage, QPainter

from model.text import place_line
from tests.app.test_cli import run
from widgets.text_paint import RunFonts, draw_ops, run_ops


def inked(image: QImage, box: tuple[int, int, int, int] | None = None) -> int:
    """How many sampled pixels of the image (or of a box of it) are dark."""
    x0, y0, x1, y1 = box or (0, 0, image.width(), image.height())
    return sum(1 for y in range(y0, y1, 2) for x in range(x0, x1, 2)
               if image.pixelColor(x, y).lightness() < 128)


def drawn(size: float, scale: float, bold: bool) -> int:
    image = QImage(2000, 500, QImage.Format.Format_ARGB32)
    image.fill(Qt.GlobalColor.white)
    painter = QPainter(image)
    painter.scale(scale, scale)
    painter.setPen(QColor(0, 0, 0))
    draw_ops(painter, run_ops(place_line("Buying running shoes", bold, None), 4, size * 1.1,
                              size, 72 * scale, RunFonts()))
    painter.end()
    return inked(image)


@pytest.mark.parametrize("bold", [False, True])
def test_text_is_drawn_at_every_size_and_its_ink_grows_with_it(qapp, bold: bool) -> None:
    # (size in user units, painter scale): 22 px .. 180 px on the device, across 64 px.
    sizes = [(22, 1.0), (22, 2.0), (30, 2.0), (32, 2.0), (22, 4.0), (60, 2.0), (90, 2.0)]
    ink = [drawn(size, scale, bold) for size, scale in sizes]
    assert all(n > 0 for n in ink), ink
    device = [size * scale for size, scale in sizes]
    assert ink == [n for _d, n in sorted(zip(device, ink, strict=True))]  # bigger, more ink
    # Just under and just over the cut: nearly the same ink (outline vs glyph cache).
    assert abs(ink[2] - ink[3]) < 0.25 * ink[3]


def test_a_png_poster_has_its_title_at_150_and_300_dpi(tmp_path: Path) -> None:
    cjm = tmp_path / "map.cjm"
    assert run("new", str(cjm), "--journey", "Buying running shoes online").returncode == 0
    for dpi in (72, 150, 300):
        out = tmp_path / f"map{dpi}.png"
        result = run("export", str(cjm), "--png", str(out), "--dpi", str(dpi))
        assert result.returncode == 0, result.stderr
        image = QImage(str(out))
        w, h = image.width(), image.height()
        title_band = (0, 0, w // 2, h // 12)  # the title block's top left
        assert inked(image, title_band) > 0.004 * (w // 4) * (h // 24), dpi
