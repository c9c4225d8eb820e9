"""Compare mode shows removed cards as ghosts and metric changes as chips, then clears them."""

from __future__ import annotations

from PySide6.QtCore import QPointF, Qt
from PySide6.QtWidgets import QGraphicsItem, QInputDialog

from app.commands import AddMetricCommand, DeleteCardCommand, EditFieldsCommand
from app.main_window import MainWindow
from model.metrics import MetricKind
from tests.app.test_canvas import add_card, journey, lane_of, send_mouse, stage_at
from widgets.compare_ghosts import GhostCardItem, MetricChipItem

LEFT, NONE = Qt.MouseButton.LeftButton, Qt.MouseButton.NoButton


def take(window: MainWindow, monkeypatch, label: str) -> None:
    monkeypatch.setattr(QInputDialog, "getText", lambda *a, **k: (label, True))
    window.snapshots_panel.take_button.click()


def delete(window: MainWindow, card_id: int) -> None:
    window.doc.push(DeleteCardCommand(window.doc.editor, card_id))


def test_a_removed_card_is_a_ghost_in_its_old_cell_until_compare_ends(
        window: MainWindow, monkeypatch) -> None:
    kept = add_card(window, 2, "actions", "Fills in the form")
    gone = add_card(window, 2, "actions", "Prints the invoice")
    take(window, monkeypatch, "Q3")
    delete(window, gone)
    window.snapshots_panel.compare_button.click()
    overlay = window.compare.overlay
    [ghost] = overlay.ghosts
    assert ghost.label == "Prints the invoice" and "Prints the invoice" in ghost.toolTip()
    # In the old cell, under the card that is still there, inside the lane.
    layout = window.scene.layout
    cell = layout.cell_rect((stage_at(window, 2).id, lane_of(window, "actions").id))
    box = ghost.sceneBoundingRect()
    assert cell.x <= box.left() and box.right() <= cell.x + cell.w
    assert layout.cards[kept].rect.bottom <= box.top() and box.bottom() <= cell.y + cell.h + 1
    # Not a card: it takes no click and cannot be selected.
    assert not ghost.flags() & QGraphicsItem.GraphicsItemFlag.ItemIsSelectable
    assert ghost.acceptedMouseButtons() == NONE
    vp = window.view.viewport()
    at = window.view.mapFromScene(box.center())
    send_mouse(vp, __import__("PySide6.QtCore").QtCore.QEvent.Type.MouseButtonPress, at, LEFT,
               LEFT)
    send_mouse(vp, __import__("PySide6.QtCore").QtCore.QEvent.Type.MouseButtonRelease, at,
               LEFT, NONE)
    assert not ghost.isSelected() and window.scene.selected_card_ids() == []
    assert "Removed “Prints the invoice” from Purchase / Actions" in window.change_list.entries()
    # Undo the deletion while comparing: the card is back, its ghost goes.
    window.acts.undo.trigger()
    assert overlay.ghosts == []
    window.acts.redo.trigger()
    assert [g.label for g in overlay.ghosts] == ["Prints the invoice"]
    window.change_list.stop_button.click()
    assert overlay.ghosts == []
    assert not [i for i in window.scene.items() if isinstance(i, GhostCardItem)]


def test_ghosts_follow_the_canvas_into_the_dark_theme(window: MainWindow, monkeypatch) -> None:
    from app.settings import Theme
    from model.style import DARK, LIGHT

    gone = add_card(window, 2, "actions", "Prints the invoice")
    take(window, monkeypatch, "Q3")
    delete(window, gone)
    window.snapshots_panel.compare_button.click()
    [ghost] = window.compare.overlay.ghosts
    assert ghost._ink.name() == LIGHT.muted
    window.theme.actions[Theme.DARK].trigger()
    [ghost] = window.compare.overlay.ghosts
    assert ghost._ink.name() == DARK.muted
    window.theme.actions[Theme.LIGHT].trigger()


def test_many_removed_cards_in_a_full_cell_fold_into_one_ghost(
        window: MainWindow, monkeypatch) -> None:
    ids = [add_card(window, 0, "actions", f"Step {i}") for i in range(4)]
    take(window, monkeypatch, "Q3")
    for card_id in ids[1:]:
        delete(window, card_id)
    add_card(window, 0, "actions", "New 1")
    add_card(window, 0, "actions", "New 2")
    add_card(window, 0, "actions", "New 3")
    window.snapshots_panel.compare_button.click()
    ghosts = window.compare.overlay.ghosts
    layout = window.scene.layout
    lane = layout.lane(lane_of(window, "actions").id).band
    assert ghosts and all(g.sceneBoundingRect().bottom() <= lane.bottom + 1 for g in ghosts)
    shown = [t for g in ghosts for t in g.place.texts]
    assert sorted(shown) == ["Step 1", "Step 2", "Step 3"]  # each removed card accounted for
    assert any(g.label.endswith("more removed") for g in ghosts) or len(ghosts) == 3


def test_a_touchpoints_nps_change_shows_on_its_card_and_in_the_change_list(
        window: MainWindow, monkeypatch) -> None:
    call = add_card(window, 5, "touchpoints", "Call centre")
    command = AddMetricCommand(window.doc.editor, call, None,
                               {"kind": MetricKind.NPS.value, "value": 12.0, "responses": 40})
    window.doc.push(command)
    take(window, monkeypatch, "Q3")
    editor = window.doc.editor
    window.doc.push(EditFieldsCommand(editor, editor.update_metric, command.metric_id,
                                      {"value": 31.0}, "Edit metric"))
    window.snapshots_panel.compare_button.click()
    [chip] = window.compare.overlay.chips
    assert isinstance(chip, MetricChipItem)
    assert (chip.card_id, chip.text) == (call, "NPS +19")
    assert chip.toolTip() == "NPS +12 → +31 (+19)"
    card = window.scene.layout.cards[call].rect
    assert abs(chip.scenePos().y() - card.y) <= 10  # on the card's top edge
    assert chip.color == "#2e9d57"  # better
    assert "NPS +12 → +31 (+19) at “Call centre”" in window.change_list.entries()
    window.acts.undo.trigger()  # back to 12: nothing changed any more
    assert window.compare.overlay.chips == []
    assert window.change_list.title.text().endswith("nothing changed.")
    window.change_list.stop_button.click()
    assert not [i for i in window.scene.items() if isinstance(i, MetricChipItem)]
    assert journey(window) is not None and QPointF() == QPointF()
