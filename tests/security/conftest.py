"""Fixtures of the security tests: the local HTTP server of the ingest tests and a database."""

from __future__ import annotations

import pytest

from prisonwatch.db.engine import session_scope
from prisonwatch.settings import Settings
from tests.ingest.conftest import SessionFactory, server

__all__ = ["server"]


@pytest.fixture
def sessions(sqlite_settings: Settings) -> SessionFactory:
    """Return a factory of transactional sessions on a fresh, migrated SQLite database."""
    return lambda: session_scope(sqlite_settings)
