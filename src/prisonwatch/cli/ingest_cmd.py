"""``prisonwatch ingest``: news in; documents, extraction, names and proposed claims out."""

from __future__ import annotations

import time
from typing import TYPE_CHECKING, Any

import typer

from prisonwatch.cli.output import console, err_console, print_error, print_json

if TYPE_CHECKING:
    from rich.console import Console

    from prisonwatch.cli.input_count import LocalCount
    from prisonwatch.ingest.options import IngestOptions
    from prisonwatch.ingest.pipeline import SessionFactory
    from prisonwatch.ingest.report import IngestReport, ItemOutcome
    from prisonwatch.registry.flow import RegistryHook

ORDER = 20
# The registry counts a summary shows, summed over the documents' ``ProposalReport``s.
FLOW_COUNTS = (
    ("claims_new", "claims proposed"),
    ("events_new", "events new"),
    ("events_matched", "events matched"),
    ("persons_new", "persons proposed"),
    ("ambiguous", "ambiguous names"),
)


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
    workers: int | None = typer.Option(
        None,
        "--workers",
        "-w",
        min=1,
        help="Worker processes [default: one per core; none for a few documents].",
        show_default=False,
    ),
    no_extract: bool = typer.Option(
        False, "--no-extract", help="Store documents only: no extraction, names or claims."
    ),
    engine: str = typer.Option(
        "local",
        "--engine",
        help="Where parsing and extraction run: local (worker processes here) or ray.",
    ),
    address: str | None = typer.Option(
        None,
        "--address",
        help="A running Ray cluster (host:port) for --engine ray [default: a local Ray for "
        "this run].",
        show_default=False,
    ),
    all_topics: bool = typer.Option(
        False,
        "--all-topics",
        help="Parse every page; by default, with extraction, pages without a word about "
        "prisoners, arrests, trials or releases are skipped as off-topic.",
    ),
    as_json: bool = typer.Option(False, "--json", help="Print the summary as JSON on stdout."),
) -> None:
    """Ingest news and run the whole flow: documents, extraction, names, proposed claims.

    A document's id is a hash of its cleaned text: ingesting it again changes nothing.

    The same article at two URLs is one document with two URLs.

    Each new document is extracted, its names resolved to persons, and its facts proposed as
    claims for review (auto-accepted only where a threshold is set); --no-extract stops after
    storing documents.

    A bad input gets one error line naming it, and the batch goes on.

    Inputs taken in by an earlier run (same bytes, same options) are skipped unparsed, so a
    killed bulk run started again finishes the rest.

    Exit status: 0 when every input was ingested, 1 when any failed (the rest is stored).

    Example: prisonwatch ingest articles/ https://example.org/feed.rss --published 2025-12-13
    """
    from prisonwatch.cli.common import announce
    from prisonwatch.db.engine import session_scope
    from prisonwatch.db.migrate import ensure_ready
    from prisonwatch.ingest import IngestOptions
    from prisonwatch.settings import get_settings

    settings = get_settings()
    announce(settings, quiet=as_json)
    ensure_ready(settings)
    hook = None
    if not no_extract:
        from prisonwatch.registry.flow import RegistryHook

        hook = RegistryHook(settings)
    options = IngestOptions(
        published=published,
        language=language,
        publisher=publisher,
        workers=workers,
        extract=hook is not None,
        on_stored=hook,
        engine=engine,
        address=address,
        prefilter=hook is not None and not all_topics,
        skip_known=True,
        keep_items=as_json,
    )
    start = time.monotonic()
    report = _run(sources, options, lambda: session_scope(settings), show=not as_json)
    elapsed = time.monotonic() - start
    flow = flow_counts(hook) if hook is not None else None
    if as_json:
        data = report.to_dict()
        if flow is not None:
            data["flow"] = flow
        data["seconds"] = round(elapsed, 3)
        print_json(data)
    else:
        _summary(report, flow, elapsed)
    if not report.ok:
        raise typer.Exit(1)


