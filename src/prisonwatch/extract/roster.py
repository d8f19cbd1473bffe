"""Roster sentences: 'Among them were X and Y', 'Those held included X': names for the event before.

Wire copy often gives a group's number in one sentence and its names in the next, with no
trigger word in the second. The names go to the events of the sentence just before that name no
one yet.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from prisonwatch.extract.context import Context
from prisonwatch.extract.merge import Group

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


def _anchor(sent: Span) -> tuple[Token, Token | None] | None:
    """Return the roster verb and its 'among ...' phrase, or None when the sentence is no roster."""
    for token in sent:
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
    """Give the events of the sentence before a roster sentence the names it lists."""
    sents = list(ctx.doc.sents)
    for k, sent in enumerate(sents):
        if k == 0 or ("mong" not in sent.text and "nclud" not in sent.text):
            continue
        names = _names(sent, ctx)
        if not names:
            continue
        previous = next((s for s in reversed(sents[:k]) if s.text.strip()), None)
        if previous is None:
            continue
        start, end = previous.start_char, previous.end_char
        for group in groups:
            if group.type not in _PEOPLE_TYPES or group.keys():
                continue
            first = group.mentions[0] if group.mentions else None
            if first is None or not (start <= ctx.doc[first.token].idx < end):
                continue
            first.persons = list(names)
            first.reasons.append("names from the roster sentence after it")


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
    the last event of that type before it.
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
