"""``prisonwatch users``: add and remove users, change passwords, make and revoke API tokens."""

from __future__ import annotations

import sys

import typer
from rich.markup import escape

from prisonwatch.cli.common import database_name, open_session
from prisonwatch.cli.output import console, err_console

ORDER = 85

users_app = typer.Typer(
    help="Add and remove users of the reviewer workspace, change passwords, make and revoke "
    "API tokens.",
    no_args_is_help=True,
)


def _where() -> str:
    """Return where users live: a server reading another database does not know them."""
    from prisonwatch.settings import get_settings

    return f"in database {escape(database_name(get_settings()))}"


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
    with open_session(named=True) as session:
        user = add_user(session, name, password, role=role)
        console.print(f"added user {user.username} with role {user.role} {_where()}")
    err_console.print(
        "[dim]a server reading another database does not know this user (the demo serves "
        "data/demo: add users to it with PRISONWATCH_DATA_DIR=data/demo)[/]",
        highlight=False,
    )


@users_app.command("token")
def token_cmd(
    name: str = typer.Argument(..., help="The user the token acts for."),
    label: str | None = typer.Option(None, help="A note saying what the token is for."),
) -> None:
    """Print a new API token for a user; it is shown once and only its hash is kept.

    Example: prisonwatch users token anna --label "import script"
    """
    from prisonwatch.users import new_token

    with open_session(named=True) as session:
        token = new_token(session, name, label=label)
    print(token)
    # stdout holds the token alone, for scripts; where it works goes to stderr.
    err_console.print(f"[dim]a token of {name} {_where()}[/]", highlight=False)


@users_app.command("passwd")
def passwd_cmd(
    name: str = typer.Argument(..., help="The user whose password changes."),
    password_stdin: bool = typer.Option(
        False, "--password-stdin", help="Read the new password from the first line of stdin."
    ),
) -> None:
    """Set a new password; every session the user has open ends.

    Example: echo 'n3w-s3cret-pass' | prisonwatch users passwd anna --password-stdin
    """
    from prisonwatch.users import set_password

    password = _read_password(password_stdin)
    with open_session(named=True) as session:
        set_password(session, name, password)
    console.print(f"password of {name} changed {_where()}; their open sessions have ended")


@users_app.command("revoke")
def revoke_cmd(
    name: str = typer.Argument(..., help="The user whose API tokens stop working."),
    label: str | None = typer.Option(None, help="Revoke only the tokens with this label."),
) -> None:
    """Revoke a user's API tokens: all of them, or those with one label.

    Example: prisonwatch users revoke anna --label "import script"
    """
    from prisonwatch.users import revoke_tokens

    with open_session(named=True) as session:
        removed = revoke_tokens(session, name, label=label)
    which = f" labelled {label!r}" if label is not None else ""
    console.print(f"revoked {removed} API token(s){which} of {name} {_where()}")


@users_app.command("remove")
def remove_cmd(
    name: str = typer.Argument(..., help="The user to remove."),
) -> None:
    """Remove a user with its API tokens; its sessions end at once. The audit log keeps its name.

    Example: prisonwatch users remove anna
    """
    from prisonwatch.users import remove_user

    with open_session(named=True) as session:
        remove_user(session, name)
    console.print(f"removed user {name} {_where()}; their tokens and sessions no longer work")


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
