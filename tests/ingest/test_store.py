"""Identity: re-ingest is a no-op, one article at two URLs is one document, near-duplicates link."""

from __future__ import annotations

import zlib
from dataclasses import replace
from pathlib import Path

from sqlalchemy import func, select

from prisonwatch.db.models import Document, DocumentURL
from prisonwatch.ingest import IngestOptions, ingest
from prisonwatch.ingest.fetch import FetchConfig
from tests.ingest.conftest import SENTENCES, Server, SessionFactory, article


def _count(sessions: SessionFactory, model: type) -> int:
    with sessions() as session:
        return int(session.scalar(select(func.count()).select_from(model)) or 0)


def test_seed_is_stored_clean(shared: Path, sessions: SessionFactory) -> None:
    seed = shared / "data" / "seed" / "belarus-release-123.txt"
    report = ingest([str(seed)], IngestOptions(published="2025-12-13"), sessions)
    assert report.counts()["new"] == 1
    with sessions() as session:
        doc = session.scalars(select(Document)).one()
        assert "Popular Categories" not in doc.text
        assert doc.text.endswith("moving away from the extensive repression of previous years.")
        assert (doc.published, doc.published_source) == ("2025-12-13", "user")
        assert doc.raw is not None
        assert zlib.decompress(doc.raw) == seed.read_bytes()
        assert doc.raw_kind == "text"


def test_reingest_is_a_no_op(shared: Path, sessions: SessionFactory) -> None:
    texts = str(shared / "data" / "news_dev" / "texts")
    first = ingest([texts], IngestOptions(), sessions)
    assert first.ok
    assert first.count("new") == len(first.items) > 10
    with sessions() as session:
        before = [(d.id, d.text, d.ingested_at) for d in session.scalars(select(Document))]
    again = ingest([texts], IngestOptions(), sessions)
    assert again.count("unchanged") == len(again.items)
    with sessions() as session:
        after = [(d.id, d.text, d.ingested_at) for d in session.scalars(select(Document))]
    assert after == before


def test_same_article_at_two_urls_is_one_document(server: Server, sessions: SessionFactory) -> None:
    page = article().encode()
    server.routes["/a/1.html"] = (200, "text/html; charset=utf-8", page, 0)
    server.routes["/mirror/1.html"] = (200, "text/html; charset=utf-8", page, 0)
    report = ingest(
        [server.url("/a/1.html"), server.url("/mirror/1.html")],
        IngestOptions(fetch=replace(FetchConfig.from_settings(), allow_private=True)),
        sessions,
    )
    assert [i.status for i in report.items] == ["new", "duplicate"]
    assert _count(sessions, Document) == 1
    with sessions() as session:
        urls = sorted(session.scalars(select(DocumentURL.url)))
    assert urls == [server.url("/a/1.html"), server.url("/mirror/1.html")]


def test_near_duplicate_is_linked(tmp_path: Path, sessions: SessionFactory) -> None:
    (tmp_path / "wire.txt").write_text("\n\n".join(SENTENCES), encoding="utf-8")
    edited = [*SENTENCES[:-1], SENTENCES[-1].replace("masked men", "unidentified men")]
    (tmp_path / "wire-copy.txt").write_text("\n\n".join(edited), encoding="utf-8")
    (tmp_path / "other.txt").write_text(
        "A different report about potash markets and fertilizer prices in Europe today.",
        encoding="utf-8",
    )
    report = ingest([str(tmp_path)], IngestOptions(), sessions)
    by_name = {Path(i.source).name: i for i in report.items}
    assert all(i.status == "new" for i in report.items)
    assert by_name["wire.txt"].near_duplicate_of == by_name["wire-copy.txt"].document_id
    assert by_name["other.txt"].near_duplicate_of is None
    with sessions() as session:
        linked = session.get(Document, by_name["wire.txt"].document_id)
        assert linked is not None
        assert linked.near_duplicate_of == by_name["wire-copy.txt"].document_id


def test_workers_store_the_same_as_one_process(shared: Path, sessions: SessionFactory) -> None:
    texts = str(shared / "data" / "news_dev" / "texts")
    report = ingest([texts], IngestOptions(workers=2), sessions)
    assert report.ok
    assert _count(sessions, Document) == report.count("new") == len(report.items)


def test_on_stored_hook_runs_in_the_transaction(shared: Path, sessions: SessionFactory) -> None:
    seen: list[tuple[str, str]] = []
    seed = str(shared / "data" / "seed" / "belarus-release-123.txt")
    options = IngestOptions(on_stored=lambda session, doc, status: seen.append((doc.id, status)))
    ingest([seed], options, sessions)
    ingest([seed], options, sessions)
    assert [s for _, s in seen] == ["new", "unchanged"]
