"""Fixtures shared by every test: where ``../shared`` is, and a fresh database per test."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
SHARED = Path(os.environ.get("PRISONWATCH_SHARED", REPO.parent / "shared"))


@pytest.fixture(scope="session")
def shared() -> Path:
    """Return the read-only shared folder with the gold data."""
    if not (SHARED / "data").is_dir():
        pytest.fail(f"{SHARED} has no data/: set PRISONWATCH_SHARED to the shared folder")
    return SHARED
