"""Counts of people with their qualifiers: '123 prisoners', 'at least 24', 'dozens of'."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import TYPE_CHECKING

from prisonwatch.extract.lexicon import VAGUE_LARGE
from prisonwatch.extract.tree import is_person_noun, preps

if TYPE_CHECKING:
    from spacy.tokens import Token

_WORDS = {
    w: i
    for i, w in enumerate(
        [
            "zero",
            "one",
            "two",
            "three",
            "four",
            "five",
            "six",
            "seven",
            "eight",
            "nine",
            "ten",
            "eleven",
            "twelve",
            "thirteen",
            "fourteen",
            "fifteen",
            "sixteen",
            "seventeen",
            "eighteen",
            "nineteen",
            "twenty",
        ]
    )
}
_WORDS.update(
    {
        "thirty": 30,
        "forty": 40,
        "fifty": 50,
        "sixty": 60,
        "seventy": 70,
        "eighty": 80,
        "ninety": 90,
        "hundred": 100,
        "dozen": 12,
    }
)
_QUALIFIER = re.compile(
    r"(at least|more than|over|about|around|some|nearly|almost|approximately|roughly|up to|"
    r"fewer than|less than|as many as|a total of|a further|another)\s*$",
    re.IGNORECASE,
)
_NORMAL = {
    "over": "more than",
    "around": "about",
    "some": "about",
    "approximately": "about",
    "roughly": "about",
    "nearly": "about",
    "almost": "about",
    "as many as": "up to",
    "less than": "fewer than",
    "a total of": None,
    "a further": None,
    "another": None,
}


@dataclass(frozen=True)
class Count:
    """A number of people, its qualifier, and whether it is an aggregate statistic."""

    value: int | None
    qualifier: str | None
    vague: bool = False  # "thousands of": a statistic, not an event's group


def number(token: Token) -> int | None:
    """Return the integer a number token writes (digits or words), or None."""
    text = token.text.replace(",", "").lower()
    if text.isdigit():
        return int(text)
    if "-" in text:
        parts = text.split("-")
        if all(p in _WORDS for p in parts):
            return sum(_WORDS[p] for p in parts)
    return _WORDS.get(text)


def rounds_to(hedged: Count, exact: int) -> bool:
    """Return True when ``exact`` is a figure the hedged count could round off ('more than 3,000'
    for 3,085)."""
    value = hedged.value or 0
    if hedged.qualifier in ("more than", "at least"):
        return value <= exact <= value * 1.5
    if hedged.qualifier == "about":
        return abs(exact - value) <= value * 0.1
    if hedged.qualifier == "up to":
        return value * 0.7 <= exact <= value
    return False


def same_count(a: Count, b: Count) -> bool:
    """Return True when two counts can give the size of one group."""
    if a.value is None or b.value is None:
        return False
    if a.value == b.value:
        return True
    if a.qualifier and not b.qualifier:
        return rounds_to(a, b.value)
    if b.qualifier and not a.qualifier:
        return rounds_to(b, a.value)
    return False


def _qualifier(token: Token) -> str | None:
    before = token.doc[max(token.i - 4, 0) : token.i].text
    m = _QUALIFIER.search(before)
    if not m:
        return None
    word = m.group(1).lower()
    return _NORMAL.get(word, word)


def _own(noun: Token) -> Count | None:
    if noun.pos_ == "NUM" or (noun.like_num and noun.dep_ in ("nsubjpass", "nsubj", "dobj")):
        if _vague_multiple(noun):
            return Count(None, f"{noun.lower_}s")
        value = number(noun)
        if value is not None:
            return Count(value, _qualifier(noun))
    if noun.lower_ in {"dozens", "scores"}:
        return Count(None, "dozens")
    if noun.lower_ in VAGUE_LARGE:
        return Count(None, None, vague=True)
    if not is_person_noun(noun) and noun.lower_ not in {"those", "them"}:
        return None
    for child in noun.children:
        if child.dep_ in ("nummod", "quantmod") or (child.dep_ == "amod" and child.like_num):
            if child.lower_ in VAGUE_LARGE or any(c.lower_ in VAGUE_LARGE for c in child.children):
                return Count(None, None, vague=True)
            if _vague_multiple(child):
                # "a few dozen protesters": no number the text gives (EVAL.md rule 8).
                return Count(None, f"{child.lower_}s")
            value = number(child)
            if value is not None:
                return Count(value, _qualifier(child))
        if child.dep_ == "amod" and child.lower_ in {"dozens", "scores"}:
            return Count(None, "dozens")
    return None


_VAGUE_MULTIPLIERS = frozenset(("few", "several", "many", "couple"))
_ROUND_NUMBERS = frozenset(("dozen", "hundred", "thousand"))


def _vague_multiple(number_word: Token) -> bool:
    """Return True for 'a few dozen', 'several hundred': a round number times an unknown."""
    if number_word.lower_ not in _ROUND_NUMBERS:
        return False
    before = number_word.doc[max(number_word.i - 2, 0) : number_word.i]
    near = [*number_word.children, *before]
    return any(t.lower_ in _VAGUE_MULTIPLIERS for t in near)


def count_of(nouns: list[Token], named: int = 0) -> Count | None:
    """Return the size of the group that ``nouns`` (a patient and its conjuncts) denote."""
    total: int | None = None
    qualifier: str | None = None
    found = False
    for noun in nouns:
        own = _own(noun)
        if own is None:
            # "dozens of political prisoners": the number sits on the noun 'dozens'.
            continue
        if own.vague:
            return own
        found = True
        if own.value is None:
            return own
        total = (total or 0) + own.value
        qualifier = qualifier or own.qualifier
    # "X, along with 13 other detainees": the named ones plus the others.
    for noun in nouns[:1]:
        for other in preps(noun, "with"):
            group = [other, *other.conjuncts]
            extra = [_own(g) for g in group]
            values = [c.value for c in extra if c and c.value is not None]
            if values and len(values) == len(group):
                base = total if found else (named if named else None)
                if base is not None:
                    return Count(base + sum(values), qualifier)
    others = any(c.lower_ == "other" for n in nouns for c in n.children)
    if found and named and others and total is not None:
        # "X and five other prisoners": the whole group is the named ones plus the others.
        return Count(total + named, qualifier)
    if found:
        return Count(total, qualifier)
    if named and nouns:
        return _along_with_others(nouns[0], named)
    return None


def _along_with_others(noun: Token, named: int) -> Count | None:
    """'X, along with 13 other detainees' however the parser hung the phrase."""
    sent = noun.sent
    for token in sent:
        if (
            token.lower_ == "with"
            and token.i > sent.start
            and token.doc[token.i - 1].lower_ == "along"
        ):
            for obj in token.children:
                if obj.dep_ == "pobj" and any(c.lower_ in {"other", "more"} for c in obj.children):
                    own = _own(obj)
                    if own and own.value is not None:
                        return Count(named + own.value, own.qualifier)
    return None
