"""Dragging a kind from the palette shows the card at the size it will have on the map."""

from __future__ import annotations

from app.main_window import MainWindow


def test_the_palette_knows_the_zoom_of_its_windows_map(window: MainWindow) -> None:
    window.view.set_zoom(0.5)
    assert abs(window.card_palette.map_zoom() - 0.5) < 1e-6
    window.view.set_zoom(1.0)
    assert abs(window.card_palette.map_zoom() - 1.0) < 1e-6
