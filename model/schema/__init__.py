"""Frozen DDL of every .cjm schema version, their signatures, and the migrations between them."""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass
from functools import cache
from importlib import resources

APPLICATION_ID = 0x4A424D50  # "JBMP": marks a file as a Journeyboard project
SCHEMA_VERSION = 2

# version N -> statements that turn a version-N file into version N+1
MIGRATIONS: dict[int, tuple[str, ...]] = {
    1: (
        "ALTER TABLE journeys ADD COLUMN next_review DATE",
        "ALTER TABLE cards ADD COLUMN usage_share FLOAT",
        "ALTER TABLE cards ADD COLUMN severity INTEGER",
    ),
}


def ddl(version: int) -> str:
    """The CREATE statements of one schema version."""
    return resources.files(__package__).joinpath(f"v{version}.sql").read_text(encoding="utf-8")


@dataclass(frozen=True)
class SchemaSignature:
    """What a schema is made of, independent of how its SQL text is spelled."""

    tables: frozenset[tuple[str, frozenset[tuple[str, str, int, int]]]]
    indexes: frozenset[tuple[str, str, tuple[str, ...], int]]
    foreign_keys: frozenset[tuple[str, str, str, str, str]]
    others: frozenset[tuple[str, str]]  # views, triggers and anything else: must be empty


def read_signature(conn: sqlite3.Connection) -> SchemaSignature:
    """Read the structure of the schema behind an open connection."""
    tables = []
    indexes = []
    fks = []
    others = []
    rows = conn.execute(
        "SELECT type, name, tbl_name FROM sqlite_master ORDER BY type, name"
    ).fetchall()
    for kind, name, tbl_name in rows:
        if kind == "table":
            if name.startswith("sqlite_"):
                others.append((kind, name))
                continue
            cols = frozenset(
                (str(r[1]), str(r[2]).upper(), int(r[3]), int(r[5]))
                for r in conn.execute("SELECT * FROM pragma_table_xinfo(?)", (name,))
            )
            tables.append((name, cols))
            for r in conn.execute("SELECT * FROM pragma_foreign_key_list(?)", (name,)):
                fks.append((name, str(r[3]), str(r[2]), str(r[4]), str(r[6])))
        elif kind == "index":
            cols_t = tuple(
                str(r[2]) for r in conn.execute("SELECT * FROM pragma_index_info(?)", (name,))
            )
            unique = conn.execute(
                "SELECT \"unique\" FROM pragma_index_list(?) WHERE name = ?", (tbl_name, name)
            ).fetchone()
            indexes.append((tbl_name, "auto" if name.startswith("sqlite_") else name, cols_t,
                            int(unique[0]) if unique else 0))
        else:
            others.append((kind, name))
    return SchemaSignature(
        frozenset(tables), frozenset(indexes), frozenset(fks), frozenset(others)
    )


@cache
def expected_signature(version: int) -> SchemaSignature:
    """The signature a correct file of this schema version has."""
    conn = sqlite3.connect(":memory:")
    try:
        conn.executescript(ddl(version))
        return read_signature(conn)
    finally:
        conn.close()
