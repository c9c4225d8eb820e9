"""Desktop integration and --version, run as a user would: the real command, a temporary HOME."""

from __future__ import annotations

import os
import shlex
import shutil
import subprocess
import sys
import tomllib
from pathlib import Path

import pytest
from PySide6.QtGui import QImage

from app.desktop_install import FILE_ICON, ICON_SIZES, exec_arg
from tests.conftest import ROOT


def journeyboard(*args: str) -> subprocess.CompletedProcess[str]:
    """``python -m app ARGS`` from the checkout, in this test's HOME and XDG folders."""
    env = dict(os.environ, PYTHONPATH=str(ROOT))
    return subprocess.run([sys.executable, "-m", "app", *args], capture_output=True, text=True,
                          env=env, cwd=ROOT, timeout=120, check=False)


def data_home() -> Path:
    return Path(os.environ["XDG_DATA_HOME"])  # the conftest's temporary one


def exec_command(entry: Path) -> list[str]:
    line = next(x for x in entry.read_text().splitlines() if x.startswith("Exec="))
    args = shlex.split(line.removeprefix("Exec="))
    assert args[-1] == "%f"  # one file per launch: a double-clicked map
    return args[:-1]


@pytest.fixture
def installed() -> Path:
    result = journeyboard("--install-desktop")
    assert result.returncode == 0, result.stderr
    assert "registered" in result.stdout
    return data_home()


def expected_version() -> str:
    return tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]["version"]


def test_version_prints_the_package_version() -> None:
    result = journeyboard("--version")
    assert result.returncode == 0
    assert result.stdout.strip() == f"journeyboard {expected_version()}"


def test_the_menu_entry_starts_this_journeyboard_from_anywhere(installed: Path) -> None:
    command = exec_command(installed / "applications" / "journeyboard.desktop")
    assert Path(command[0]).is_absolute()
    # A menu or file manager runs it with its own environment and folder, not ours.
    env = {k: v for k, v in os.environ.items() if k != "PYTHONPATH"}
    result = subprocess.run([*command, "--version"], capture_output=True, text=True, env=env,
                            cwd=installed, timeout=60, check=False)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == f"journeyboard {expected_version()}"


def test_the_app_and_file_icons_are_installed_in_every_hicolor_size(installed: Path) -> None:
    icons = installed / "icons" / "hicolor"
    assert (icons / "scalable" / "apps" / "journeyboard.svg").is_file()
    assert (icons / "scalable" / "mimetypes" / f"{FILE_ICON}.svg").is_file()
    for size in ICON_SIZES:
        for context, name in (("apps", "journeyboard"), ("mimetypes", FILE_ICON)):
            image = QImage(str(icons / f"{size}x{size}" / context / f"{name}.png"))
            assert (image.width(), image.height()) == (size, size), (context, size)
            # drawn, not blank: the middle of the icon is opaque
            assert image.pixelColor(size // 2, size // 2).alpha() == 255, (context, size)
    mime = (installed / "mime" / "packages" / "journeyboard.xml").read_text()
    assert f'<icon name="{FILE_ICON}"/>' in mime
    assert '<generic-icon name="x-office-document"/>' in mime


def test_the_menu_entry_passes_desktop_file_validate(installed: Path) -> None:
    validator = shutil.which("desktop-file-validate")
    if validator is None:
        pytest.skip("desktop-file-validate not installed (apt-get install desktop-file-utils)")
    entry = installed / "applications" / "journeyboard.desktop"
    result = subprocess.run([validator, str(entry)], capture_output=True, text=True, check=False)
    assert result.returncode == 0, result.stdout + result.stderr
    assert result.stdout.strip() == ""  # not even a hint


def test_a_cjm_file_shows_as_a_journeyboard_project_that_opens_in_journeyboard(
    installed: Path, tmp_path: Path
) -> None:
    gio = shutil.which("gio")
    if gio is None or shutil.which("update-mime-database") is None:
        pytest.skip("gio / update-mime-database not installed (libglib2.0-bin, shared-mime-info)")
    assert journeyboard("new", str(tmp_path / "map.cjm")).returncode == 0
    renamed = tmp_path / "map-without-extension"  # recognised by its content, too
    shutil.copy(tmp_path / "map.cjm", renamed)
    for path in (tmp_path / "map.cjm", renamed):
        info = subprocess.run(
            [gio, "info", "-a", "standard::content-type,standard::icon", str(path)],
            capture_output=True, text=True, check=True,
        ).stdout
        assert "standard::content-type: application/x-journeyboard" in info, info
        assert f"standard::icon: {FILE_ICON}," in info, info
    default = subprocess.run([gio, "mime", "application/x-journeyboard"], capture_output=True,
                             text=True, check=True).stdout
    assert "Default application for “application/x-journeyboard”: journeyboard.desktop" in default
    xdg_mime = shutil.which("xdg-mime")
    if xdg_mime is not None:
        filetype = subprocess.run([xdg_mime, "query", "filetype", str(tmp_path / "map.cjm")],
                                  capture_output=True, text=True, check=True).stdout
        assert filetype.strip() == "application/x-journeyboard"


def test_uninstall_removes_everything_install_added(installed: Path) -> None:
    before = {p for p in installed.rglob("*") if p.is_file()}
    assert len(before) > 2 * len(ICON_SIZES)
    result = journeyboard("--uninstall-desktop")
    assert result.returncode == 0, result.stderr
    left = {p.relative_to(installed).as_posix() for p in installed.rglob("*") if p.is_file()}
    ours = [p for p in left if "journeyboard" in p.rsplit("/", 1)[-1]]
    assert ours == []
    globs = installed / "mime" / "globs2"  # rebuilt by update-mime-database, when present
    if globs.exists():
        assert "*.cjm" not in globs.read_text()


def test_exec_paths_with_spaces_and_specials_are_quoted_for_the_desktop_file() -> None:
    assert exec_arg("/opt/journeyboard/journeyboard") == "/opt/journeyboard/journeyboard"
    assert exec_arg("/home/ann/My Apps/journeyboard") == '"/home/ann/My Apps/journeyboard"'
    # spec quoting escapes $ and \ inside quotes; the string escaping then doubles the \
    assert exec_arg("/x/a b$c") == '"/x/a b\\\\$c"'
    assert exec_arg("/x/100%") == "/x/100%%"


@pytest.mark.parametrize("command", ["new", "import", "import-survey", "export", "review-pack"])
def test_every_subcommand_answers_version_too(command: str, capsys) -> None:
    from app.__main__ import main

    with pytest.raises(SystemExit) as done:
        main([command, "--version"])
    assert done.value.code == 0
    assert capsys.readouterr().out.strip() == f"journeyboard {expected_version()}"


def test_the_licence_is_mit_and_the_bundle_ships_it_with_the_fonts_licences() -> None:
    assert (ROOT / "LICENSE").read_text().startswith("MIT License")
    spec = (ROOT / "installer" / "journeyboard.spec").read_text()
    assert '"LICENSE"), "licenses/journeyboard"' in spec
    assert 'collect_data_files("resources")' in spec  # fonts/LICENSE-*.txt, i18n/*.qm
