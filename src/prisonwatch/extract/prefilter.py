"""Blank out sentences that cannot state an event, so the parser only reads the ones that can.

The dependency parser costs as much as tagging and NER together; news articles spend most of
their sentences on context. A sentence is kept when it holds a trigger word (any form of a
trigger-table lemma), and so is the sentence before it (pronouns and names refer back). The
text keeps its length, so every character offset still points into the original.
"""

from __future__ import annotations

import re
from functools import lru_cache

from prisonwatch.extract.triggers import TRIGGERS, inflections

# A sentence ends at . ! ? before a capital (not inside "U.S,") or at a line break.
_SEGMENT = re.compile(r".*?(?:[.!?][\"”’)]*\s+(?=[\"“‘(]?[A-Z])|\n|$)")
_NON_SPACE = re.compile(r"[^\s]")
# Words that carry event arguments across sentences: envoys named apart from the talks.
_CUES = (
    "envoy",
    "negotiator",
    "mediator",
    "prisoner",
    "prison",
    "jail",
    "custody",
    "sanction",
    "among th",  # "Among them were X and Y": names for the event told before
    "those held",
    "they included",
)


@lru_cache(maxsize=1)
def _trigger_words() -> re.Pattern[str]:
    words: set[str] = set(_CUES)
    for trigger in TRIGGERS:
        for lemma in trigger.lemmas:
            words.add(lemma)
            words.update(inflections(lemma))
            words.add(lemma + "s")
    alternatives = "|".join(sorted((re.escape(w) for w in words), key=len, reverse=True))
    return re.compile(r"\b(?:" + alternatives + r")", re.IGNORECASE)


# A list item: an optional bullet or number, then at most seven words and no sentence end.
_LIST_ITEM = re.compile(r"^\s*(?:[-•●*–—]|\d{1,3}[.)])?\s*(?:[^\s.!?]+(?:\s+[^\s.!?]+){0,6})?\s*$")


def _list_follows(segments: list[re.Match[str]], k: int) -> bool:
    """Return True when segment ``k`` is an item of a list opened by a line ending in ':'."""
    text = segments[k].group()
    if not text.strip():
        return True  # blank lines between items
    if not _LIST_ITEM.match(text):
        return False
    for back in range(k - 1, -1, -1):
        prev = segments[back].group().strip()
        if prev.endswith(":"):
            return True
        if prev and not _LIST_ITEM.match(segments[back].group()):
            return False
    return False


def keep_event_sentences(text: str) -> str:
    """Return ``text`` with sentences that hold no trigger word (nor precede one) blanked."""
    segments = [m for m in _SEGMENT.finditer(text) if m.end() > m.start()]
    if len(segments) < 4:
        return text
    pattern = _trigger_words()
    hits = [bool(pattern.search(m.group())) for m in segments]
    keep = [k == 0 or hit or (k + 1 < len(hits) and hits[k + 1]) for k, hit in enumerate(hits)]
    for k in range(1, len(segments)):
        # The items of a list after a kept line ending in ':' ("Those freed are:") stay.
        if not keep[k] and keep[k - 1] and _list_follows(segments, k):
            keep[k] = True
    if all(keep):
        return text
    parts = []
    for segment, kept in zip(segments, keep, strict=True):
        parts.append(segment.group() if kept else _NON_SPACE.sub(" ", segment.group()))
    out = "".join(parts)
    return out if len(out) == len(text) else text
