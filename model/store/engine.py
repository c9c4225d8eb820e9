"""The SQLAlchemy engine a project runs on: one in-memory SQLite database, safe pragmas."""

from __future__ import annotations

import sqlite3

from sqlalchemy import create_engine, event
from sqlalchemy.engine import Connection, Engine
from sqlalchemy.pool import StaticPool


def make_engine() -> Engine:
    """The project's in-memory database engine, with our pragmas and savepoint-safe BEGIN."""
    # One in-memory database for the life of the project (StaticPool: one connection).
    engine = create_engine(
        "sqlite://", poolclass=StaticPool, connect_args={"check_same_thread": False}
    )

    @event.listens_for(engine, "connect")
    def _pragmas(dbapi_conn: sqlite3.Connection, _record: object) -> None:
        # pysqlite's own implicit BEGIN breaks SAVEPOINT (SQLAlchemy's documented recipe):
        # let SQLAlchemy emit BEGIN itself, so an edit can be rolled back to a savepoint.
        dbapi_conn.isolation_level = None
        cur = dbapi_conn.cursor()
        cur.execute("PRAGMA trusted_schema=OFF")
        cur.execute("PRAGMA foreign_keys=ON")
        cur.execute("PRAGMA temp_store=MEMORY")
        cur.close()

    @event.listens_for(engine, "begin")
    def _begin(conn: Connection) -> None:
        conn.exec_driver_sql("BEGIN")

    return engine
