"""Register Journeyboard with a freedesktop desktop for one user: menu entry, icons, .cjm type.

Works from a pip/venv install, a source checkout and the standalone bundle: the menu
entry's ``Exec=`` is the absolute command that started this very program.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from collections.abc import Iterator
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path

APP_ID = "journeyboard"
MIME_TYPE = "application/x-journeyboard"
FILE_ICON = "application-x-journeyboard"  # the icon name shared-mime-info derives for the type
ICON_SIZES = (16, 22, 24, 32, 48, 64, 128, 256, 512)

# Characters that force quoting of an Exec argument (Desktop Entry spec, "The Exec key").
_RESERVED = re.compile(r"[\s\"'\\><~|&;$*?#()`]")


@dataclass
class InstallReport:
    """What an install or uninstall did, for the message to the user."""

    data_home: Path
    exec_line: str = ""
    files: list[Path] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)


def data_home() -> Path:
    """``$XDG_DATA_HOME``, or ``~/.local/share`` (where per-user menus, icons, types live)."""
    value = os.environ.get("XDG_DATA_HOME", "")
    return Path(value) if os.path.isabs(value) else Path.home() / ".local" / "share"


def _importable_without_help(python: str, package_root: Path) -> bool:
    """Whether ``python -m app`` started from anywhere finds this same checkout."""
    env = {k: v for k, v in os.environ.items() if k not in ("PYTHONPATH", "PYTHONHOME")}
    try:
        found = subprocess.run(
            [python, "-c", "import app, os; print(os.path.dirname(os.path.dirname("
             "os.path.realpath(app.__file__))))"],
            capture_output=True, text=True, env=env, cwd=Path.home(), timeout=60, check=False,
        ).stdout.strip()
    except (OSError, subprocess.TimeoutExpired):
        return False
    return bool(found) and Path(found) == package_root.resolve()


def launch_command() -> list[str]:
    """The absolute command line that starts the program that is running now."""
    if getattr(sys, "frozen", False):  # the PyInstaller bundle
        return [str(Path(sys.executable).resolve())]
    argv0 = Path(sys.argv[0]) if sys.argv and sys.argv[0] else None
    if argv0 is not None and argv0.name.startswith(APP_ID) and argv0.is_file():
        return [str(argv0.absolute())]  # the `journeyboard` script of a pip/venv install
    python = str(Path(sys.executable).absolute())
    package_root = Path(__file__).resolve().parent.parent
    if _importable_without_help(python, package_root):
        return [python, "-m", "app"]
    # A checkout run with PYTHONPATH: the menu entry has to bring the path along.
    return ["/usr/bin/env", f"PYTHONPATH={package_root}", python, "-m", "app"]


def exec_arg(arg: str) -> str:
    """One argument quoted for an ``Exec=`` key (spec quoting, then string escaping)."""
    arg = arg.replace("%", "%%")
    if _RESERVED.search(arg):
        arg = '"' + re.sub(r'(["`$\\])', r"\\\1", arg) + '"'
    return arg.replace("\\", "\\\\")


def desktop_entry(command: list[str]) -> str:
    """The shipped .desktop file with this installation's absolute Exec and TryExec."""
    template = resources.files("resources").joinpath("desktop/journeyboard.desktop")
    exec_line = " ".join(exec_arg(a) for a in command) + " %f"
    program = command[2] if command[0] == "/usr/bin/env" else command[0]
    lines = []
    for line in template.read_text(encoding="utf-8").splitlines():
        if line.startswith(("Exec=", "TryExec=")):
            continue
        lines.append(line)
        if line.startswith("Type="):  # the menu hides the entry once the program is gone
            lines.append("TryExec=" + program.replace("\\", "\\\\"))
            lines.append(f"Exec={exec_line}")
    return "\n".join(lines) + "\n"


def _targets(home: Path) -> Iterator[tuple[str, Path]]:
    """(kind, path) of every file an install writes; uninstall removes exactly these."""
    icons = home / "icons" / "hicolor"
    yield "desktop", home / "applications" / f"{APP_ID}.desktop"
    yield "mime", home / "mime" / "packages" / f"{APP_ID}.xml"
    yield "svg-app", icons / "scalable" / "apps" / f"{APP_ID}.svg"
    yield "svg-file", icons / "scalable" / "mimetypes" / f"{FILE_ICON}.svg"
    for size in ICON_SIZES:
        yield f"png-app-{size}", icons / f"{size}x{size}" / "apps" / f"{APP_ID}.png"
        yield f"png-file-{size}", icons / f"{size}x{size}" / "mimetypes" / f"{FILE_ICON}.png"


