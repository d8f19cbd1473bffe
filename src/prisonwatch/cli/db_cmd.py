"""``prisonwatch db``: create and upgrade the database schema."""

from __future__ import annotations

import typer

from prisonwatch.cli.output import console

ORDER = 10

db_app = typer.Typer(help="Create, upgrade and inspect the database schema.", no_args_is_help=True)


@db_app.command("upgrade")
def upgrade_cmd() -> None:
    """Apply all pending migrations.

    Example: PRISONWATCH_DATABASE_URL=sqlite:///data/pw.sqlite prisonwatch db upgrade
    """
    from prisonwatch.db.migrate import upgrade

    result = upgrade()
    console.print(f"database {result.url} is at migration {result.current} (latest)")


@db_app.command("status")
def status_cmd() -> None:
    """Show which migration the database is at and whether it is current.

    Example: prisonwatch db status
    """
    from prisonwatch.db.migrate import status

    result = status()
    state = "up to date" if result.up_to_date else "needs 'prisonwatch db upgrade'"
    console.print(f"database {result.url}: at {result.current or 'nothing'}, latest {result.head}")
    console.print(state)


def register(app: typer.Typer) -> None:
    """Add the ``db`` commands to the CLI."""
    app.add_typer(db_app, name="db")
