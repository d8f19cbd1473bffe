"""Start-up: the quick schema check agrees with Alembic; commands name their database."""

from __future__ import annotations

from pathlib import Path

from prisonwatch.cli.common import describe_database
from prisonwatch.db.migrate import _quick_head, ensure_ready, head_revision
from prisonwatch.settings import Settings


def test_quick_head_is_alembics_head() -> None:
    assert _quick_head() == head_revision()


def test_ensure_ready_on_a_migrated_database(sqlite_settings: Settings) -> None:
    status = ensure_ready(sqlite_settings)
    assert status.up_to_date and status.current == head_revision()


def test_the_database_line_hides_passwords(tmp_path: Path) -> None:
    line = describe_database(Settings(database_url="postgresql+psycopg://rita:s3cret@db/pw"))
    assert "s3cret" not in line and "postgresql+psycopg://rita:***@db/pw" in line
    local = describe_database(Settings(data_dir=tmp_path / "demo"))
    assert str(tmp_path / "demo" / "prisonwatch.sqlite") in local
