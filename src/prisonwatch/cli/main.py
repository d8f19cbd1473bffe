"""The ``prisonwatch`` command: finds every ``*_cmd`` module in this package and registers it.

Each command module exposes ``register(app)`` and an ``ORDER`` number for the help listing, and
keeps heavy imports (spaCy, trafilatura) inside its functions so that ``--help`` stays fast.
"""

from __future__ import annotations

import importlib
import pkgutil
from types import ModuleType
from typing import Any

import typer
from typer.core import TyperGroup

from prisonwatch.cli.common import forget_announced
from prisonwatch.cli.output import print_error
from prisonwatch.errors import PrisonwatchError, storage_error


class _Group(TyperGroup):
    """The root command: a user error prints one line and exits 1, never a traceback."""

    def invoke(self, ctx: Any) -> Any:
        """Run the command, turning a PrisonwatchError into its one-line message."""
        forget_announced()
        try:
            return super().invoke(ctx)
        except PrisonwatchError as exc:
            print_error(exc.message)
            raise typer.Exit(exc.exit_code) from exc
        except Exception as exc:
            mapped = storage_error(exc)  # a busy, read-only or full database outside a session
            if mapped is None:
                raise
            print_error(mapped.message)
            raise typer.Exit(mapped.exit_code) from exc


app = typer.Typer(
    cls=_Group,
    name="prisonwatch",
    help="An evidence-backed record of political prisoners, built straight from the news.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
    rich_markup_mode="rich",
)


def _command_modules() -> list[ModuleType]:
    package = importlib.import_module("prisonwatch.cli")
    modules = [
        importlib.import_module(f"prisonwatch.cli.{info.name}")
        for info in pkgutil.iter_modules(package.__path__)
        if info.name.endswith("_cmd")
    ]
    return sorted(modules, key=lambda m: (getattr(m, "ORDER", 100), m.__name__))


for _module in _command_modules():
    _module.register(app)


def main(argv: list[str] | None = None) -> None:
    """Run the CLI."""
    app(args=argv)


if __name__ == "__main__":
    main()
