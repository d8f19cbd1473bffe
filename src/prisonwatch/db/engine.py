"""Engines and sessions: one code path for SQLite and PostgreSQL.

SQLite specifics live in ``dialect.py``; everything else is plain SQLAlchemy.
"""

from __future__ import annotations

import time
from collections.abc import Iterator
from contextlib import contextmanager

from sqlalchemy import Engine, create_engine
from sqlalchemy.exc import DBAPIError, OperationalError
from sqlalchemy.orm import Session, sessionmaker

from prisonwatch.db import dialect
from prisonwatch.errors import storage_error
from prisonwatch.settings import Settings, get_settings
from prisonwatch.tunables import tunable

_ENGINES: dict[str, Engine] = {}


def get_engine(url: str) -> Engine:
    """Return the engine for ``url``, created once per process."""
    engine = _ENGINES.get(url)
    if engine is None:
        engine = create_engine(url, **dialect.engine_options(url))
        dialect.configure(engine)
        _ENGINES[url] = engine
    return engine


def dispose_engines() -> None:
    """Close every pooled connection and forget the engines (tests, worker shutdown)."""
    for engine in _ENGINES.values():
        engine.dispose()
    _ENGINES.clear()


def engine_for(settings: Settings | None = None) -> Engine:
    """Return the engine of the configured database, creating its folder for SQLite."""
    settings = settings or get_settings()
    url = settings.url()
    dialect.ensure_parent_dir(url)
    return get_engine(url)


@contextmanager
def session_scope(settings: Settings | None = None, *, write: bool = True) -> Iterator[Session]:
    """Yield a session in one transaction: committed on success, rolled back on any error.

    A writing session on SQLite takes the write lock at its start (``BEGIN IMMEDIATE``) so that
    two writers queue instead of failing halfway.
    """
    try:
        engine = engine_for(settings)
        bind = dialect.writer(engine) if write else engine
        factory = sessionmaker(bind=bind, expire_on_commit=False)
        with factory() as session, session.begin():
            yield session
    except (OperationalError, DBAPIError, OSError) as exc:
        # Busy, read-only or full: one sentence for the CLI, 503 for the web; never a traceback.
        mapped = storage_error(exc)
        if mapped is None:
            raise
        raise mapped from exc


class Batches:
    """A writing session whose work is committed in whole batches, each its own transaction."""

    def __init__(self, session: Session, pause_s: float = 0.0) -> None:
        self.session = session
        self.committed = 0
        self.pause_s = pause_s

    def commit(self) -> None:
        """Commit the batch so far, releasing the write lock until the next statement."""
        try:
            self.session.commit()
        except (OperationalError, DBAPIError, OSError) as exc:
            mapped = storage_error(exc)
            if mapped is None:
                raise
            raise mapped from exc
        self.committed += 1
        if self.pause_s:
            # SQLite has no queue of writers: a waiting one retries every 100 ms, and without a
            # pause the next batch would take the lock again before it ever sees it free.
            time.sleep(self.pause_s)


@contextmanager
def batch_scope(settings: Settings | None = None) -> Iterator[Batches]:
    """Yield a writing session committed batch by batch; the last batch commits on success.

    On any error the open batch is rolled back and the batches committed before it stay.
    """
    try:
        engine = engine_for(settings)
        factory = sessionmaker(bind=dialect.writer(engine), expire_on_commit=False)
        with factory() as session:
            pause = tunable("import.batch_pause_s") if dialect.is_sqlite(engine) else 0.0
            batches = Batches(session, pause)
            try:
                yield batches
            except BaseException:
                session.rollback()
                raise
            batches.commit()
    except (OperationalError, DBAPIError, OSError) as exc:
        mapped = storage_error(exc)
        if mapped is None:
            raise
        raise mapped from exc
