"""``prisonwatch import`` and ``prisonwatch export``: registry CSVs and the lossless dump."""

from __future__ import annotations

import sys
from contextlib import nullcontext
from enum import StrEnum
from pathlib import Path
from typing import IO

import typer

from prisonwatch.cli.common import open_batches, open_session
from prisonwatch.cli.output import console, err_console, print_error

ORDER = 60


class ExportFormat(StrEnum):
    """What ``export`` can write."""

    jsonl = "jsonl"
    csv = "csv"
    events_csv = "events-csv"
    ftm = "ftm"


def import_cmd(
    files: list[Path] = typer.Argument(..., help="Registry CSV files or a .jsonl dump."),
    scheme: str | None = typer.Option(
        None,
        help="Name of the registry whose ids the CSV carries (e.g. spring96); by default the "
        "one its ids were imported under before, else 'registry'.",
    ),
    title: str | None = typer.Option(None, help="The list's name as sources show it."),
    url: str | None = typer.Option(None, help="Where the list is published."),
    as_of: str | None = typer.Option(
        None, "--as-of", help="The date the list was taken (YYYY-MM-DD); today by default."
    ),
) -> None:
    """Import registry CSVs (id,name,aliases or the human-rights layout) or a JSONL dump.

    Both are stored in batches of rows, so that logins and accepts get the database between
    two batches; an interrupted import keeps whole batches and says how far it got: run the same
    command again to finish (stored rows are recognised, not stored twice). A dump is checked
    whole before its first row is stored and restores into an empty database only. Good CSV
    rows go in, each bad row is reported as file:line: reason.
    Example: prisonwatch import prisoners.csv --scheme spring96
    """
    from rich.markup import escape

    from prisonwatch.errors import PrisonwatchError, terminal_safe
    from prisonwatch.io.registry_csv import ListOptions, import_registry_csv, parse_date
    from prisonwatch.io.restore import import_dump

    failed = False
    if as_of:
        try:
            as_of = parse_date(as_of)
        except ValueError as exc:
            raise typer.BadParameter(f"--as-of {exc}") from None
    for path in files:
        try:
            # Committed in batches: logins and accepts get the database between two batches.
            if path.suffix.lower() == ".jsonl":
                with open_batches() as batches:
                    restored = import_dump(batches.session, path, commit=batches.commit)
                earlier = f", {restored.found} stored by an earlier run" if restored.found else ""
                console.print(
                    f"{escape(terminal_safe(str(path)))}: loaded {restored.stored} rows{earlier}",
                    highlight=False,
                )
                continue
            with open_batches() as batches:
                report = import_registry_csv(
                    batches.session,
                    path,
                    scheme=scheme,
                    source=ListOptions(title=title, url=url, published=as_of),
                    commit=batches.commit,
                )
        except PrisonwatchError as exc:
            print_error(exc.message)
            failed = True
            continue
        for line in report.errors:
            print_error(line)
        for line in report.warnings:
            err_console.print(f"[yellow]warning:[/] {escape(terminal_safe(line))}", highlight=False)
        failed = failed or bool(report.errors)
        shown = escape(terminal_safe(str(path)))
        console.print(
            f"{shown}: {report.layout} layout, registry {report.scheme!r}, {report.created} "
            f"created, {report.updated} updated, {report.unchanged} unchanged, "
            f"{report.facts} facts stated, {len(report.errors)} refused",
            highlight=False,
        )
    if failed:
        raise typer.Exit(1)


def export_cmd(
    fmt: ExportFormat = typer.Option(ExportFormat.jsonl, "--format", "-f", help="What to write."),
    output: Path | None = typer.Option(
        None, "--output", "-o", help="File to write (stdout if not given)."
    ),
    scheme: str = typer.Option("registry", help="Registry whose ids go in the CSV id column."),
) -> None:
    """Export the lossless JSONL dump, persons CSV, accepted events CSV, or FtM entities.

    Example: prisonwatch export --format jsonl -o dump.jsonl
    """
    from prisonwatch.io.dump import export_dump
    from prisonwatch.io.events_csv import export_events_csv
    from prisonwatch.io.ftm import export_ftm
    from prisonwatch.io.persons_csv import export_persons_csv
    from prisonwatch.registry.timeline import person_status

    target: IO[str]
    with open_session(write=False, quiet=output is None) as session:
        handle = (
            output.open("w", encoding="utf-8", newline="") if output else nullcontext(sys.stdout)
        )
        with handle as target:
            if fmt is ExportFormat.jsonl:
                rows = export_dump(session, target)
            elif fmt is ExportFormat.csv:
                rows = export_persons_csv(session, target, scheme=scheme, status=person_status)
            elif fmt is ExportFormat.events_csv:
                rows = export_events_csv(session, target)
            else:
                rows = export_ftm(session, target)
    if output:
        console.print(f"wrote {rows} rows to {output}")


def register(app: typer.Typer) -> None:
    """Add ``import`` and ``export`` to the CLI."""
    app.command("import")(import_cmd)
    app.command("export")(export_cmd)
