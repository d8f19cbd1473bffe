"""A batch written as a whole stores exactly what writing it one document at a time stores."""

from __future__ import annotations

import io
import shutil
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from benchmarks.bulk_bench import stage_results

from prisonwatch.db.engine import dispose_engines, session_scope
from prisonwatch.db.migrate import upgrade
from prisonwatch.ingest import IngestOptions
from prisonwatch.ingest.batch import BatchWriter
from prisonwatch.ingest.stage import Result
from prisonwatch.io.dump import export_dump
from prisonwatch.registry.flow import RegistryHook
from prisonwatch.settings import Settings

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def results(tmp_path_factory: pytest.TempPathFactory, shared: Path) -> list[Any]:
    """Return the stage's results for the dev texts: many shared persons and events."""
    folder = tmp_path_factory.mktemp("texts")
    for corpus in ("news_dev", "news_dev2"):
        for path in sorted((shared / "data" / corpus / "texts").glob("*.txt"))[:30]:
            shutil.copy(path, folder / f"{corpus}-{path.name}")
    return stage_results([folder])


def _write(
    results: list[Any], root: Path, size: int, whole: bool, reset: Callable[[], None]
) -> tuple[list[str], str, RegistryHook]:
    settings = Settings(data_dir=root)
    upgrade(settings)
    reset()
    hook = RegistryHook(settings)
    writer = BatchWriter(
        IngestOptions(extract=True, on_stored=hook, near_duplicates=False),
        None,
        lambda: session_scope(settings),
    )
    if not whole:
        writer._all_new = lambda _batch: False  # type: ignore[method-assign]
    statuses: list[str] = []
    for start in range(0, len(results), size):
        batch: list[Result] = results[start : start + size]
        statuses += [o.status for o in writer.write(batch)]
    out = io.StringIO()
    with session_scope(settings, write=False) as session:
        export_dump(session, out)
    dispose_engines()
    return statuses, out.getvalue(), hook


def test_whole_batches_store_what_one_by_one_stores(
    results: list[Any], tmp_path: Path, deterministic: Callable[[], None]
) -> None:
    assert len(results) >= 40
    one, one_dump, one_hook = _write(results, tmp_path / "one", 64, False, deterministic)
    whole, whole_dump, whole_hook = _write(results, tmp_path / "whole", 64, True, deterministic)
    small, small_dump, _ = _write(results, tmp_path / "small", 5, True, deterministic)
    assert one == whole == small == ["new"] * len(results)
    matched = sum(r.events_matched for r in whole_hook.reports)
    assert matched >= 5, "the texts must share events, or matching is not exercised"
    assert [r.__dict__ for r in whole_hook.reports] == [r.__dict__ for r in one_hook.reports]
    assert whole_dump == one_dump
    assert small_dump == one_dump


def test_a_failing_document_of_a_whole_batch_fails_alone(
    results: list[Any], tmp_path: Path
) -> None:
    settings = Settings(data_dir=tmp_path)
    upgrade(settings)
    broken = results[3][1].doc_id

    class Failing(RegistryHook):
        def __call__(self, session: Any, doc: Any, status: str, extraction: Any = None) -> None:
            if doc.id == broken:
                raise RuntimeError("invented failure")
            super().__call__(session, doc, status, extraction)

    hook = Failing(settings)
    writer = BatchWriter(
        IngestOptions(extract=True, on_stored=hook, near_duplicates=False),
        None,
        lambda: session_scope(settings),
    )
    outcomes = writer.write(results[:10])
    dispose_engines()
    assert [o.status for o in outcomes] == ["new"] * 3 + ["failed"] + ["new"] * 6
    assert "invented failure" in (outcomes[3].reason or "")
    assert len(hook.reports) == 9  # the batch written whole was taken back, then one by one
