"""The ingest progress bar knows a local folder's file count before the first file is read."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from rich.console import Console

from prisonwatch.cli.ingest_cmd import IngestProgress
from prisonwatch.cli.input_count import LocalCount, count_local
from prisonwatch.ingest.report import ItemOutcome


def _tree(root: Path) -> Path:
    (root / "news" / "2024").mkdir(parents=True)
    (root / "elsewhere").mkdir()
    for name in ("news/a.html", "news/2024/b.txt", "news/2024/c.md", "news/.d.htm"):
        (root / name).write_text("invented", encoding="utf-8")
    (root / "news/notes.pdf").write_bytes(b"%PDF")  # not a kind ingest reads: not counted
    (root / "elsewhere/e.html").write_text("invented", encoding="utf-8")
    return root / "news"


def test_a_folder_is_counted_as_ingest_walks_it(tmp_path: Path) -> None:
    news = _tree(tmp_path)
    assert count_local([str(news)]) == LocalCount(files=4, one_input_each=True)
    os.symlink(tmp_path / "elsewhere", news / "link")  # ingest does not walk through folder links
    assert count_local([str(news)]) == LocalCount(files=4, one_input_each=True)
    named = [str(news), str(tmp_path / "elsewhere/e.html"), str(news / "a.html")]
    assert count_local(named) == LocalCount(files=5, one_input_each=True)


def test_archives_and_feeds_are_counted_but_leave_the_inputs_open(tmp_path: Path) -> None:
    news = _tree(tmp_path)
    (news / "crawl.warc.gz").write_bytes(b"")
    (news / "feed.rss").write_text("<rss/>", encoding="utf-8")
    assert count_local([str(news)]) == LocalCount(files=6, one_input_each=False)


def test_urls_leave_the_total_unknown(tmp_path: Path) -> None:
    news = _tree(tmp_path)
    assert count_local([str(news), "https://example.org/feed.rss"]) is None
    # A missing file is still one input: it gets its error line.
    assert count_local([str(tmp_path / "missing.html")]) == LocalCount(1, True)


def _shown(tracker: IngestProgress, console: Console) -> str:
    console.print(tracker.progress.get_renderable())
    return console.export_text()


@pytest.mark.parametrize(
    ("count", "expected"),
    [(LocalCount(3, True), "1/3 files"), (LocalCount(3, False), "1/3 files"), (None, "1 files")],
)
def test_the_bar_shows_files_done_of_the_count(count: LocalCount | None, expected: str) -> None:
    console = Console(record=True, force_terminal=True, width=200)
    tracker = IngestProgress(console, count, disable=False, loading=False)
    tracker.advance(ItemOutcome(source="news/a.html", status="new"))
    text = _shown(tracker, console)
    assert expected in text and "1 inputs" in text
    assert tracker.progress.tasks[0].total == (3 if count and count.one_input_each else None)
