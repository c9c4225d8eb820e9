"""Translation outside a QObject: ``qtr("text")`` (lupdate reads it: -tr-function-alias tr+=qtr).

Inside a QObject subclass use ``self.tr("text")``. Placeholders are Python's: translate the
template, then fill it in (``qtr("Saved {0}").format(path)``), so a translation may move them.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication


def qtr(text: str) -> str:
    """The text in the UI language (the catalogue's unnamed context)."""
    return QCoreApplication.translate("", text)
