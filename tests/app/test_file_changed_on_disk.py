"""Saving over a file someone else changed asks what to do and never overwrites silently."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest
from PySide6.QtWidgets import QMessageBox

from app.main_window import MainWindow
from tests.app.test_canvas import add_card, answer_next_dialog, journey


def _change_behind_our_back(path: Path) -> None:
    with sqlite3.connect(path) as conn:
        conn.execute("UPDATE journeys SET objective = 'changed by a colleague'")


@pytest.fixture
def saved_window(window: MainWindow, tmp_path: Path) -> tuple[MainWindow, Path]:
    target = tmp_path / "shared.cjm"
    assert window.files.save_to(target)
    add_card(window, 0, "actions", "my unsaved card")
    _change_behind_our_back(target)
    return window, target


def _choose(qtbot, name: str) -> list[str]:
    return answer_next_dialog(qtbot, lambda box: box.property(name).click())


def _objective(path: Path) -> str:
    with sqlite3.connect(path) as conn:
        return str(conn.execute("SELECT objective FROM journeys").fetchone()[0])


def test_cancel_writes_nothing(saved_window, qtbot) -> None:
    window, target = saved_window
    before = target.read_bytes()
    asked = answer_next_dialog(
        qtbot, lambda box: box.button(QMessageBox.StandardButton.Cancel).click())
    assert not window.files.save()
    assert "changed on disk" in asked[0]
    assert target.read_bytes() == before
    assert window.isWindowModified()


def test_overwrite_keeps_my_work(saved_window, qtbot) -> None:
    window, target = saved_window
    _choose(qtbot, "overwrite_button")
    assert window.files.save()
    assert _objective(target) == ""
    assert not window.isWindowModified()


def test_reload_shows_the_colleagues_version(saved_window, qtbot) -> None:
    window, target = saved_window
    _choose(qtbot, "reload_button")
    assert window.files.save()
    assert journey(window).objective == "changed by a colleague"
    assert all(c.text != "my unsaved card" for c in journey(window).cards)
    assert _objective(target) == "changed by a colleague"


def test_save_as_copy_leaves_the_colleagues_file(saved_window, qtbot, monkeypatch,
                                                 tmp_path) -> None:
    window, target = saved_window
    copy = tmp_path / "mine.cjm"
    monkeypatch.setattr("app.files.QFileDialog.getSaveFileName",
                        lambda *a, **k: (str(copy), ""))
    _choose(qtbot, "copy_button")
    assert window.files.save()
    assert _objective(target) == "changed by a colleague"
    assert copy.exists() and window.doc.path == copy


def test_a_failing_autosave_is_said_plainly_without_blocking_the_window(window, qtbot) -> None:
    from PySide6.QtWidgets import QApplication

    window.doc.autosave_failed.emit("The disk holding your working copy is full.")
    assert "Autosave failed" in window.statusBar().currentMessage()
    boxes = [w for w in QApplication.topLevelWidgets()
             if isinstance(w, QMessageBox) and w.isVisible()]
    assert boxes and not boxes[0].isModal()
    assert "Save As" in boxes[0].text()
    add_card(window, 0, "actions", "still editable")  # the window keeps working
    window.doc.autosave_recovered.emit()
    assert "works again" in window.statusBar().currentMessage()
    for box in boxes:
        box.close()


def test_the_changed_on_disk_warning_says_it_once(saved_window, qtbot) -> None:
    window, _target = saved_window
    seen: list[tuple[str, str]] = []

    def look(box: QMessageBox) -> None:
        seen.append((box.text(), box.informativeText()))
        box.button(QMessageBox.StandardButton.Cancel).click()

    answer_next_dialog(qtbot, look)
    assert not window.files.save()
    ((text, informative),) = seen
    assert informative == ""
    assert text.count("copy") == 1 and text.count("reload") == 1
