"""The Export dialog: format, paper, orientation, tiling, DPI, a preview of the first page.

The dialog knows nothing about files or the model: an ``ExportBackend`` (for a
project: ``app.export.dialog.ProjectExportBackend``) describes, previews and writes
the export; ``run_export_dialog(backend, parent)`` shows it. Long exports show
a progress dialog that can cancel them; a failed export shows its message and
leaves the dialog open.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Protocol

from PySide6.QtCore import QSize, Qt, QTimer
from PySide6.QtGui import QImage, QPixmap
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QDoubleSpinBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from model.i18n import QT_TR_NOOP
from widgets.chrome import chrome, follow_desktop
from widgets.i18n import qtr
from widgets.write_progress import Progress, error_message, write_with_progress

FORMATS: tuple[tuple[str, str], ...] = (
    ("pdf", QT_TR_NOOP("PDF poster")),
    ("png", QT_TR_NOOP("PNG image")),
    ("svg", QT_TR_NOOP("SVG drawing")),
    ("csv", QT_TR_NOOP("CSV (cards of all journeys)")),
    ("json", QT_TR_NOOP("JSON (whole project)")),
)
PERSONA = "persona"  # a one-page persona sheet (offered when the file has personas)
PAPERS = ("A4", "A3", "A2", "A1", "A0", "Letter", "Tabloid")
CUSTOM = "Custom"
TILE_SHEETS = ("A4", "Letter")
ORIENTATIONS = (("auto", QT_TR_NOOP("Automatic")), ("portrait", QT_TR_NOOP("Portrait")),
                ("landscape", QT_TR_NOOP("Landscape")))
PREVIEW_SIDE = 360
PREVIEW_MIN_SIDE = 140


@dataclass(frozen=True)
class ExportChoice:
    """What the user picked; ``paper`` is a paper name or ``WxH`` in mm."""

    fmt: str = "pdf"
    paper: str = "A3"
    orientation: str = "auto"
    tile: str | None = None
    dpi: int = 150
    csv_bom: bool = True
    register_page: bool = True
    register_on_poster: bool = False  # the top opportunities on the poster sheet itself
    persona_id: int | None = None  # the persona whose sheet is exported (fmt "persona")
    view: str = ""  # a saved view's name ("" the whole map)




class ExportBackend(Protocol):
    """What the dialog needs from the application."""

    title: str

    def default_path(self, fmt: str) -> Path: ...

    def describe(self, choice: ExportChoice) -> str: ...

    def preview(self, choice: ExportChoice, max_side: int) -> QImage | None: ...

    def export(self, path: Path, choice: ExportChoice, progress: Progress) -> Path: ...

    def personas(self) -> list[tuple[int, str]]: ...

    def persona_file_name(self, persona_id: int) -> str: ...


class ExportDialog(QDialog):
    """Pick a format and page set-up, see the first page, write the file."""

    def __init__(self, backend: ExportBackend, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.backend = backend
        self.result_path: Path | None = None
        self.setWindowTitle(self.tr("Export – {0}").format(backend.title))  # noqa: RUF001

        self.format_box = QComboBox()
        for key, label in FORMATS:
            self.format_box.addItem(qtr(label), key)
        self.persona_box = QComboBox()
        self.persona_box.setAccessibleName(self.tr("Persona"))
        for persona_id, name in backend.personas():
            self.persona_box.addItem(name, persona_id)
        if self.persona_box.count():
            self.format_box.addItem(self.tr("Persona sheet (PDF, one A4 page)"), PERSONA)
        self._last_format = "pdf"
        self.paper_box = QComboBox()
        for name in PAPERS:
            self.paper_box.addItem(name, name)
        self.paper_box.addItem(self.tr("Custom size"), CUSTOM)
        self.paper_box.setCurrentIndex(PAPERS.index("A3"))
        self.custom_w = QDoubleSpinBox()
        self.custom_h = QDoubleSpinBox()
        for box, value in ((self.custom_w, 500.0), (self.custom_h, 700.0)):
            box.setRange(50.0, 5000.0)
            box.setDecimals(0)
            box.setSuffix(self.tr(" mm"))
            box.setValue(value)
        custom_row = QWidget()
        custom_layout = QHBoxLayout(custom_row)
        custom_layout.setContentsMargins(0, 0, 0, 0)
        custom_layout.addWidget(self.custom_w)
        custom_layout.addWidget(QLabel("\u00d7"))
        custom_layout.addWidget(self.custom_h)
        self.custom_row = custom_row
        self.orientation_box = QComboBox()
        for key, label in ORIENTATIONS:
            self.orientation_box.addItem(qtr(label), key)
        self.tile_check = QCheckBox(self.tr("Print on several sheets"))
        self.tile_box = QComboBox()
        for name in TILE_SHEETS:
            self.tile_box.addItem(name, name)
        tile_row = QWidget()
        tile_layout = QHBoxLayout(tile_row)
        tile_layout.setContentsMargins(0, 0, 0, 0)
        tile_layout.addWidget(self.tile_check)
        tile_layout.addWidget(self.tile_box)
        tile_layout.addStretch(1)
        self.tile_row = tile_row
        self.dpi_box = QSpinBox()
        self.dpi_box.setRange(72, 600)
        self.dpi_box.setSingleStep(50)
        self.dpi_box.setValue(150)
        self.dpi_box.setSuffix(self.tr(" DPI"))
        self.bom_check = QCheckBox(self.tr("UTF-8 with byte order mark (for spreadsheets)"))
        self.bom_check.setToolTip(
            self.tr("Excel needs the mark to read accents, emoji and other scripts correctly.")
        )
        self.bom_check.setChecked(True)
        self.register_check = QCheckBox(self.tr("Opportunity register page"))
        self.register_check.setToolTip(self.tr(
            "An extra page with the opportunities by priority and the completeness check "
            "(only when the journey has opportunities)"))
        self.register_check.setChecked(True)
        self.poster_register_check = QCheckBox(self.tr("Top opportunities"))
        self.poster_register_check.setToolTip(self.tr(
            "The five opportunities with the highest priority, printed beside the map"))
        self.view_box = QComboBox()
        self.view_box.setAccessibleName(self.tr("Saved view"))
        self.view_box.addItem(self.tr("Whole map"), "")
        for name in getattr(backend, "view_names", []):
            self.view_box.addItem(name, name)
        self.view_box.setToolTip(self.tr("Print the map as a saved view shows it"))
        self.path_edit = QLineEdit()
        browse = QPushButton(self.tr("Browse…"))
        browse.clicked.connect(self._browse)
        path_row = QWidget()
        path_layout = QHBoxLayout(path_row)
        path_layout.setContentsMargins(0, 0, 0, 0)
        path_layout.addWidget(self.path_edit, 1)
        path_layout.addWidget(browse)

        form = QFormLayout()
        form.addRow(self.tr("Format:"), self.format_box)
        form.addRow(self.tr("Persona:"), self.persona_box)
        form.addRow(self.tr("View:"), self.view_box)
        form.addRow(self.tr("Paper:"), self.paper_box)
        form.addRow(self.tr("Size:"), self.custom_row)
        form.addRow(self.tr("Orientation:"), self.orientation_box)
        form.addRow(self.tr("Tiling:"), self.tile_row)
        form.addRow(self.tr("Resolution:"), self.dpi_box)
        form.addRow(self.tr("Encoding:"), self.bom_check)
        form.addRow(self.tr("Extra pages:"), self.register_check)
        form.addRow(self.tr("On the poster:"), self.poster_register_check)
        form.addRow(self.tr("File:"), path_row)
        self.form = form

        self.preview_label = QLabel()
        self.preview_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        # Small minimum: at 200 % on a laptop the dialog must still fit the screen.
        self.preview_label.setMinimumSize(QSize(PREVIEW_MIN_SIDE, PREVIEW_MIN_SIDE))
        follow_desktop(self.preview_label, self._style_preview)
        self.summary_label = QLabel()
        self.summary_label.setWordWrap(True)

        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        self.export_button = self.buttons.button(QDialogButtonBox.StandardButton.Save)
        self.export_button.setText(self.tr("Export"))
        self.buttons.accepted.connect(self.export_now)
        self.buttons.rejected.connect(self.reject)

        left = QVBoxLayout()
        left.addLayout(form)
        left.addWidget(self.summary_label)
        left.addStretch(1)
        right = QVBoxLayout()
        right.addWidget(QLabel(self.tr("First page:")))
        right.addWidget(self.preview_label, 1)
        body = QHBoxLayout()
        body.addLayout(left, 1)
        body.addLayout(right, 1)
        outer = QVBoxLayout(self)
        outer.addLayout(body)
        outer.addWidget(self.buttons)

        self._preview_timer = QTimer(self)
        self._preview_timer.setSingleShot(True)
        self._preview_timer.setInterval(120)
        self._preview_timer.timeout.connect(self.update_preview)
        self.preview_image: QImage | None = None

        for signal in (
            self.paper_box.currentIndexChanged,
            self.orientation_box.currentIndexChanged,
            self.tile_box.currentIndexChanged,
            self.view_box.currentIndexChanged,
            self.tile_check.toggled,
            self.poster_register_check.toggled,
            self.dpi_box.valueChanged,
            self.custom_w.valueChanged,
            self.custom_h.valueChanged,
        ):
            signal.connect(self._options_changed)
        self.format_box.currentIndexChanged.connect(self._format_changed)
        self.persona_box.currentIndexChanged.connect(self._persona_changed)
        self.path_edit.setText(str(backend.default_path("pdf")))
        self._format_changed()
        available = self.screen().availableGeometry().size()
        wanted = self.sizeHint().expandedTo(QSize(860, 520))
        self.resize(min(wanted.width(), int(available.width() * 0.95)),
                    min(wanted.height(), int(available.height() * 0.9)))

    # -- state ---------------------------------------------------------------------


    def _style_preview(self) -> None:
        c = chrome()
        self.preview_label.setStyleSheet(
            f"background: {c.preview_fill}; border: 1px solid {c.preview_edge};")

    def choice(self) -> ExportChoice:
        fmt = str(self.format_box.currentData())
        paper = str(self.paper_box.currentData())
        if paper == CUSTOM:
            paper = f"{self.custom_w.value():g}x{self.custom_h.value():g}"
        tile = str(self.tile_box.currentData()) if self.tile_check.isChecked() else None
        return ExportChoice(
            fmt=fmt,
            paper=paper,
            orientation=str(self.orientation_box.currentData()),
            tile=tile if fmt == "pdf" else None,
            dpi=self.dpi_box.value(),
            csv_bom=self.bom_check.isChecked(),
            register_page=self.register_check.isChecked(),
            register_on_poster=self.poster_register_check.isChecked(),
            persona_id=self.persona_box.currentData() if fmt == PERSONA else None,
            view=str(self.view_box.currentData() or ""),
        )

    def set_format(self, fmt: str) -> None:
        self.format_box.setCurrentIndex(self.format_box.findData(fmt))

    def set_paper(self, paper: str) -> None:
        self.paper_box.setCurrentIndex(self.paper_box.findData(paper))

    def _set_row_visible(self, field: QWidget, visible: bool) -> None:
        self.form.setRowVisible(field, visible)

    def _format_changed(self) -> None:
        fmt = str(self.format_box.currentData())
        pages = fmt in ("pdf", "png", "svg")
        self._set_row_visible(self.persona_box, fmt == PERSONA)
        for widget in (self.paper_box, self.orientation_box):
            self._set_row_visible(widget, pages)
        self._set_row_visible(self.custom_row, pages and self.paper_box.currentData() == CUSTOM)
        self._set_row_visible(self.tile_row, fmt == "pdf")
        self._set_row_visible(self.dpi_box, fmt == "png")
        self._set_row_visible(self.bom_check, fmt == "csv")
        self._set_row_visible(self.register_check, fmt == "pdf")
        self._set_row_visible(self.poster_register_check, pages)
        self._set_row_visible(self.view_box, pages and self.view_box.count() > 1)
        current = Path(self.path_edit.text()) if self.path_edit.text() else None
        if PERSONA in (fmt, self._last_format):
            # A persona sheet is another document than the map: its own file name, in
            # the folder chosen so far (never the poster's name with the poster's path).
            self._persona_path(current.parent if current is not None else None)
        elif current is not None:
            self.path_edit.setText(str(current.with_suffix(f".{fmt}")))
        else:
            self.path_edit.setText(str(self.backend.default_path(fmt)))
        self._last_format = fmt
        self._options_changed()

    def _persona_path(self, folder: Path | None) -> None:
        fmt = str(self.format_box.currentData())
        default = self.backend.default_path("pdf" if fmt == PERSONA else fmt)
        name = default.name
        if fmt == PERSONA and self.persona_box.currentData() is not None:
            name = self.backend.persona_file_name(int(self.persona_box.currentData()))
        self.path_edit.setText(str((folder or default.parent) / name))

    def _persona_changed(self) -> None:
        if self.format_box.currentData() == PERSONA:
            current = Path(self.path_edit.text()) if self.path_edit.text() else None
            self._persona_path(current.parent if current is not None else None)
        self._options_changed()

    def _options_changed(self) -> None:
        fmt = str(self.format_box.currentData())
        self._set_row_visible(
            self.custom_row, fmt in ("pdf", "png", "svg") and self.paper_box.currentData() == CUSTOM
        )
        self.tile_box.setEnabled(self.tile_check.isChecked())
        try:
            self.summary_label.setText(self.backend.describe(self.choice()))
            self.export_button.setEnabled(True)
        except Exception as exc:  # an impossible set-up is explained, not exported
            self.summary_label.setText(error_message(exc))
            self.export_button.setEnabled(False)
        self._preview_timer.start()

    def update_preview(self) -> None:
        """Render the first page now (normally called shortly after a change)."""
        self._preview_timer.stop()
        try:
            image = self.backend.preview(self.choice(), PREVIEW_SIDE)
        except Exception as exc:
            image = None
            self.preview_label.setText(error_message(exc))
        self.preview_image = image
        if image is None:
            if not self.preview_label.text():
                self.preview_label.setText(self.tr("No preview for this format."))
            self.preview_label.setPixmap(QPixmap())
            if self.choice().fmt in ("csv", "json", PERSONA):
                self.preview_label.setText(self.tr("No preview for this format."))
            return
        self.preview_label.setText("")
        self.preview_label.setPixmap(QPixmap.fromImage(image))

    # -- actions -------------------------------------------------------------------

    def _browse(self) -> None:
        fmt = self.choice().fmt
        fmt = "pdf" if fmt == PERSONA else fmt
        path, _ = QFileDialog.getSaveFileName(
            self,
            self.tr("Export to"),
            self.path_edit.text(),
            self.tr("{0} files (*.{1});;All files (*)").format(fmt.upper(), fmt),
        )
        if path:
            self.path_edit.setText(path)

    def export_now(self, confirm_overwrite: bool = True) -> Path | None:
        """Write the export; on success close the dialog and return the path."""
        text = self.path_edit.text().strip()
        if not text:
            QMessageBox.warning(self, self.tr("Export"), self.tr("Choose a file to export to."))
            return None
        path = Path(text).expanduser()
        if confirm_overwrite and path.exists():
            answer = QMessageBox.question(
                self, self.tr("Export"),
                self.tr("{0} already exists. Replace it?").format(path.name))
            if answer != QMessageBox.StandardButton.Yes:
                return None
        written = write_with_progress(
            self, self.tr("Exporting…"), self.tr("Cancel"), self.tr("Export failed"),
            lambda report: self.backend.export(path, self.choice(), report))
        if written is None:
            return None
        self.result_path = written
        self.accept()
        return written


def run_export_dialog(backend: ExportBackend, parent: QWidget | None = None) -> Path | None:
    """Show the dialog modally; the written file, or None when cancelled."""
    dialog = ExportDialog(backend, parent)
    dialog.exec()
    return dialog.result_path

