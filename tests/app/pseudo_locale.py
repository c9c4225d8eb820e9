"""A pseudo-translation that marks every string passing through Qt's translation system."""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator

from PySide6.QtCore import QCoreApplication, QModelIndex, Qt, QTranslator
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QComboBox,
    QGroupBox,
    QLabel,
    QLineEdit,
    QMenu,
    QPlainTextEdit,
    QTabWidget,
    QTextEdit,
    QWidget,
)

OPEN, CLOSE = "[!", "!]"
# Not words: numbers, dates, percentages, signs, arrows, ellipses, colour codes.
NOT_WORDS = re.compile(r"[\d\s.,:;%+\-–—−×·/()\[\]*?!…#°<>=|⚑✓✗✕★↑↓←→▲▼↗↘⋯•’'\"&a-fA-F]*")  # noqa: RUF001
HTML_TAG = re.compile(r"<[^>]+>")


class MarkingTranslator(QTranslator):
    """Every translated string comes back as ``[!text!]``: an unmarked one was never asked."""

    def translate(self, context: str, source: str, disambiguation: str | None = None,
                  n: int = -1) -> str:
        return f"{OPEN}{source}{CLOSE}" if source else source

    def isEmpty(self) -> bool:
        return False


def install_marking_translator() -> MarkingTranslator:
    translator = MarkingTranslator(QCoreApplication.instance())
    QCoreApplication.installTranslator(translator)
    return translator


def _is_data(text: str, data: set[str]) -> bool:
    plain = HTML_TAG.sub("", text).replace("&nbsp;", " ").strip()
    if not plain or OPEN in plain:
        return True
    if NOT_WORDS.fullmatch(plain) and not re.search(r"[g-zG-Z]", plain):
        return True
    if plain in data or plain.replace("&", "") in data:
        return True
    if re.fullmatch(r"[A-Z]{2,5}", plain):  # NPS, CSAT, CES: the same in every language
        return True
    # Text that is all data pieces joined by separators ("Checkout — Journeyboard").
    pieces = [p.strip() for p in re.split(r"\s+[—–·|]\s+|\[\*\]", plain) if p.strip()]  # noqa: RUF001
    return len(pieces) > 1 and all(_is_data(p, data) for p in pieces)


def _widget_texts(widget: QWidget) -> Iterator[tuple[str, str]]:
    if widget.isWindow() or widget.inherits("QDockWidget"):
        yield "window title", widget.windowTitle()
    yield "tooltip", widget.toolTip()
    yield "status tip", widget.statusTip()
    yield "what's this", widget.whatsThis()
    if isinstance(widget, QLabel):
        yield "label", widget.text()
    if isinstance(widget, QAbstractButton):
        yield "button", widget.text()
    if isinstance(widget, QGroupBox):
        yield "group title", widget.title()
    if isinstance(widget, QLineEdit | QTextEdit | QPlainTextEdit):
        yield "placeholder", widget.placeholderText()
    if isinstance(widget, QMenu):
        yield "menu title", widget.title()
    if isinstance(widget, QTabWidget):
        for i in range(widget.count()):
            yield "tab", widget.tabText(i)
            yield "tab tooltip", widget.tabToolTip(i)
    if isinstance(widget, QComboBox):
        for i in range(widget.count()):
            yield "choice", widget.itemText(i)
    if isinstance(widget, QAbstractItemView) and widget.model() is not None:
        model = widget.model()
        try:
            columns = model.columnCount(QModelIndex())
        except TypeError:  # a list model (QStringListModel): no header of its own
            columns = 0
        for column in range(columns):
            value = model.headerData(column, Qt.Orientation.Horizontal)
            if isinstance(value, str):
                yield "column header", value
    if widget.inherits("QWizardPage"):
        yield "page title", widget.title()  # type: ignore[attr-defined]
        yield "page subtitle", widget.subTitle()  # type: ignore[attr-defined]


def untranslated(roots: Iterable[QWidget], data: Iterable[str] = ()) -> list[str]:
    """Texts a user can see under ``roots`` that did not go through tr(), as readable lines."""
    known = set(data)
    found: list[str] = []
    for root in roots:
        for widget in [root, *root.findChildren(QWidget)]:
            where = f"{type(widget).__name__}({widget.objectName() or '-'})"
            for kind, text in _widget_texts(widget):
                if text and not _is_data(text, known):
                    found.append(f"{where} {kind}: {text!r}")
        for action in root.findChildren(QAction):
            where = f"QAction({action.objectName() or '-'})"
            for kind, text in (("text", action.text()), ("tooltip", action.toolTip()),
                               ("status tip", action.statusTip())):
                if text and not _is_data(text, known):
                    found.append(f"{where} {kind}: {text!r}")
    return sorted(set(found))
