"""The README's backup and restore: a JSONL export loaded into a fresh database dumps the same."""

from __future__ import annotations

from pathlib import Path

import pytest
from typer.testing import CliRunner

from prisonwatch.cli.main import app
from prisonwatch.db.engine import session_scope
from prisonwatch.settings import Settings, get_settings
from prisonwatch.users import authenticate, user_for_token
from tests.conftest import _new_pg_database
from tests.web.data import PASSWORD, build


def _use(monkeypatch: pytest.MonkeyPatch, settings: Settings) -> None:
    monkeypatch.setenv("PRISONWATCH_DATA_DIR", str(settings.data_dir))
    monkeypatch.setenv("PRISONWATCH_DATABASE_URL", settings.url())
    get_settings.cache_clear()


def test_restore_from_jsonl_export(
    settings: Settings,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    request: pytest.FixtureRequest,
) -> None:
    built = build(settings)
    runner = CliRunner()
    _use(monkeypatch, settings)
    backup = tmp_path / "backup.jsonl"
    result = runner.invoke(app, ["export", "--format", "jsonl", "-o", str(backup)])
    assert result.exit_code == 0, result.output

    if settings.database_url:
        url = _new_pg_database(
            request.getfixturevalue("pg_cluster"), request.getfixturevalue("pg_template")
        )
        fresh = Settings(data_dir=tmp_path / "fresh", database_url=url)
    else:  # named in full: the environment set above would otherwise give the old database
        url = f"sqlite:///{(tmp_path / 'fresh' / 'prisonwatch.sqlite').as_posix()}"
        fresh = Settings(data_dir=tmp_path / "fresh", database_url=url)
    _use(monkeypatch, fresh)
    for step in (["db", "upgrade"], ["import", str(backup)]):
        result = runner.invoke(app, step)
        assert result.exit_code == 0, result.output
    again = tmp_path / "again.jsonl"
    result = runner.invoke(app, ["export", "--format", "jsonl", "-o", str(again)])
    assert result.exit_code == 0, result.output
    get_settings.cache_clear()

    assert again.read_bytes() == backup.read_bytes()
    assert len(backup.read_text(encoding="utf-8").splitlines()) > 20
    # Reviewers, their passwords and tokens come back with the records.
    with session_scope(fresh) as session:
        assert authenticate(session, "rita", PASSWORD) is not None
        assert user_for_token(session, built.reviewer_token) is not None
