"""The card palette: kinds in order, their colours, and what a drag carries."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QMimeData, QPoint, Qt
from PySide6.QtGui import QColor, QDrag
from PySide6.QtTest import QTest
from pytestqt.qtbot import QtBot

import widgets.palette as palette_module
from model.style import CARD_KIND_COLORS
from widgets.palette import PALETTE_MIME, CardPalette, card_drag_pixmap, kind_from_mime

EXPECTED = [
    ("touchpoint", "Touchpoint"),
    ("action", "Action"),
    ("thought", "Thought"),
    ("pain_point", "Pain point"),
    ("opportunity", "Opportunity"),
    ("backstage", "Backstage"),
    ("note", "Note"),
]


@pytest.fixture
def palette(qtbot: QtBot) -> CardPalette:
    widget = CardPalette()
    qtbot.addWidget(widget)
    widget.resize(widget.sizeHint())
    widget.show()
    qtbot.waitExposed(widget)
    return widget


def _center(palette: CardPalette, kind: str) -> QPoint:
    item = palette.item_for(kind)
    assert item is not None
    return palette.visualItemRect(item).center()


def test_lists_all_seven_kinds_in_workshop_order_with_labels(palette: CardPalette) -> None:
    labels = [palette.item(row).text() for row in range(palette.count())]
    assert labels == [label for _kind, label in EXPECTED]
    assert palette.kinds() == [kind for kind, _label in EXPECTED]


def test_each_entry_shows_a_swatch_in_its_kind_colour(palette: CardPalette) -> None:
    for kind, _label in EXPECTED:
        item = palette.item_for(kind)
        assert item is not None
        image = item.icon().pixmap(16, 16).toImage()
        assert image.pixelColor(8, 8) == QColor(CARD_KIND_COLORS[kind])


def test_all_entries_are_visible_without_scrolling(palette: CardPalette) -> None:
    viewport = palette.viewport().rect()
    for row in range(palette.count()):
        assert viewport.contains(palette.visualItemRect(palette.item(row)))
    assert palette.sizeHint().width() <= 180  # a narrow dock, not a wide panel


def test_tooltips_say_to_drag_into_a_cell(palette: CardPalette) -> None:
    for row in range(palette.count()):
        assert "drag into a cell" in palette.item(row).toolTip().lower()


def test_mime_for_carries_only_the_kind_as_utf8(palette: CardPalette) -> None:
    mime = palette.mime_for("pain_point")
    assert mime.formats() == [PALETTE_MIME]
    assert bytes(mime.data(PALETTE_MIME).data()) == b"pain_point"
    assert kind_from_mime(mime) == "pain_point"
    assert palette.mimeTypes() == [PALETTE_MIME]


def test_mime_data_of_the_clicked_entry(palette: CardPalette, qtbot: QtBot) -> None:
    QTest.mouseClick(
        palette.viewport(), Qt.MouseButton.LeftButton, pos=_center(palette, "opportunity")
    )
    selected = palette.selectedItems()
    assert [item.text() for item in selected] == ["Opportunity"]
    mime = palette.mimeData(selected)
    assert bytes(mime.data(PALETTE_MIME).data()) == b"opportunity"


def test_kind_from_mime_rejects_foreign_data() -> None:
    foreign = QMimeData()
    foreign.setText("pain_point")
    assert kind_from_mime(foreign) is None
    unknown = QMimeData()
    unknown.setData(PALETTE_MIME, b"spaceship")
    assert kind_from_mime(unknown) is None
    broken = QMimeData()
    broken.setData(PALETTE_MIME, b"\xff\xfe")
    assert kind_from_mime(broken) is None


def test_dragging_an_entry_starts_a_copy_drag_with_the_kind(
    palette: CardPalette, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    started: list[tuple[str | None, Qt.DropAction, bool]] = []

    class RecordingDrag(QDrag):
        def exec(self, *args: object) -> Qt.DropAction:  # no nested drag loop in a test
            action = args[0] if args else Qt.DropAction.MoveAction
            started.append((kind_from_mime(self.mimeData()), action, self.pixmap().isNull()))
            return Qt.DropAction.CopyAction

    monkeypatch.setattr(palette_module, "QDrag", RecordingDrag)
    start = _center(palette, "thought")
    QTest.mousePress(palette.viewport(), Qt.MouseButton.LeftButton, pos=start)
    for step in range(1, 6):
        QTest.mouseMove(palette.viewport(), start + QPoint(step * 8, 0))
    QTest.mouseRelease(palette.viewport(), Qt.MouseButton.LeftButton, pos=start + QPoint(40, 0))
    assert started == [("thought", Qt.DropAction.CopyAction, False)]


def test_drag_pixmap_looks_like_a_card_of_that_kind() -> None:
    pixmap = card_drag_pixmap("pain_point")
    assert not pixmap.isNull()
    image = pixmap.toImage()
    # The card body (away from the label in the top-left) is the kind's fill.
    fill = image.pixelColor(image.width() - 12, image.height() - 10)
    expected = QColor(CARD_KIND_COLORS["pain_point"])
    assert abs(fill.red() - expected.red()) < 24
    assert abs(fill.green() - expected.green()) < 24
    assert abs(fill.blue() - expected.blue()) < 24


def test_double_click_emits_kind_activated(palette: CardPalette, qtbot: QtBot) -> None:
    seen: list[str] = []
    palette.kind_activated.connect(seen.append)
    pos = _center(palette, "thought")
    QTest.mouseClick(palette.viewport(), Qt.MouseButton.LeftButton, pos=pos)
    QTest.mouseDClick(palette.viewport(), Qt.MouseButton.LeftButton, pos=pos)
    assert seen == ["thought"]


def test_enter_on_the_current_entry_emits_kind_activated(
    palette: CardPalette, qtbot: QtBot
) -> None:
    seen: list[str] = []
    palette.kind_activated.connect(seen.append)
    palette.setFocus()
    palette.setCurrentRow(0)
    QTest.keyClick(palette, Qt.Key.Key_Down)
    QTest.keyClick(palette, Qt.Key.Key_Down)
    QTest.keyClick(palette, Qt.Key.Key_Return)
    assert seen == ["thought"]


def test_the_drag_card_is_drawn_at_the_maps_zoom() -> None:
    full = card_drag_pixmap("pain_point", 1.0, 1.0)
    half = card_drag_pixmap("pain_point", 1.0, 0.5)
    tiny = card_drag_pixmap("pain_point", 1.0, 0.1)  # never too small to read its label
    assert half.width() == round(full.width() * 0.5) and half.height() == round(full.height() * 0.5)
    assert tiny.width() >= round(full.width() * 0.45) > 0

