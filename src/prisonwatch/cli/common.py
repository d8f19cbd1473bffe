"""Helpers shared by commands: opening the database ready for use."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from sqlalchemy.orm import Session


@contextmanager
def open_session(*, write: bool = True) -> Iterator[Session]:
    """Yield a session on the configured database, creating its schema if it is new."""
    # Imported here so that '--help' does not load SQLAlchemy and Alembic.
    from prisonwatch.db.engine import session_scope
    from prisonwatch.db.migrate import ensure_ready
    from prisonwatch.settings import get_settings

    settings = get_settings()
    ensure_ready(settings)
    with session_scope(settings, write=write) as session:
        yield session
