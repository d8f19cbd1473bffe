"""Hostile ingest inputs: bombs, special files, bad feed links, odd encodings; each one line."""

from __future__ import annotations

import io
import os
import threading
import zlib
from pathlib import Path

import pytest
from sqlalchemy import func, select
from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from prisonwatch.db.models import Document
from prisonwatch.ingest import IngestOptions, ingest
from prisonwatch.ingest.decode import decode_bytes, utf16_without_bom
from tests.hostile.conftest import SessionFactory, bounded_run

TEXT = "Belarus freed 14 political prisoners on Saturday, a rights group said.\n\nMore follows."


def _page(n: int) -> bytes:
    return (
        f"<html><head><title>Report {n}</title></head><body><article><h1>Report {n}</h1>"
        f"<p>Court number {n} in an invented town sentenced an invented teacher to {n} years "
        f"on Monday, lawyers said, after a closed hearing that lasted {n} hours.</p>"
        "</article></body></html>"
    ).encode()


def _warc(pages: list[tuple[str | None, bytes]]) -> bytes:
    buffer = io.BytesIO()
    writer = WARCWriter(buffer, gzip=True)
    for url, body in pages:
        headers = StatusAndHeaders("200 OK", [("Content-Type", "text/html")], protocol="HTTP/1.1")
        record = writer.create_warc_record(
            url or "", "response", payload=io.BytesIO(body), http_headers=headers
        )
        if url is None:
            record.rec_headers.remove_header("WARC-Target-URI")
        writer.write_record(record)
        record.raw_stream.close()
    return buffer.getvalue()


