"""A recording surface's page transform: save/restore, translate and scale, as painters do."""

from __future__ import annotations


class PageTransform:
    """Keeps ``_t = (dx, dy, k)``: a point (x, y) drawn now lands at (dx + k x, dy + k y)."""

    def __init__(self) -> None:
        self._t = (0.0, 0.0, 1.0)
        self._stack: list[tuple[float, float, float]] = []

    def save(self) -> None:
        self._stack.append(self._t)

    def restore(self) -> None:
        self._t = self._stack.pop()

    def translate(self, dx: float, dy: float) -> None:
        x, y, k = self._t
        self._t = (x + k * dx, y + k * dy, k)

    def scale(self, k: float) -> None:
        x, y, k0 = self._t
        self._t = (x, y, k0 * k)
