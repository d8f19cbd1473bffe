"""Helpers shared by commands: opening the database ready for use, and saying which it is."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from sqlalchemy.orm import Session

    from prisonwatch.db.engine import Batches
    from prisonwatch.settings import Settings

_announced: set[str] = set()


def describe_database(settings: Settings) -> str:
    """Return the line that names the database a command uses, password hidden."""
    from sqlalchemy.engine import make_url

    shown = make_url(settings.url()).render_as_string(hide_password=True)
    return f"database: {shown} (change it with PRISONWATCH_DATA_DIR or PRISONWATCH_DATABASE_URL)"


def announce(settings: Settings) -> None:
    """Say once per process, on a terminal, which database the command reads and writes."""
    from prisonwatch.cli.output import err_console

    line = describe_database(settings)
    # Only people at a terminal read it; scripts that parse the output get none of it.
    if err_console.is_terminal and line not in _announced:
        _announced.add(line)
        err_console.print(f"[dim]{line}[/]", highlight=False)


@contextmanager
def open_session(*, write: bool = True) -> Iterator[Session]:
    """Yield a session on the configured database, creating its schema if it is new."""
    # Imported here so that '--help' does not load SQLAlchemy and Alembic.
    from prisonwatch.db.engine import session_scope
    from prisonwatch.db.migrate import ensure_ready
    from prisonwatch.settings import get_settings

    settings = get_settings()
    announce(settings)
    ensure_ready(settings)
    with session_scope(settings, write=write) as session:
        yield session


@contextmanager
def open_batches() -> Iterator[Batches]:
    """Yield a writing session committed batch by batch on the configured database."""
    from prisonwatch.db.engine import batch_scope
    from prisonwatch.db.migrate import ensure_ready
    from prisonwatch.settings import get_settings

    settings = get_settings()
    announce(settings)
    ensure_ready(settings)
    with batch_scope(settings) as batches:
        yield batches
