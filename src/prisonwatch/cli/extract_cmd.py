"""``prisonwatch extract``, ``eval`` and ``train``: events from an article, scores, the model."""

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
    from prisonwatch.cli.reading import read_article
    from prisonwatch.extract import extract
    from prisonwatch.extract.render import render_text

    extraction = extract(read_article(file, published))
    if fmt == Format.json:
        print_json(extraction.to_json())
    else:
        console.print(render_text(extraction), markup=False)


CORPORA = (Path("../shared/data/news_dev"), Path("../shared/data/news_dev2"))


def _check_corpus(corpus: Path) -> None:
    from prisonwatch.errors import InputError

    if not (corpus / "gold.jsonl").is_file():
        raise InputError(
            f"{corpus}: no gold.jsonl in this folder; give a corpus folder (gold.jsonl + texts/)"
        )


def eval_cmd(
    corpora: list[Path] = typer.Argument(None, help="Folders with gold.jsonl and texts/."),
    folds: int = typer.Option(
        0, "--folds", help="Cross-validate: train on k-1 folds of stories, score the k-th."
    ),
) -> None:
    """Score the extractor on annotated corpora with the EVAL.md rules.

    Without --folds: the committed model on each corpus (the table of score_events.py). With
    --folds 5: per-fold and pooled figures per corpus and language, and precision/recall per
    confidence level, each fold scored by a model trained on the other folds' stories.
    Example: prisonwatch eval ../shared/data/news_dev ../shared/data/news_dev2 --folds 5
    """
    from prisonwatch.errors import InputError

    corpora = list(corpora or CORPORA)
    for corpus in corpora:
        _check_corpus(corpus)
    if folds == 1 or folds < 0:
        raise InputError(f"--folds {folds}: give 0 (no cross-validation) or 2 or more folds")
    if folds:
        console.print(_cross_validated(corpora, folds), markup=False)
        return
    from prisonwatch.cli.reading import read_article
    from prisonwatch.extract import extract
    from prisonwatch.extract.scoring import score_corpus

    def run(path: Path, published: str | None) -> dict[str, object]:
        return extract(read_article(path, published)).to_json()

    for corpus in corpora:
        with tempfile.TemporaryDirectory() as tmp:
            tally = score_corpus(corpus, run, Path(tmp))
        if len(corpora) > 1:
            console.print(f"== {corpus}", markup=False)
        console.print(tally.table(), markup=False)


def _cross_validated(corpora: list[Path], k: int) -> str:
    from prisonwatch.cli.reading import read_article
    from prisonwatch.extract.training import cross_validate, load_items, report

    with tempfile.TemporaryDirectory() as tmp:
        items = load_items(corpora, read_article, Path(tmp))
    per_fold, pooled = cross_validate(items, k)
    return report(per_fold, pooled)


def train_cmd(
    corpora: list[Path] = typer.Argument(None, help="Gold corpora to train on."),
    out: Path = typer.Option(None, "--out", help="Where to write the model file."),
) -> None:
    """Train the extraction decision model on the gold corpora and write its weights file.

    Deterministic: the same corpora give the same file, which carries their hash.
    Example: prisonwatch train ../shared/data/news_dev ../shared/data/news_dev2
    """
    from prisonwatch.cli.reading import read_article
    from prisonwatch.extract.decide import MODEL_PATH
    from prisonwatch.extract.training import corpus_hash, load_items, train

    corpora = list(corpora or CORPORA)
    for corpus in corpora:
        _check_corpus(corpus)
    with tempfile.TemporaryDirectory() as tmp:
        items = load_items(corpora, read_article, Path(tmp))
    model = train(items, corpus_hash(corpora))
    target = out or MODEL_PATH
    target.write_text(model.dumps(), encoding="utf-8")
    console.print(
        f"wrote {target}: trained on {model.trained_on} candidates, "
        f"corpus {model.corpus_hash[:12]}",
        markup=False,
    )


def register(app: typer.Typer) -> None:
    """Add ``extract``, ``eval`` and ``train`` to the command line."""
    app.command("extract")(extract_cmd)
    app.command("eval")(eval_cmd)
    app.command("train")(train_cmd)
