"""A countdown for timeboxed workshop activities, its display, and its control panel."""

from __future__ import annotations

import math
import time
from collections.abc import Callable
from enum import Enum

from PySide6.QtCore import QObject, Qt, QTimer, Signal
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from widgets.chrome import chrome, follow_desktop

PRESET_MINUTES = (5, 10, 15)
TICK_MS = 200
FLASH_MS = 450
FLASHES = 6  # on/off changes: three soft pulses, then it stays marked


class Look(Enum):
    """How the timer is marked: running, time up, or the pulse at the end."""

    IDLE = "idle"
    DONE = "done"
    FLASH = "flash"


def look_style(look: Look) -> str:
    """The timer's style sheet: the palette's own text while running, then marked."""
    box = "border-radius: 6px; padding: 2px 10px;"
    if look is Look.IDLE:
        return f"QLabel {{ {box} }}"
    c = chrome()
    fill = c.timer_flash_fill if look is Look.FLASH else c.timer_done_fill
    return f"QLabel {{ color: {c.timer_done_text}; background: {fill}; {box} }}"


def format_seconds(seconds: int) -> str:
    """mm:ss (or h:mm:ss for an hour or more)."""
    seconds = max(0, seconds)
    hours, rest = divmod(seconds, 3600)
    minutes, secs = divmod(rest, 60)
    return f"{hours}:{minutes:02d}:{secs:02d}" if hours else f"{minutes:02d}:{secs:02d}"


