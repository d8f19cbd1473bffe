"""Schemathesis against the OpenAPI schema: the read-only endpoints keep their promises."""

from __future__ import annotations

import warnings

import hypothesis
import pytest
import schemathesis

from prisonwatch.db.migrate import upgrade
from prisonwatch.settings import Settings
from prisonwatch.web import create_app


def _app(tmp_path_factory: pytest.TempPathFactory) -> object:
    settings = Settings(data_dir=tmp_path_factory.mktemp("schema") / "data")
    upgrade(settings)
    return create_app(settings)


@pytest.fixture(scope="module")
def api_schema(tmp_path_factory: pytest.TempPathFactory) -> object:
    """Return the app's schema, read-only operations only."""
    from tests.web.data import build

    settings = Settings(data_dir=tmp_path_factory.mktemp("schema") / "data")
    upgrade(settings)
    build(settings)
    app = create_app(settings)
    with warnings.catch_warnings():
        warnings.filterwarnings("ignore", message="Using `httpx`")
        schema = schemathesis.openapi.from_asgi("/api/openapi.json", app)
    return schema.include(method="GET").exclude(path_regex="^/api/review")


schema = schemathesis.pytest.from_fixture("api_schema")


@schema.parametrize()
@hypothesis.settings(
    max_examples=8,
    deadline=None,
    derandomize=True,
    suppress_health_check=list(hypothesis.HealthCheck),
)
def test_read_only_api(case: schemathesis.Case) -> None:
    with warnings.catch_warnings():
        warnings.filterwarnings("ignore", message="Using `httpx`")
        case.call_and_validate()
