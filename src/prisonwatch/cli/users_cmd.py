"""``prisonwatch users``: add users with a role, and print API tokens."""

from __future__ import annotations

import sys

import typer

from prisonwatch.cli.common import open_session
from prisonwatch.cli.output import console

ORDER = 85

users_app = typer.Typer(
    help="Add users of the reviewer workspace and make API tokens.", no_args_is_help=True
)


def _read_password(from_stdin: bool) -> str:
    if from_stdin:
        return sys.stdin.readline().rstrip("\r\n")
    value: str = typer.prompt("Password", hide_input=True, confirmation_prompt=True)
    return value


@users_app.command("add")
def add_cmd(
    name: str = typer.Argument(..., help="The user name to log in with."),
    role: str = typer.Option("viewer", help="viewer, reviewer or admin."),
    password_stdin: bool = typer.Option(
        False, "--password-stdin", help="Read the password from the first line of stdin."
    ),
) -> None:
    """Add a user; the password is asked for, or read from stdin.

    Example: echo 's3cret-pass' | prisonwatch users add anna --role reviewer --password-stdin
    """
    from prisonwatch.users import add_user

    password = _read_password(password_stdin)
    with open_session() as session:
        user = add_user(session, name, password, role=role)
        console.print(f"added user {user.username} with role {user.role}")


@users_app.command("token")
def token_cmd(
    name: str = typer.Argument(..., help="The user the token acts for."),
    label: str | None = typer.Option(None, help="A note saying what the token is for."),
) -> None:
    """Print a new API token for a user; it is shown once and only its hash is kept.

    Example: prisonwatch users token anna --label "import script"
    """
    from prisonwatch.users import new_token

    with open_session() as session:
        token = new_token(session, name, label=label)
    print(token)


@users_app.command("list")
def list_cmd() -> None:
    """List users and their roles.

    Example: prisonwatch users list
    """
    from prisonwatch.users import list_users

    with open_session(write=False) as session:
        for user in list_users(session):
            print(f"{user.username}\t{user.role}")


def register(app: typer.Typer) -> None:
    """Add the ``users`` commands to the CLI."""
    app.add_typer(users_app, name="users")