def _gzip(data_size: int, byte: bytes) -> bytes:
    packer = zlib.compressobj(9, zlib.DEFLATED, 31)
    block = byte * 1_048_576
    out = [packer.compress(block) for _ in range(data_size // len(block))]
    return b"".join(out) + packer.flush()


def _count(sessions: SessionFactory) -> int:
    with sessions() as session:
        return int(session.scalar(select(func.count()).select_from(Document)) or 0)


@pytest.mark.parametrize(("fill", "megabytes"), [(b"\0", 200), (b"\n", 300), (b"A", 200)])
def test_gzip_bomb_warc_is_refused_in_bounded_memory(
    tmp_path: Path, fill: bytes, megabytes: int
) -> None:
    bomb = tmp_path / "crawl.warc.gz"
    bomb.write_bytes(_gzip(megabytes << 20, fill))
    assert bomb.stat().st_size < 400_000
    found = bounded_run(
        f"""
        from pathlib import Path
        from prisonwatch.errors import InputError
        from prisonwatch.ingest.meta import InputMeta
        from prisonwatch.ingest.warc import warc_records
        try:
            list(warc_records(Path({str(bomb)!r}), InputMeta(source="x", kind="html")))
        except InputError as exc:
            result["message"] = exc.message
        """,
        memory_mb=1500,
        timeout_s=60,
    )
    message = found["message"]
    assert str(bomb) in message and "\n" not in message and len(message) < 400
    assert found["peak_mb"] < 400
    assert found["seconds"] < 20


def test_bad_feed_items_fail_alone_and_a_warc_beside_them_is_stored(
    tmp_path: Path, sessions: SessionFactory
) -> None:
    links = ["file:///etc/passwd", "javascript:alert(1)", "/relative/path", "http://[::1"]
    items = "".join(f"<item><title>t</title><link>{link}</link></item>" for link in links)
    feed = tmp_path / "feed.rss"
    feed.write_text(f'<?xml version="1.0"?><rss><channel>{items}</channel></rss>')
    crawl = tmp_path / "crawl.warc.gz"
    crawl.write_bytes(_warc([(f"https://news.example/{n}", _page(n)) for n in range(10)]))
    report = ingest(
        [str(feed), str(crawl)], IngestOptions(workers=1, near_duplicates=False), sessions
    )
    assert report.count("new") == 10
    assert _count(sessions) == 10
    reasons = [f.reason or "" for f in report.failures]
    assert len(reasons) == len(links)
    assert all("\n" not in r and "item skipped" in r for r in reasons)


def test_warc_record_without_target_uri_is_stored(tmp_path: Path, sessions: SessionFactory) -> None:
    crawl = tmp_path / "crawl.warc.gz"
    crawl.write_bytes(_warc([(None, _page(1)), ("https://news.example/2", _page(2))]))
    report = ingest([str(crawl)], IngestOptions(workers=1, near_duplicates=False), sessions)
    assert report.count("new") == 2, [i.reason for i in report.items]


def test_fifo_and_device_in_a_folder_are_skipped_with_a_line(
    tmp_path: Path, sessions: SessionFactory
) -> None:
    (tmp_path / "good.txt").write_text(TEXT, encoding="utf-8")
    fifo = tmp_path / "pipe.txt"
    os.mkfifo(fifo)
    (tmp_path / "zero.txt").symlink_to("/dev/zero")
    found: list[object] = []
    worker = threading.Thread(
        target=lambda: found.append(ingest([str(tmp_path)], IngestOptions(workers=1), sessions)),
        daemon=True,
    )
    worker.start()
    worker.join(30)
    if worker.is_alive():  # unblock the reader that opened the FIFO, then fail
        os.close(os.open(fifo, os.O_WRONLY | os.O_NONBLOCK))
        pytest.fail("ingest blocked on a FIFO")
    [report] = found
    assert report.count("new") == 1  # type: ignore[attr-defined]
    reasons = sorted(f.reason or "" for f in report.failures)  # type: ignore[attr-defined]
    assert len(reasons) == 2
    assert "pipe.txt" in reasons[0] and "not a regular file" in reasons[0]
    assert "zero.txt" in reasons[1] and "not a regular file" in reasons[1]


@pytest.mark.parametrize("codec", ["utf-16-le", "utf-16-be"])
@pytest.mark.parametrize(
    "text",
    [
        "An invented court in Minsk sentenced an invented blogger to three years. " * 5,
        "Выдуманный суд приговорил выдуманного блогера к трём годам колонии. " * 5,
    ],
)
def test_utf16_without_bom_is_text(text: str, codec: str) -> None:
    data = text.encode(codec)
    assert utf16_without_bom(data) == codec
    assert decode_bytes(data, "x.txt") == text


def test_binary_is_not_taken_for_utf16() -> None:
    data = bytes(range(256)) * 40 + os.urandom(4096)
    assert utf16_without_bom(data) is None


def test_file_names_with_control_characters_are_shown_escaped(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from typer.testing import CliRunner

    from prisonwatch.cli.main import app
    from prisonwatch.settings import get_settings

    monkeypatch.setenv("PRISONWATCH_DATA_DIR", str(tmp_path / "data"))
    monkeypatch.delenv("PRISONWATCH_DATABASE_URL", raising=False)
    get_settings.cache_clear()
    folder = tmp_path / "news"
    folder.mkdir()
    names = ["e\x1b[31mvil\nline.txt", "[bold]x[red]\x1b[2J.txt", "back\u202etxt.exe.txt"]
    for name in names:
        (folder / name).write_bytes(b"\x00\x01\x02 binary")
    result = CliRunner().invoke(app, ["ingest", str(folder), "--no-extract"])
    get_settings.cache_clear()
    assert result.exit_code == 1
    errors = [line for line in result.output.splitlines() if line.startswith("error:")]
    assert len(errors) == 3, result.output
    assert "\x1b" not in result.output and "\u202e" not in result.output
    shown = "\n".join(errors)
    assert "e\\x1b[31mvil\\nline.txt" in shown
    assert "[bold]x[red]\\x1b[2J.txt" in shown
    assert "back\\u202etxt.exe.txt" in shown
