"""The workshop timer: presets, custom length, pause, reset, and a gentle flash at the end."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest

from widgets.timer import FLASHES, Countdown, TimerDisplay, TimerPanel, format_seconds


class FakeClock:
    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


def test_times_read_as_minutes_and_seconds() -> None:
    assert format_seconds(0) == "00:00"
    assert format_seconds(5 * 60) == "05:00"
    assert format_seconds(61) == "01:01"
    assert format_seconds(3725) == "1:02:05"


def test_a_preset_counts_down_pauses_resumes_and_ends_once(qtbot) -> None:
    clock = FakeClock()
    countdown = Countdown(clock)
    panel = TimerPanel(countdown)
    qtbot.addWidget(panel)
    panel.preset_buttons[0].setFocus()
    QTest.keyClick(panel.preset_buttons[0], Qt.Key.Key_Space)  # "5 min"
    assert countdown.running and countdown.remaining() == 300
    assert panel.display.text() == "05:00"
    clock.now += 0.2
    countdown.refresh()
    assert panel.display.text() == "05:00"  # a second is shown until it has fully passed
    clock.now += 60.8
    countdown.refresh()
    assert panel.display.text() == "03:59"
    QTest.keyClick(panel.pause, Qt.Key.Key_Space)
    assert not countdown.running and panel.pause.text() == "Resume"
    clock.now += 500  # paused: no time passes for the timer
    countdown.refresh()
    assert countdown.remaining() == 239
    QTest.keyClick(panel.pause, Qt.Key.Key_Space)
    assert countdown.running
    ends: list[bool] = []
    countdown.finished.connect(lambda: ends.append(True))
    clock.now += 239
    countdown.refresh()
    countdown.refresh()
    assert ends == [True] and not countdown.running
    assert panel.display.text() == "Time's up" and panel.display.done
    QTest.keyClick(panel.reset, Qt.Key.Key_Space)
    assert countdown.remaining() == 300 and panel.display.text() == "05:00"
    assert not panel.display.done


def test_a_custom_length_starts_from_the_spin_box(qtbot) -> None:
    clock = FakeClock()
    countdown = Countdown(clock)
    panel = TimerPanel(countdown)
    qtbot.addWidget(panel)
    panel.custom.setFocus()
    panel.custom.selectAll()
    QTest.keyClicks(panel.custom, "7")
    QTest.keyClick(panel.start_custom, Qt.Key.Key_Space)
    assert countdown.remaining() == 7 * 60 and panel.display.text() == "07:00"


def test_the_end_pulses_a_few_times_then_stays_marked(qtbot) -> None:
    clock = FakeClock()
    countdown = Countdown(clock)
    display = TimerDisplay(countdown)
    qtbot.addWidget(display)
    countdown.start(2)
    clock.now += 2
    styles: list[str] = []
    display._flash.timeout.connect(lambda: styles.append(display.styleSheet()))
    countdown.refresh()
    qtbot.waitUntil(lambda: display.flash_steps >= FLASHES, timeout=6000)
    assert len(set(styles)) == 2  # it alternated between two soft shades
    assert display.done and display.text() == "Time's up"
    assert not display._flash.isActive()  # and then stopped: no endless blinking
