"""Big maps in the editor: edits update the canvas exactly, fit shows the whole map."""

from __future__ import annotations

import random

from PySide6.QtCore import QEvent, QPointF, Qt
from PySide6.QtGui import QColor, QMouseEvent
from PySide6.QtWidgets import QApplication

from app.commands import MoveCardsCommand
from app.main_window import MainWindow
from model.entities import Card, Journey
from model.layout import compute_layout
from widgets.items import CardItem
from widgets.scene_blocks import block_color


def journey(win: MainWindow) -> Journey:
    assert win.doc is not None and win.doc.journey_id is not None
    return win.doc.project.journey(win.doc.journey_id)


def card_cells(win: MainWindow) -> list[tuple[int, int]]:
    j = journey(win)
    return [(s.id, lane.id) for s in sorted(j.stages, key=lambda s: s.position)
            for lane in sorted(j.lanes, key=lambda x: x.position)
            if lane.kind not in ("emotion", "divider")]


def fill(win: MainWindow, cells: list[tuple[int, int]], count: int) -> None:
    assert win.doc is not None
    jid = journey(win).id
    win.doc.editor.append_cards(
        [(jid, cells[i % len(cells)], {"kind": "touchpoint", "text": f"card {i} " * 3})
         for i in range(count)]
    )
    QApplication.processEvents()


def assert_items_match_a_full_layout(win: MainWindow) -> None:
    full = compute_layout(journey(win), incremental=False)
    items = win.scene.card_items
    assert set(items) == set(full.cards)
    for card_id, geom in full.cards.items():
        item = items[card_id]
        assert item.geom == geom
        assert (item.x(), item.y()) == (geom.rect.x, geom.rect.y)
        assert (item.boundingRect().width() - 5, item.boundingRect().height() - 5) == (
            geom.rect.w, geom.rect.h)


def test_canvas_after_random_edits_is_exactly_a_full_relayout(window: MainWindow) -> None:
    rng = random.Random(7)
    fill(window, card_cells(window), 300)
    doc = window.doc
    assert doc is not None
    editor = doc.editor
    for _ in range(60):
        j = journey(window)
        cards = list(j.cards)
        roll = rng.random()
        if roll < 0.5:
            ids = [c.id for c in rng.sample(cards, rng.choice((1, 1, 2)))]
            doc.push(MoveCardsCommand(editor, ids, rng.choice(card_cells(window)),
                                      rng.randint(0, 5)))
        elif roll < 0.6:
            doc.undo_stack.undo()
        elif roll < 0.7:
            editor.add_card(j.id, rng.choice(card_cells(window)), 0, {"text": "new"})
        elif roll < 0.8:
            editor.remove_card(rng.choice(cards).id)
        elif roll < 0.88:
            editor.update_card(rng.choice(cards).id, {"text": "longer " * rng.randint(1, 12)})
        elif roll < 0.94:
            stage = rng.choice(list(j.stages))
            editor.update_stage(stage.id, {"width": rng.choice((160.0, 260.0))})
        else:
            lane = rng.choice(list(j.lanes))
            editor.move_lane(lane.id, rng.randint(0, len(j.lanes) - 1))
        QApplication.processEvents()
        assert_items_match_a_full_layout(window)


def test_fit_shows_every_card_of_a_big_map(window: MainWindow) -> None:
    # 2,400 cards in one lane: the map is far taller than 10 % zoom could fit.
    lane_cells = [c for c in card_cells(window) if c[1] == card_cells(window)[0][1]]
    fill(window, lane_cells, 2400)
    window.view.fit()
    QApplication.processEvents()
    layout = window.scene.layout
    assert layout is not None and len(layout.cards) == 2400
    assert window.view.zoom < 0.1
    seen = window.view.visible_scene_rect()
    for geom in layout.cards.values():
        assert seen.contains(QPointF(geom.rect.x, geom.rect.y))
        assert seen.contains(QPointF(geom.rect.right, geom.rect.bottom))
    # And they are drawn: the bottom card of the fullest cell shows as a coloured block.
    image = window.view.viewport().grab().toImage()
    lowest = max(layout.cards.values(), key=lambda g: g.rect.bottom)
    at = window.view.mapFromScene(QPointF(*lowest.rect.center))
    band = layout.lane(lowest.cell[1]).band
    lane_pixel = window.view.mapFromScene(QPointF(band.right - 3, band.y + 3))
    assert image.pixelColor(at) != image.pixelColor(lane_pixel)
    assert _close(image.pixelColor(at), block_color(lowest.fill))


def _close(a: QColor, b: QColor, tolerance: int = 40) -> bool:
    return all(abs(x - y) <= tolerance for x, y in
               ((a.red(), b.red()), (a.green(), b.green()), (a.blue(), b.blue())))


