"""Frozen DDL of every .cjm schema version, their signatures, and the migrations between them."""

from __future__ import annotations

import re
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

    # (table, {(column, TYPE, notnull, pk, hidden, default)}, {constraint keywords})
    tables: frozenset[tuple[str, frozenset[tuple[str, str, int, int, int, str]], frozenset[str]]]
    # (table, index name or "auto", ((column, desc, collation), ...), unique, partial)
    indexes: frozenset[tuple[str, str, tuple[tuple[str, int, str], ...], int, int]]
    # (table, column, parent table, parent column, on update, on delete)
    foreign_keys: frozenset[tuple[str, str, str, str, str, str]]
    others: frozenset[tuple[str, str]]  # views, triggers and anything else: must be empty


# Table clauses the pragmas do not show but that change what the file accepts.
_HIDDEN_CLAUSES = ("CHECK", "COLLATE", "GENERATED", "STRICT", "AUTOINCREMENT", "WITHOUT")
_LITERALS = re.compile(r"'(?:[^']|'')*'|\"(?:[^\"]|\"\")*\"|`[^`]*`|\[[^\]]*\]")
_WORDS = re.compile(r"[A-Za-z_]+")


def _clauses(sql: str | None) -> frozenset[str]:
    words = {w.upper() for w in _WORDS.findall(_LITERALS.sub(" ", sql or ""))}
    return frozenset(words.intersection(_HIDDEN_CLAUSES))


def read_signature(conn: sqlite3.Connection) -> SchemaSignature:
    """Read the structure of the schema behind an open connection."""
    tables = []
    indexes = []
    fks = []
    others = []
    rows = conn.execute(
        "SELECT type, name, tbl_name, sql FROM sqlite_master ORDER BY type, name"
    ).fetchall()
    for kind, name, tbl_name, sql in rows:
        if kind == "table":
            if name.startswith("sqlite_"):
                others.append((kind, name))
                continue
            cols = frozenset(
                (
                    str(r[1]),
                    str(r[2]).upper(),
                    int(r[3]),
                    int(r[5]),
                    int(r[6]),
                    "" if r[4] is None else str(r[4]),
                )
                for r in conn.execute("SELECT * FROM pragma_table_xinfo(?)", (name,))
            )
            tables.append((name, cols, _clauses(sql)))
            for r in conn.execute("SELECT * FROM pragma_foreign_key_list(?)", (name,)):
                fks.append((name, str(r[3]), str(r[2]), str(r[4]), str(r[5]), str(r[6])))
        elif kind == "index":
            key = tuple(
                (str(r[2]) if r[2] is not None else "<expression>", int(r[3]), str(r[4]))
                for r in conn.execute("SELECT * FROM pragma_index_xinfo(?)", (name,))
                if r[5]
            )
            listed = conn.execute(
                'SELECT "unique", partial FROM pragma_index_list(?) WHERE name = ?',
                (tbl_name, name),
            ).fetchone()
            indexes.append(
                (
                    tbl_name,
                    "auto" if name.startswith("sqlite_") else name,
                    key,
                    int(listed[0]) if listed else 0,
                    int(listed[1]) if listed else 1,
                )
            )
        else:
            others.append((kind, name))
    return SchemaSignature(frozenset(tables), frozenset(indexes), frozenset(fks), frozenset(others))


@cache
def expected_signature(version: int) -> SchemaSignature:
    """The signature a correct file of this schema version has."""
    conn = sqlite3.connect(":memory:")
    try:
        conn.executescript(ddl(version))
        return read_signature(conn)
    finally:
        conn.close()
