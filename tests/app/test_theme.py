"""The dark canvas: View → Theme, the desktop's colour scheme, and exports that stay light."""

from __future__ import annotations

from pathlib import Path

from PIL import Image
from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QColor, QGuiApplication, QImage

from app.commands import AddCardCommand
from app.export.compose import MapDocument
from app.export.paper import make_paper
from app.export.poster import poster_frame
from app.export.service import ExportOptions, export_journey
from app.settings import Settings, Theme
from model.style import DARK, LIGHT, Role, luminance


def _theme_action(window, theme: Theme):
    return window.theme.actions[theme]


def _canvas(window, qtbot, x: float, y: float) -> QImage:
    window.view.centerOn(x, y)
    window.scene.update()
    qtbot.wait(0)  # let the scene's update reach the view before grabbing
    return window.view.viewport().grab().toImage()


def _pixel_at(window, image: QImage, x: float, y: float) -> QColor:
    pos = window.view.mapFromScene(x, y)
    ratio = image.devicePixelRatio()
    return image.pixelColor(QPoint(round(pos.x() * ratio), round(pos.y() * ratio)))


def _hex(c: QColor) -> str:
    return c.name()


def test_choosing_dark_repaints_the_canvas_dark_and_light_brings_it_back(window, qtbot) -> None:
    layout = window.scene.layout
    lane = next(lane for lane in layout.lanes if lane.holds_cards)
    x, y = lane.band.x + 30, lane.band.y + lane.band.h - 6
    light = _pixel_at(window, _canvas(window, qtbot, x, y), x, y)
    assert light.lightnessF() > 0.9
    _theme_action(window, Theme.DARK).trigger()
    dark = _pixel_at(window, _canvas(window, qtbot, x, y), x, y)
    assert _hex(dark) == DARK.fill(lane.color, Role.LANE)
    assert luminance(dark.name()) < 0.05
    assert window.scene.backgroundBrush().color().name() == DARK.background
    assert Settings().theme() is Theme.DARK  # remembered
    _theme_action(window, Theme.LIGHT).trigger()
    again = _pixel_at(window, _canvas(window, qtbot, x, y), x, y)
    assert _hex(again) == lane.color
    assert Settings().theme() is Theme.LIGHT


def test_a_card_on_the_dark_canvas_is_dark_with_light_text(window, qtbot) -> None:
    layout = window.scene.layout
    lane = next(lane for lane in layout.lanes if lane.kind == "touchpoints")
    cell = (layout.stages[0].id, lane.id)
    window.doc.push(AddCardCommand(window.doc.editor, window.doc.journey_id, cell, None,
                                   {"text": "WWWW WWWW", "kind": "touchpoint"}))
    qtbot.waitUntil(lambda: len(window.scene.layout.cards) == 1)
    _theme_action(window, Theme.DARK).trigger()
    geom = next(iter(window.scene.layout.cards.values()))
    r = geom.rect
    image = _canvas(window, qtbot, r.x + r.w / 2, r.y + r.h / 2)
    fill = _pixel_at(window, image, r.x + r.w - 12, r.y + r.h - 12)
    assert _hex(fill) == DARK.card_fill("touchpoint")
    # Somewhere along the first line of text there is light ink.
    inks = [_pixel_at(window, image, r.x + 8 + i, r.y + 14) for i in range(0, 60, 2)]
    assert max(c.lightnessF() for c in inks) > 0.7


def test_system_follows_the_desktop_colour_scheme(window) -> None:
    # The offscreen platform has no colour scheme of its own, so the test plays the
    # desktop: it sends the change signal Qt sends when the user switches.
    changed = QGuiApplication.styleHints().colorSchemeChanged
    _theme_action(window, Theme.SYSTEM).trigger()
    try:
        changed.emit(Qt.ColorScheme.Dark)
        assert window.scene.canvas_style.dark
        changed.emit(Qt.ColorScheme.Light)
        assert not window.scene.canvas_style.dark
        _theme_action(window, Theme.LIGHT).trigger()
        changed.emit(Qt.ColorScheme.Dark)  # a fixed choice ignores the desktop
        assert not window.scene.canvas_style.dark
        _theme_action(window, Theme.SYSTEM).trigger()  # back to following it: dark now
        assert window.scene.canvas_style.dark
    finally:
        changed.emit(QGuiApplication.styleHints().colorScheme())


