"""Entry point: ``python -m app [FILE]`` starts the editor; subcommands run headless."""

from __future__ import annotations

import argparse
import os
import sys

from app.version import VersionAction

CLI_COMMANDS = ("new", "import", "import-survey", "export", "review-pack")

NO_DISPLAY_MESSAGE = """\
journeyboard: no display found, so the editor window cannot open.
  - On a desktop, start it from your graphical session.
  - On a server, run it under a virtual display:
      xvfb-run -s "-screen 0 1600x1000x24" bash installer/dev.sh run [FILE]
  - Or use the headless command line, for example:
      python -m app new map.cjm --template cjm7 --journey "Checkout"
      python -m app export map.cjm --pdf poster.pdf --paper A0 --landscape
      python -m app import-survey answers.xlsx --into map.cjm --score NPS --target Touchpoint
    (python -m app new --help, import --help, export --help)"""


def display_available() -> bool:
    """Whether a Qt window can be shown here (X11/Wayland, or an explicit QPA platform)."""
    if sys.platform in ("win32", "darwin"):
        return True
    platform = os.environ.get("QT_QPA_PLATFORM", "").split(":")[0]
    if platform == "xcb":
        return bool(os.environ.get("DISPLAY"))
    if platform.startswith("wayland"):
        return bool(os.environ.get("WAYLAND_DISPLAY"))
    if platform:  # offscreen, vnc, eglfs, ...: no desktop session needed
        return True
    return bool(os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY"))


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="journeyboard",
        description="Journeyboard: an offline editor for customer journey maps.",
        epilog=(
            "Headless commands (no screen needed): "
            + ", ".join(CLI_COMMANDS)
            + ". Run 'python -m app COMMAND --help' for each."
        ),
    )
    parser.add_argument("file", nargs="?", help="a .cjm project file to open")
    parser.add_argument("--version", action=VersionAction,
                        help="show program's version number and exit")
    parser.add_argument(
        "--template",
        choices=("blank", "cjm7", "blueprint"),
        default="cjm7",
        help="template of the new map when no file is given (default: cjm7)",
    )
    desktop = parser.add_mutually_exclusive_group()
    desktop.add_argument(
        "--install-desktop",
        action="store_true",
        help="add Journeyboard to this user's application menu, with its icons and the .cjm "
        "file type (Linux desktops; run it again after moving the installation)",
    )
    desktop.add_argument(
        "--uninstall-desktop",
        action="store_true",
        help="remove what --install-desktop added",
    )
    # For the bundle smoke test: start the editor, then quit after SECONDS with status 0
    # if its main window was shown (and 3 if not).
    parser.add_argument("--quit-after", type=float, metavar="SECONDS", help=argparse.SUPPRESS)
    # The usage line names the headless commands too: they are the other way to run it.
    editor = parser.format_usage().removeprefix("usage: ").strip()
    parser.usage = f"{editor}\n       journeyboard {{{','.join(CLI_COMMANDS)}}} ..."
    return parser


def _quit_when_shown(seconds: float) -> None:
    """Make the editor that is about to start quit by itself once its window is up."""
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication, QMainWindow

    if QApplication.instance() is None:
        QApplication(sys.argv[:1])  # run_gui uses the existing instance

    def check() -> None:
        shown = [w for w in QApplication.topLevelWidgets()
                 if isinstance(w, QMainWindow) and w.isVisible()]
        for window in shown:
            print(f"shown: {window.windowTitle()}", flush=True)
            window.setWindowModified(False)  # quit without the Save/Discard question
        QApplication.exit(0 if shown else 3)

    QTimer.singleShot(int(seconds * 1000), check)


# The Qt-free modules a window needs, imported before PySide6 (see below). Only speed
# depends on this list: a module missing here is imported later, as before.
_BEFORE_QT = (
    "platformdirs", "sqlalchemy.orm", "sqlalchemy.dialects.sqlite", "model.store",
    "model.edits", "model.templates", "model.completeness", "model.csv_io",
    "model.metric_records", "model.register", "model.navigation", "model.heat",
    "model.palette", "model.capture", "model.survey", "model.metric_diff", "model.diff",
)


def _import_model_before_qt() -> None:
    """Import the Qt-free model (SQLAlchemy with it) before PySide6.

    Once PySide6 is imported, its import hook reads the source of every module imported
    after it (looking for "PySide6" in it), and keeps it in memory; the model and
    SQLAlchemy are some 400 modules the editor needs anyway. Imported first, a start
    takes about 8 % less CPU and 17 MiB less memory. Not when another editor seems to
    be running: a second launch only hands its file over, and the import (about 0.33 s
    CPU) would only delay that.
    """
    from importlib import import_module

    for name in _BEFORE_QT:
        import_module(name)


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    if argv and argv[0] in CLI_COMMANDS:
        from app.cli import run_cli

        return run_cli(argv)
    args = build_parser().parse_args(argv)
    if args.install_desktop or args.uninstall_desktop:
        from app.desktop_install import run

        return run(uninstall=args.uninstall_desktop)
    if not display_available():
        print(NO_DISPLAY_MESSAGE, file=sys.stderr)
        return 2
    from app import workspace_root
    from app.instance_name import editor_seems_running

    if not editor_seems_running(workspace_root()):  # a second launch hands over at once
        _import_model_before_qt()
    # A running editor takes the file before this one builds anything.
    from app.single_instance import claim

    status, server = claim(args.file)
    if status is not None:
        return status
    from app.gui import run_gui

    if args.quit_after is not None:
        _quit_when_shown(args.quit_after)
    return run_gui(args.file, args.template, server)


if __name__ == "__main__":
    sys.exit(main())
