"""``prisonwatch extract`` and ``prisonwatch eval``: events from one article, scores on a corpus."""

from __future__ import annotations

import tempfile
from enum import StrEnum
from pathlib import Path

import typer

from prisonwatch.cli.output import console, print_json

ORDER = 30


class Format(StrEnum):
    """Output formats of ``extract``."""

    json = "json"
    text = "text"


def extract_cmd(
    file: Path = typer.Argument(..., help="An article: .txt, .md or .html."),
    published: str = typer.Option(
        None, "--published", help="Publication date YYYY-MM-DD; weekdays are resolved against it."
    ),
    fmt: Format = typer.Option(Format.text, "--format", help="json (EVAL.md document) or text."),
) -> None:
    """Extract events, their evidence and deals from one English news article.

    Example: prisonwatch extract article.txt --published 2025-09-12 --format json
    """
    from prisonwatch.extract import extract
    from prisonwatch.extract.reading import read_article
    from prisonwatch.extract.render import render_text

    extraction = extract(read_article(file, published))
    if fmt == Format.json:
        print_json(extraction.to_json())
    else:
        console.print(render_text(extraction), markup=False)


def eval_cmd(
    corpus: Path = typer.Argument(..., help="A folder with gold.jsonl and texts/."),
) -> None:
    """Score the extractor on an annotated corpus with the EVAL.md rules.

    Prints the same table as shared/tools/score_events.py.
    Example: prisonwatch eval ../shared/data/news_dev
    """
    from prisonwatch.errors import InputError
    from prisonwatch.extract import extract
    from prisonwatch.extract.reading import read_article
    from prisonwatch.extract.scoring import score_corpus

    if not (corpus / "gold.jsonl").is_file():
        raise InputError(
            f"{corpus}: no gold.jsonl in this folder; give a corpus folder (gold.jsonl + texts/)"
        )

    def run(path: Path, published: str | None) -> dict[str, object]:
        return extract(read_article(path, published)).to_json()

    with tempfile.TemporaryDirectory() as tmp:
        tally = score_corpus(corpus, run, Path(tmp))
    console.print(tally.table(), markup=False)


def register(app: typer.Typer) -> None:
    """Add ``extract`` and ``eval`` to the command line."""
    app.command("extract")(extract_cmd)
    app.command("eval")(eval_cmd)
