"""Deals: events the text ties together as traded ('as part of this deal', 'in exchange for')."""

from __future__ import annotations

import re

from prisonwatch.extract.model import Evidence, ExtractedDeal, ExtractedEvent

_CUES = re.compile(
    r"\b(as part of (?:this|the|a|that) (?:deal|agreement|swap|exchange|operation|arrangement)|"
    r"part of a deal|in exchange for|in return for|in light of|traded for|swapped for|"
    r"follows the (?:lifting|easing|removal)|deal brokered|agreement brokered|under which|"
    r"prisoner (?:swap|exchange))\b",
    re.IGNORECASE,
)
# Words that tie a concession to a trade in its own sentence.
TRADE_CUES = re.compile(
    r"\b(in exchange|in return|as part of (?:this|the|a|that) (?:deal|agreement|arrangement))\b",
    re.IGNORECASE,
)
_TRADED = {"release", "pardon", "transfer", "deportation", "sanctions_lifted", "negotiation"}


def find_deals(text: str, events: list[ExtractedEvent], skip: set[int]) -> list[ExtractedDeal]:
    """Return the deal that ties the article's main events, when the text says they are tied."""
    cues = [m for m in _CUES.finditer(text) if m.start() not in skip]
    members = [i for i, e in enumerate(events) if not e.background and e.type in _TRADED]
    if not cues or len(members) < 2:
        return []
    evidence = [Evidence(m.start(), m.end(), text[m.start() : m.end()]) for m in cues[:4]]
    mediators: list[str] = []
    for i in members:
        event = events[i]
        if event.type == "negotiation":
            for who in [p.name for p in event.persons] + ([event.actor] if event.actor else []):
                if who not in mediators:
                    mediators.append(who)
    return [ExtractedDeal(members, evidence, mediators)]