def _write_atomic(path: Path, data: bytes) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(f".{path.name}.tmp")
    tmp.write_bytes(data)
    tmp.chmod(0o644)
    os.replace(tmp, path)


def render_png(svg: bytes, size: int) -> bytes:
    """An SVG drawn as a square PNG of ``size`` pixels (Qt's SVG renderer, no display)."""
    from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QRectF, Qt
    from PySide6.QtGui import QGuiApplication, QImage, QPainter
    from PySide6.QtSvg import QSvgRenderer

    if QGuiApplication.instance() is None:  # QPainter on a QImage needs fonts/platform
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
        _app_holder.append(QGuiApplication([sys.argv[0] if sys.argv else APP_ID]))
    renderer = QSvgRenderer(QByteArray(svg))
    if not renderer.isValid():
        raise ValueError("the icon is not a valid SVG")
    image = QImage(size, size, QImage.Format.Format_ARGB32_Premultiplied)
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    renderer.render(painter, QRectF(0, 0, size, size))
    painter.end()
    buffer = QBuffer()
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    if not image.save(buffer, "PNG"):  # type: ignore[call-overload]  # stub says bytes
        raise ValueError("the icon could not be written as PNG")
    return bytes(buffer.data().data())


_app_holder: list[object] = []  # keeps a QGuiApplication made for rendering alive


def _refresh_caches(home: Path, report: InstallReport) -> None:
    """Rebuild the per-user MIME, desktop and icon caches where the tools exist."""
    steps = (
        ("update-mime-database", [str(home / "mime")]),
        ("update-desktop-database", ["-q", str(home / "applications")]),
        ("gtk-update-icon-cache", ["-q", "-f", "-t", str(home / "icons" / "hicolor")]),
    )
    for tool, args in steps:
        exe = shutil.which(tool)
        if exe is None:
            if tool == "update-mime-database":
                report.warnings.append(
                    "update-mime-database not found (package shared-mime-info): .cjm files "
                    "are recognised after it runs once")
            continue
        if not Path(args[-1]).is_dir():
            continue
        result = subprocess.run([exe, *args], capture_output=True, text=True, check=False)
        if result.returncode != 0:
            report.warnings.append(f"{tool} failed: {result.stderr.strip()}")


def install_desktop(home: Path | None = None, command: list[str] | None = None) -> InstallReport:
    """Write the menu entry, the app and file icons and the .cjm MIME type for this user."""
    home = data_home() if home is None else home
    command = launch_command() if command is None else command
    report = InstallReport(home)
    desktop = resources.files("resources").joinpath("desktop")
    app_svg = desktop.joinpath(f"{APP_ID}.svg").read_bytes()
    file_svg = desktop.joinpath(f"{FILE_ICON}.svg").read_bytes()
    entry = desktop_entry(command)
    report.exec_line = next(x for x in entry.splitlines() if x.startswith("Exec="))
    for kind, path in _targets(home):
        if kind == "desktop":
            data = entry.encode("utf-8")
        elif kind == "mime":
            data = desktop.joinpath("journeyboard-mime.xml").read_bytes()
        elif kind == "svg-app":
            data = app_svg
        elif kind == "svg-file":
            data = file_svg
        else:
            data = render_png(app_svg if "-app-" in kind else file_svg, int(kind.rsplit("-", 1)[1]))
        _write_atomic(path, data)
        report.files.append(path)
    _refresh_caches(home, report)
    return report


def uninstall_desktop(home: Path | None = None) -> InstallReport:
    """Remove exactly the files an install wrote, then refresh the caches."""
    home = data_home() if home is None else home
    report = InstallReport(home)
    for _kind, path in _targets(home):
        if path.exists():
            path.unlink()
            report.files.append(path)
    _refresh_caches(home, report)
    return report


def run(uninstall: bool) -> int:
    """The ``--install-desktop`` / ``--uninstall-desktop`` command: message and exit status."""
    if sys.platform in ("win32", "darwin"):
        print("journeyboard: --install-desktop is for Linux desktops (freedesktop.org); "
              "on Windows and macOS use the bundle's installer.", file=sys.stderr)
        return 2
    try:
        report = uninstall_desktop() if uninstall else install_desktop()
    except (OSError, ValueError) as exc:
        print(f"journeyboard: could not change the desktop registration: {exc}", file=sys.stderr)
        return 1
    for warning in report.warnings:
        print(f"journeyboard: warning: {warning}", file=sys.stderr)
    if uninstall:
        print(f"Journeyboard removed from {report.data_home} ({len(report.files)} files).")
    else:
        print(f"Journeyboard registered in {report.data_home}: menu entry, icons, .cjm files.")
        print(f"  {report.exec_line}")
    return 0
