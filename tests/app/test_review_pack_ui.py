"""Journey → Export Review Pack… writes the stakeholders' PDF from the window."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import Qt, QTimer
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QMessageBox, QWidget

from app.commands import DeleteCardCommand
from app.main_window import MainWindow
from tests.app.test_canvas import add_card, journey
from tests.app.test_export_samples import normalized, pdfinfo, pdftotext
from widgets.review_pack_dialog import ReviewPackDialog

LEFT = Qt.MouseButton.LeftButton


def on_modals(steps: list[tuple[type, Callable[[QWidget], None]]]) -> list[str]:
    """Act on the modal windows as they come, each step on the next one of its class."""
    done: list[str] = []
    remaining = list(steps)
    polls = [250]

    def poll() -> None:
        polls[0] -= 1
        widget = QApplication.activeModalWidget()
        if polls[0] < 0:  # a step went wrong: leave no window open behind the test
            while (stuck := QApplication.activeModalWidget()) is not None:
                stuck.close()
            return
        if widget is not None and remaining and isinstance(widget, remaining[0][0]):
            _kind, act = remaining.pop(0)
            done.append(widget.windowTitle())
            if remaining:  # first: the act may open the next modal window and wait on it
                QTimer.singleShot(20, poll)
            act(widget)
        elif remaining:
            QTimer.singleShot(20, poll)

    QTimer.singleShot(20, poll)
    return done


def test_the_review_pack_is_written_from_the_journey_menu(window: MainWindow,
                                                           tmp_path: Path) -> None:
    window.review.today = lambda: dt.date(2026, 11, 26)
    gone = add_card(window, 0, "actions", "Sees the ad")
    window.doc.editor.take_snapshot(journey(window).id, "Q3 review",
                                    dt.datetime(2026, 9, 1, 10, 0))
    window.doc.editor.take_snapshot(journey(window).id, "Later", dt.datetime(2026, 10, 1))
    window.doc.push(DeleteCardCommand(window.doc.editor, gone))
    target = tmp_path / "pack.pdf"

    def fill_in(dialog: QWidget) -> None:
        assert isinstance(dialog, ReviewPackDialog)
        box = dialog.since_box
        labels = [box.itemText(i) for i in range(box.count())]
        assert labels[-1].startswith("No snapshot")
        box.setCurrentIndex(next(i for i, t in enumerate(labels) if t.startswith("Q3 review")))
        dialog.path_edit.setText(str(target))
        QTest.mouseClick(dialog.export_button, LEFT)

    titles = on_modals([(ReviewPackDialog, fill_in)])
    assert window.acts.review_pack.isEnabled()
    window.acts.review_pack.trigger()
    assert titles and titles[0].startswith("Export Review Pack")
    assert pdfinfo(target)["Pages"] == "2"  # the poster, then changes and register
    text = normalized(pdftotext(target, 2))
    assert normalized("Since “Q3 review” (01 Sep 2026): 1 removed") in text
    assert normalized("Removed “Sees the ad”") in text
    assert "Review pack written" in window.statusBar().currentMessage()


def test_a_review_pack_into_a_missing_folder_is_refused_and_the_dialog_stays(
        window: MainWindow, tmp_path: Path) -> None:
    target = tmp_path / "nowhere" / "pack.pdf"
    messages: list[str] = []

    def bad_path(dialog: QWidget) -> None:
        assert isinstance(dialog, ReviewPackDialog)
        dialog.path_edit.setText(str(target))
        QTest.mouseClick(dialog.export_button, LEFT)

    def read_and_close(box: QWidget) -> None:
        assert isinstance(box, QMessageBox)
        messages.append(box.text())
        box.button(QMessageBox.StandardButton.Ok).click()

    def still_open_then_cancel(dialog: QWidget) -> None:
        assert isinstance(dialog, ReviewPackDialog) and dialog.isVisible()
        dialog.reject()

    titles = on_modals([(ReviewPackDialog, bad_path), (QMessageBox, read_and_close),
                        (ReviewPackDialog, still_open_then_cancel)])
    assert window.review.export_review_pack() is None
    assert titles[1] == "Review Pack Not Written"
    assert messages and "does not exist" in messages[0]
    assert not target.parent.exists()