class Countdown(QObject):
    """Counts down from a duration; the clock is passed in so that tests need not wait."""

    changed = Signal(int)  # whole seconds left (rounded up)
    finished = Signal()

    def __init__(self, clock: Callable[[], float] = time.monotonic,
                 parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._clock = clock
        self._duration = 0.0
        self._left = 0.0  # while paused or stopped
        self._ends_at: float | None = None  # while running
        self._shown = -1
        self._ticker = QTimer(self)
        self._ticker.setInterval(TICK_MS)
        self._ticker.timeout.connect(self.refresh)

    @property
    def running(self) -> bool:
        return self._ends_at is not None

    @property
    def duration(self) -> int:
        return round(self._duration)

    def remaining(self) -> int:
        left = self._ends_at - self._clock() if self._ends_at is not None else self._left
        return max(0, math.ceil(left - 1e-9))

    def start(self, seconds: int) -> None:
        """Start counting down from ``seconds`` (a preset or a custom length)."""
        self._duration = float(seconds)
        self._left = float(seconds)
        self._ends_at = self._clock() + seconds
        self._ticker.start()
        self.refresh()

    def toggle(self) -> None:
        """Pause a running countdown, or resume a paused one."""
        if self._ends_at is not None:
            self._left = max(0.0, self._ends_at - self._clock())
            self._ends_at = None
            self._ticker.stop()
        elif self._left > 0:
            self._ends_at = self._clock() + self._left
            self._ticker.start()
        self.refresh()

    def reset(self) -> None:
        """Back to the full length, stopped."""
        self._ends_at = None
        self._ticker.stop()
        self._left = self._duration
        self.refresh()

    def refresh(self) -> None:
        """Report the time left; end the countdown when it reaches zero."""
        left = self.remaining()
        if left != self._shown:
            self._shown = left
            self.changed.emit(left)
        if self._ends_at is not None and left == 0:
            self._ends_at = None
            self._left = 0.0
            self._ticker.stop()
            self.finished.emit()


class TimerDisplay(QLabel):
    """The time left, large; at the end it pulses softly a few times, then stays marked."""

    def __init__(self, countdown: Countdown, point_size: float = 20.0,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.countdown = countdown
        font = QFont(self.font())
        font.setPointSizeF(point_size)
        font.setBold(True)
        font.setStyleHint(QFont.StyleHint.Monospace)
        self.setFont(font)
        self.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.setAccessibleName(self.tr("Time left"))
        self.look = Look.IDLE
        follow_desktop(self, lambda: self.setStyleSheet(look_style(self.look)))
        self.flash_steps = 0
        self._flash = QTimer(self)
        self._flash.setInterval(FLASH_MS)
        self._flash.timeout.connect(self._pulse)
        countdown.changed.connect(self._show)
        countdown.finished.connect(self.flash)
        self._show(countdown.remaining())

    @property
    def done(self) -> bool:
        """True once the time is up, until the countdown starts again."""
        return self.look is not Look.IDLE

    def _show(self, seconds: int) -> None:
        self.setText(format_seconds(seconds))
        if seconds > 0 and self.done:
            self._flash.stop()
            self._mark(Look.IDLE)

    def flash(self) -> None:
        self.flash_steps = 0
        self.setText(self.tr("Time's up"))
        self._mark(Look.FLASH)
        self._flash.start()

    def _pulse(self) -> None:
        self.flash_steps += 1
        if self.flash_steps >= FLASHES:
            self._flash.stop()
            self._mark(Look.DONE)
            return
        self._mark(Look.FLASH if self.flash_steps % 2 == 0 else Look.DONE)

    def _mark(self, look: Look) -> None:
        self.look = look
        self.setStyleSheet(look_style(look))


class TimerPanel(QWidget):
    """Presets, a custom length, pause/resume and reset around a TimerDisplay."""

    def __init__(self, countdown: Countdown, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.countdown = countdown
        self.setAccessibleName(self.tr("Timer"))
        self.display = TimerDisplay(countdown, 22.0)
        presets = QHBoxLayout()
        self.preset_buttons: list[QPushButton] = []
        for minutes in PRESET_MINUTES:
            button = QPushButton(self.tr("{0} min").format(minutes))
            button.setAccessibleName(self.tr("Start {0} minutes").format(minutes))
            button.clicked.connect(lambda _c=False, m=minutes: countdown.start(m * 60))
            presets.addWidget(button)
            self.preset_buttons.append(button)
        self.custom = QSpinBox()
        self.custom.setRange(1, 180)
        self.custom.setValue(20)
        self.custom.setSuffix(self.tr(" min"))
        self.custom.setAccessibleName(self.tr("Custom length in minutes"))
        inner = self.custom.findChild(QLineEdit)
        if inner is not None:  # what Tab actually lands on
            inner.setAccessibleName(self.tr("Custom length in minutes"))
        self.start_custom = QPushButton(self.tr("&Start"))
        self.start_custom.setAccessibleName(self.tr("Start custom length"))
        self.start_custom.clicked.connect(lambda: countdown.start(self.custom.value() * 60))
        self.pause = QPushButton(self.tr("Pause"))
        self.pause.setAccessibleName(self.tr("Pause or resume the timer"))
        self.pause.clicked.connect(countdown.toggle)
        self.pause.clicked.connect(self._sync_buttons)
        self.reset = QPushButton(self.tr("Reset"))
        self.reset.setAccessibleName(self.tr("Reset the timer"))
        self.reset.clicked.connect(countdown.reset)
        self.reset.clicked.connect(self._sync_buttons)
        controls = QGridLayout()
        controls.addWidget(self.custom, 0, 0)
        controls.addWidget(self.start_custom, 0, 1)
        controls.addWidget(self.pause, 1, 0)
        controls.addWidget(self.reset, 1, 1)
        box = QVBoxLayout(self)
        box.setContentsMargins(6, 6, 6, 6)
        box.addWidget(self.display)
        box.addLayout(presets)
        box.addLayout(controls)
        box.addStretch(1)
        countdown.changed.connect(self._sync_buttons)
        countdown.finished.connect(self._sync_buttons)
        self._sync_buttons()

    def _sync_buttons(self, *_args: object) -> None:
        self.pause.setText(self.tr("Pause") if self.countdown.running else self.tr("Resume"))
        self.pause.setEnabled(self.countdown.running or self.countdown.remaining() > 0)
        self.reset.setEnabled(self.countdown.duration > 0)
