"""The pure stage a worker runs: bytes in; clean document, signature and extraction out."""

from __future__ import annotations

import zlib
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING

from prisonwatch.documents import CleanDocument, normalize_for_identity, normalized_document_id
from prisonwatch.errors import InputError
from prisonwatch.ingest.convert import to_document
from prisonwatch.ingest.decode import declared_charset, decode_bytes
from prisonwatch.ingest.meta import Failure, Job, Known, OffTopic
from prisonwatch.ingest.minhash import normalized_signature, to_bytes
from prisonwatch.ingest.relevance import relevance

if TYPE_CHECKING:
    from prisonwatch.extract.model import Extraction


@dataclass(frozen=True)
class StageOptions:
    """What a worker computes besides the clean document (picklable)."""

    signature: bool = True  # the MinHash signature, for near-duplicates
    extract: bool = False  # the events extraction, for the registry flow
    # Documents this extractor version already processed: re-ingesting them parses nothing.
    extracted: frozenset[str] = frozenset()
    # The relevance prefilter: pages without a subject word are dropped before parsing.
    prefilter: bool = False


@dataclass(frozen=True)
class Processed:
    """A stage result as it crosses back from a worker (raw bytes compressed, not repeated)."""

    doc: CleanDocument
    doc_id: str
    raw_compressed: bytes | None
    minhash: bytes | None  # little-endian uint64 values, as stored
    extraction: Extraction | None = None


# A stage result with its job; an input that skipped the stage (a reading failure, an input
# already taken in) comes with job None.
Result = tuple[Job | None, Processed | Failure | Known | OffTopic]


def _failure(source: str, exc: Exception) -> Failure:
    if isinstance(exc, InputError):
        return Failure(source, exc.message)
    first = str(exc).splitlines()[0] if str(exc) else ""
    return Failure(source, f"{source}: unexpected {type(exc).__name__} {first}; please report it")


def off_topic(job: Job) -> OffTopic | None:
    """Return why ``job`` is about something else, or None when it is worth parsing.

    The prefilter reads the decoded bytes, markup and all: cheaper than parsing, and a word in
    a page's furniture only keeps a page, never drops one.
    """
    try:
        text = decode_bytes(job.data, job.meta.source, declared_charset(job.data))
    except InputError:
        return None  # the parser says what is wrong with it
    verdict = relevance(text)
    if verdict.keep:
        return None
    return OffTopic(job.meta.source, f"{job.meta.source}: off-topic ({verdict.reason})")


def process_job(job: Job, options: StageOptions = StageOptions()) -> Processed | Failure | OffTopic:
    """Return the clean document of one job, with what ``options`` asks, or its failure."""
    source = job.meta.source
    if options.prefilter:
        skipped = off_topic(job)
        if skipped is not None:
            return skipped
    try:
        doc = to_document(job.data, job.meta)
    except Exception as exc:  # a bug in a parser must not stop the batch
        return _failure(source, exc)
    # Level 1: a third of the time of level 6, the raw page ~15% larger; any level reads back.
    raw = zlib.compress(doc.raw, 1) if doc.raw is not None else None
    doc = replace(doc, raw=None)
    # Normalized once for both the id and the signature (they are a third of our own cost).
    normalized = normalize_for_identity(doc.text)
    minhash = to_bytes(normalized_signature(normalized)) if options.signature else None
    doc_id = normalized_document_id(normalized)
    extraction = None
    if options.extract and doc_id not in options.extracted:
        from prisonwatch.extract import extract

        try:
            # The extraction holds ``doc`` itself, so pickling sends the text once.
            extraction = extract(doc)
        except Exception as exc:  # the same error would fail the document in the hook
            first = str(exc).splitlines()[0] if str(exc) else type(exc).__name__
            return Failure(source, f"{source}: extraction failed ({type(exc).__name__}: {first})")
    return Processed(doc, doc_id, raw, minhash, extraction)


# Set once per worker process by ``init_worker``: the options travel once, not with each chunk.
_WORKER_OPTIONS = StageOptions()


def process_chunk(jobs: list[Job]) -> list[Processed | Failure | OffTopic]:
    """Return the results of several jobs: one round trip to a worker instead of one each."""
    return [process_job(job, _WORKER_OPTIONS) for job in jobs]


def init_worker(options: StageOptions) -> None:
    """Keep the run's options and load the HTML stack (and spaCy when extracting) now."""
    global _WORKER_OPTIONS
    _WORKER_OPTIONS = options
    warm_up(options)


def warm_up(options: StageOptions = StageOptions()) -> None:
    """Import the HTML stack (and load spaCy when extracting), so the first page is not slow."""
    import trafilatura  # noqa: F401

    if options.extract:
        from prisonwatch.extract.nlp import get_nlp

        get_nlp()
