"""Workshop mode (#13): highlighting one card kind dims the others, without an edit."""

from __future__ import annotations

from app.commands import EditCardCommand
from app.main_window import MainWindow
from tests.app.test_canvas import add_card
from widgets.scene import DIMMED_OPACITY


def opacity(window: MainWindow, card_id: int) -> float:
    return window.scene.card_items[card_id].opacity()


def test_highlighting_pain_points_dims_every_other_card_until_all_are_shown(
    window: MainWindow,
) -> None:
    assert window.doc is not None
    pain = add_card(window, 1, "pain_points", "Too slow")
    action = add_card(window, 1, "actions", "Pays")
    window.doc.push(EditCardCommand(window.doc.editor, pain, {"kind": "pain_point"}))
    steps = window.doc.undo_stack.count()
    modified = window.isWindowModified()

    window.filters.actions["pain_point"].trigger()
    assert opacity(window, pain) == 1.0
    assert opacity(window, action) == DIMMED_OPACITY
    assert "Pain point" in window.statusBar().currentMessage()
    # A card added or changed later follows the highlight too.
    later = add_card(window, 2, "actions", "Leaves")
    assert opacity(window, later) == DIMMED_OPACITY
    window.doc.push(EditCardCommand(window.doc.editor, later, {"kind": "pain_point"}))
    assert opacity(window, later) == 1.0
    window.doc.undo_stack.undo()
    assert opacity(window, later) == DIMMED_OPACITY

    window.doc.undo_stack.undo()  # the map as before the highlight was chosen
    assert window.doc.undo_stack.index() == steps
    window.filters.actions[None].trigger()
    assert {opacity(window, c) for c in (pain, action)} == {1.0}
    assert window.filters.actions[None].isChecked()
    # A view setting, not an edit: no undo step, no unsaved-changes marker of its own.
    window.filters.actions["opportunity"].trigger()
    assert window.doc.undo_stack.index() == steps
    assert window.isWindowModified() == modified