def test_an_export_made_on_the_dark_canvas_is_light(window, qtbot, tmp_path: Path) -> None:
    _theme_action(window, Theme.DARK).trigger()
    assert window.scene.canvas_style.dark
    out = tmp_path / "map.png"
    project, journey_id = window.doc.project, window.doc.journey_id
    export_journey(project, journey_id, out, ExportOptions(fmt="png", paper="A4", dpi=72))
    doc = MapDocument.from_journey(project.journey(journey_id))
    frame = poster_frame(doc, make_paper("A4", "auto",
                                         doc.layout.width / doc.layout.height))
    with Image.open(out) as raw:
        image = raw.convert("RGB")
    assert image.getpixel((2, 2)) == (255, 255, 255)
    lane = next(lane for lane in frame.map.layout.lanes if lane.holds_cards)
    x, y = frame.fit.map(lane.band.x + 20, lane.band.bottom - 4)
    assert "#{:02x}{:02x}{:02x}".format(*image.getpixel((round(x), round(y)))) == lane.color
    assert lane.color == LIGHT.fill(lane.color, Role.LANE)


def test_an_unknown_theme_in_the_settings_reads_as_system(qapp) -> None:
    settings = Settings()
    settings._s.setValue("view/theme", "purple")
    assert settings.theme() is Theme.SYSTEM


def test_the_heat_strip_follows_the_dark_canvas(window, qtbot) -> None:
    window.acts.heat_strip.trigger()
    strip = window.heat.strip
    assert strip is not None and strip.segments
    rect, cell = strip.segments[0]  # a new map: no stage has a figure yet
    assert cell is None or cell.heat is None
    _theme_action(window, Theme.DARK).trigger()
    # Scrolled to the top, so the stage headers sit above the strip, not pinned over it.
    image = _canvas(window, qtbot, rect.center().x(), 0)
    assert window.scene.stage_items[window.scene.layout.stages[0].id].y() == 0
    assert _pixel_at(window, image, rect.left() + 3, rect.top() + 3).name() == DARK.heat_no_data
    _theme_action(window, Theme.LIGHT).trigger()
    image = _canvas(window, qtbot, rect.center().x(), 0)
    assert _pixel_at(window, image, rect.left() + 3, rect.top() + 3).name() == LIGHT.heat_no_data


def test_dark_darkens_the_whole_window_and_system_gives_the_desktop_back(window, qtbot) -> None:
    from PySide6.QtGui import QGuiApplication, QPalette

    from widgets.chrome import desktop_is_dark

    def lightness(widget) -> float:
        return widget.palette().color(QPalette.ColorRole.Window).lightnessF()

    desktop = QGuiApplication.palette().color(QPalette.ColorRole.Window).name()
    assert not desktop_is_dark()
    _theme_action(window, Theme.DARK).trigger()
    QGuiApplication.processEvents()
    for widget in (window, window.header, window.card_palette, window.menuBar()):
        assert lightness(widget) < 0.3, widget
    assert window.header.objective_edit.palette().color(QPalette.ColorRole.Text).lightnessF() > 0.8
    assert desktop_is_dark()  # the chrome's notes and banners follow (widgets/chrome.py)
    _theme_action(window, Theme.LIGHT).trigger()
    assert QGuiApplication.palette().color(QPalette.ColorRole.Window).name() == desktop
    _theme_action(window, Theme.DARK).trigger()
    _theme_action(window, Theme.SYSTEM).trigger()
    QGuiApplication.processEvents()
    assert QGuiApplication.palette().color(QPalette.ColorRole.Window).name() == desktop
    assert lightness(window.header) > 0.7
