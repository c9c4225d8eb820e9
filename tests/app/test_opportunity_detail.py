"""An opportunity's description and a journey's next review date, set in the window."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QPoint, Qt, QTimer
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QDialogButtonBox

from app.main_window import MainWindow
from model.entities import Opportunity
from tests.app.test_analysis import add_opportunity
from tests.app.test_canvas import journey
from widgets.opportunity_register import Column
from widgets.review_dialog import ReviewDialog

TODAY = dt.date(2026, 11, 26)
CTRL = Qt.KeyboardModifier.ControlModifier


def click_row(window: MainWindow, title: str) -> None:
    table = window.register.table
    row = window.register.visible_titles().index(title)
    rect = table.visualRect(window.register.proxy.index(row, Column.PRIORITY))
    QTest.mouseClick(table.viewport(), Qt.MouseButton.LeftButton, Qt.KeyboardModifier(0),
                     rect.center())
    QApplication.processEvents()


def test_typing_a_description_in_the_register_is_one_undoable_edit(window: MainWindow) -> None:
    opp_id = add_opportunity(window, title="Call-back instead of queue", importance=4)
    add_opportunity(window, title="Chat", importance=2)
    window.show_dock(window.register)
    window.activateWindow()
    QApplication.processEvents()
    detail = window.register.detail
    assert not detail.edit.isEnabled()  # nothing selected yet
    click_row(window, "Call-back instead of queue")
    assert detail.edit.isEnabled() and detail.opp_id == opp_id
    assert "Call-back instead of queue" in detail.title.text()
    steps = window.doc.undo_stack.count()
    detail.edit.setFocus()
    QTest.keyClicks(detail.edit, "Offer a call-back")
    QTest.keyClick(detail.edit, Qt.Key.Key_Return)
    QTest.keyClicks(detail.edit, "within 2 hours.")
    opp = window.doc.project.session.get(Opportunity, opp_id)
    assert opp.description == ""  # not until the editor is left
    click_row(window, "Chat")  # leaving the editor commits it
    assert opp.description == "Offer a call-back\nwithin 2 hours."
    assert window.doc.undo_stack.count() == steps + 1
    assert detail.edit.toPlainText() == ""  # the other opportunity has none
    click_row(window, "Call-back instead of queue")
    assert detail.edit.toPlainText() == "Offer a call-back\nwithin 2 hours."
    window.acts.undo.trigger()
    assert opp.description == ""
    assert detail.edit.toPlainText() == ""
    window.acts.redo.trigger()
    assert detail.edit.toPlainText() == "Offer a call-back\nwithin 2 hours."


def test_ctrl_enter_saves_the_description_and_escape_puts_back_the_saved_one(
        window: MainWindow) -> None:
    opp_id = add_opportunity(window, title="Refund in one click")
    window.show_dock(window.register)
    window.activateWindow()
    click_row(window, "Refund in one click")
    detail = window.register.detail
    detail.edit.setFocus()
    QTest.keyClicks(detail.edit, "Kept")
    QTest.keyClick(detail.edit, Qt.Key.Key_Return, CTRL)
    opp = window.doc.project.session.get(Opportunity, opp_id)
    assert opp.description == "Kept"
    QTest.keyClicks(detail.edit, " and thrown away")
    QTest.keyClick(detail.edit, Qt.Key.Key_Escape)
    assert detail.edit.toPlainText() == "Kept"
    click_row(window, "Refund in one click")
    assert opp.description == "Kept"
    assert window.doc.undo_stack.undoText() == "Edit opportunity"


def test_a_review_date_set_in_the_review_dialog_that_has_passed_shows_in_the_completeness_check(
        window: MainWindow) -> None:
    window.review.today = lambda: TODAY
    window.opportunities.today = lambda: TODAY
    rule = "The next review was due on 2026-09-01"
    window.show_dock(window.completeness)
    assert rule not in window.completeness.texts()

    def fill_in() -> None:
        dialog = QApplication.activeModalWidget()
        assert isinstance(dialog, ReviewDialog)
        QTest.mouseClick(dialog.scheduled, Qt.MouseButton.LeftButton, Qt.KeyboardModifier(0),
                         QPoint(4, dialog.scheduled.height() // 2))
        dialog.date.setFocus()
        dialog.date.setDate(dt.date(2026, 9, 1))
        ok = dialog.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Ok)
        QTest.mouseClick(ok, Qt.MouseButton.LeftButton)

    QTimer.singleShot(0, fill_in)
    window.acts.review.trigger()  # Journey → Review…
    assert journey(window).next_review == dt.date(2026, 9, 1)
    QApplication.processEvents()
    assert rule in window.completeness.texts()
    window.acts.undo.trigger()
    QApplication.processEvents()
    assert journey(window).next_review is None
    assert rule not in window.completeness.texts()
