"""Help → About: the version, the libraries and fonts inside, and their licences (offline)."""

from __future__ import annotations

from dataclasses import dataclass, field

from PySide6.QtCore import Qt
from PySide6.QtGui import QFontDatabase
from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QPlainTextEdit,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)


@dataclass(frozen=True)
class Component:
    """A library or font inside Journeyboard, as the About box lists it."""

    name: str
    version: str
    licence: str
    role: str


@dataclass(frozen=True)
class LicenceText:
    """A licence the user can read in full: whose it is, and its text."""

    title: str
    text: str


@dataclass(frozen=True)
class AboutInfo:
    version: str
    components: list[Component] = field(default_factory=list)
    licences: list[LicenceText] = field(default_factory=list)


class AboutDialog(QDialog):
    """Version and licences, readable without a network (no links to follow)."""

    def __init__(self, info: AboutInfo, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("about_dialog")
        self.setWindowTitle(self.tr("About Journeyboard"))
        self.tabs = QTabWidget()
        self.tabs.addTab(self._about_page(info), self.tr("About"))
        self.tabs.addTab(self._components_page(info), self.tr("Components"))
        self.tabs.addTab(self._licences_page(info), self.tr("Licences"))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.about_qt_button = buttons.addButton(self.tr("About &Qt"),
                                                 QDialogButtonBox.ButtonRole.HelpRole)
        self.about_qt_button.clicked.connect(lambda: QApplication.aboutQt())
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.tabs)
        layout.addWidget(buttons)
        self.resize(780, 480)

    def _about_page(self, info: AboutInfo) -> QWidget:
        page = QWidget()
        title = QLabel(self.tr("Journeyboard %1").replace("%1", info.version))
        title.setObjectName("about_title")
        font = title.font()
        font.setPointSizeF(font.pointSizeF() * 1.6)
        font.setBold(True)
        title.setFont(font)
        text = QLabel(self.tr(
            "An offline editor for customer journey maps.\n\n"
            "Journeyboard is free software under the MIT License. It is built on Python, "
            "Qt and PySide6 (LGPL 3), SQLAlchemy, ReportLab and Pillow, and it includes the "
            "DejaVu fonts (Bitstream Vera licence) and Droid Sans Fallback (Apache License "
            "2.0). The Components and Licences tabs list their versions and licence texts; "
            "everything is stored here and needs no network."))
        text.setWordWrap(True)
        text.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        box = QVBoxLayout(page)
        box.addWidget(title)
        box.addWidget(text)
        box.addStretch(1)
        return page

    def _components_page(self, info: AboutInfo) -> QWidget:
        table = QTableWidget(len(info.components), 4)
        table.setObjectName("about_components")
        table.setHorizontalHeaderLabels(
            [self.tr("Component"), self.tr("Version"), self.tr("Licence"), self.tr("Used for")])
        for row, component in enumerate(info.components):
            for column, value in enumerate(
                    (component.name, component.version, component.licence, component.role)):
                item = QTableWidgetItem(value)
                item.setFlags(Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable)
                table.setItem(row, column, item)
        table.verticalHeader().hide()
        table.resizeColumnsToContents()
        table.horizontalHeader().setStretchLastSection(True)
        return table

    def _licences_page(self, info: AboutInfo) -> QWidget:
        page = QWidget()
        self.licence_list = QListWidget()
        self.licence_list.setObjectName("about_licence_list")
        self.licence_list.addItems([licence.title for licence in info.licences])
        self.licence_list.setMaximumWidth(190)
        self.licence_text = QPlainTextEdit()
        self.licence_text.setObjectName("about_licence_text")
        self.licence_text.setReadOnly(True)
        self.licence_text.setFont(QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont))
        self.licence_list.currentRowChanged.connect(
            lambda row: self.licence_text.setPlainText(
                info.licences[row].text if 0 <= row < len(info.licences) else ""))
        if info.licences:
            self.licence_list.setCurrentRow(0)
        box = QHBoxLayout(page)
        box.addWidget(self.licence_list)
        box.addWidget(self.licence_text, 1)
        return page

    def show_licence(self, title: str) -> bool:
        """Open the Licences tab at one licence; False when there is none of that name."""
        found = self.licence_list.findItems(title, Qt.MatchFlag.MatchExactly)
        if not found:
            return False
        self.tabs.setCurrentIndex(2)
        self.licence_list.setCurrentItem(found[0])
        return True
