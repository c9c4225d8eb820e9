"""The window chrome's notes, banner and timer: readable on a light and on a dark desktop."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterator

import pytest
from PySide6.QtGui import QColor, QGuiApplication, QPalette
from PySide6.QtWidgets import QApplication

from model.style import DARK_CHROME, LIGHT_CHROME, Chrome, contrast
from widgets.chrome import chrome, desktop_is_dark
from widgets.review_banner import ReviewBanner
from widgets.timer import Countdown, TimerDisplay

# Window backgrounds of common light and dark desktop styles (Fusion, Breeze, Adwaita).
LIGHT_WINDOWS = ("#ffffff", "#efefef", "#eff0f1", "#f6f5f4")
DARK_WINDOWS = ("#353535", "#2a2e32", "#242424", "#1e1e1e")


@pytest.mark.parametrize(("colours", "windows"), [(LIGHT_CHROME, LIGHT_WINDOWS),
                                                  (DARK_CHROME, DARK_WINDOWS)])
def test_every_chrome_text_reads_on_its_background(colours: Chrome,
                                                   windows: tuple[str, ...]) -> None:
    for window in windows:
        for text in (colours.ok, colours.problem, colours.warning):
            assert contrast(text, window) >= 4.5, (text, window)
    assert contrast(colours.banner_text, colours.banner_fill) >= 4.5
    for fill in (colours.timer_done_fill, colours.timer_flash_fill):
        assert contrast(colours.timer_done_text, fill) >= 4.5


@pytest.fixture
def dark_desktop(qapp: QApplication) -> Iterator[Callable[[], None]]:
    """Switches the desktop to a dark palette while widgets are open; light again after."""
    light = QPalette(QGuiApplication.palette())
    dark = QPalette(light)
    dark.setColor(QPalette.ColorRole.Window, QColor("#2a2e32"))
    dark.setColor(QPalette.ColorRole.WindowText, QColor("#eff0f1"))
    try:
        yield lambda: QApplication.setPalette(dark)
    finally:
        QApplication.setPalette(light)


def test_banner_and_timer_follow_the_desktop_from_light_to_dark(
        qtbot, dark_desktop: Callable[[], None]) -> None:
    assert not desktop_is_dark() and chrome() is LIGHT_CHROME
    banner = ReviewBanner()
    qtbot.addWidget(banner)
    banner.show_due(1, "Checkout", dt.date(2026, 1, 1), dt.date(2026, 3, 1))
    timer = TimerDisplay(Countdown())
    qtbot.addWidget(timer)
    timer.flash()
    assert LIGHT_CHROME.banner_fill in banner.styleSheet()
    assert LIGHT_CHROME.timer_flash_fill in timer.styleSheet()

    dark_desktop()

    assert desktop_is_dark() and chrome() is DARK_CHROME
    assert DARK_CHROME.banner_fill in banner.styleSheet()
    assert LIGHT_CHROME.banner_fill not in banner.styleSheet()
    assert DARK_CHROME.timer_flash_fill in timer.styleSheet() and timer.done
