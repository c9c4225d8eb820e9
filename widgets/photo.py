"""Persona photos on screen: decoded with a size check, since a file's bytes are untrusted."""

from __future__ import annotations

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QRectF, Qt
from PySide6.QtGui import QColor, QImageReader, QPainter, QPainterPath, QPixmap

from model.style import PHOTO_PLACEHOLDER, PHOTO_PLACEHOLDER_TEXT

MAX_SHOWN_PIXELS = 4_000_000  # stored photos are 512 px; anything bigger was not made by us


def photo_pixmap(data: bytes | None, size: int) -> QPixmap:
    """The photo scaled into a ``size`` square (null pixmap for no or unreadable data)."""
    if not data:
        return QPixmap()
    buffer = QBuffer()
    buffer.setData(QByteArray(data))
    buffer.open(QIODevice.OpenModeFlag.ReadOnly)
    reader = QImageReader(buffer)
    if reader.format().data() not in (b"png", b"jpeg", b"jpg", b"webp", b"gif"):
        return QPixmap()
    dims = reader.size()
    if not dims.isValid() or dims.width() * dims.height() > MAX_SHOWN_PIXELS:
        return QPixmap()
    image = reader.read()
    if image.isNull():
        return QPixmap()
    return QPixmap.fromImage(image).scaled(
        size, size, Qt.AspectRatioMode.KeepAspectRatio,
        Qt.TransformationMode.SmoothTransformation)


def round_photo(data: bytes | None, size: int, initials: str = "") -> QPixmap:
    """A round avatar: the photo cropped to a circle, or initials on grey without one."""
    out = QPixmap(size, size)
    out.fill(Qt.GlobalColor.transparent)
    painter = QPainter(out)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    path = QPainterPath()
    path.addEllipse(QRectF(0, 0, size, size))
    painter.setClipPath(path)
    photo = photo_pixmap(data, size * 2)
    if not photo.isNull():
        cover = photo.scaled(size, size, Qt.AspectRatioMode.KeepAspectRatioByExpanding,
                             Qt.TransformationMode.SmoothTransformation)
        painter.drawPixmap((size - cover.width()) // 2, (size - cover.height()) // 2, cover)
    else:
        painter.fillPath(path, QColor(PHOTO_PLACEHOLDER))
        painter.setPen(QColor(PHOTO_PLACEHOLDER_TEXT))
        font = painter.font()
        font.setPixelSize(max(8, size * 2 // 5))
        font.setBold(True)
        painter.setFont(font)
        painter.drawText(QRectF(0, 0, size, size), Qt.AlignmentFlag.AlignCenter, initials)
    painter.end()
    return out


def initials_of(name: str) -> str:
    return "".join(part[0] for part in name.split()[:2]).upper()
