"""When a mention happened: its date, and whether it is an earlier (background) event."""

from __future__ import annotations

import dataclasses
from typing import TYPE_CHECKING

from prisonwatch.extract import arguments as args
from prisonwatch.extract import dates
from prisonwatch.extract.context import Context
from prisonwatch.extract.lexicon import BACKGROUND_ADVERBS, BACKGROUND_PREPS
from prisonwatch.extract.mention import Mention
from prisonwatch.extract.tree import ent_of
from prisonwatch.extract.triggers import TRIGGERS
from prisonwatch.tunables import tunable

if TYPE_CHECKING:
    from spacy.tokens import Span, Token


def after_background(token: Token, m: Mention, earlier: list[Mention]) -> bool:
    """Return True for 'was held in 2019, then convicted': an undated sequel of the past.

    The sequel may be its own sentence: 'X was detained in 2018. Later she got six years.'
    """
    if m.date is not None:
        return False
    if token.dep_ == "conj":
        if any(e.token == token.head.i and e.background for e in earlier):
            m.reasons.append("background: coordinated with an earlier event")
            return True
        return False
    if m.type not in ("sentence", "arrest") or token.dep_ != "ROOT" or not m.persons:
        return False
    names = {p for p, _, _ in m.persons}
    sent = token.sent
    previous = token.doc[sent.start - 1].sent if sent.start > 0 else None
    if previous is None:
        return False
    for e in earlier:
        if (
            e.background
            and previous.start <= e.token < previous.end
            and names & {p for p, _, _ in e.persons}
        ):
            m.reasons.append("background: the next step of an earlier event told just before")
            return True
    return False


_DISTANCE_UNITS = frozenset(("week", "month", "year", "decade"))


def anterior(token: Token, m: Mention, earlier: list[Mention]) -> bool:
    """Return True for 'months after authorities freed X', 'lifted ... after Minsk freed 52'.

    An event told in an 'after' clause happened before the clause it hangs on: it is background
    when weeks or more lie between them, or when that clause is itself background.
    """
    if m.type == "negotiation" or token.dep_ != "advcl":
        return False
    mark = next((c for c in token.children if c.dep_ == "mark" and c.lower_ == "after"), None)
    if mark is None:
        return False
    doc = token.doc
    before = doc[max(mark.i - 4, token.sent.start) : mark.i]
    if any(t.lemma_.lower() in _DISTANCE_UNITS for t in before):
        m.reasons.append("background: told as weeks or more before the clause it hangs on")
        return True
    if any(e.token == token.head.i and e.background for e in earlier):
        m.reasons.append("background: told as what came before an earlier event")
        return True
    return False


def frame(token: Token) -> list[Token]:
    """Return the tokens of a trigger's own time and place modifiers."""
    out: list[Token] = []
    for child in token.children:
        if child.dep_ in ("prep", "npadvmod", "advmod", "tmod", "obl", "nmod", "compound"):
            out.extend(_phrase(child))
    return out


def _phrase(token: Token) -> list[Token]:
    """Return a phrase's tokens without the clauses inside it ('for X, who died in 2024')."""
    # Iterative (same order as recursion): a long list of names is a chain deeper than the stack.
    out: list[Token] = []
    stack = [token]
    while stack:
        current = stack.pop()
        out.append(current)
        kept = [c for c in current.children if c.dep_ not in _CLAUSE_DEPS]
        stack.extend(reversed(kept))
    return out


_CLAUSE_DEPS = ("relcl", "acl", "advcl", "ccomp", "appos")


_LONG_SPANS = frozenset(("year", "decade", "century"))


def recent_since(prep: Token) -> bool:
    """Return True for 'since' a day or month with no year ('since March 10', 'since Tuesday'):
    a group counted from a recent day is news, not a running total since some year (EVAL.md
    rule 13); 'since 2020', 'since last year' and 'since the war began' are not recent."""
    words = [t for t in prep.subtree if t.i != prep.i and not t.is_punct]
    if not words:
        return False
    dated = all(
        t.ent_type_ == "DATE" or (t.ent_type_ == "TIME" and t.lower_ in dates.WEEKDAYS)
        for t in words
    )
    yearly = any(len(t.text) == 4 and t.text.isdigit() for t in words)
    long_span = any(t.lemma_.lower() in _LONG_SPANS for t in words)
    return dated and not yearly and not long_span


