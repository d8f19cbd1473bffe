"""Batches, savepoints, worker extraction and stored signatures."""

from __future__ import annotations

import shutil
from dataclasses import replace
from pathlib import Path

import numpy as np
import pytest
from sqlalchemy import func, select, update
from sqlalchemy.orm import Session

import prisonwatch.extract
from prisonwatch.db.engine import engine_for, session_scope
from prisonwatch.db.models import Base, Claim, Document
from prisonwatch.documents import CleanDocument
from prisonwatch.ingest import IngestOptions, ingest
from prisonwatch.ingest import runner as runner_module
from prisonwatch.ingest.batch import BatchWriter
from prisonwatch.ingest.dedup import NearDuplicateIndex, lsh_bands
from prisonwatch.ingest.meta import Failure, InputMeta, Job
from prisonwatch.ingest.minhash import NUM_PERM, from_bytes, signature
from prisonwatch.ingest.signatures import load_index
from prisonwatch.ingest.stage import StageOptions, process_job
from prisonwatch.ingest.store import store_document
from prisonwatch.registry.flow import RegistryHook
from prisonwatch.settings import Settings
from tests.ingest.conftest import SENTENCES, SessionFactory

SAMPLES = Path(__file__).resolve().parents[2] / "samples" / "articles"


def _job(name: str, text: str) -> Job:
    return Job(text.encode(), InputMeta(source=name, kind="text"))


def _count(sessions: SessionFactory, model: type) -> int:
    with sessions() as session:
        return int(session.scalar(select(func.count()).select_from(model)) or 0)


def test_a_failing_document_rolls_back_alone(sessions: SessionFactory) -> None:
    jobs = [_job(f"{n}.txt", f"{SENTENCES[n]}\n\nReport number {n}.") for n in range(3)]
    batch = [(job, process_job(job)) for job in jobs]
    batch.insert(1, (None, Failure("bad.txt", "bad.txt: the input is empty")))

    def hook(session: Session, doc: CleanDocument, status: str) -> None:
        session.execute(update(Document).where(Document.id == doc.id).values(title="hooked"))
        if "number 1" in doc.text:
            raise RuntimeError("hook broke")

    writer = BatchWriter(IngestOptions(on_stored=hook), NearDuplicateIndex(), sessions)
    outcomes = writer.write(batch)
    assert [o.status for o in outcomes] == ["new", "failed", "failed", "new"]
    assert outcomes[2].reason == "1.txt: could not be stored (RuntimeError: hook broke)"
    with sessions() as session:
        titles = list(session.scalars(select(Document.title)))
    assert titles == ["hooked", "hooked"]  # the failed document left nothing, not even its row


def test_signatures_are_stored_and_read_back(tmp_path: Path, sessions: SessionFactory) -> None:
    for n, sentence in enumerate(SENTENCES):
        (tmp_path / f"{n}.txt").write_text(sentence, encoding="utf-8")
    ingest([str(tmp_path)], IngestOptions(), sessions)
    with sessions() as session:
        rows = session.execute(select(Document.text, Document.minhash)).all()
    assert len(rows) == len(SENTENCES)
    for text, stored in rows:
        assert len(stored) == NUM_PERM * 8
        assert np.array_equal(from_bytes(stored), signature(text))
    assert len(load_index(sessions)) == len(SENTENCES)


def test_documents_without_a_signature_get_one_once(
    tmp_path: Path, sessions: SessionFactory
) -> None:
    (tmp_path / "a.txt").write_text(SENTENCES[0], encoding="utf-8")
    ingest([str(tmp_path)], IngestOptions(), sessions)
    with sessions() as session:
        session.execute(update(Document).values(minhash=None))
    index = load_index(sessions)
    assert len(index) == 1
    with sessions() as session:
        stored = session.scalar(select(Document.minhash))
    assert stored is not None and np.array_equal(from_bytes(stored), signature(SENTENCES[0]))


def test_lsh_bands_match_datasketch_choice() -> None:
    # datasketch's MinHashLSH picks these (bands, rows) for 128 permutations.
    assert lsh_bands(0.8) == (9, 13)
    assert lsh_bands(0.5) == (25, 5)


def test_index_forgets_a_removed_document() -> None:
    index = NearDuplicateIndex()
    hashes = signature(" ".join(SENTENCES))
    index.add("a", hashes)
    assert index.nearest("b", hashes) == ("a", 1.0)
    index.remove("a")
    assert index.nearest("b", hashes) is None and len(index) == 0


def test_automatic_workers_read_a_few_inputs_here(
    tmp_path: Path, sessions: SessionFactory, monkeypatch: pytest.MonkeyPatch
) -> None:
    for n, sentence in enumerate(SENTENCES):
        (tmp_path / f"{n}.txt").write_text(sentence, encoding="utf-8")

    def no_pool(*args: object) -> None:
        raise AssertionError("a few inputs must not start worker processes")

    monkeypatch.setattr(runner_module, "_start", no_pool)
    report = ingest([str(tmp_path)], IngestOptions(workers=None), sessions)
    assert report.count("new") == len(SENTENCES)


def test_workers_extract_and_the_hook_uses_it(
    tmp_path: Path, settings: Settings, sessions: SessionFactory, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    for path in SAMPLES.glob("*.html"):
        shutil.copy(path, folder / path.name)
    in_process = RegistryHook(settings)
    ingest([str(folder)], IngestOptions(extract=True, on_stored=in_process), sessions)
    expected = _count(sessions, Claim)
    assert expected > 0

    def refuse(*args: object) -> None:
        raise AssertionError("the main process must use the workers' extraction")

    monkeypatch.setattr(prisonwatch.extract, "extract", refuse)
    second = Settings(data_dir=tmp_path / "db2")
    Base.metadata.create_all(engine_for(second))
    hook = RegistryHook(second)
    report = ingest(
        [str(folder)],
        IngestOptions(workers=2, extract=True, on_stored=hook),
        lambda: session_scope(second),
    )
    assert report.ok, report.failures
    assert sum(r.claims_new for r in hook.reports) == expected


def test_hook_extracts_again_when_the_stored_document_differs(
    settings: Settings, sessions: SessionFactory, monkeypatch: pytest.MonkeyPatch
) -> None:
    text = "\n\n".join(SENTENCES)
    job = Job(text.encode(), InputMeta(source="a.txt", kind="text", published="2025-09-11"))
    processed = process_job(job, StageOptions(extract=True))
    assert not isinstance(processed, Failure) and processed.extraction is not None
    seen: list[CleanDocument] = []
    real = prisonwatch.extract.extract

    def spy(document: CleanDocument) -> object:
        seen.append(document)
        return real(document)

    monkeypatch.setattr(prisonwatch.extract, "extract", spy)
    with sessions() as session:  # stored with another date than the worker's copy
        store_document(session, replace(processed.doc, published="2025-09-12"))
        RegistryHook(settings)(session, processed.doc, "unchanged", processed.extraction)
    assert [d.published for d in seen] == ["2025-09-12"]
