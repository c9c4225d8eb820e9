"""Marks label strings for translation without Qt: the UI translates them where it shows them.

``pyside6-lupdate`` collects ``QT_TR_NOOP("text")`` into the catalogue's unnamed context,
which is where ``widgets.i18n.qtr`` looks them up.
"""

from __future__ import annotations


def QT_TR_NOOP(text: str) -> str:
    """The text unchanged; lupdate collects it."""
    return text
