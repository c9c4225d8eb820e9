"""installer/dev.sh on a machine where another program holds the apt/dpkg lock."""

from __future__ import annotations

import os
import subprocess
import time
from pathlib import Path

from tests.conftest import ROOT


def _fake_tools(tmp_path: Path, lock_failures: int) -> tuple[Path, Path]:
    """dpkg-query saying xvfb is missing, an apt-get that is locked N times, a fake venv."""
    bin_dir = tmp_path / "bin"
    bin_dir.mkdir()
    calls = tmp_path / "apt-calls"
    (bin_dir / "dpkg-query").write_text(
        '#!/bin/sh\n[ "$3" = xvfb ] && exit 1\necho "install ok installed"\n')
    (bin_dir / "apt-get").write_text(
        "#!/bin/sh\n"
        f'echo "$@" >> "{calls}"\n'
        f'n=$(wc -l < "{calls}")\n'
        f'if [ "$n" -le {lock_failures} ]; then\n'
        '  echo "E: Could not get lock /var/lib/dpkg/lock-frontend. It is held by process 42"'
        " >&2\n  exit 100\nfi\n")
    venv = tmp_path / "venv"
    (venv / "bin").mkdir(parents=True)
    (venv / "bin" / "python").write_text('#!/bin/sh\necho "pytest would run: $*"\n')
    for tool in bin_dir.iterdir():
        tool.chmod(0o755)
    (venv / "bin" / "python").chmod(0o755)
    time.sleep(0.01)
    (venv / ".journeyboard-installed").touch()
    os.utime(venv / ".journeyboard-installed", (time.time() + 5, time.time() + 5))
    return bin_dir, venv


def _run(tmp_path: Path, lock_failures: int) -> subprocess.CompletedProcess[str]:
    bin_dir, venv = _fake_tools(tmp_path, lock_failures)
    env = dict(os.environ, PATH=f"{bin_dir}:{os.environ['PATH']}", JOURNEYBOARD_VENV=str(venv),
               JOURNEYBOARD_APT_WAIT="0", PYTHON="python3")
    env.pop("SUDO_USER", None)
    return subprocess.run(["bash", str(ROOT / "installer" / "dev.sh"), "test", "-k", "x"],
                          env=env, capture_output=True, text=True, timeout=60)


def test_a_held_apt_lock_is_explained_in_one_line_and_waited_for(tmp_path: Path) -> None:
    if os.geteuid() != 0:
        import pytest

        pytest.skip("dev.sh asks for sudo when not root; this test runs the root path")
    result = _run(tmp_path, lock_failures=2)
    assert result.returncode == 0, result.stderr
    assert "pytest would run: -m pytest -q -k x" in result.stdout
    waiting = [line for line in result.stderr.splitlines() if "locked" in line]
    assert len(waiting) == 1 and "waiting" in waiting[0]
    assert "Could not get lock" not in result.stderr  # apt's raw error is not shown
    calls = (tmp_path / "apt-calls").read_text().splitlines()
    assert calls[-1].startswith("-o DPkg::Lock::Timeout=60 install")


def test_a_real_apt_failure_is_reported_briefly_and_stops(tmp_path: Path) -> None:
    if os.geteuid() != 0:
        import pytest

        pytest.skip("dev.sh asks for sudo when not root; this test runs the root path")
    bin_dir, venv = _fake_tools(tmp_path, lock_failures=0)
    (bin_dir / "apt-get").write_text('#!/bin/sh\necho "E: Unable to locate package xvfb" >&2\n'
                                     "exit 100\n")
    env = dict(os.environ, PATH=f"{bin_dir}:{os.environ['PATH']}", JOURNEYBOARD_VENV=str(venv),
               JOURNEYBOARD_APT_WAIT="0", PYTHON="python3")
    result = subprocess.run(["bash", str(ROOT / "installer" / "dev.sh"), "test"], env=env,
                            capture_output=True, text=True, timeout=60)
    assert result.returncode == 1
    assert "apt-get update failed" in result.stderr
    assert "Unable to locate package" in result.stderr
    assert "pytest would run" not in result.stdout