def flow_counts(hook: RegistryHook) -> dict[str, int]:
    """Return what the registry flow did in this run: claims, events, persons, names."""
    counts = {key: sum(getattr(r, key) for r in hook.reports) for key, _ in FLOW_COUNTS}
    counts["documents_extracted"] = len(hook.reports) - sum(hook.not_read.values())
    for language, n in sorted(hook.not_read.items()):
        counts[f"not_read_{language}"] = n
    counts["auto_accepted"] = hook.auto_accepted
    return counts


def _run(
    sources: list[str], options: IngestOptions, sessions: SessionFactory, show: bool
) -> IngestReport:
    from prisonwatch.cli.input_count import count_local
    from prisonwatch.ingest import ingest

    # A cheap walk first, so a local folder shows "3/50 files" from the start, not "0/?".
    count = count_local(sources) if show else None
    tracker = IngestProgress(err_console, count, disable=not show, loading=options.extract)
    with tracker.progress:
        options.on_progress = tracker.advance
        return ingest(sources, options, sessions)


class IngestProgress:
    """The ingest progress bar: files done of those counted, inputs, rate, failures."""

    def __init__(
        self, out: Console, count: LocalCount | None, *, disable: bool, loading: bool
    ) -> None:
        from rich.progress import BarColumn, Progress, TextColumn, TimeElapsedColumn

        self.files: set[str] = set()
        self.counts = {"failed": 0, "off_topic": 0}
        # Each file one input (no web archive or feed): the bar fills by inputs, with a total.
        total = count.files if count is not None and count.one_input_each else None
        self.of = f"/{count.files}" if count is not None else ""
        self.progress = Progress(
            TextColumn("ingesting"),
            BarColumn(bar_width=20),
            TextColumn("{task.fields[files]}{task.fields[of]} files, {task.completed} inputs,"),
            TextColumn("{task.fields[rate]:.1f} docs/s,"),
            TextColumn("{task.fields[failed]} failed, {task.fields[off_topic]} off-topic"),
            TextColumn("{task.fields[last]}"),
            TimeElapsedColumn(),
            console=out,
            transient=True,
            disable=disable,
        )
        # The first item waits for the extractor's language model: say so instead of "0/?".
        self.task = self.progress.add_task(
            "ingest",
            total=total,
            files=0,
            of=self.of,
            rate=0.0,
            failed=0,
            off_topic=0,
            last="loading the extractor…" if loading else "",
        )
        self.start = time.monotonic()

    def advance(self, outcome: ItemOutcome) -> None:
        """Count one input's outcome and report a failure on its own line."""
        self.files.add(outcome.source.split("#", 1)[0])
        if outcome.status in self.counts:
            self.counts[outcome.status] += 1
        if outcome.status == "failed":
            print_error(outcome.reason or outcome.source)
        done = self.progress.tasks[0].completed + 1
        rate = done / max(time.monotonic() - self.start, 1e-6)
        self.progress.update(
            self.task,
            advance=1,
            files=len(self.files),
            rate=rate,
            failed=self.counts["failed"],
            off_topic=self.counts["off_topic"],
            last=outcome.status,
        )


def _summary(report: IngestReport, flow: dict[str, Any] | None, elapsed: float) -> None:
    from rich.table import Table

    table = Table(title="ingest summary")
    table.add_column("outcome")
    table.add_column("count", justify="right")
    for status, count in report.counts().items():
        table.add_row(status.replace("_", "-"), str(count))
    if flow is not None:
        table.add_section()
        table.add_row("documents extracted", str(flow["documents_extracted"]))
        for key in sorted(k for k in flow if k.startswith("not_read_")):
            table.add_row(f"not read: language {key.removeprefix('not_read_')}", str(flow[key]))
        for key, label in FLOW_COUNTS:
            table.add_row(label, str(flow[key]))
        table.add_row("claims auto-accepted", str(flow["auto_accepted"]))
    table.add_section()
    table.add_row("seconds", f"{elapsed:.1f}")
    table.add_row("inputs/s", f"{report.total / max(elapsed, 1e-6):.1f}")
    console.print(table)


def register(app: typer.Typer) -> None:
    """Add the ``ingest`` command to the CLI."""
    app.command("ingest")(ingest_cmd)
