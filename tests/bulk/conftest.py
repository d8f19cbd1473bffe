"""Fixtures for bulk ingest tests: deterministic ids and clock, so two runs dump the same bytes."""

from __future__ import annotations

import itertools
import uuid
from collections.abc import Callable, Iterator
from datetime import datetime
from types import SimpleNamespace

import pytest

from prisonwatch.db import models

_FIXED = datetime(2026, 1, 2, 3, 4, 5)


class _Clock:
    """Stands in for ``datetime`` in the models: every record is stamped at one moment."""

    @staticmethod
    def now(tz: object = None) -> datetime:
        return _FIXED.replace(tzinfo=tz)  # type: ignore[arg-type]


@pytest.fixture
def deterministic(monkeypatch: pytest.MonkeyPatch) -> Iterator[Callable[[], None]]:
    """Make record ids and timestamps repeatable; call the returned function before each run."""
    counter = itertools.count()

    def uuid4() -> uuid.UUID:
        return uuid.UUID(int=next(counter) << 96)  # new_id keeps the leading hex digits

    def reset() -> None:
        nonlocal counter
        counter = itertools.count()

    monkeypatch.setattr(models, "uuid", SimpleNamespace(uuid4=uuid4))
    monkeypatch.setattr(models, "datetime", _Clock)
    yield reset
