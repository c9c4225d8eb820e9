"""Journey → Export Review Pack…: which snapshot the changes are counted from, and the file.

The dialog knows no model: it is given the snapshots as (id, label) pairs and a
``write(path, snapshot_id, progress)`` callable that makes the pack; a failure shows
its message and leaves the dialog open, a cancel writes nothing.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from widgets.write_progress import Progress, write_with_progress

WritePack = Callable[[Path, "int | None", Progress], Path]


class ReviewPackDialog(QDialog):
    """Pick the snapshot to compare with and where the PDF goes, then write it."""

    def __init__(self, journey: str, snapshots: list[tuple[int, str]], path: Path,
                 write: WritePack, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Export Review Pack \u2013 {0}").format(journey))
        self._write = write
        self.result_path: Path | None = None
        self.since_box = QComboBox()
        self.since_box.setAccessibleName(self.tr("Changes since"))
        for snapshot_id, label in snapshots:
            self.since_box.addItem(label, snapshot_id)
        self.since_box.addItem(self.tr("No snapshot (leave out what changed)"), None)
        self.path_edit = QLineEdit(str(path))
        self.path_edit.setAccessibleName(self.tr("File"))
        browse = QPushButton(self.tr("Browse…"))
        browse.clicked.connect(self._browse)
        path_row = QHBoxLayout()
        path_row.addWidget(self.path_edit, 1)
        path_row.addWidget(browse)
        about = QLabel(self.tr(
            "One PDF for the stakeholders: the poster, what changed since the snapshot, "
            "the opportunity register (overdue items first) and the persona sheets."))
        about.setWordWrap(True)
        form = QFormLayout()
        form.addRow(self.tr("Changes since:"), self.since_box)
        form.addRow(self.tr("File:"), path_row)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save
                                        | QDialogButtonBox.StandardButton.Cancel)
        self.export_button = self.buttons.button(QDialogButtonBox.StandardButton.Save)
        self.export_button.setText(self.tr("Export"))
        self.buttons.accepted.connect(self.export_now)
        self.buttons.rejected.connect(self.reject)
        box = QVBoxLayout(self)
        box.addWidget(about)
        box.addLayout(form)
        box.addWidget(self.buttons)
        self.resize(max(self.sizeHint().width(), 560), self.sizeHint().height())

    def snapshot_id(self) -> int | None:
        value = self.since_box.currentData()
        return None if value is None else int(value)

    def _browse(self) -> None:
        path, _ = QFileDialog.getSaveFileName(self, self.tr("Export Review Pack to"),
                                              self.path_edit.text(),
                                              self.tr("PDF files (*.pdf);;All files (*)"))
        if path:
            self.path_edit.setText(path)

    def export_now(self, confirm_overwrite: bool = True) -> Path | None:
        """Write the pack; on success close the dialog and return the path."""
        text = self.path_edit.text().strip()
        if not text:
            QMessageBox.warning(self, self.tr("Export Review Pack"),
                                self.tr("Choose a file to export to."))
            return None
        path = Path(text).expanduser()
        if path.suffix.lower() != ".pdf":
            path = path.with_name(path.name + ".pdf")
        if confirm_overwrite and path.exists():
            answer = QMessageBox.question(self, self.tr("Export Review Pack"),
                                          self.tr("{0} already exists. Replace it?")
                                          .format(path.name))
            if answer != QMessageBox.StandardButton.Yes:
                return None
        written = write_with_progress(
            self, self.tr("Writing the review pack…"), self.tr("Cancel"),
            self.tr("Review Pack Not Written"),
            lambda report: self._write(path, self.snapshot_id(), report))
        if written is None:
            return None
        self.result_path = written
        self.accept()
        return written
