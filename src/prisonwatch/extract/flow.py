"""The extraction flow: language → front end proposes candidates → model decides → deals."""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from prisonwatch.documents import CleanDocument
from prisonwatch.extract.candidates import Proposal
from prisonwatch.extract.decide import DecisionModel, decide
from prisonwatch.extract.frontends import front_end
from prisonwatch.extract.language import language_of
from prisonwatch.extract.model import ExtractedEvent, Extraction

EXTRACTOR_VERSION = "extract-model-0.7"


def _skip(document: CleanDocument) -> Extraction | None:
    text = document.text or ""
    language = language_of(text, document.language)
    if not text.strip():
        return Extraction(document, language=language, skipped_reason="empty text")
    if front_end(language) is None:
        return Extraction(
            document,
            language=language,
            skipped_reason=f"language {language or 'und'} not supported yet",
        )
    return None


def extract(document: CleanDocument, known_names: Iterable[str] = ()) -> Extraction:
    """Return the events, deals and evidence that one news document states.

    ``known_names`` are registry names the front end reads as persons. Texts in languages
    without a front end and empty texts come back with no events and a ``skipped_reason``.
    """
    return next(extract_many([document], known_names))


def propose(
    documents: Iterable[CleanDocument], known_names: Iterable[str] = ()
) -> Iterator[Proposal | Extraction]:
    """Yield, per document, the front end's proposal, or the skipped extraction."""
    docs = list(documents)
    skipped = [_skip(d) for d in docs]
    by_language: dict[str, list[int]] = {}
    for i, d in enumerate(docs):
        if skipped[i] is None:
            by_language.setdefault(str(language_of(d.text, d.language)), []).append(i)
    proposals: dict[int, Proposal] = {}
    names = list(known_names)
    for language, idx in sorted(by_language.items()):
        reader = front_end(language)
        assert reader is not None  # _skip kept only languages with a front end
        for i, p in zip(idx, reader.propose_many([docs[i] for i in idx], names), strict=True):
            proposals[i] = p
    for i in range(len(docs)):
        yield skipped[i] or proposals[i]


def finish(proposal: Proposal, model: DecisionModel | None = None) -> Extraction:
    """Return the extraction of one proposal: decided events, then the deals among them."""
    document = proposal.document
    events = decide(proposal.candidates, document.published, model)
    reader = front_end(proposal.language)
    deals = reader.deals(proposal, events) if reader else []
    for deal in deals:
        _date_from_deal(deal.events, events)
    return Extraction(
        document, events, deals, language=proposal.language, truncated_at=proposal.truncated_at
    )


def extract_many(
    documents: Iterable[CleanDocument],
    known_names: Iterable[str] = (),
    batch_size: int = 32,
    n_process: int = 1,
) -> Iterator[Extraction]:
    """Yield one extraction per document, proposing in batches of ``batch_size``.

    With ``n_process`` > 1 whole batches run in forked workers: only the small results cross
    processes, not parsed documents.
    """
    if n_process > 1:
        yield from _extract_parallel(documents, batch_size, n_process)
        return
    batch: list[CleanDocument] = []
    for document in documents:
        batch.append(document)
        if len(batch) >= batch_size:
            yield from _run(batch, known_names)
            batch = []
    if batch:
        yield from _run(batch, known_names)


def _run(batch: list[CleanDocument], known_names: Iterable[str]) -> Iterator[Extraction]:
    for item in propose(batch, known_names):
        yield item if isinstance(item, Extraction) else finish(item)


def _extract_chunk(chunk: list[CleanDocument]) -> list[Extraction]:
    return list(extract_many(chunk))


def _extract_parallel(
    documents: Iterable[CleanDocument], batch_size: int, n_process: int
) -> Iterator[Extraction]:
    import multiprocessing

    # Fork, so that workers share the loaded model instead of loading it again.
    context = multiprocessing.get_context("fork")
    docs = list(documents)
    chunks = [docs[i : i + batch_size] for i in range(0, len(docs), batch_size)]
    with context.Pool(n_process) as pool:
        for results in pool.imap(_extract_chunk, chunks):
            yield from results


def _date_from_deal(members: list[int], events: list[ExtractedEvent]) -> None:
    """Give undated events of a deal the one day its dated events agree on."""
    dated = [events[i] for i in members if events[i].date and events[i].date_precision == "day"]
    if len({e.date for e in dated}) != 1:
        return
    source = dated[0]
    for i in members:
        event = events[i]
        if event.date is None:
            event.date, event.date_precision = source.date, "day"
            event.date_text, event.date_inferred = source.date_text, True
            event.reason += f"; date of the {source.type} the text ties it to"
