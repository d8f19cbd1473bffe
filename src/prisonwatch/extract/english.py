"""The English front end: spaCy parse, trigger table and argument patterns propose candidates."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from prisonwatch.documents import CleanDocument
from prisonwatch.extract import geo
from prisonwatch.extract.candidates import BaseFrontEnd, Candidate, Proposal
from prisonwatch.extract.context import Context, build_context
from prisonwatch.extract.counts import Count
from prisonwatch.extract.deals import find_deals
from prisonwatch.extract.mention import Mention
from prisonwatch.extract.mentions import build_matcher, find_mentions
from prisonwatch.extract.merge import (
    Group,
    fold_members,
    fold_side_talks,
    group_background,
    merge,
)
from prisonwatch.extract.model import Evidence, ExtractedDeal, ExtractedEvent, PersonMention
from prisonwatch.extract.nlp import get_nlp, unwrap
from prisonwatch.extract.prefilter import keep_event_sentences
from prisonwatch.extract.roster import (
    add_list_names,
    add_roster_names,
    add_typed_roster_names,
    share_people,
)
from prisonwatch.extract.talks import talk_features
from prisonwatch.tunables import tunable

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

_MATCHERS: dict[int, Any] = {}
_QUOTES = set('"“”«»')
# Events done to prisoners: the state that does them holds the prisoners.
_CUSTODY_TYPES = frozenset(
    ("arrest", "sentence", "release", "pardon", "transfer", "deportation", "death_in_custody")
)


@dataclass
class _State:
    """What deals() needs from the parse: the text read and the teaser lines."""

    text: str
    teaser_chars: set[int]


def _matcher(doc: Doc) -> Any:
    key = id(doc.vocab)
    if key not in _MATCHERS:
        _MATCHERS[key] = build_matcher(doc.vocab)
    return _MATCHERS[key]


def limit(text: str) -> tuple[str, int | None]:
    """Return the part of ``text`` read and where it was cut (None when whole)."""
    most = int(tunable("extract.max_chars"))
    if len(text) <= most:
        return text, None
    cut = text.rfind("\n", 0, most)
    cut = cut if cut > most // 2 else most
    return text[:cut], cut


class EnglishFrontEnd(BaseFrontEnd):
    """Proposes English candidates from a spaCy parse, one per merged group of mentions."""

    language = "en"

    def propose_many(
        self, documents: Sequence[CleanDocument], known_names: Iterable[str] = ()
    ) -> list[Proposal]:
        """Return one proposal per document, parsing them in one nlp.pipe batch."""
        nlp = get_nlp(known_names)
        cuts: list[int | None] = []
        texts: list[str] = []
        for document in documents:
            text, cut = limit(document.text or "")
            texts.append(keep_event_sentences(unwrap(text)))
            cuts.append(cut)
        out: list[Proposal] = []
        for document, doc, cut in zip(documents, nlp.pipe(texts, batch_size=32), cuts, strict=True):
            out.append(_propose(document, doc, cut))
        return out

    def deals(self, proposal: Proposal, events: list[ExtractedEvent]) -> list[ExtractedDeal]:
        """Return the deals the text states between the decided events."""
        state = proposal.state
        if not isinstance(state, _State):
            return []
        return find_deals(state.text, events, state.teaser_chars)


def front_end() -> EnglishFrontEnd:
    """Return the English front end (the registry calls this)."""
    return EnglishFrontEnd()


def _propose(document: CleanDocument, doc: Doc, cut: int | None) -> Proposal:
    ctx = build_context(doc, document.published)
    mentions, _dropped = find_mentions(doc, ctx, _matcher(doc))
    groups = merge([m for m in mentions if not m.off_topic], ctx)
    fold_side_talks(groups, [m for m in mentions if m.off_topic])
    add_roster_names(groups, ctx)  # referring roster sentences ("among them ...")
    add_typed_roster_names(groups, ctx)  # typed ones ("those freed were ...")
    add_list_names(groups, ctx)  # list lines after a line ending in ':'
    share_people(groups, ctx)  # after every list and roster has named its event
    groups = fold_members(groups)  # a named member's own event joins its counted group
    text = document.text
    candidates = [_candidate(g, text, ctx) for g in groups]
    state = _State(text[: cut or len(text)], {doc[i].idx for i in ctx.teaser_tokens})
    return Proposal(document, "en", candidates, truncated_at=cut, state=state)


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


def _quoted(token: Token) -> bool:
    """Return True when the trigger sits inside quotation marks within its sentence."""
    sent = token.sent
    before = token.doc.text[sent.start_char : token.idx]
    return sum(c in _QUOTES for c in before) % 2 == 1


def _features(group: Group, ctx: Context, text: str) -> dict[str, float]:
    """Return the readable features of a group's first mention and of the group."""
    first = group.mentions[0]
    token = ctx.doc[first.token]
    lemma = token.lemma_.lower()
    mentions = group.all()
    newline = text.find("\n")
    f: dict[str, float] = {f"trigger={lemma}": 1.0}
    f["nominal"] = float(first.nominal)
    f["position"] = round(first.sent_start / max(len(text), 1), 3)
    f["headline"] = float(newline > 0 and first.sent_start < newline)
    f["quoted"] = float(_quoted(token))
    f["relative_clause"] = float(token.dep_ in ("relcl", "acl"))
    f["main_clause"] = float(token.dep_ == "ROOT")
    f["passive"] = float(any(c.dep_ in ("nsubjpass", "auxpass") for c in token.children))
    f["past"] = float(token.tag_ in ("VBD", "VBN"))
    f["present"] = float(token.tag_ in ("VBZ", "VBP", "VBG"))
    f["background_cue"] = float(group_background(group))
    f["anaphoric"] = float(all(m.anaphoric for m in mentions))
    f["counterpart"] = float(any(m.counterpart for m in mentions))
    f["mentions"] = float(min(len(mentions), 5))
    f["sentences"] = float(min(len({m.sent_start for m in mentions}), 5))
    f["bare"] = float(group.bare)
    if group.type == "negotiation":
        f.update(talk_features(mentions))
    for flag in first.flags:
        f[f"filter={flag}"] = 1.0
    return f


def _best_count(counts: list[Count]) -> Count | None:
    """Return the first count: the figure the text gives first for the group."""
    return counts[0] if counts else None


def _candidate(group: Group, text: str, ctx: Context) -> Candidate:
    first = group.mentions[0]
    mentions = group.all()
    event = _event(group, mentions, text, ctx.main_country)
    lemma = ctx.doc[first.token].lemma_.lower()
    return Candidate(
        language="en",
        trigger=lemma,
        sentence=(first.sent_start, first.sent_end),
        proposal=event,
        features=_features(group, ctx, text),
        background_cue=group_background(group),
    )


def _event(
    group: Group, mentions: list[Mention], text: str, main_country: str | None
) -> ExtractedEvent:
    first = group.mentions[0]
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
    reason = "; ".join(first.reasons)
    if len(mentions) > 1:
        reason += f"; {len(mentions) - 1} more mention(s) of the same event"
    event.reason = reason
    return event
