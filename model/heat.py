"""The heat scale: one colour-blind-safe sequential scale for canvas, legend and exports.

Viridis (matplotlib's default map, designed to be perceptually uniform, readable by
people with the common colour-vision deficiencies, and monotonic in lightness, so it
also reads in greyscale): dark purple = worst, yellow = best.
"""

from __future__ import annotations

from model.style import HEAT_INK_ON_DARK, HEAT_INK_ON_LIGHT

# Nine stops of viridis, 0 .. 1.
_STOPS = (
    (0x44, 0x01, 0x54), (0x47, 0x2D, 0x7B), (0x3B, 0x52, 0x8B), (0x2C, 0x72, 0x8E),
    (0x21, 0x91, 0x8C), (0x28, 0xAE, 0x80), (0x5E, 0xC9, 0x62), (0xAD, 0xDC, 0x30),
    (0xFD, 0xE7, 0x25),
)

LEGEND_STEPS = 5


def heat_color(t: float) -> str:
    """#rrggbb of a position 0 (worst) .. 1 (best) on the scale."""
    t = max(0.0, min(1.0, t)) * (len(_STOPS) - 1)
    i = min(int(t), len(_STOPS) - 2)
    f = t - i
    a, b = _STOPS[i], _STOPS[i + 1]
    return "#" + "".join(f"{round(x + (y - x) * f):02x}" for x, y in zip(a, b, strict=True))


def text_on(t: float) -> str:
    """Black or white text, whichever reads on the heat colour at ``t``."""
    return HEAT_INK_ON_LIGHT if t >= 0.5 else HEAT_INK_ON_DARK


def lightness(color: str) -> float:
    """Relative luminance (WCAG) of a #rrggbb colour, 0..1."""
    def channel(c: int) -> float:
        s = c / 255
        return s / 12.92 if s <= 0.03928 else ((s + 0.055) / 1.055) ** 2.4

    r, g, b = (int(color[i:i + 2], 16) for i in (1, 3, 5))
    return 0.2126 * channel(r) + 0.7152 * channel(g) + 0.0722 * channel(b)


def legend_stops() -> list[tuple[float, str]]:
    """Evenly spaced (position, colour) pairs for a legend."""
    return [(i / (LEGEND_STEPS - 1), heat_color(i / (LEGEND_STEPS - 1)))
            for i in range(LEGEND_STEPS)]
