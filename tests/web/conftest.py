"""Fixtures of the web tests: a filled database and the app's test client."""

from __future__ import annotations

import warnings
from collections.abc import Iterator
from pathlib import Path

import pytest
from tests.web.data import Built, build

from prisonwatch.db.migrate import upgrade
from prisonwatch.settings import Settings
from prisonwatch.web import create_app

with warnings.catch_warnings():
    # Starlette asks for its httpx2 fork, which the lock does not pin; httpx works the same here.
    warnings.filterwarnings("ignore", message="Using `httpx` with `starlette.testclient`")
    from fastapi.testclient import TestClient


@pytest.fixture(scope="module")
def filled(tmp_path_factory: pytest.TempPathFactory) -> tuple[Settings, Built]:
    """Return one SQLite database per test module, filled through the real registry."""
    settings = Settings(
        data_dir=tmp_path_factory.mktemp("web") / "data", login_attempts_per_minute=1000
    )
    upgrade(settings)
    return settings, build(settings)


@pytest.fixture
def built(filled: tuple[Settings, Built]) -> Built:
    """Return the ids of the module's filled database."""
    return filled[1]


@pytest.fixture
def client(filled: tuple[Settings, Built]) -> Iterator[TestClient]:
    """Return a test client over the module's filled database."""
    with TestClient(create_app(filled[0])) as test_client:
        yield test_client


@pytest.fixture
def fresh(settings: Settings) -> tuple[Settings, Built]:
    """Return a freshly filled database on SQLite and PostgreSQL, for tests that write."""
    return settings, build(settings)


def client_for(settings: Settings, **options: object) -> TestClient:
    """Return a test client over ``settings``' database."""
    return TestClient(create_app(settings), **options)  # type: ignore[arg-type]


ARTIFACTS = Path(__file__).resolve().parents[2] / "test-artifacts"
