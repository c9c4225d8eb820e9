"""A 1366x768 laptop at 100 % and at 200 % (QT_SCALE_FACTOR=2): everything fits on it."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]


def screens_file(folder: Path, *screens: tuple[int, int, int, int]) -> Path:
    """A Qt offscreen-platform configuration with these (x, y, width, height) screens."""
    path = folder / "screens.json"
    path.write_text(json.dumps({"screens": [
        {"name": f"screen{i}", "x": x, "y": y, "width": w, "height": h,
         "logicalDpi": 96, "logicalBaseDpi": 96, "dpr": 1}
        for i, (x, y, w, h) in enumerate(screens)]}), encoding="utf-8")
    return path


def run_child(module: str, folder: Path, scale: str, *screens: tuple[int, int, int, int],
              args: tuple[str, ...] = ()) -> dict:
    env = dict(os.environ)
    env["QT_QPA_PLATFORM"] = f"offscreen:configfile={screens_file(folder, *screens)}"
    env["QT_SCALE_FACTOR"] = scale
    env["PYTHONPATH"] = str(ROOT)
    state = folder / "state"
    state.mkdir(exist_ok=True)
    result = subprocess.run([sys.executable, "-m", module, str(state), *args],
                            capture_output=True, text=True, env=env, cwd=ROOT, timeout=180)
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout.strip().splitlines()[-1])


@pytest.mark.parametrize("scale", ["1", "2"])
def test_the_window_with_every_panel_and_every_dialog_fit_a_1366x768_laptop(
        tmp_path: Path, scale: str) -> None:
    found = run_child("tests.app.small_screen_child", tmp_path, scale, (0, 0, 1366, 768))
    width, height = found["available"]
    assert (width, height) == ((1366, 768) if scale == "1" else (683, 384))
    too_big = {name: size for name, size in found["sizes"].items()
               if size[0] > width or size[1] > height}
    assert too_big == {}, f"larger than {width}x{height}: {too_big}"
    assert "survey wizard as opened" in found["sizes"]


def test_presenter_goes_full_screen_on_the_chosen_screen_and_the_editor_keeps_the_other(
        tmp_path: Path) -> None:
    laptop, projector = (0, 0, 1366, 768), (1366, 0, 1920, 1080)
    found = run_child("tests.app.two_screens_child", tmp_path, "1", laptop, projector)
    assert found["screens"] == ["screen0", "screen1"]
    assert found["menu"] == ["&Automatic (a screen without the editor)",
                             "Screen 1: screen0 (1366 x 768)",
                             "Screen 2: screen1 (1920 x 1080)"]
    # Automatic: the projector shows the map, the laptop keeps the editor.
    assert found["automatic"] == {"presenter": "screen1", "full_screen": True,
                                  "presenter_geometry": [1366, 0, 1920, 1080],
                                  "editor": "screen0"}
    # The laptop's screen chosen: the presenter takes it, the editor moves to the other.
    assert found["chosen first"] == {"presenter": "screen0", "full_screen": True,
                                     "presenter_geometry": [0, 0, 1366, 768],
                                     "editor": "screen1"}
    assert found["automatic again"]["presenter"] != found["automatic again"]["editor"]
