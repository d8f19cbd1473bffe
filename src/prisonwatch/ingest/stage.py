"""The pure stage a worker runs: a job's bytes in, a clean document and its signature out."""

from __future__ import annotations

import zlib
from dataclasses import dataclass, replace

import numpy as np

from prisonwatch.documents import CleanDocument
from prisonwatch.errors import InputError
from prisonwatch.ingest.convert import to_document
from prisonwatch.ingest.meta import Failure, Job
from prisonwatch.ingest.minhash import signature


@dataclass(frozen=True)
class Processed:
    """A stage result as it crosses back from a worker (raw bytes compressed, not repeated)."""

    doc: CleanDocument
    raw_compressed: bytes | None
    signature: np.ndarray | None


def process_job(job: Job, with_signature: bool = True) -> Processed | Failure:
    """Return the clean document of one job, or the failure naming it."""
    source = job.meta.source
    try:
        doc = to_document(job.data, job.meta)
    except InputError as exc:
        return Failure(source, exc.message)
    except Exception as exc:  # a bug in a parser must not stop the batch
        first = str(exc).splitlines()[0] if str(exc) else ""
        return Failure(
            source, f"{source}: unexpected {type(exc).__name__} {first}; please report it"
        )
    raw = zlib.compress(doc.raw, 6) if doc.raw is not None else None
    sig = signature(doc.text) if with_signature else None
    return Processed(replace(doc, raw=None), raw, sig)


def warm_up() -> None:
    """Import the HTML stack now, so that a worker's first page is not slow."""
    import trafilatura  # noqa: F401
