"""Bad input: each case gives one clear line naming the input; the batch goes on and is stored."""

from __future__ import annotations

import gzip
import io
import os
from pathlib import Path

import pytest
from sqlalchemy import func, select
from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from prisonwatch.db.models import Document
from prisonwatch.errors import InputError
from prisonwatch.ingest import IngestOptions, ingest, load_document
from tests.ingest.conftest import SessionFactory, article

GOOD = "Belarus freed 14 political prisoners on Saturday, a rights group said.\n\nMore follows."


def _one_failure(tmp_path: Path, sessions: SessionFactory, name: str, data: bytes) -> str:
    """Ingest a folder with one good file and one bad one; return the bad one's reason."""
    (tmp_path / "good.txt").write_text(GOOD, encoding="utf-8")
    bad = tmp_path / name
    bad.write_bytes(data)
    report = ingest([str(tmp_path)], IngestOptions(), sessions)
    assert report.count("new") == 1
    [failure] = report.failures
    assert failure.reason is not None
    assert str(bad) in failure.reason
    assert "\n" not in failure.reason
    with sessions() as session:
        assert session.scalar(select(func.count()).select_from(Document)) == 1
    return failure.reason


def test_binary_file(tmp_path: Path, sessions: SessionFactory) -> None:
    reason = _one_failure(tmp_path, sessions, "scan.html", b"%PDF-1.7\n" + os.urandom(2000))
    assert "PDF" in reason


def test_binary_without_magic(tmp_path: Path, sessions: SessionFactory) -> None:
    reason = _one_failure(tmp_path, sessions, "blob.txt", b"\x00\x01\x02" * 500)
    assert "binary" in reason


def test_empty_file(tmp_path: Path, sessions: SessionFactory) -> None:
    assert "empty" in _one_failure(tmp_path, sessions, "empty.txt", b"")


def test_whitespace_only_file(tmp_path: Path, sessions: SessionFactory) -> None:
    assert "empty" in _one_failure(tmp_path, sessions, "blank.md", b"  \n\n \t\n")


def test_undecodable_bytes(tmp_path: Path, sessions: SessionFactory) -> None:
    reason = _one_failure(tmp_path, sessions, "garbled.txt", bytes(range(128, 256)) * 20)
    assert "UTF-8" in reason


def test_legacy_encoding_is_read(tmp_path: Path) -> None:
    path = tmp_path / "cp1251.txt"
    text = "Лукашенко помиловал 30 политзаключенных, сообщила пресс-служба. Речь идет о людях."
    path.write_bytes(text.encode("cp1251"))
    assert load_document(path).text == text


