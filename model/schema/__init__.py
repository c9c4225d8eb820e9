"""Frozen DDL of every .cjm schema version, their signatures, and the migrations between them."""

from __future__ import annotations

import re
import sqlite3
from dataclasses import dataclass
from functools import cache
from importlib import resources

APPLICATION_ID = 0x4A424D50  # "JBMP": marks a file as a Journeyboard project
SCHEMA_VERSION = 6

# version N -> statements that turn a version-N file into version N+1
MIGRATIONS: dict[int, tuple[str, ...]] = {
    1: (
        "ALTER TABLE journeys ADD COLUMN next_review DATE",
        "ALTER TABLE cards ADD COLUMN usage_share FLOAT",
        "ALTER TABLE cards ADD COLUMN severity INTEGER",
    ),
    2: (
        "CREATE TABLE metrics (id INTEGER NOT NULL, journey_id INTEGER NOT NULL, "
        "card_id INTEGER, stage_id INTEGER, position INTEGER NOT NULL, "
        "kind VARCHAR NOT NULL, name VARCHAR NOT NULL, unit VARCHAR NOT NULL, "
        "range_min FLOAT, range_max FLOAT, value FLOAT, mean FLOAT, responses INTEGER, "
        "period VARCHAR NOT NULL, source VARCHAR NOT NULL, computed BOOLEAN NOT NULL, "
        "PRIMARY KEY (id), "
        "FOREIGN KEY(journey_id) REFERENCES journeys (id) ON DELETE CASCADE, "
        "FOREIGN KEY(card_id) REFERENCES cards (id) ON DELETE CASCADE, "
        "FOREIGN KEY(stage_id) REFERENCES stages (id) ON DELETE CASCADE)",
        "CREATE INDEX ix_metrics_card ON metrics (card_id)",
        "CREATE INDEX ix_metrics_journey ON metrics (journey_id)",
        "CREATE INDEX ix_metrics_stage ON metrics (stage_id)",
    ),
    3: (
        "ALTER TABLE personas ADD COLUMN notes TEXT DEFAULT '' NOT NULL",
        "ALTER TABLE cards ADD COLUMN owner VARCHAR DEFAULT '' NOT NULL",
    ),
    4: (
        "ALTER TABLE journeys ADD COLUMN review_interval_months INTEGER NOT NULL DEFAULT 3",
        "CREATE TABLE snapshots (id INTEGER NOT NULL, journey_id INTEGER NOT NULL, "
        "label VARCHAR NOT NULL, taken_at DATETIME NOT NULL, card_count INTEGER NOT NULL, "
        "data BLOB NOT NULL, PRIMARY KEY (id), FOREIGN KEY(journey_id) REFERENCES journeys (id) "
        "ON DELETE CASCADE)",
        "CREATE INDEX ix_snapshots_journey ON snapshots (journey_id)",
    ),
    5: (
        "CREATE TABLE saved_views (id INTEGER NOT NULL, journey_id INTEGER NOT NULL, "
        "position INTEGER NOT NULL, name VARCHAR NOT NULL, zoom FLOAT, highlight_kind VARCHAR, "
        "persona_id INTEGER, PRIMARY KEY (id), FOREIGN KEY(journey_id) REFERENCES journeys (id) "
        "ON DELETE CASCADE, FOREIGN KEY(persona_id) REFERENCES personas (id) ON DELETE SET NULL)",
        "CREATE INDEX ix_saved_views_journey ON saved_views (journey_id)",
        "CREATE TABLE saved_view_lanes (view_id INTEGER NOT NULL, lane_id INTEGER NOT NULL, "
        "PRIMARY KEY (view_id, lane_id), FOREIGN KEY(view_id) REFERENCES saved_views (id) "
        "ON DELETE CASCADE, FOREIGN KEY(lane_id) REFERENCES lanes (id) ON DELETE CASCADE)",
        "CREATE INDEX ix_saved_view_lanes_lane ON saved_view_lanes (lane_id)",
        "CREATE TABLE vote_rounds (id INTEGER NOT NULL, journey_id INTEGER NOT NULL, "
        "name VARCHAR NOT NULL, dots INTEGER NOT NULL, pain_points BOOLEAN NOT NULL, "
        "opportunities BOOLEAN NOT NULL, started_at DATETIME NOT NULL, PRIMARY KEY (id), "
        "FOREIGN KEY(journey_id) REFERENCES journeys (id) ON DELETE CASCADE)",
        "CREATE INDEX ix_vote_rounds_journey ON vote_rounds (journey_id)",
        "CREATE TABLE votes (round_id INTEGER NOT NULL, card_id INTEGER NOT NULL, "
        "participant VARCHAR NOT NULL, count INTEGER NOT NULL, "
        "PRIMARY KEY (round_id, card_id, participant), FOREIGN KEY(round_id) REFERENCES "
        "vote_rounds (id) ON DELETE CASCADE, FOREIGN KEY(card_id) REFERENCES cards (id) "
        "ON DELETE CASCADE)",
        "CREATE INDEX ix_votes_card ON votes (card_id)",
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
        if not all(isinstance(v, str) for v in (kind, name, tbl_name)) or not (
                sql is None or isinstance(sql, str)):
            # A damaged file can hold a blob where SQLite keeps a name.
            raise sqlite3.DatabaseError("the schema table holds a value of the wrong type")
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


# -- values ---------------------------------------------------------------------------
# SQLite stores any value in any column; a file from another tool (or edited by hand)
# could hold text where the program expects a number. These checks run on open.

_TYPEOF: dict[str, tuple[str, ...]] = {
    "INTEGER": ("integer",),
    "FLOAT": ("real", "integer"),
    "VARCHAR": ("text",),
    "TEXT": ("text",),
    "DATE": ("text",),
    "DATETIME": ("text",),
    "BLOB": ("blob",),
}
_COLOR = "'#[0-9a-fA-F][0-9a-fA-F][0-9a-fA-F][0-9a-fA-F][0-9a-fA-F][0-9a-fA-F]'"
_COLOR3 = "'#[0-9a-fA-F][0-9a-fA-F][0-9a-fA-F]'"
_DATE = "'[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]*'"


def _quoted(values: list[str]) -> str:
    return ", ".join("'" + v.replace("'", "''") + "'" for v in values)


@cache
def value_checks(version: int) -> tuple[tuple[str, str], ...]:
    """(what is wrong, SQL counting the rows where it is) for a file of this version."""
    from model.entities import EMOTION_MAX, EMOTION_MIN, CardKind, LaneKind
    from model.metrics import MetricKind

    checks: list[tuple[str, str]] = []
    conn = sqlite3.connect(":memory:")
    try:
        conn.executescript(ddl(version))
        names = [r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type='table'")]
        columns = {t: conn.execute(f"SELECT name, type, \"notnull\" FROM pragma_table_info('{t}')")
                   .fetchall() for t in names}
    finally:
        conn.close()
    for table, cols in columns.items():
        for name, decl, notnull in cols:
            allowed = list(_TYPEOF.get(str(decl).upper(), ()))
            if not allowed:
                continue
            if not notnull:
                allowed.append("null")
            checks.append((f"{table}.{name} has a value of the wrong type",
                           f"SELECT count(*) FROM {table} WHERE typeof({name}) NOT IN "
                           f"({_quoted(allowed)})"))
            if str(decl).upper() in ("DATE", "DATETIME"):
                checks.append((f"{table}.{name} is not a date",
                               f"SELECT count(*) FROM {table} WHERE {name} IS NOT NULL AND "
                               f"({name} NOT GLOB {_DATE} OR date({name}) IS NULL "
                               # via julianday 2024-02-30 rolls over to March: not the same day
                               f"OR date(julianday({name})) != substr({name}, 1, 10))"))
            if name == "color":
                empty_ok = "color = '' OR " if table == "cards" else ""
                checks.append((f"{table}.color is not a #rrggbb colour",
                               f"SELECT count(*) FROM {table} WHERE NOT ({empty_ok}"
                               f"color GLOB {_COLOR} OR color GLOB {_COLOR3})"))
    if version == SCHEMA_VERSION:
        checks += [
            ("cards.kind is unknown", "SELECT count(*) FROM cards WHERE kind NOT IN "
             f"({_quoted([k.value for k in CardKind])})"),
            ("lanes.kind is unknown", "SELECT count(*) FROM lanes WHERE kind NOT IN "
             f"({_quoted([k.value for k in LaneKind])})"),
            ("cards.severity is not 1..5", "SELECT count(*) FROM cards WHERE severity IS NOT "
             "NULL AND severity NOT BETWEEN 1 AND 5"),
            ("cards.usage_share is not 0..1", "SELECT count(*) FROM cards WHERE usage_share IS "
             "NOT NULL AND usage_share NOT BETWEEN 0 AND 1"),
            ("an emotion value is off the scale", "SELECT count(*) FROM emotion_points WHERE "
             f"value NOT BETWEEN {EMOTION_MIN} AND {EMOTION_MAX}"),
            ("a metric is not on exactly one card or stage", "SELECT count(*) FROM metrics "
             "WHERE (card_id IS NULL) = (stage_id IS NULL)"),
            ("metrics.kind is unknown", "SELECT count(*) FROM metrics WHERE kind NOT IN "
             f"({_quoted([k.value for k in MetricKind])})"),
            ("metrics.computed is not 0 or 1", "SELECT count(*) FROM metrics WHERE computed "
             "NOT IN (0, 1)"),
            ("metrics.responses is negative", "SELECT count(*) FROM metrics WHERE responses < 0"),
            ("a metric value is off its scale", "SELECT count(*) FROM metrics WHERE value IS NOT "
             "NULL AND ((kind = 'nps' AND value NOT BETWEEN -100 AND 100) OR (kind = 'csat' "
             "AND value NOT BETWEEN 0 AND 100) OR (kind = 'ces' AND value NOT BETWEEN 1 AND 7))"),
            ("a stage width is not 1..10000", "SELECT count(*) FROM stages WHERE width NOT "
             "BETWEEN 1 AND 10000"),
            ("a review interval is not 1..24 months", "SELECT count(*) FROM journeys WHERE "
             "review_interval_months NOT BETWEEN 1 AND 24"),
            ("an opportunity score is not 1..5", "SELECT count(*) FROM opportunities WHERE "
             "importance NOT BETWEEN 1 AND 5 OR cost NOT BETWEEN 1 AND 5 "
             "OR ease NOT BETWEEN 1 AND 5"),
            # Saved views and voting rounds (schema v6).
            ("a saved view's zoom is not 0.01..10", "SELECT count(*) FROM saved_views WHERE "
             "zoom IS NOT NULL AND zoom NOT BETWEEN 0.01 AND 10"),
            ("a saved view highlights an unknown card kind", "SELECT count(*) FROM saved_views "
             f"WHERE highlight_kind IS NOT NULL AND highlight_kind NOT IN "
             f"({_quoted([k.value for k in CardKind])})"),
            ("a saved view hides a lane of another journey", "SELECT count(*) FROM "
             "saved_view_lanes x JOIN saved_views v ON v.id = x.view_id JOIN lanes l "
             "ON l.id = x.lane_id WHERE l.journey_id != v.journey_id"),
            ("a voting round's dots are not 1..99", "SELECT count(*) FROM vote_rounds WHERE "
             "dots NOT BETWEEN 1 AND 99"),
            ("a voting round's targets are not 0 or 1", "SELECT count(*) FROM vote_rounds WHERE "
             "pain_points NOT IN (0, 1) OR opportunities NOT IN (0, 1)"),
            ("a vote count is not 1..9999", "SELECT count(*) FROM votes WHERE count NOT "
             "BETWEEN 1 AND 9999"),
            ("a vote is on a card of another journey", "SELECT count(*) FROM votes x JOIN "
             "vote_rounds r ON r.id = x.round_id JOIN cards c ON c.id = x.card_id "
             "WHERE c.journey_id != r.journey_id"),
        ]
    return tuple(checks)


def value_problems(conn: sqlite3.Connection, version: int) -> list[str]:
    """What is wrong with the values in a database whose schema is already verified."""
    return [what for what, sql in value_checks(version) if conn.execute(sql).fetchone()[0]]