_RECENT_WORDS = frozenset(("today", "yesterday", "tonight", "this", "last"))
_SHORT_SPANS = frozenset(("week", "weekend", "month", "night", "morning", "evening"))


def recently_dated(token: Token) -> bool:
    """Return True when the trigger's own phrases place it in the recent days: 'on Friday',
    'in this week's amnesty', 'yesterday' (a total so placed is news, not a running total)."""
    for ent in date_ents(frame(token)):
        words = {t.lower_ for t in ent} | {c.lower_ for c in ent.root.children}
        if words & dates.WEEKDAYS.keys() or words & {"today", "yesterday", "tonight"}:
            return True
        lemmas = {t.lemma_.lower() for t in ent}
        if words & _RECENT_WORDS and lemmas & _SHORT_SPANS:
            return True
    return False


def date_ents(tokens: list[Token]) -> list[Span]:
    """Return the date entities rooted among ``tokens``, weekdays tagged TIME included."""
    ids = {t.i for t in tokens}
    spans: dict[int, Span] = {}
    for t in tokens:
        # "on Sunday night" is tagged TIME; its weekday still dates the event.
        if t.ent_type_ == "DATE" or (t.ent_type_ == "TIME" and t.lower_ in dates.WEEKDAYS):
            ent = ent_of(t)
            if ent is not None and ent.root.i in ids:
                spans[ent.start] = ent
    return [spans[k] for k in sorted(spans)]


def mention_date(token: Token, nominal: bool, ctx: Context) -> dates.PartialDate | None:
    """Return the date of a mention: its own phrases first, then one date of its sentence."""
    frames = [frame(token)]
    node = token
    while not nominal and node.dep_ in ("xcomp", "pcomp") and node.head.i != node.i:
        node = node.head
        if node.pos_ in ("VERB", "AUX"):
            frames.append(
                [
                    c2
                    for c in node.children
                    if c.dep_ in ("prep", "npadvmod", "tmod")
                    for c2 in c.subtree
                ]
            )
            break
    frames += [frame(host) for host in _hosts(token, nominal)]
    for tokens in frames:
        for ent in date_ents(tokens):
            found = dates.resolve(ent.text, ctx.published)
            if found:
                return found
    if any(c.dep_ == "mark" and c.lower_ in {"after", "before"} for c in token.children):
        # An 'after' clause tells an earlier event: the sentence's weekday is not its date.
        return None
    if nominal and (token.dep_ != "dobj" or token.head.lemma_.lower() not in _TELLING):
        return None
    # "were freed ... after he met Friday": a lone weekday in the sentence dates the event.
    ents = [
        e
        for e in date_ents(list(token.sent))
        if (
            e.start == 0
            or e.doc[e.start - 1].lower_ not in {"since", "for", "until", "over", "during"}
        )
    ]
    resolved = [(e, dates.resolve(e.text, ctx.published)) for e in ents]
    # A weekday or 'yesterday' anywhere in the sentence; other dates only under the trigger
    # ("X, celebrated for the protests in 2020, was also freed": 2020 is not the release's).
    recent = [
        d
        for e, d in resolved
        if d and d.value and ((d.relative and d.precision == "day") or not _other_clause(e, token))
    ]
    if len({d.value for d in recent}) == 1:
        # From the sentence, not from the trigger's own phrases.
        return dataclasses.replace(recent[0], weak=True)
    return None


# "announced the release of X on Wednesday": the news told that day is that day's.
_TELLING = frozenset(("announce", "confirm", "report"))
# "began the release of 30 people on May 3": the verb's time is the happening's.
_ASPECTUAL = frozenset(("begin", "start", "commence", "complete", "conclude", "carry"))
# "the detention took place on 3 May", "the release happened Monday".
_OCCURRING = frozenset(("happen", "occur", "take"))
_WHEN = frozenset(("when", "as"))


