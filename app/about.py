"""What Help → About shows: versions and licences of Journeyboard and what it is built on."""

from __future__ import annotations

import platform
import sys
from importlib import metadata, resources
from pathlib import Path

from PySide6.QtCore import qVersion
from PySide6.QtWidgets import QWidget

from app.version import DISTRIBUTION, app_version
from widgets.about_dialog import AboutDialog, AboutInfo, Component, LicenceText
from widgets.i18n import qtr

CHECKOUT = Path(__file__).resolve().parent.parent


def _library_versions() -> dict[str, str]:
    import PIL
    import PySide6
    import reportlab
    import sqlalchemy

    return {"PySide6": PySide6.__version__, "SQLAlchemy": sqlalchemy.__version__,
            "ReportLab": reportlab.Version, "Pillow": PIL.__version__}


def components() -> list[Component]:
    """The runtime and libraries a user may ask about, with the licence each is under."""
    v = _library_versions()
    return [
        Component("Journeyboard", app_version(), "MIT", qtr("this program")),
        Component("Python", platform.python_version(), "PSF-2.0", qtr("runs the program")),
        Component("Qt", qVersion(), "LGPL-3.0", qtr("windows, canvas, PNG and SVG export")),
        Component("PySide6", v["PySide6"], "LGPL-3.0", qtr("Qt for Python")),
        Component("SQLAlchemy", v["SQLAlchemy"], "MIT", qtr("the .cjm project file")),
        Component("ReportLab", v["ReportLab"], "BSD-3-Clause", qtr("PDF posters")),
        Component("Pillow", v["Pillow"], "MIT-CMU", qtr("persona photos")),
        Component("DejaVu Sans", "2.37", qtr("Bitstream Vera licence"),
                  qtr("text in PDF exports")),
        Component("Droid Sans Fallback", "1.00", "Apache-2.0",
                  qtr("Chinese, Japanese and Korean text in PDF exports")),
    ]


def own_licence() -> str:
    """Journeyboard's LICENSE: from the installed metadata, the checkout or the bundle."""
    candidates: list[Path] = [CHECKOUT / "LICENSE"]
    bundle = getattr(sys, "_MEIPASS", None)
    if bundle:
        candidates.insert(0, Path(bundle) / "licenses" / "journeyboard" / "LICENSE")
    for candidate in candidates:
        if candidate.is_file():
            return candidate.read_text(encoding="utf-8")
    try:
        text = metadata.distribution(DISTRIBUTION).read_text("licenses/LICENSE")
    except metadata.PackageNotFoundError:
        text = None
    return text or qtr("The MIT License (the LICENSE file was not found).")


def font_licences() -> list[LicenceText]:
    """The licence texts shipped beside the bundled fonts (resources/fonts/LICENSE-*.txt)."""
    fonts = resources.files("resources").joinpath("fonts")
    titles = {"LICENSE-DejaVu.txt": qtr("DejaVu fonts"),
              "LICENSE-DroidSansFallback.txt": qtr("Droid Sans Fallback font")}
    found = []
    for entry in sorted(fonts.iterdir(), key=lambda e: e.name):
        if entry.name.startswith("LICENSE-") and entry.name.endswith(".txt"):
            title = titles.get(entry.name, entry.name.removeprefix("LICENSE-")[:-4])
            found.append(LicenceText(title, entry.read_text(encoding="utf-8")))
    return found


def about_info() -> AboutInfo:
    return AboutInfo(app_version(), components(),
                     [LicenceText("Journeyboard (MIT)", own_licence()), *font_licences()])


def show_about(parent: QWidget | None) -> AboutDialog:
    """Open the About box (modeless, one at a time is enough: it is closed with the window)."""
    dialog = AboutDialog(about_info(), parent)
    dialog.show()
    return dialog
