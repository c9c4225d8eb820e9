"""One sheet of a tiled poster: its part of the poster, crop marks, overlap band, a label."""

from __future__ import annotations

from app.export.compose import CARD_BORDER, INK, MUTED_TEXT, MapDocument, Surface
from app.export.paper import Paper, Tile
from app.export.poster import Box, draw_poster, poster_frame
from app.export.text import text_width, wrap
from model import style


def tile_has_content(doc: MapDocument, poster: Paper, tile: Tile) -> bool:
    """Whether a sheet of a tiled poster would print any part of the poster."""
    frame = poster_frame(doc, poster)
    _, _, pw, ph = tile.printable
    sheet = (tile.poster_x, tile.poster_y, pw, ph)
    return any(_boxes_overlap(sheet, box) for box in frame.boxes())


def _boxes_overlap(a: Box, b: Box) -> bool:
    return a[0] < b[0] + b[2] and b[0] < a[0] + a[2] and a[1] < b[1] + b[3] and b[1] < a[1] + a[3]


def draw_tile(surface: Surface, doc: MapDocument, poster: Paper, tile: Tile, title: str) -> None:
    """One sheet of a tiled poster: its part of the poster, crop marks, overlap, label."""
    sheet = tile.sheet
    px, py, pw, ph = tile.printable
    surface.rect(0, 0, sheet.width, sheet.height, fill=INK.background)
    surface.save()
    surface.clip(px, py, pw, ph)
    surface.translate(px - tile.poster_x, py - tile.poster_y)
    draw_poster(surface, doc, poster, (tile.poster_x, tile.poster_y, pw, ph))
    surface.restore()
    ov = tile.overlap
    # The band this sheet shares with the next one to the right / below: glue there.
    if tile.col < tile.cols - 1:
        surface.rect(px + pw - ov, py, ov, ph, fill=CARD_BORDER, alpha=style.TILE_OVERLAP_ALPHA)
        surface.line(px + pw - ov, py, px + pw - ov, py + ph, CARD_BORDER, 0.5, (3, 3))
    if tile.row < tile.rows - 1:
        surface.rect(px, py + ph - ov, pw, ov, fill=CARD_BORDER, alpha=style.TILE_OVERLAP_ALPHA)
        surface.line(px, py + ph - ov, px + pw, py + ph - ov, CARD_BORDER, 0.5, (3, 3))
    _crop_marks(surface, (px, py, pw, ph), tile.margin)
    size = 7.0
    number = tile.number or tile.row * tile.cols + tile.col + 1
    printed = tile.printed or tile.rows * tile.cols
    label = f"{title} \u2014 {tile.label} (sheet {number} of {printed})"
    lines = wrap(label, pw, size, max_lines=1)
    surface.text(px, sheet.height - tile.margin / 2 + size * 0.35, lines[0], size, MUTED_TEXT)
    hint = "the next sheet covers the shaded band"
    if tile.col < tile.cols - 1 or tile.row < tile.rows - 1:
        w = text_width(hint, size)
        surface.text(px + pw - w, tile.margin / 2 + size * 0.35, hint, size, MUTED_TEXT)


def _crop_marks(surface: Surface, box: Box, margin: float) -> None:
    x, y, w, h = box
    length = min(margin * 0.7, 18.0)
    gap = 2.0
    for cx, sx in ((x, -1), (x + w, 1)):
        for cy, sy in ((y, -1), (y + h, 1)):
            surface.line(cx + sx * gap, cy, cx + sx * (gap + length), cy, style.CROP_MARK, 0.4)
            surface.line(cx, cy + sy * gap, cx, cy + sy * (gap + length), style.CROP_MARK, 0.4)