def _hosts(token: Token, nominal: bool) -> list[Token]:
    """Return the words whose time phrases also date a trigger that has none of its own.

    A noun told or begun by a verb ('announced on May 3 the release'), a noun that 'took place'
    on a day, and the 'when' clause of the trigger or of the verb it completes ('when she
    visited in June, he agreed to free ...'). A verb joined to a dated one ('was cleared in
    2020 but arrested') does not borrow its date: measured, it dated more events but cost more
    events than it dated.
    """
    head = token.head
    hosts: list[Token] = []
    if nominal:
        lemma = head.lemma_.lower()
        told = token.dep_ == "dobj" and lemma in _TELLING | _ASPECTUAL
        placed = (
            token.dep_ in ("nsubj", "nsubjpass")
            and lemma in _OCCURRING
            and (lemma != "take" or any(c.lower_ == "place" for c in head.children))
        )
        if told or placed:
            hosts.append(head)
        return hosts
    node = token
    for _ in range(2):
        for child in node.children:
            if child.dep_ == "advcl" and any(
                c.dep_ in ("advmod", "mark") and c.lower_ in _WHEN for c in child.children
            ):
                hosts.append(child)
        if node.dep_ not in ("xcomp", "ccomp") or node.head.i == node.i:
            break
        node = node.head
    return hosts


def _other_clause(ent: Span, trigger: Token) -> bool:
    """Return True unless a phrase hangs under the trigger outside any clause of its own."""
    node = ent.root
    while node.i != trigger.i:
        if node.head.i == node.i or node.dep_ in ("relcl", "acl", "advcl", "appos", "ccomp"):
            return True
        node = node.head
    return False


_OUTCOMES = frozenset(
    lemma
    for t in TRIGGERS
    if t.type in ("release", "pardon", "transfer", "deportation", "sanctions_lifted")
    for lemma in t.lemmas
)


def _led_to_event(token: Token) -> bool:
    """Return True for 'freed X after talks with Y': the talks that led to the news peg."""
    prep = token.head
    return prep.lower_ in {"after", "following"} and prep.head.lemma_.lower() in _OUTCOMES


def background(token: Token, nominal: bool, m: Mention, ctx: Context) -> bool:
    """Return True when the mention tells an earlier event, noting why in its reasons."""
    why: str | None = None
    if token.dep_ == "relcl" and args.is_passive(token):
        why = "told in a relative clause"
    elif (
        nominal
        and token.dep_ == "pobj"
        and token.head.lower_ in BACKGROUND_PREPS
        and not (m.type == "negotiation" and _led_to_event(token))
    ):
        why = f"'{token.head.text} ...' refers to an earlier event"
    elif any(c.dep_ == "advmod" and c.lower_ in BACKGROUND_ADVERBS for c in token.children):
        why = "adverb marks an earlier event"
    elif (
        m.date
        and m.date.value
        and dates.is_before(m.date, ctx.published, int(tunable("extract.background_days")))
    ):
        why = f"date {m.date.value} is before publication"
    elif (
        (m.date and ctx.published is None and m.date.precision in ("year", "month"))
        or (
            m.date
            and m.date.value is None
            and ctx.published is None
            and any(w in m.date.text.lower() for w in ("last", "ago", "earlier"))
        )
        or (
            m.date
            and m.date.value is None
            and ctx.published is None
            and not any(w in m.date.text.lower() for w in dates.WEEKDAYS)
            and "today" not in m.date.text.lower()
        )
    ):
        why = "month or year date: an earlier event"
    else:
        ref = dates.parse_published(ctx.published)
        for ent in date_ents(frame(token)):
            year = dates.resolve(ent.text, None)
            if year and year.value and (ref is None or int(year.value[:4]) < ref.year):
                why = f"'{ent.text}' is an earlier year"
                break
    if why:
        m.reasons.append(f"background: {why}")
    return why is not None
