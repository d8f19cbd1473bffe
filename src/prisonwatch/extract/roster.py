"""Roster sentences: 'Among them were X and Y', 'Those held included X': names for the event before.

Wire copy often gives a group's number in one sentence and its names in the next, with no
trigger word in the second. The names go to the events of the sentence just before that name no
one yet.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from prisonwatch.extract.context import Context
from prisonwatch.extract.merge import WEIGHED_FLAGS, Group, group_background
from prisonwatch.extract.triggers import TRIGGERS, inflections

if TYPE_CHECKING:
    from spacy.tokens import Span, Token

_REFERRING = frozenset(("them", "those", "these", "they"))
_ROSTER_VERBS = frozenset(("be", "include"))
# Types whose persons are the people the event happened to.
_PEOPLE_TYPES = frozenset(
    ("release", "pardon", "arrest", "sentence", "transfer", "deportation", "death_in_custody")
)


def _refers_back(token: Token) -> bool:
    return token.lower_ in _REFERRING or any(
        c.dep_ == "det" and c.lower_ in _REFERRING for c in token.children
    )


def _negated(verb: Token) -> bool:
    """Return True for 'X was not among those freed': a roster that says who is not on it."""
    return any(c.dep_ == "neg" for c in verb.children)


def _anchor(sent: Span) -> tuple[Token, Token | None] | None:
    """Return the roster verb and its 'among ...' phrase, or None when the sentence is no roster."""
    for token in sent:
        if _negated(token.head):
            continue
        if (
            token.lower_ == "among"
            and token.dep_ == "prep"
            and token.head.lemma_ in _ROSTER_VERBS
            and any(c.dep_ == "pobj" and _refers_back(c) for c in token.children)
        ):
            return token.head, token
        if token.dep_ == "nsubj" and token.head.lemma_ == "include" and token.lower_ in _REFERRING:
            return token.head, None
    return None


def _names(sent: Span, ctx: Context) -> list[tuple[str, int, int]]:
    found = _anchor(sent)
    if found is None:
        return []
    verb, among = found
    skip: set[int] = set()
    if among is not None:
        skip |= {t.i for t in among.subtree}
    for t in verb.subtree:
        if t.dep_ in ("relcl", "acl") and t.head.i not in skip:
            skip |= {x.i for x in t.subtree}
    names: list[tuple[str, int, int]] = []
    for t in verb.subtree:
        if t.i in skip or (t.head.i == verb.i and t.dep_ == "nsubj" and t.lower_ in _REFERRING):
            continue
        name = ctx.person_of(t)
        if name and name not in [n for n, _, _ in names] and t.pos_ == "PROPN":
            names.append((name, t.idx, t.idx + len(t.text)))
    return names


def add_roster_names(groups: list[Group], ctx: Context) -> None:
    """Give the events of the sentence before a roster sentence the names it lists.

    Runs before ``add_typed_roster_names``; the front end calls both in that order.
    """
    sents = list(ctx.doc.sents)
    for k, sent in enumerate(sents):
        if k == 0 or ("mong" not in sent.text and "nclud" not in sent.text):
            continue
        names = _names(sent, ctx)
        if not names:
            continue
        anchor = _anchor(sent)
        among = anchor[1] if anchor else None
        typed = [_typed(c) for c in among.children if c.dep_ == "pobj"] if among else []
        kind = next((k for k in typed if k), None)  # "among those freed": only a release
        previous = next((s for s in reversed(sents[:k]) if s.text.strip()), None)
        if previous is None:
            continue
        start, end = previous.start_char, previous.end_char
        for group in groups:
            if group.type not in _PEOPLE_TYPES or group.keys() or kind not in (None, group.type):
                continue
            first = group.mentions[0] if group.mentions else None
            if first is None or not (start <= ctx.doc[first.token].idx < end):
                continue
            first.persons = list(names)
            first.reasons.append("names from the roster sentence after it")


def _people_words() -> dict[str, str]:
    """Map each word form of a people trigger ('released', 'pardon', 'freed') to its type."""
    words: dict[str, str] = {}
    for row in TRIGGERS:
        if row.type not in _PEOPLE_TYPES or row.check:
            continue
        for lemma in row.lemmas:
            for form in (lemma, *inflections(lemma)):
                words.setdefault(form, row.type)
    return words


_PEOPLE_WORDS = _people_words()
_HIDDEN = frozenset(("relcl", "acl", "poss", "agent", "advcl"))


def _typed(token: Token) -> str | None:
    """Return the event type a word or its participle names ('the pardoned', 'those released')."""
    for t in (token, *(c for c in token.children if c.dep_ in ("amod", "acl"))):
        kind = _PEOPLE_WORDS.get(t.lower_) or (
            _PEOPLE_WORDS.get(t.lemma_.lower()) if t.pos_ in ("NOUN", "VERB", "ADJ") else None
        )
        if kind and not any(c.dep_ in ("dobj", "nsubj", "nsubjpass") for c in t.children):
            return kind
    return None


_ROSTER_DEPS = frozenset(("ROOT", "ccomp", "conj", "relcl"))


def _rosters(sent: Span) -> list[tuple[str, list[Token], Token]]:
    """Return the type, the name side and the verb of each typed roster clause of a sentence.

    "Among the pardoned were X and Y", "X and Y are among the prisoners released", "The freed
    priests are X and Y", "Also released are X and Y", "The pardon included X and Y", "the
    releases, which include X".
    """
    out = []
    for verb in sent:
        if verb.dep_ not in _ROSTER_DEPS:
            continue
        found = _roster_clause(verb)
        if found is not None:
            out.append((*found, verb))
    return out


def _roster_clause(verb: Token) -> tuple[str, list[Token]] | None:
    if _negated(verb):
        return None
    kids = list(verb.children)
    subjects = [c for c in kids if c.dep_ in ("nsubj", "nsubjpass")]
    others = [c for c in kids if c.dep_ in ("attr", "dobj")]
    if verb.lemma_ in ("be", "include"):
        groups = [g for p in kids if p.lower_ == "among" for g in p.children if g.dep_ == "pobj"]
        for group in groups:
            kind = _typed(group)
            if kind:
                return kind, subjects + others
        if verb.lemma_ == "include" and verb.dep_ == "relcl":
            # "the 22 releases, which include X": the relative pronoun stands for the head.
            subjects = [verb.head if s.lower_ in ("which", "that") else s for s in subjects]
        pairs = [(subjects, others), (others, subjects)] if verb.lemma_ == "be" else []
        for named, side in pairs or [(subjects, others)]:
            kind = next((k for k in map(_typed, named) if k), None)
            if kind and side:
                return kind, side
        return None
    if verb.dep_ != "ROOT":
        return None
    kind = _PEOPLE_WORDS.get(verb.lower_)
    passive = any(c.dep_ == "auxpass" for c in kids)
    listed = [c for k in kids if k.dep_ == "auxpass" for c in k.children if c.dep_ == "attr"]
    listed += [c for c in kids if c.dep_ == "attr"]
    if kind and passive and listed and not any(c.dep_ == "nsubjpass" for c in kids):
        return kind, listed  # "Also released are X and Y"
    return None


def _side_names(side: list[Token], ctx: Context) -> list[tuple[str, int, int]]:
    names: list[tuple[str, int, int]] = []
    for head in side:
        hidden = {x.i for c in head.subtree if c.dep_ in _HIDDEN for x in c.subtree}
        for t in head.subtree:
            name = ctx.person_of(t)
            if t.i in hidden or not name or t.pos_ != "PROPN":
                continue
            if name not in [n for n, _, _ in names]:
                names.append((name, t.idx, t.idx + len(t.text)))
    return names


def _target(groups: list[Group], kind: str, before: int) -> Group | None:
    """Return the event a roster names people for: the main one of its type told before it."""
    told = [g for g in groups if g.type == kind and g.mentions and g.mentions[0].token < before]
    told.sort(key=lambda g: g.mentions[0].token)
    main = [g for g in told if not g.flagged and not group_background(g)]
    # A doubted event (a flag the model weighs) still takes the names when it is the only one.
    doubted = [g for g in told if all(set(m.flags) <= WEIGHED_FLAGS for m in g.mentions)]
    chosen = main or [g for g in told if not g.flagged] or doubted
    return chosen[0] if chosen else None


def add_typed_roster_names(groups: list[Group], ctx: Context) -> None:
    """Give the event a roster sentence names by its type ('Among the pardoned were X') the names.

    The sentence has no event verb of its own that takes the names; the word 'pardoned',
    'released' or 'pardon' in it says whose list it is. The names go to the main event of
    that type told before the sentence.
    """
    for sent in ctx.doc.sents:
        for kind, side, verb in _rosters(sent):
            _give(groups, kind, _side_names(side, ctx), verb, sent)


def _give(
    groups: list[Group], kind: str, names: list[tuple[str, int, int]], verb: Token, sent: Span
) -> None:
    group = _target(groups, kind, verb.i) if names else None
    if group is not None:
        first = group.mentions[0]
        known = {n for n, _, _ in first.persons}
        new = [n for n in names if n[0] not in known]
        if new:
            first.persons += new
            first.reasons.append(
                f"{len(new)} names from the roster of the {kind}: '{sent.text.strip()[:60]}'"
            )


_BULLETS = frozenset("-•●*–—")


def _item_name(sent: Span, ctx: Context) -> tuple[str, int, int] | None:
    """Return the person a list line names ('● Ann Lee', '2. Bob Stone (Stoun)'), else None."""
    words = [t for t in sent if not t.is_space and t.text not in _BULLETS]
    while words and (words[0].like_num or words[0].text in {".", ")"}):
        words = words[1:]
    if "(" in [t.text for t in words]:
        words = words[: [t.text for t in words].index("(")]  # a second spelling in brackets
    if not 2 <= len(words) <= 4:
        return None
    named = next((ctx.person_of(t) for t in words if ctx.person_of(t)), None)
    if not (named or all(t.is_alpha and t.is_title for t in words)):
        return None
    start, end = words[0].idx, words[-1].idx + len(words[-1].text)
    return (named or ctx.doc.text[start:end], start, end)


def _is_marker(sent: Span) -> bool:
    """Return True for a line that holds only a list number or bullet ('3.', '●')."""
    words = [t for t in sent if not t.is_space]
    return all(t.like_num or t.is_punct or t.text in _BULLETS for t in words)


def _list_after(sents: list[Span], k: int, ctx: Context) -> list[tuple[str, int, int]]:
    names: list[tuple[str, int, int]] = []
    for sent in sents[k + 1 :]:
        item = _item_name(sent, ctx)
        if item is None:
            if _is_marker(sent):
                continue
            break
        if item[0] not in [n for n, _, _ in names]:
            names.append(item)
    return names


def add_list_names(groups: list[Group], ctx: Context) -> None:
    """Give the event a line ending in ':' states the names of the list lines after it.

    "The court sentenced three activists:" then "● Ann Lee", "● Bob Stone": the names go to
    the event the line states, or, when the line only refers back ("Those sentenced are:"), to
    the last event of that type before it. The front end calls ``share_people`` after it.
    """
    sents = [s for s in ctx.doc.sents if s.text.strip()]
    for k, sent in enumerate(sents):
        if not sent.text.rstrip().endswith(":"):
            continue
        names = _list_after(sents, k, ctx)
        if len(names) < 2:
            continue
        inside = [
            g
            for g in groups
            if g.type in _PEOPLE_TYPES and any(sent.start <= m.token < sent.end for m in g.all())
        ]
        targets = [g for g in inside if not g.flagged]
        if not targets:
            kinds = {g.type for g in inside}
            before = [
                g
                for g in groups
                if g.type in kinds and not g.flagged and g.mentions[0].token < sent.start
            ]
            targets = before[-1:]
        for group in targets:
            first = group.mentions[0]
            known = {n for n, _, _ in first.persons}
            first.persons += [n for n in names if n[0] not in known]
            first.reasons.append(f"{len(names)} names from the list after '{sent.text.strip()}'")


_FREED = frozenset(("release", "pardon"))
_MOVED = frozenset(("transfer", "deportation"))


def share_people(groups: list[Group], ctx: Context) -> None:
    """Give a release or pardon that names no one the people of the same happening.

    EVAL.md rules 4 and 11: "freed 50 prisoners, while 6 were taken to Lithuania: A, B ..." names
    the released for the move told in the same sentence (the release of the whole group, the
    largest number, not a sub-group beside the move).
    """
    for source in groups:
        if source.type not in _MOVED or not source.keys():
            continue
        sents = {ctx.doc[m.token].sent.start for m in source.mentions}
        beside = [
            g
            for g in groups
            if g.type in _FREED
            and g.mentions
            and not g.keys()
            and any(ctx.doc[m.token].sent.start in sents for m in g.all())
        ]
        if not beside:
            continue
        target = max(beside, key=lambda g: g.count or 0)
        names = [p for m in source.all() for p in m.persons]
        first = target.mentions[0]
        first.persons = list(dict.fromkeys(names))
        first.reasons.append(f"people of the {source.type} told in the same sentence")