def test_fifty_megabyte_html(tmp_path: Path, sessions: SessionFactory) -> None:
    page = article().encode()
    filler = b"<div class='ad'>" + b"x" * 1000 + b"</div>\n"
    data = page.replace(b"</body>", filler * (50_000_000 // len(filler)) + b"</body>")
    reason = _one_failure(tmp_path, sessions, "huge.html", data)
    assert "MB" in reason


def test_html_without_article(tmp_path: Path, sessions: SessionFactory) -> None:
    page = b"<html><body><nav><a href='/'>Home</a></nav><script>var x = 1;</script></body></html>"
    assert "no article text" in _one_failure(tmp_path, sessions, "empty.html", page)


def test_broken_symlink_in_folder(tmp_path: Path, sessions: SessionFactory) -> None:
    # Tests run as root, for whom chmod 000 blocks nothing: a dangling link is unreadable to all.
    (tmp_path / "good.txt").write_text(GOOD, encoding="utf-8")
    (tmp_path / "gone.txt").symlink_to(tmp_path / "nowhere.txt")
    report = ingest([str(tmp_path)], IngestOptions(), sessions)
    assert report.count("new") == 1
    [failure] = report.failures
    assert failure.reason is not None
    assert str(tmp_path / "gone.txt") in failure.reason
    assert "broken link" in failure.reason


def test_missing_source_and_unknown_type(tmp_path: Path, sessions: SessionFactory) -> None:
    (tmp_path / "notes.docx").write_bytes(b"PK\x03\x04")
    (tmp_path / "good.txt").write_text(GOOD, encoding="utf-8")
    sources = [str(tmp_path / "absent.txt"), str(tmp_path / "notes.docx"), str(tmp_path)]
    report = ingest(sources, IngestOptions(), sessions)
    assert [i.status for i in report.items] == ["failed", "failed", "new"]
    assert all(i.reason and i.source in i.reason for i in report.failures)


def _warc(records: list[tuple[str, bytes]], gz: bool = True) -> bytes:
    buffer = io.BytesIO()
    writer = WARCWriter(buffer, gzip=gz)
    for url, body in records:
        headers = StatusAndHeaders(
            "200 OK", [("Content-Type", "text/html; charset=utf-8")], protocol="HTTP/1.1"
        )
        record = writer.create_warc_record(
            url,
            "response",
            payload=io.BytesIO(body),
            http_headers=headers,
            warc_headers_dict={"WARC-Date": "2025-09-12T10:00:00Z"},
        )
        writer.write_record(record)
        record.raw_stream.close()  # warcio spools the payload to a temporary file
    return buffer.getvalue()


@pytest.mark.parametrize("gz", [True, False])
def test_warc_records_become_documents(tmp_path: Path, sessions: SessionFactory, gz: bool) -> None:
    pages = [
        ("https://news.example/a", article("Belarus frees 52 prisoners").encode()),
        ("https://news.example/b", article("Second story", extra="A wholly new line.").encode()),
    ]
    path = tmp_path / ("crawl.warc.gz" if gz else "crawl.warc")
    path.write_bytes(_warc(pages, gz))
    report = ingest([str(path)], IngestOptions(near_duplicates=False), sessions)
    assert [i.status for i in report.items] == ["new", "new"]
    with sessions() as session:
        docs = session.scalars(select(Document).order_by(Document.title)).all()
        assert [d.urls[0].url for d in docs] == ["https://news.example/a", "https://news.example/b"]
        assert {(d.published, d.published_source) for d in docs} == {("2025-09-12", "warc")}


def test_truncated_warc_keeps_earlier_records(tmp_path: Path, sessions: SessionFactory) -> None:
    pages = [
        ("https://news.example/a", article("First").encode()),
        ("https://news.example/b", article("Second", extra="Another line here.").encode()),
        ("https://news.example/c", article("Third", extra="Yet another line.").encode()),
    ]
    data = _warc(pages, gz=True)
    path = tmp_path / "cut.warc.gz"
    path.write_bytes(data[: len(data) - 900])
    report = ingest([str(path)], IngestOptions(near_duplicates=False), sessions)
    assert report.count("new") == 2
    [failure] = report.failures
    assert failure.reason is not None
    assert str(path) in failure.reason
    assert "damaged or cut short" in failure.reason


def test_truncated_plain_warc(tmp_path: Path, sessions: SessionFactory) -> None:
    data = _warc([("https://news.example/a", article().encode())] * 2, gz=False)
    path = tmp_path / "cut.warc"
    path.write_bytes(data[: len(data) - 300])
    report = ingest([str(path)], IngestOptions(), sessions)
    assert report.count("new") == 1
    assert len(report.failures) == 1


def test_gzip_that_is_not_a_warc(tmp_path: Path, sessions: SessionFactory) -> None:
    path = tmp_path / "fake.warc.gz"
    path.write_bytes(gzip.compress(b"hello, this is not a web archive"))
    report = ingest([str(path)], IngestOptions(), sessions)
    [failure] = report.failures
    assert failure.reason is not None
    assert str(path) in failure.reason


def test_bad_options_are_one_line(sessions: SessionFactory) -> None:
    with pytest.raises(InputError, match="YYYY-MM-DD"):
        ingest([], IngestOptions(published="13/12/2025"), sessions)
    with pytest.raises(InputError, match="at least 1"):
        ingest([], IngestOptions(workers=0), sessions)