def test_zooming_back_in_brings_back_the_card_text(window: MainWindow) -> None:
    fill(window, card_cells(window)[:3], 900)
    window.view.fit()
    QApplication.processEvents()
    assert window.scene.block_mode
    layout = window.scene.layout
    assert layout is not None
    first = layout.cards[layout.cell_cards[card_cells(window)[0]][0]]
    window.view.set_zoom(1.0)
    window.view.centerOn(QPointF(*first.rect.center))
    QApplication.processEvents()
    assert not window.scene.block_mode
    image = window.view.viewport().grab().toImage()
    top_left = window.view.mapFromScene(QPointF(first.rect.x + 8, first.rect.y + 6))
    dark = sum(
        1
        for dx in range(0, 60)
        for dy in range(0, 14)
        if image.pixelColor(top_left.x() + dx, top_left.y() + dy).lightness() < 110
    )
    assert dark > 20  # the text is drawn again


def send(widget, kind: QEvent.Type, pos: QPointF, button, buttons) -> None:
    QApplication.sendEvent(widget, QMouseEvent(
        kind, pos, QPointF(widget.mapToGlobal(pos.toPoint())), button, buttons,
        Qt.KeyboardModifier.NoModifier))


def test_a_card_dragged_in_the_fit_view_moves_and_undo_puts_it_back(
    window: MainWindow,
) -> None:
    cells = card_cells(window)
    fill(window, cells[:2], 1600)
    window.view.fit()
    QApplication.processEvents()
    assert window.scene.block_mode
    layout = window.scene.layout
    assert layout is not None
    target = next(c for c in cells if c[0] != cells[0][0] and c[1] == cells[0][1])
    start = window.view.mapFromScene(
        QPointF(*layout.cards[layout.cell_cards[cells[0]][3]].rect.center)).toPointF()
    # A card is about a pixel tall here: whichever card is under the pointer is dragged.
    under = window.view.itemAt(start.toPoint())
    assert isinstance(under, CardItem)
    card_id = under.card_id
    end = window.view.mapFromScene(QPointF(*layout.cell_rect(target).center)).toPointF()
    vp = window.view.viewport()
    left, none = Qt.MouseButton.LeftButton, Qt.MouseButton.NoButton
    send(vp, QEvent.Type.MouseButtonPress, start, left, left)
    for i in range(1, 6):
        send(vp, QEvent.Type.MouseMove, start + (end - start) * (i / 5), none, left)
    send(vp, QEvent.Type.MouseButtonRelease, end, left, none)
    QApplication.processEvents()
    assert window.doc is not None
    card = window.doc.project.session.get(Card, card_id)
    assert card is not None and (card.stage_id, card.lane_id) == target
    item = window.scene.card_items[card_id]
    assert item.flags() & item.GraphicsItemFlag.ItemHasNoContents  # a block again
    window.acts.undo.trigger()
    QApplication.processEvents()
    assert (card.stage_id, card.lane_id) == cells[0]
    assert_items_match_a_full_layout(window)


def test_a_rubber_band_over_the_fit_view_selects_every_card_it_covers(
    window: MainWindow,
) -> None:
    cells = card_cells(window)
    fill(window, cells, 2400)
    window.view.fit()
    QApplication.processEvents()
    # Far from the window no item exists yet on a map this big...
    assert len(window.scene.card_items.made) < 2400
    vp = window.view.viewport()
    left, none = Qt.MouseButton.LeftButton, Qt.MouseButton.NoButton
    top_left, corner = QPointF(2, 2), QPointF(vp.width() - 2, vp.height() - 2)
    assert window.view.itemAt(top_left.toPoint()) is None  # the band starts off the map
    send(vp, QEvent.Type.MouseButtonPress, top_left, left, left)
    for i in range(1, 9):
        send(vp, QEvent.Type.MouseMove, top_left + (corner - top_left) * min(1.0, i / 6), none,
             left)
    send(vp, QEvent.Type.MouseButtonRelease, corner, left, none)
    QApplication.processEvents()
    # ...but the band selects all of them, as on a small map.
    assert len(window.scene.selected_card_ids()) == 2400


def test_cards_grown_with_their_text_are_made_where_the_view_looks(window: MainWindow) -> None:
    assert window.doc is not None
    cells = card_cells(window)[:3]
    jid = journey(window).id
    sentence = "A facilitator's real sentence about this step, long enough to need lines. " * 2
    window.doc.editor.append_cards(
        [(jid, cells[i % 3], {"kind": "thought", "text": f"{i} {sentence}"}) for i in range(1200)]
    )
    QApplication.processEvents()
    layout = window.scene.layout
    assert layout is not None
    ids = layout.cell_cards[cells[0]]
    deep = layout.cards[ids[300]]
    assert deep.rect.h > layout.metrics.card_h  # taller than the fixed-height card was
    assert len(window.scene.card_items.made) < len(layout.cards)  # items are made lazily
    window.view.set_zoom(1.0)
    window.view.centerOn(QPointF(*deep.rect.center))
    QApplication.processEvents()
    window.view.viewport().repaint()
    QApplication.processEvents()
    assert ids[300] in window.scene.card_items.made
    visible = window.view.mapToScene(window.view.viewport().rect()).boundingRect()
    for card_id in ids:
        rect = layout.cards[card_id].rect
        if rect.y < visible.bottom() and rect.bottom > visible.top():
            assert card_id in window.scene.card_items.made
