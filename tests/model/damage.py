"""Ways to damage a .cjm file, shared by the regression tests and the loader fuzz test."""

from __future__ import annotations

import sqlite3
from pathlib import Path


def page_size(data: bytes) -> int:
    size = int.from_bytes(data[16:18], "big")
    return 65536 if size == 1 else size


def root_pages(path: Path, kind: str) -> dict[str, int]:
    """name -> root page number of every index (or table) of a database."""
    conn = sqlite3.connect(f"{path.as_uri()}?mode=ro", uri=True)
    try:
        rows = conn.execute(
            "SELECT name, rootpage FROM sqlite_master WHERE type = ? AND rootpage > 0", (kind,)
        ).fetchall()
    finally:
        conn.close()
    return {str(name): int(page) for name, page in rows}


def empty_btree_page(data: bytearray, page_no: int, leaf_type: int = 0x0A) -> None:
    """Make one b-tree page an empty leaf (an index page "emptied")."""
    size = page_size(bytes(data))
    start = (page_no - 1) * size
    header = start + (100 if page_no == 1 else 0)
    data[header : header + 8] = bytes(
        [leaf_type, 0, 0, 0, 0, (size >> 8) & 0xFF if size < 65536 else 0, size & 0xFF, 0]
    )
