"""``prisonwatch match``: link each name in a file to a registry person, or say why not."""

from __future__ import annotations

import sys
from pathlib import Path

import typer

ORDER = 40


def match_cmd(
    queries: Path = typer.Argument(
        ..., help="Text file with one name per line ('-' reads standard input).", allow_dash=True
    ),
    registry: Path | None = typer.Option(
        None,
        "--registry",
        "-r",
        help="Registry CSV with columns id,name,aliases (aliases split by |); "
        "without it, the database's persons.",
    ),
    explain: bool = typer.Option(
        False, "--explain", help="Add the candidates weighed, with reasons."
    ),
) -> None:
    """Match names across scripts and spellings; print one JSON object per query line.

    Each answer is matched (with person_id), ambiguous (several people fit, or too little to
    go on) or none, with a score and a reason.

    Example: prisonwatch match --registry registry.csv names.txt --explain
    """
    from prisonwatch.cli.output import print_json
    from prisonwatch.errors import InputError
    from prisonwatch.names.store import csv_index
    from prisonwatch.settings import get_settings

    if str(queries) == "-":
        lines = sys.stdin.read().splitlines()
    else:
        try:
            lines = queries.read_text(encoding="utf-8").splitlines()
        except (OSError, UnicodeDecodeError) as exc:
            raise InputError(
                f"cannot read queries {queries}: {exc}; give a UTF-8 text file"
            ) from exc
    if registry is not None:
        # Kept on disk under the file's content: a rerun on the same registry loads it.
        index = csv_index(registry, get_settings().data_dir / "cache")
    else:
        from prisonwatch.cli.common import open_session
        from prisonwatch.registry.lookup import name_index

        with open_session(write=False, quiet=True) as session:
            index = name_index(session)
    for line in lines:
        print_json(index.match(line.strip()).to_json(explain=explain))


def register(app: typer.Typer) -> None:
    """Add ``match`` to the ``prisonwatch`` command."""
    app.command("match")(match_cmd)
