"""Helpers shared by commands: opening the database ready for use, and saying which it is."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from sqlalchemy.orm import Session

    from prisonwatch.db.engine import Batches
    from prisonwatch.settings import Settings

# Database lines said by the running command; the root command clears it as each one starts.
_announced: set[str] = set()


def database_name(settings: Settings) -> str:
    """Return the database URL a command uses, password hidden."""
    from sqlalchemy.engine import make_url

    return make_url(settings.url()).render_as_string(hide_password=True)


def describe_database(settings: Settings) -> str:
    """Return the line that names the database a command uses, password hidden."""
    return (
        f"database: {database_name(settings)} "
        "(change it with PRISONWATCH_DATA_DIR or PRISONWATCH_DATABASE_URL)"
    )


def forget_announced() -> None:
    """Let the next command name its database again (one process may run many, as tests do)."""
    _announced.clear()


def announce(settings: Settings, *, quiet: bool = False) -> None:
    """Say once per command, on stderr, which database it reads and writes.

    ``quiet`` is for machine-readable output (``--json``, CSV on stdout): a program parsing it
    gets nothing else, though a person at a terminal still sees the line.
    """
    from rich.markup import escape

    from prisonwatch.cli.output import err_console

    line = describe_database(settings)
    if line in _announced or (quiet and not err_console.is_terminal):
        return
    _announced.add(line)
    err_console.print(f"[dim]{escape(line)}[/]", highlight=False)


@contextmanager
def open_session(
    *, write: bool = True, quiet: bool = False, named: bool = False
) -> Iterator[Session]:
    """Yield a session on the configured database, creating its schema if it is new.

    The database is named on stderr first (see ``announce``; ``quiet`` for machine output),
    unless the command names it itself (``named``), as the ``users`` commands do.
    """
    # Imported here so that '--help' does not load SQLAlchemy and Alembic.
    from prisonwatch.db.engine import session_scope
    from prisonwatch.db.migrate import ensure_ready
    from prisonwatch.settings import get_settings

    settings = get_settings()
    if not named:
        announce(settings, quiet=quiet)
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
