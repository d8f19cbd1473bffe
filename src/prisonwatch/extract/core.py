"""The extractor's front function: a clean document in, events with evidence and deals out."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import TYPE_CHECKING, Any

from prisonwatch.documents import CleanDocument
from prisonwatch.extract import geo
from prisonwatch.extract.context import build_context
from prisonwatch.extract.counts import Count, rounds_to
from prisonwatch.extract.deals import find_deals
from prisonwatch.extract.language import language_of
from prisonwatch.extract.mentions import build_matcher, find_mentions
from prisonwatch.extract.merge import Group, group_background, merge
from prisonwatch.extract.model import Evidence, ExtractedEvent, Extraction, PersonMention
from prisonwatch.extract.nlp import get_nlp, unwrap
from prisonwatch.extract.prefilter import keep_event_sentences
from prisonwatch.extract.roster import add_roster_names
from prisonwatch.tunables import tunable

if TYPE_CHECKING:
    from spacy.tokens import Doc

EXTRACTOR_VERSION = "extract-rules-0.6"
# Components that the rules never read; dropped from nlp.pipe for speed.
_UNUSED: tuple[str, ...] = ()
_MATCHERS: dict[int, Any] = {}


def _matcher(doc: Doc) -> Any:
    key = id(doc.vocab)
    if key not in _MATCHERS:
        _MATCHERS[key] = build_matcher(doc.vocab)
    return _MATCHERS[key]


def _skip(document: CleanDocument) -> Extraction | None:
    text = document.text or ""
    language = language_of(text, document.language)
    if not text.strip():
        return Extraction(document, language=language, skipped_reason="empty text")
    if language != "en":
        return Extraction(
            document,
            language=language,
            skipped_reason=f"language {language or 'und'} not supported yet",
        )
    return None


def _limit(text: str) -> tuple[str, int | None]:
    limit = int(tunable("extract.max_chars"))
    if len(text) <= limit:
        return text, None
    cut = text.rfind("\n", 0, limit)
    cut = cut if cut > limit // 2 else limit
    return text[:cut], cut


def extract(document: CleanDocument, known_names: Iterable[str] = ()) -> Extraction:
    """Return the events, deals and evidence that one English news document states.

    ``known_names`` are registry names added to the entity ruler as persons. Texts in other
    languages and empty texts come back with no events and a ``skipped_reason``.
    """
    return next(extract_many([document], known_names))


def extract_many(
    documents: Iterable[CleanDocument],
    known_names: Iterable[str] = (),
    batch_size: int = 32,
    n_process: int = 1,
) -> Iterator[Extraction]:
    """Yield one extraction per document, parsing the English ones in batches with nlp.pipe.

    With ``n_process`` > 1 whole extractions run in forked workers: the rules then run in
    parallel too, and only the small results cross processes, not parsed spaCy documents.
    """
    nlp = get_nlp(known_names)
    if n_process > 1:
        yield from _extract_parallel(documents, batch_size, n_process)
        return
    pending: list[tuple[CleanDocument, Extraction | None, int | None]] = []
    texts: list[str] = []
    for document in documents:
        skipped = _skip(document)
        if skipped is None:
            text, cut = _limit(document.text)
            texts.append(keep_event_sentences(unwrap(text)))
        else:
            cut = None
        pending.append((document, skipped, cut))
    parsed = iter(
        nlp.pipe(texts, batch_size=batch_size, n_process=n_process, disable=list(_UNUSED))
    )
    for document, skipped, cut in pending:
        if skipped is not None:
            yield skipped
            continue
        yield _from_doc(document, next(parsed), cut)


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


def _from_doc(document: CleanDocument, doc: Doc, cut: int | None) -> Extraction:
    ctx = build_context(doc, document.published)
    mentions, _dropped = find_mentions(doc, ctx, _matcher(doc))
    groups = merge(mentions, ctx)
    add_roster_names(groups, ctx)
    text = document.text
    events = [_event(g, text, ctx.main_country) for g in groups]
    teaser_chars = {doc[i].idx for i in ctx.teaser_tokens}
    deals = find_deals(text[: cut or len(text)], events, teaser_chars)
    for deal in deals:
        _date_from_deal(deal.events, events)
    return Extraction(document, events, deals, language="en", truncated_at=cut)


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


# Events done to prisoners: the state that does them holds the prisoners.
_CUSTODY_TYPES = frozenset(
    ("arrest", "sentence", "release", "pardon", "transfer", "deportation", "death_in_custody")
)


def _target_country(group: Group, main_country: str | None) -> str | None:
    """Return the country holding or acting on the prisoners, else the article's main one."""
    target = group.value("target")
    if target:
        return str(target)
    actor = group.value("actor")
    if group.type in _CUSTODY_TYPES and actor:
        # "Belarus released 123 prisoners": the acting state, not the most-mentioned one.
        acting = geo.country(str(actor))
        if acting:
            return acting
    return main_country


def _best_count(counts: list[Count]) -> Count | None:
    """Return the first count, or the exact figure that a hedged first count rounds off.

    "pardoned more than 3,000 prisoners ... granted amnesty to 3,085 inmates": 3,085.
    """
    if not counts:
        return None
    first = counts[0]
    if first.qualifier:
        exact = next(
            (c for c in counts[1:] if not c.qualifier and c.value and rounds_to(first, c.value)),
            None,
        )
        if exact is not None:
            return exact
    return first


def _event(group: Group, text: str, main_country: str | None) -> ExtractedEvent:
    first = group.mentions[0]
    mentions = group.all()
    persons: list[PersonMention] = []
    role = "negotiator" if group.type == "negotiation" else "prisoner"
    for m in mentions:
        for name, start, end in m.persons:
            if name not in [p.name for p in persons]:
                persons.append(PersonMention(name, start, end, role))
    spans = sorted({(m.sent_start, m.sent_end) for m in mentions})
    evidence = [Evidence(s, e, text[s:e]) for s, e in spans]
    dated = (
        next((m.date for m in mentions if m.date and m.date.value and not m.date.weak), None)
        or next((m.date for m in mentions if m.date and m.date.value), None)
        or next((m.date for m in mentions if m.date), None)
    )
    counted = _best_count([m.count for m in mentions if m.count and m.count.value is not None])
    qualifier = (
        counted.qualifier
        if counted
        else next((m.count.qualifier for m in mentions if m.count and m.count.qualifier), None)
    )
    destination: list[str] = []
    for m in mentions:
        destination += [d for d in m.destination if d not in destination]
    objects = [m.object for m in mentions if m.object]
    obj = next((o for o in objects if o[:1].isupper()), objects[0] if objects else None)
    event = ExtractedEvent(
        type=group.type,
        date=dated.value if dated else None,
        date_precision=dated.precision if dated else None,
        date_text=dated.text.strip() if dated else None,
        count=counted.value if counted else None,
        count_qualifier=qualifier,
        persons=persons,
        actor=str(group.value("actor")) if group.value("actor") else None,
        target_country=_target_country(group, main_country),
        destination=destination,
        object=obj,
        background=group_background(group),
        evidence=evidence,
        term=next((m.term for m in mentions if m.term), None),
    )
    args = sum(bool(x) for x in (persons, counted, dated, event.actor, destination, obj))
    base = tunable("extract.confidence_nominal" if first.nominal else "extract.confidence_verbal")
    event.confidence = min(0.99, base + args * tunable("extract.confidence_per_argument"))
    reason = "; ".join(first.reasons)
    if len(mentions) > 1:
        reason += f"; {len(mentions) - 1} more mention(s) of the same event"
    event.reason = reason
    return event
