"""The drawing specification: one place for colours and sizes, and text that reads on every fill."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from model import style
from model.entities import CardKind, LaneKind
from model.style import (
    CARD_KIND_COLORS,
    DARK,
    LIGHT,
    SOFT_COLORS,
    STAGE_COLORS,
    Palette,
    Role,
    contrast,
)

ROOT = Path(__file__).resolve().parents[2]
# A colour anywhere in a line: alone in quotes or inside a style sheet ("color: #b3261e;").
HEX = re.compile(r"#(?:[0-9a-fA-F]{8}|[0-9a-fA-F]{6}|[0-9a-fA-F]{3})\b")
RGB = re.compile(r"QColor\(\s*\d")  # QColor(255, 255, 255, 235) is a colour literal too

# Files that may write a colour literal, and why it is not part of the drawing spec.
ALLOWED: dict[str, str] = {
    "model/style.py": "the drawing specification itself",
}
# Colours still being moved into model.style (remove the entry when the move lands).
PENDING: dict[str, str] = {}


def _literals() -> list[str]:
    found = []
    for package in ("app", "widgets", "model"):
        for path in sorted((ROOT / package).rglob("*.py")):
            rel = path.relative_to(ROOT).as_posix()
            if rel in ALLOWED or rel in PENDING:
                continue
            for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
                if HEX.search(line) or RGB.search(line):
                    found.append(f"{rel}:{n}: {line.strip()}")
    return found


def test_no_colour_is_written_anywhere_but_the_style_module() -> None:
    assert _literals() == []


def test_the_colour_check_finds_a_colour_written_in_a_widget(tmp_path: Path) -> None:
    line = 'painter.setBrush(QColor("#1c6ed6"))'
    assert HEX.search(line)
    assert RGB.search("QColor(28, 110, 214, 16)")
    assert not HEX.search('("#", 0.03)')  # the register's "#" column is not a colour
    assert HEX.search('label.setStyleSheet("color: #b3261e; font-weight: bold;")')
    assert not HEX.search("# 3 columns, card #12")


def test_every_card_kind_has_a_colour() -> None:
    assert set(CARD_KIND_COLORS) == {k.value for k in CardKind}


def test_the_lane_colours_name_real_lane_kinds() -> None:
    assert set(style.LANE_COLORS) <= {k.value for k in LaneKind}


@pytest.mark.parametrize("palette", [LIGHT, DARK], ids=["light", "dark"])
@pytest.mark.parametrize("kind", [k.value for k in CardKind])
def test_card_text_reads_on_every_kind_of_card(palette: Palette, kind: str) -> None:
    assert contrast(palette.text, palette.card_fill(kind)) >= 4.5


@pytest.mark.parametrize("palette", [LIGHT, DARK], ids=["light", "dark"])
def test_text_reads_on_every_colour_a_user_can_pick(palette: Palette) -> None:
    for color in SOFT_COLORS:
        assert contrast(palette.text, palette.fill(color, Role.CARD)) >= 4.5, color
        assert contrast(palette.text, palette.fill(color, Role.STAGE)) >= 4.5, color
    for color in STAGE_COLORS:
        assert contrast(palette.text, palette.fill(color, Role.STAGE)) >= 4.5, color


@pytest.mark.parametrize("palette", [LIGHT, DARK], ids=["light", "dark"])
def test_headers_labels_and_badges_read_in_both_palettes(palette: Palette) -> None:
    assert contrast(palette.text, palette.lane_header) >= 4.5
    assert contrast(palette.text, palette.background) >= 4.5
    assert contrast(palette.muted, palette.background) >= 4.5
    assert contrast(palette.badge_usage_text, palette.badge_usage_fill) >= 4.5
    assert contrast(palette.badge_small_text, palette.badge_small_fill) >= 4.5
    assert contrast(palette.text, palette.badge_metric_fill) >= 4.5


def test_cards_stand_out_from_their_lane_on_the_dark_canvas() -> None:
    lane = DARK.fill(style.LANE_DEFAULT_COLOR, Role.LANE)
    for kind in CARD_KIND_COLORS:
        assert contrast(DARK.card_fill(kind), lane) > 1.2, kind


def test_the_dark_canvas_is_dark_and_keeps_each_fill_s_hue() -> None:
    assert style.luminance(DARK.background) < 0.05
    assert LIGHT.fill("#bfe3ff", Role.CARD) == "#bfe3ff"  # paper shows the colour as picked
    r, _g, b = style.rgb(DARK.fill("#bfe3ff", Role.CARD))
    assert b > r and style.luminance(DARK.fill("#bfe3ff", Role.CARD)) < 0.1


def test_a_colour_that_does_not_parse_is_left_as_it_is() -> None:
    assert DARK.fill("not a colour", Role.CARD) == "not a colour"


def test_severity_dots_stop_at_five_and_run_right_to_left() -> None:
    dots = style.SEVERITY_DOTS.centres(100, 50, 9)
    assert len(dots) == 5
    assert [x for x, _ in dots] == sorted((x for x, _ in dots), reverse=True)
    assert style.SEVERITY_DOTS.centres(100, 50, 0) == []
