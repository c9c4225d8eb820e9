"""Read back a written export before it replaces the target: a full disk must never pass.

Each check reads the file as it is on disk and raises ``ExportError`` when it is
incomplete or not what the format requires. They are structural checks, cheap
next to writing: a truncated or partly written file fails every one of them.
"""

from __future__ import annotations

import re
import struct
import xml.etree.ElementTree as ET
import zlib
from collections.abc import Callable
from pathlib import Path

from app.export.atomic import ExportError

Verifier = Callable[[Path], None]

PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"
SVG_ROOT = "{http://www.w3.org/2000/svg}svg"


def _broken(kind: str, why: str) -> ExportError:
    return ExportError(f"the {kind} written is incomplete or damaged ({why}); is the disk full?")


def same_bytes(expected: bytes) -> Verifier:
    """The file holds exactly ``expected`` (CSV, JSON)."""

    def check(path: Path) -> None:
        written = path.read_bytes()
        if written != expected:
            raise _broken("file", f"{len(written)} of {len(expected)} bytes read back")

    return check


def png(width: int, height: int) -> Verifier:
    """A complete PNG of that pixel size: every chunk whole with a good CRC, IEND last."""

    def check(path: Path) -> None:
        data = path.read_bytes()
        if not data.startswith(PNG_SIGNATURE):
            raise _broken("PNG", "no PNG signature")
        pos = len(PNG_SIGNATURE)
        first = True
        while True:
            if pos + 12 > len(data):
                raise _broken("PNG", "it ends inside a chunk")
            length, kind = struct.unpack(">I4s", data[pos : pos + 8])
            end = pos + 12 + length
            if end > len(data):
                raise _broken("PNG", f"the {kind!r} chunk is cut off")
            body = data[pos + 8 : end - 4]
            (crc,) = struct.unpack(">I", data[end - 4 : end])
            if zlib.crc32(kind + body) != crc:
                raise _broken("PNG", f"bad checksum in the {kind!r} chunk")
            if first:
                if kind != b"IHDR" or struct.unpack(">II", body[:8]) != (width, height):
                    raise _broken("PNG", "wrong header or size")
                first = False
            pos = end
            if kind == b"IEND":
                break
        if pos != len(data):
            raise _broken("PNG", "data after the end")

    return check


def svg(path: Path) -> None:
    """Well-formed XML whose root is an SVG element, ending as QSvgGenerator ends it."""
    with open(path, "rb") as fh:
        fh.seek(max(0, path.stat().st_size - 16))
        if not fh.read().endswith(b"</svg>\n"):
            raise _broken("SVG", "it does not end with </svg>")
    try:
        root = ET.parse(path).getroot()
    except ET.ParseError as exc:
        raise _broken("SVG", f"not well-formed XML: {exc}") from None
    if root.tag != SVG_ROOT:
        raise _broken("SVG", f"the root element is {root.tag}")


# reportlab ends the file with a newline after %%EOF.
_STARTXREF = re.compile(rb"startxref\s+(\d+)\s+%%EOF\r?\n\Z")
_XREF_HEAD = re.compile(rb"xref\s+(\d+)\s+(\d+)\s*")


def pdf(pages: int) -> Verifier:
    """A complete PDF: header, a cross-reference table whose every object is where it says,
    the trailer and ``%%EOF`` at the end, and the expected number of pages."""

    def check(path: Path) -> None:
        data = path.read_bytes()
        if not data.startswith(b"%PDF-"):
            raise _broken("PDF", "no PDF header")
        tail = _STARTXREF.search(data[-1024:])
        if tail is None:
            raise _broken("PDF", "no end-of-file marker")
        head = _XREF_HEAD.match(data, int(tail.group(1)))
        if head is None:
            raise _broken("PDF", "the cross-reference table is missing")
        first, count = int(head.group(1)), int(head.group(2))
        pos = head.end()
        for number in range(first, first + count):
            entry = data[pos : pos + 20]
            pos += 20
            if len(entry) < 18:
                raise _broken("PDF", "the cross-reference table is cut off")
            if entry[17:18] != b"n":
                continue
            offset = int(entry[:10])
            if not re.match(rb"%d\s+\d+\s+obj" % number, data[offset : offset + 32]):
                raise _broken("PDF", f"object {number} is not where the table says")
        found = len(re.findall(rb"/Type\s*/Page(?![s\w])", data))
        if found != pages:
            raise _broken("PDF", f"{found} of {pages} pages")

    return check
