"""Ingest throughput on a generated corpus, end to end and against trafilatura alone.

Run: .venv/bin/python -m benchmarks.ingest_bench [--pages 1000] [--texts 1000] [--workers 2]
"""

from __future__ import annotations

import argparse
import multiprocessing
import random
import tempfile
import time
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

_VOCABULARY = """
prisoners released pardoned court sentenced years colony activist journalist opposition leader
rights group statement minister envoy talks sanctions potash airline border Lithuania Poland
Minsk Vilnius Warsaw government president officials families lawyers health conditions
election protests police detained charges extremism appeal verdict
"""
WORDS = _VOCABULARY.split()
NAMES = ["Ales Bialiatski", "Maria Kalesnikava", "Viktar Babaryka", "Ihar Losik", "Ryhor Kastusiou"]
PAGE = """<!DOCTYPE html><html lang="en"><head><meta charset="utf-8">
<title>{title} | Daily Example</title>
<meta property="og:site_name" content="Daily Example"><meta name="author" content="{author}">
<meta property="article:published_time" content="{date}T08:00:00Z">
<link rel="canonical" href="https://daily.example/news/{n}">
<script>window.dataLayer = [];{script}</script><style>body {{ font-family: serif; }}</style></head>
<body><header><nav><ul>{menu}</ul></nav><form><input name="q" placeholder="Search"></form></header>
<main><article><h1>{title}</h1><p class="byline">By {author}</p>{paragraphs}</article>
<aside><h3>Most read</h3><ul>{teasers}</ul></aside></main>
<footer><p>Subscribe to our newsletter</p><ul>{footer}</ul>
<p>© 2025 Daily Example. All rights reserved.</p></footer></body></html>"""


def _sentence(rng: random.Random) -> str:
    words = rng.choices(WORDS, k=rng.randint(12, 28))
    words.insert(rng.randint(0, len(words)), rng.choice(NAMES))
    return " ".join(words).capitalize() + "."


def _paragraph(rng: random.Random) -> str:
    return " ".join(_sentence(rng) for _ in range(rng.randint(2, 5)))


def make_corpus(root: Path, pages: int, texts: int, seed: int = 7) -> tuple[Path, Path]:
    """Write ``pages`` HTML articles and ``texts`` plain-text articles under ``root``."""
    rng = random.Random(seed)
    html_dir, text_dir = root / "html", root / "text"
    html_dir.mkdir(parents=True)
    text_dir.mkdir(parents=True)
    for n in range(pages):
        paragraphs = "".join(f"<p>{_paragraph(rng)}</p>" for _ in range(rng.randint(5, 12)))
        teasers = "".join(f"<li><a href='/t/{i}'>{_sentence(rng)[:60]}</a></li>" for i in range(5))
        page = PAGE.format(
            script=f"var config = {{'ads': [{', '.join(str(rng.random()) for _ in range(300))}]}};",
            menu="".join(
                f"<li><a href='/section/{i}'>{rng.choice(WORDS)}</a></li>" for i in range(120)
            ),
            footer="".join(
                f"<li><a href='/about/{i}'>{rng.choice(WORDS)}</a></li>" for i in range(80)
            ),
            title=_sentence(rng)[:80].rstrip("."),
            author=rng.choice(NAMES),
            date=f"2025-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}",
            n=n,
            paragraphs=paragraphs,
            teasers=teasers,
        )
        (html_dir / f"page{n:05d}.html").write_text(page, encoding="utf-8")
    for n in range(texts):
        body = "\n\n".join(_paragraph(rng) for _ in range(rng.randint(4, 10)))
        title = _sentence(rng)[:80].rstrip(".")
        text = f"{title}\n\n{body}\n\nPopular Categories\n\nSearch the website"
        (text_dir / f"text{n:05d}.txt").write_text(text, encoding="utf-8")
    return html_dir, text_dir


def _trafilatura_alone(path: Path) -> int:
    import trafilatura

    result = trafilatura.bare_extraction(path.read_bytes(), with_metadata=True)
    return 0 if result is None else 1


def _trafilatura_text_only(path: Path) -> int:
    import trafilatura

    return 0 if trafilatura.extract(path.read_bytes()) is None else 1


def _warm() -> None:
    import trafilatura  # noqa: F401


def trafilatura_rate(files: list[Path], workers: int, fn: object) -> float:
    """Return pages/s for ``fn`` over ``files`` in ``workers`` processes, start-up included."""
    context = multiprocessing.get_context("forkserver")
    start = time.perf_counter()
    with ProcessPoolExecutor(workers, mp_context=context, initializer=_warm) as pool:
        done = sum(pool.map(fn, files, chunksize=8))  # type: ignore[arg-type]
    elapsed = time.perf_counter() - start
    assert done == len(files), f"trafilatura read {done} of {len(files)} pages"
    return len(files) / elapsed


def ingest_rate(folder: Path, workers: int, db_dir: Path) -> tuple[float, dict[str, int]]:
    """Return documents/s for ``ingest`` on ``folder`` into a fresh SQLite database."""
    from prisonwatch.db.engine import dispose_engines, engine_for, session_scope
    from prisonwatch.db.models import Base
    from prisonwatch.ingest import IngestOptions, ingest
    from prisonwatch.settings import Settings

    settings = Settings(data_dir=db_dir)
    Base.metadata.create_all(engine_for(settings))
    start = time.perf_counter()
    report = ingest([str(folder)], IngestOptions(workers=workers), lambda: session_scope(settings))
    elapsed = time.perf_counter() - start
    dispose_engines()
    assert report.ok, report.failures[:3]
    return len(report.items) / elapsed, report.counts()


def main() -> None:
    """Generate the corpus, time both paths, print documents/s and the ratio."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--pages", type=int, default=1000)
    parser.add_argument("--texts", type=int, default=1000)
    parser.add_argument("--workers", type=int, default=2)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        html_dir, text_dir = make_corpus(root, args.pages, args.texts)
        pages = sorted(html_dir.glob("*.html"))
        size = sum(p.stat().st_size for p in pages) / len(pages) / 1000
        alone = trafilatura_rate(pages, args.workers, _trafilatura_alone)
        text_only = trafilatura_rate(pages, args.workers, _trafilatura_text_only)
        html_rate, html_counts = ingest_rate(html_dir, args.workers, root / "db-html")
        text_rate, text_counts = ingest_rate(text_dir, args.workers, root / "db-text")
    print(f"workers: {args.workers}, cores: {multiprocessing.cpu_count()}")
    print(f"HTML pages: {args.pages} of {size:.0f} kB on average")
    print(f"HTML pages: {args.pages}  ingest end-to-end: {html_rate:7.1f} docs/s  {html_counts}")
    print(f"same pages, trafilatura alone (bare_extraction + metadata): {alone:7.1f} pages/s")
    print(f"same pages, trafilatura alone (extract, text only):         {text_only:7.1f} pages/s")
    print(f"ratio end-to-end / trafilatura with metadata: {html_rate / alone:.0%}")
    print(f"ratio end-to-end / trafilatura text only:     {html_rate / text_only:.0%}")
    print(f"text files: {args.texts}  ingest end-to-end: {text_rate:7.1f} docs/s  {text_counts}")


if __name__ == "__main__":
    main()
