"""``prisonwatch ingest``: files, folders, URLs, feeds and web archives into clean documents."""

from __future__ import annotations

from typing import TYPE_CHECKING

import typer

from prisonwatch.cli.output import console, err_console, print_json

if TYPE_CHECKING:
    from prisonwatch.ingest.options import IngestOptions
    from prisonwatch.ingest.pipeline import SessionFactory
    from prisonwatch.ingest.report import IngestReport, ItemOutcome

ORDER = 20


def ingest_cmd(
    sources: list[str] = typer.Argument(
        ...,
        help="Files (.html .htm .txt .md .warc .warc.gz .rss .atom .xml), folders (searched "
        "recursively), http(s) URLs of pages or RSS/Atom feeds.",
    ),
    published: str | None = typer.Option(
        None, "--published", help="Publication date YYYY-MM-DD (or YYYY-MM, YYYY) for all inputs."
    ),
    language: str | None = typer.Option(
        None, "--language", help="Language code (en, ru, be…) when known; guessed otherwise."
    ),
    publisher: str | None = typer.Option(None, "--publisher", help="Publisher of all inputs."),
    workers: int = typer.Option(1, "--workers", "-w", min=1, help="Worker processes."),
    as_json: bool = typer.Option(False, "--json", help="Print the summary as JSON on stdout."),
) -> None:
    """Ingest news into clean, deduplicated documents.

    A document's id is a hash of its cleaned text: ingesting it again changes nothing.

    The same article at two URLs is one document with two URLs.

    A bad input gets one error line naming it, and the batch goes on.

    Exit status: 0 when every input was ingested, 1 when any failed (the rest is stored).

    Example: prisonwatch ingest articles/ https://example.org/feed.rss --published 2025-12-13
    """
    from prisonwatch.db.engine import session_scope
    from prisonwatch.db.migrate import ensure_ready
    from prisonwatch.ingest import IngestOptions
    from prisonwatch.settings import get_settings

    settings = get_settings()
    ensure_ready(settings)
    options = IngestOptions(
        published=published, language=language, publisher=publisher, workers=workers
    )
    report = _run(sources, options, lambda: session_scope(settings), show=not as_json)
    for item in report.failures:
        err_console.print(f"[bold red]error:[/] {item.reason}", highlight=False)
    if as_json:
        print_json(report.to_dict())
    else:
        _summary(report)
    if not report.ok:
        raise typer.Exit(1)


def _run(
    sources: list[str], options: IngestOptions, sessions: SessionFactory, show: bool
) -> IngestReport:
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

    from prisonwatch.ingest import ingest

    progress = Progress(
        TextColumn("ingesting"),
        BarColumn(),
        MofNCompleteColumn(),
        TextColumn("{task.fields[last]}"),
        TimeElapsedColumn(),
        console=err_console,
        transient=True,
        disable=not show,
    )
    with progress:
        task = progress.add_task("ingest", total=None, last="")

        def advance(outcome: ItemOutcome) -> None:
            progress.update(task, advance=1, last=outcome.status)

        options.on_progress = advance
        return ingest(sources, options, sessions)


def _summary(report: IngestReport) -> None:
    from rich.table import Table

    table = Table(title="ingest summary")
    table.add_column("outcome")
    table.add_column("inputs", justify="right")
    for status, count in report.counts().items():
        table.add_row(status.replace("_", "-"), str(count))
    console.print(table)


def register(app: typer.Typer) -> None:
    """Add the ``ingest`` command to the CLI."""
    app.command("ingest")(ingest_cmd)
