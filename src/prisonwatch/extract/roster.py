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
