"""A read-only, full or busy database: one line for the CLI, 503 with Retry-After for the web."""

from __future__ import annotations

import sqlite3
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import create_engine, event, text
from typer.testing import CliRunner

from prisonwatch.cli.main import app
from prisonwatch.db import dialect
from prisonwatch.db.engine import dispose_engines, get_engine
from prisonwatch.settings import Settings, get_settings
from tests.web.conftest import client_for
from tests.web.data import build

runner = CliRunner()


def _read_only_url(settings: Settings) -> str:
    url = settings.url()
    if dialect.is_sqlite(url):
        path = url.removeprefix("sqlite:///")
        return f"sqlite:///file:{path}?mode=ro&uri=true"
    return url + "?options=-c%20default_transaction_read_only%3Don"


@pytest.fixture
def read_only(settings: Settings, monkeypatch: pytest.MonkeyPatch) -> Iterator[str]:
    """Fill the database, then point the CLI at it read-only; yield a pending claim's id."""
    built = build(settings)
    dispose_engines()
    monkeypatch.setenv("PRISONWATCH_DATA_DIR", str(settings.data_dir))
    monkeypatch.setenv("PRISONWATCH_DATABASE_URL", _read_only_url(settings))
    get_settings.cache_clear()
    yield built.pending_claim
    get_settings.cache_clear()


def _one_line(result: Any, *words: str) -> None:
    assert result.exit_code == 1, result.output
    assert result.exception is None or isinstance(result.exception, SystemExit), result.exception
    lines = [line for line in result.output.splitlines() if line.strip()]
    assert "Traceback" not in result.output
    assert any(line.startswith("error:") and all(w in line for w in words) for line in lines), (
        result.output
    )


def test_read_only_database_gives_one_line(read_only: str, tmp_path: Path) -> None:
    listed = runner.invoke(app, ["persons", "list"])
    assert listed.exit_code == 0, listed.output
    _one_line(runner.invoke(app, ["persons", "add", "Invented Person"]), "read-only")
    _one_line(runner.invoke(app, ["review", "accept", read_only]), "read-only")
    registry = tmp_path / "registry.csv"
    registry.write_text("id,name\n1,Invented Person\n", encoding="utf-8")
    _one_line(runner.invoke(app, ["import", str(registry)]), "read-only")


def test_full_disk_during_import_gives_one_line(
    sqlite_settings: Settings, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("PRISONWATCH_DATA_DIR", str(sqlite_settings.data_dir))
    monkeypatch.delenv("PRISONWATCH_DATABASE_URL", raising=False)
    get_settings.cache_clear()
    dispose_engines()
    engine = get_engine(sqlite_settings.url())

    @event.listens_for(engine, "connect")
    def _small_disk(connection: Any, _record: Any) -> None:
        # SQLite's page cap gives the same error a full disk does: SQLITE_FULL.
        used = connection.execute("PRAGMA page_count").fetchone()[0]
        connection.execute(f"PRAGMA max_page_count = {used + 20}")

    registry = tmp_path / "registry.csv"
    rows = "".join(f"{n},Invented Person Number {n}\n" for n in range(3000))
    registry.write_text("id,name\n" + rows, encoding="utf-8")
    result = runner.invoke(app, ["import", str(registry)])
    get_settings.cache_clear()
    _one_line(result, "full")


@pytest.fixture
def short_busy_wait(monkeypatch: pytest.MonkeyPatch) -> None:
    """Make SQLite writers give up after 0.3 s instead of 60 s."""
    dispose_engines()
    monkeypatch.setattr(dialect, "SQLITE_BUSY_TIMEOUT_MS", 300)


def _locked(settings: Settings) -> sqlite3.Connection:
    """Return a connection holding SQLite's write lock, as a long import does."""
    blocker = sqlite3.connect(settings.url().removeprefix("sqlite:///"), isolation_level=None)
    blocker.execute("BEGIN IMMEDIATE")
    return blocker


def test_busy_database_answers_503_with_retry_after(
    sqlite_settings: Settings, short_busy_wait: None
) -> None:
    built = build(sqlite_settings)
    auth = {"Authorization": f"Bearer {built.reviewer_token}"}
    with client_for(sqlite_settings, raise_server_exceptions=False) as client:
        blocker = _locked(sqlite_settings)
        try:
            answer = client.post(
                f"/api/review/claims/{built.pending_claim}/accept", json={}, headers=auth
            )
            page = client.get("/")
        finally:
            blocker.close()
        assert answer.status_code == 503, answer.text
        assert answer.headers["retry-after"].isdigit()
        assert "busy" in answer.json()["error"]
        assert page.status_code == 200  # readers are not held up by a writer
        again = client.post(
            f"/api/review/claims/{built.pending_claim}/accept", json={}, headers=auth
        )
        assert again.status_code == 200, again.text


def test_busy_database_gives_the_cli_one_line(
    sqlite_settings: Settings, short_busy_wait: None, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("PRISONWATCH_DATA_DIR", str(sqlite_settings.data_dir))
    monkeypatch.delenv("PRISONWATCH_DATABASE_URL", raising=False)
    get_settings.cache_clear()
    blocker = _locked(sqlite_settings)
    try:
        result = runner.invoke(app, ["persons", "add", "Invented Person"])
    finally:
        blocker.close()
        get_settings.cache_clear()
    _one_line(result, "busy")


def test_a_locked_row_answers_503_on_both_databases(
    settings: Settings, short_busy_wait: None
) -> None:
    """A writer kept waiting on another transaction's lock gets 503 and Retry-After, not 500."""
    built = build(settings)
    auth = {"Authorization": f"Bearer {built.reviewer_token}"}
    blocker_engine = create_engine(settings.url())
    with client_for(settings, raise_server_exceptions=False) as client:
        blocker = blocker_engine.connect()
        try:
            if dialect.is_sqlite(settings.url()):
                blocker.exec_driver_sql("BEGIN IMMEDIATE")
            else:  # another reviewer's transaction holding the claim's row
                blocker.execute(
                    text("SELECT id FROM claims WHERE id = :id FOR UPDATE"),
                    {"id": built.pending_claim},
                )
            started = time.monotonic()
            answer = client.post(
                f"/api/review/claims/{built.pending_claim}/accept", json={}, headers=auth
            )
            waited = time.monotonic() - started
        finally:
            blocker.rollback()
            blocker.close()
            blocker_engine.dispose()
        assert answer.status_code == 503, answer.text
        assert answer.headers["retry-after"].isdigit()
        assert "busy" in answer.json()["error"]
        assert waited < 10, f"the request waited {waited:.1f} s for the lock"
        again = client.post(
            f"/api/review/claims/{built.pending_claim}/accept", json={}, headers=auth
        )
        assert again.status_code == 200, again.text
