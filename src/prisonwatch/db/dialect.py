"""The few places where SQLite and PostgreSQL differ, each in one named helper."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from sqlalchemy import Engine, event, make_url, text
from sqlalchemy.engine import Connection

# How long a writer waits for another writer's lock before giving up, in milliseconds (SQLite's
# busy timeout, PostgreSQL's lock_timeout); then the command says "busy" and the web answers 503.
SQLITE_BUSY_TIMEOUT_MS = 60_000


def is_sqlite(url_or_engine: str | Engine | Connection) -> bool:
    """Return True when the URL or engine points at SQLite."""
    if isinstance(url_or_engine, str):
        return make_url(url_or_engine).get_backend_name() == "sqlite"
    return url_or_engine.dialect.name == "sqlite"


def engine_options(url: str) -> dict[str, Any]:
    """Return ``create_engine`` keyword arguments suited to the backend."""
    if is_sqlite(url):
        # As many connections as the web server has worker threads (40): a request must never
        # wait 30 s for a pooled connection and fail; SQLite connections cost little.
        options: dict[str, Any] = {"connect_args": {"timeout": SQLITE_BUSY_TIMEOUT_MS / 1000}}
        if make_url(url).database not in (None, "", ":memory:"):
            options.update(pool_size=8, max_overflow=40)
        return options
    return {"pool_pre_ping": True}


def ensure_parent_dir(url: str) -> None:
    """Create the folder of a SQLite database file if it does not exist."""
    parsed = make_url(url)
    if parsed.get_backend_name() == "sqlite" and parsed.database not in (None, "", ":memory:"):
        Path(str(parsed.database)).parent.mkdir(parents=True, exist_ok=True)


def configure(engine: Engine) -> None:
    """Install per-connection settings: WAL, foreign keys and explicit BEGIN for SQLite."""
    if not is_sqlite(engine):

        @event.listens_for(engine, "connect")
        def _lock_timeout(dbapi_connection: Any, _record: Any) -> None:
            # PostgreSQL waits for a row lock forever by default; bound it like SQLite's wait.
            cursor = dbapi_connection.cursor()
            cursor.execute(f"SET lock_timeout = {int(SQLITE_BUSY_TIMEOUT_MS)}")
            cursor.close()
            dbapi_connection.commit()

        return

    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_connection: Any, _record: Any) -> None:
        # Let SQLAlchemy, not the sqlite3 module, decide when transactions begin.
        dbapi_connection.isolation_level = None
        cursor = dbapi_connection.cursor()
        cursor.execute("PRAGMA journal_mode=WAL")
        cursor.execute("PRAGMA foreign_keys=ON")
        cursor.execute(f"PRAGMA busy_timeout={SQLITE_BUSY_TIMEOUT_MS}")
        cursor.execute("PRAGMA synchronous=NORMAL")
        cursor.close()

    @event.listens_for(engine, "begin")
    def _on_begin(conn: Connection) -> None:
        mode = conn.get_execution_options().get("sqlite_begin", "DEFERRED")
        conn.exec_driver_sql(f"BEGIN {mode}")


def writer(engine: Engine) -> Engine:
    """Return the engine to use for a writing transaction."""
    if is_sqlite(engine):
        return engine.execution_options(sqlite_begin="IMMEDIATE")
    return engine


def reset_sequences(conn: Connection, tables: dict[str, str]) -> None:
    """After rows were inserted with explicit integer ids, move PostgreSQL sequences past them."""
    if is_sqlite(conn):
        return
    for table, column in tables.items():
        conn.execute(
            text(
                f"SELECT setval(pg_get_serial_sequence('{table}', '{column}'), "
                f"COALESCE((SELECT MAX({column}) FROM {table}), 0) + 1, false)"
            )
        )
