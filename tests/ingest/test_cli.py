"""The ``prisonwatch ingest`` command: summary, JSON, error lines and exit status."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import pytest
from typer.testing import CliRunner

from prisonwatch.cli.main import app
from prisonwatch.db.engine import dispose_engines
from prisonwatch.settings import get_settings


@pytest.fixture
def data_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    monkeypatch.setenv("PRISONWATCH_DATA_DIR", str(tmp_path / "data"))
    monkeypatch.delenv("PRISONWATCH_DATABASE_URL", raising=False)
    get_settings.cache_clear()
    yield tmp_path / "data"
    dispose_engines()
    get_settings.cache_clear()


def test_ingest_json_then_no_op(shared: Path, data_dir: Path) -> None:
    seed = str(shared / "data" / "seed" / "belarus-release-123.txt")
    runner = CliRunner()
    first = runner.invoke(app, ["ingest", seed, "--published", "2025-12-13", "--json"])
    assert first.exit_code == 0, first.output
    assert json.loads(first.stdout)["counts"]["new"] == 1
    again = runner.invoke(app, ["ingest", seed, "--json"])
    assert json.loads(again.stdout)["counts"]["unchanged"] == 1


def test_failure_exits_1_with_one_line(shared: Path, data_dir: Path, tmp_path: Path) -> None:
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    seed = str(shared / "data" / "seed" / "belarus-release-123.txt")
    result = CliRunner().invoke(app, ["ingest", str(empty), seed])
    assert result.exit_code == 1
    assert f"error: {empty}: the input is empty" in result.stderr
    assert "new" in result.stdout


def test_help_has_an_example() -> None:
    result = CliRunner().invoke(app, ["ingest", "--help"])
    assert result.exit_code == 0
    assert "Example: prisonwatch ingest" in result.stdout
    assert "--workers" in result.stdout


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--address", "127.0.0.1:6379"], "--address names a Ray cluster"),
        (["--engine", "spark"], "--engine 'spark': give local or ray"),
    ],
)
def test_engine_options_are_checked(
    shared: Path, data_dir: Path, args: list[str], message: str
) -> None:
    seed = str(shared / "data" / "seed" / "belarus-release-123.txt")
    result = CliRunner().invoke(app, ["ingest", seed, "--no-extract", *args])
    assert result.exit_code == 1
    assert message in result.stderr


def test_off_topic_pages_are_counted_and_all_topics_keeps_them(
    data_dir: Path, tmp_path: Path
) -> None:
    page = tmp_path / "match.txt"
    page.write_text("The home side won the cup final 3-1; the coach praised the young striker.\n")
    runner = CliRunner()
    skipped = runner.invoke(app, ["ingest", str(page), "--json"])
    assert skipped.exit_code == 0, skipped.output
    assert json.loads(skipped.stdout)["counts"]["off_topic"] == 1
    kept = runner.invoke(app, ["ingest", str(page), "--json", "--all-topics"])
    assert json.loads(kept.stdout)["counts"]["new"] == 1


def test_summary_shows_the_rate(shared: Path, data_dir: Path) -> None:
    seed = str(shared / "data" / "seed" / "belarus-release-123.txt")
    result = CliRunner().invoke(app, ["ingest", seed, "--no-extract"])
    assert result.exit_code == 0
    assert "inputs/s" in result.stdout and "off-topic" in result.stdout
