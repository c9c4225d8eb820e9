"""A living map in the window: the review banner, the Snapshots panel with undo, compare mode."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from PySide6.QtWidgets import QDialog, QInputDialog

from app.document import new_document
from app.main_window import MainWindow
from app.settings import Settings
from model.entities import Journey, Snapshot
from model.store import Workspace
from tests.app.test_canvas import add_card, journey
from widgets.diff_overlay import DiffOverlay
from widgets.review_dialog import ReviewDialog

TODAY = dt.date(2026, 11, 26)


def _map_file(workspace: Workspace, path: Path, next_review: dt.date | None) -> None:
    doc = new_document(workspace, "cjm7")
    j = doc.project.journeys()[0]
    doc.editor.update_journey(j.id, {"name": "Checkout", "next_review": next_review})
    doc.save(path)
    doc.close()


@pytest.fixture
def opened(qtbot, workspace: Workspace, tmp_path: Path):
    """A window that opens a file (today is fixed); the test picks the file."""
    win = MainWindow(Settings(), workspace)
    win.review.today = lambda: TODAY
    win.snapshots.today = lambda: TODAY
    win.resize(1400, 900)
    win.show()
    qtbot.waitExposed(win)
    yield win
    if win.doc is not None:
        win.doc.undo_stack.setClean()
    win.close()
    win.deleteLater()


def test_an_overdue_journey_shows_the_banner_and_start_review_takes_a_snapshot(
        opened: MainWindow, workspace: Workspace, tmp_path: Path) -> None:
    path = tmp_path / "checkout.cjm"
    _map_file(workspace, path, dt.date(2026, 3, 3))
    assert opened.files.open_file(path)
    banner = opened.review_banner
    assert banner.isVisible()
    assert banner.message.text() == "Checkout was due for review on 3 March"
    banner.start_button.click()
    assert not banner.isVisible()
    assert opened.snapshots_panel.labels() == ["Review 2026-11-26"]
    assert journey(opened).next_review == dt.date(2027, 2, 26)  # three months on
    assert opened.isWindowModified()
    opened.acts.undo.trigger()  # one step takes back both the snapshot and the date
    assert opened.snapshots_panel.labels() == []
    assert journey(opened).next_review == dt.date(2026, 3, 3)


def test_snooze_moves_the_review_a_week_on_and_can_be_undone(
        opened: MainWindow, workspace: Workspace, tmp_path: Path) -> None:
    path = tmp_path / "checkout.cjm"
    _map_file(workspace, path, dt.date(2026, 11, 1))
    opened.files.open_file(path)
    opened.review_banner.snooze_button.click()
    assert not opened.review_banner.isVisible()
    assert journey(opened).next_review == dt.date(2026, 12, 3)
    assert opened.doc is not None and opened.doc.project.session.query(Snapshot).count() == 0
    opened.acts.undo.trigger()
    assert journey(opened).next_review == dt.date(2026, 11, 1)


def test_a_file_whose_reviews_are_not_due_shows_no_banner(
        opened: MainWindow, workspace: Workspace, tmp_path: Path) -> None:
    path = tmp_path / "checkout.cjm"
    _map_file(workspace, path, TODAY)
    opened.files.open_file(path)
    assert not opened.review_banner.isVisible()


def test_the_review_dialog_sets_interval_and_date_undoably(window: MainWindow,
                                                          monkeypatch) -> None:
    def accept(dialog: ReviewDialog) -> int:
        dialog.interval.setValue(6)
        dialog.schedule_from_today()
        return QDialog.DialogCode.Accepted

    monkeypatch.setattr(ReviewDialog, "exec", accept)
    window.review.today = lambda: TODAY
    assert window.review_chip.text() == "Set review date…"
    window.review_chip.click()  # the header's review date opens the dialog
    j = journey(window)
    assert (j.review_interval_months, j.next_review) == (6, dt.date(2027, 5, 26))
    assert window.review_chip.text() == "Review: 26 May 2027"
    window.acts.undo.trigger()
    assert (j.review_interval_months, j.next_review) == (3, None)
    assert window.review_chip.text() == "Set review date…"
    window.acts.review.trigger()  # and so does Journey → Review…
    assert j.next_review == dt.date(2027, 5, 26)


def _take(window: MainWindow, monkeypatch, label: str) -> int:
    monkeypatch.setattr(QInputDialog, "getText", lambda *a, **k: (label, True))
    window.snapshots_panel.take_button.click()
    snapshot_id = window.snapshots_panel.selected_id()
    assert snapshot_id is not None
    return snapshot_id


def test_take_rename_delete_a_snapshot_each_undoable(window: MainWindow, monkeypatch) -> None:
    panel = window.snapshots_panel
    _take(window, monkeypatch, "Before the workshop")
    assert panel.labels() == ["Before the workshop"]
    assert panel.compare_button.isEnabled()
    panel.model.item(0).setText("After the workshop")  # typed in place
    assert panel.labels() == ["After the workshop"]
    window.acts.undo.trigger()
    assert panel.labels() == ["Before the workshop"]
    panel.model.item(0).setText("   ")  # an empty name is refused
    assert panel.labels() == ["Before the workshop"]
    panel.delete_button.click()
    assert panel.labels() == [] and not panel.compare_button.isEnabled()
    window.acts.undo.trigger()
    assert panel.labels() == ["Before the workshop"]
    window.acts.undo.trigger()
    assert panel.labels() == []
    window.acts.redo.trigger()
    assert panel.labels() == ["Before the workshop"]


def test_restore_as_journey_adds_a_journey_with_the_old_cards(window: MainWindow,
                                                             monkeypatch) -> None:
    original = journey(window).id
    add_card(window, 1, "actions", "Compares prices")
    _take(window, monkeypatch, "Q3")
    add_card(window, 2, "actions", "Added after")
    window.snapshots_panel.restore_button.click()
    restored = journey(window)
    assert restored.id != original and restored.name.endswith("(Q3)")
    assert sorted(c.text for c in restored.cards) == ["Compares prices"]
    assert window.journey_box.count() == 2
    window.acts.undo.trigger()
    assert window.doc is not None
    assert window.doc.project.session.query(Journey).count() == 1
    assert journey(window).id == original


def test_compare_marks_changes_lists_them_and_jumps_to_a_card(window: MainWindow,
                                                             monkeypatch) -> None:
    kept = add_card(window, 1, "actions", "Compares prices")
    _take(window, monkeypatch, "Q3")
    added = add_card(window, 3, "actions", "Gets confirmation mail")
    dock = window.compare.change_list.parentWidget()
    assert not dock.isVisible()
    window.snapshots_panel.compare_button.click()
    assert dock.isVisible()
    overlay: DiffOverlay = window.compare.overlay
    assert overlay.marked_cards == {added: "added"}
    assert any(i.scene() is window.scene for i in overlay.items)
    entries = window.change_list.entries()
    assert entries == ["Added “Gets confirmation mail” in Onboarding / Actions"]
    # an edit while comparing shows at once
    from app.commands import EditCardCommand

    window.doc.push(EditCardCommand(window.doc.editor, kept, {"text": "Compares 3 sites"}))
    assert overlay.marked_cards == {added: "added", kept: "changed"}
    # activating an entry selects the card on the map
    row = window.change_list.entries().index(
        "Added “Gets confirmation mail” in Onboarding / Actions")
    window.change_list.list.activated.emit(window.change_list.model.index(row, 0))
    assert window.scene.selected_card_ids() == [added]
    window.change_list.stop_button.click()
    assert not dock.isVisible() and overlay.items == []
    assert not [i for i in window.scene.items() if i.data(0) == "diff-overlay"]


def test_an_unchanged_map_compares_as_nothing_changed(window: MainWindow, monkeypatch) -> None:
    _take(window, monkeypatch, "Now")
    window.snapshots_panel.compare_button.click()
    assert window.change_list.title.text().startswith("Since “Now”")
    assert window.change_list.title.text().endswith("nothing changed.")
    assert window.compare.overlay.marked_cards == {}


def test_a_snapshot_opens_read_only_as_it_was(window: MainWindow, monkeypatch) -> None:
    add_card(window, 0, "actions", "Sees the ad")
    snapshot_id = _take(window, monkeypatch, "Q3")
    add_card(window, 0, "actions", "Later card")
    shown = window.snapshots.open_snapshot(snapshot_id)
    assert shown is not None
    assert sorted(g.text for g in shown.scene.layout.cards.values()) == ["Sees the ad"]
    assert not shown.view.isInteractive()
    assert "read-only" in shown.windowTitle()
    shown.close()


def test_a_new_document_shows_its_own_snapshots_and_no_banner(window: MainWindow,
                                                              monkeypatch) -> None:
    snapshot_id = _take(window, monkeypatch, "Old map")
    shown = window.snapshots.open_snapshot(snapshot_id)
    assert shown is not None and shown.isVisible()
    window.doc.undo_stack.setClean()  # nothing to ask about
    assert window.files.new_document("cjm7")
    assert window.snapshots_panel.labels() == []
    assert not shown.isVisible()  # the old map's snapshot window went with it
    assert not window.review_banner.isVisible()
    _take(window, monkeypatch, "New map")
    assert window.snapshots_panel.labels() == ["New map"]


def test_compare_with_the_to_be_journey_marks_what_differs(window: MainWindow,
                                                          monkeypatch) -> None:
    add_card(window, 1, "actions", "Compares prices")
    add_card(window, 2, "actions", "Calls support")
    as_is = journey(window).id
    from app.commands import AddJourneyCommand

    window.doc.push(AddJourneyCommand(window.doc.editor, "Checkout (to-be)", source_id=as_is))
    chat = add_card(window, 3, "actions", "Chats with a bot")
    monkeypatch.setattr(QInputDialog, "getItem", lambda *a, **k: (journey_name(window, as_is),
                                                                   True))
    window.acts.compare_journey.trigger()
    assert window.compare.overlay.marked_cards == {chat: "added"}
    assert window.change_list.title.text().startswith("Compared with")
    assert window.change_list.entries() == ["Added “Chats with a bot” in Onboarding / Actions"]


def journey_name(window: MainWindow, journey_id: int) -> str:
    return next(j["name"] for j in window.doc.journeys() if j["id"] == journey_id)


def test_the_snapshots_panel_starts_hidden_and_shows_when_a_snapshot_is_taken(window) -> None:
    from PySide6.QtWidgets import QDockWidget

    dock = window.findChild(QDockWidget, "snapshots")
    assert not dock.isVisible()  # the first window keeps the map wide
    window.snapshots.take_snapshot("Before the workshop")
    assert dock.isVisible()
    assert [s.label for s in window.doc.project.session.query(Snapshot)] == [
        "Before the workshop"]
