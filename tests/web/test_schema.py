"""Schemathesis against the OpenAPI schema: the read-only endpoints keep their promises."""

from __future__ import annotations

import warnings

import hypothesis
import pytest
import schemathesis

from prisonwatch.db.migrate import upgrade
from prisonwatch.settings import Settings
from prisonwatch.web import create_app


@pytest.fixture(scope="module")
def api_schema(tmp_path_factory: pytest.TempPathFactory) -> schemathesis.BaseSchema:
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


def test_read_only_api(api_schema: schemathesis.BaseSchema) -> None:
    operations = [result.ok() for result in api_schema.get_all_operations()]
    assert len(operations) >= 6
    for operation in operations:

        @hypothesis.given(case=operation.as_strategy())
        @hypothesis.settings(
            max_examples=6,
            deadline=None,
            derandomize=True,
            database=None,
            suppress_health_check=list(hypothesis.HealthCheck),
        )
        def check(case: schemathesis.Case) -> None:
            with warnings.catch_warnings():
                warnings.filterwarnings("ignore", message="Using `httpx`")
                case.call_and_validate()

        check()
