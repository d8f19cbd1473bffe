"""The registry stage stays a handful of SQL statements per document (no per-claim round trips)."""

from __future__ import annotations

from pathlib import Path

import pytest
from benchmarks.bulk_bench import make_warcs, registry_ms, stage_results

from prisonwatch.db.migrate import upgrade
from prisonwatch.settings import Settings

pytestmark = pytest.mark.slow
# Measured 2.8 statements a document here (SQLite, one batch of 32 written whole: about one
# candidate query a document, the batch's multi-row INSERTs, and names and audit entries one
# row at a time, as SQLite returns generated ids); 1.3 on PostgreSQL in the bulk benchmark.
# It was 15.1 before batches were written whole, 48 before candidates were read at once.
MAX_STATEMENTS = 4


def test_registry_stage_needs_few_statements_per_document(tmp_path: Path) -> None:
    warcs = make_warcs(tmp_path / "warc", pages=40, files=1, relevant=1.0, seed=5)
    results = stage_results(warcs)
    settings = Settings(data_dir=tmp_path / "db")
    upgrade(settings)
    cost = registry_ms(results, settings)
    assert cost.documents >= 20
    assert cost.statements <= MAX_STATEMENTS
