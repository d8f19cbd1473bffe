"""Fixtures shared by every test: where ``../shared`` is, and a fresh database per test."""

from __future__ import annotations

import os
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import create_engine, text

from prisonwatch.db.engine import dispose_engines, get_engine
from prisonwatch.db.migrate import upgrade
from prisonwatch.settings import Settings, get_settings
from tests.pgcluster import Cluster

REPO = Path(__file__).resolve().parents[1]
SHARED = Path(os.environ.get("PRISONWATCH_SHARED", REPO.parent / "shared"))


@pytest.fixture(scope="session")
def shared() -> Path:
    """Return the read-only shared folder with the gold data."""
    if not (SHARED / "data").is_dir():
        pytest.fail(f"{SHARED} has no data/: set PRISONWATCH_SHARED to the shared folder")
    return SHARED


@pytest.fixture(scope="session")
def pg_cluster() -> Iterator[Cluster]:
    """Start one throwaway PostgreSQL cluster per test process."""
    if not Cluster.available():
        pytest.fail("PostgreSQL server programs (initdb, pg_ctl) are not installed")
    cluster = Cluster()
    cluster.start()
    yield cluster
    cluster.stop()


@pytest.fixture(scope="session")
def pg_template(pg_cluster: Cluster) -> str:
    """Create a migrated template database once; tests clone it."""
    admin = create_engine(pg_cluster.url(), isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        conn.execute(text("CREATE DATABASE pw_template"))
    admin.dispose()
    upgrade(Settings(database_url=pg_cluster.url("pw_template")))
    get_engine(pg_cluster.url("pw_template")).dispose()
    return "pw_template"


def _new_pg_database(cluster: Cluster, template: str) -> str:
    name = f"pw_{uuid.uuid4().hex[:12]}"
    admin = create_engine(cluster.url(), isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        conn.execute(text(f"CREATE DATABASE {name} TEMPLATE {template}"))
    admin.dispose()
    return cluster.url(name)


@pytest.fixture(params=["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)])
def settings(request: pytest.FixtureRequest, tmp_path: Path) -> Settings:
    """Return settings for a fresh, migrated database on SQLite and on PostgreSQL."""
    if request.param == "sqlite":
        result = Settings(data_dir=tmp_path / "data")
    else:
        cluster = request.getfixturevalue("pg_cluster")
        template = request.getfixturevalue("pg_template")
        result = Settings(
            data_dir=tmp_path / "data", database_url=_new_pg_database(cluster, template)
        )
    upgrade(result)
    return result


@pytest.fixture
def sqlite_settings(tmp_path: Path) -> Settings:
    """Return settings for a fresh, migrated SQLite database only."""
    result = Settings(data_dir=tmp_path / "data")
    upgrade(result)
    return result


@pytest.fixture
def cli_env(settings: Settings, monkeypatch: pytest.MonkeyPatch) -> Iterator[Settings]:
    """Point the CLI (which reads the environment) at the test database."""
    monkeypatch.setenv("PRISONWATCH_DATA_DIR", str(settings.data_dir))
    monkeypatch.setenv("PRISONWATCH_DATABASE_URL", settings.url())
    get_settings.cache_clear()
    yield settings
    get_settings.cache_clear()


@pytest.fixture(autouse=True)
def _close_engines() -> Iterator[None]:
    """Close every database connection a test opened, so none leaks into the next."""
    yield
    dispose_engines()
