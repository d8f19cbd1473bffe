"""Cut a document's text into segments, each covered by the facts whose spans include it."""

from __future__ import annotations

from dataclasses import dataclass, field
from itertools import pairwise

from prisonwatch.web.schemas import FactItem


@dataclass
class Segment:
    """A run of text, the facts covering it, the facts that start at it, and the reader's pick."""

    text: str
    facts: list[FactItem] = field(default_factory=list)
    starts: list[FactItem] = field(default_factory=list)
    selected: bool = False


def segments(text: str, facts: list[FactItem], selected: str | None = None) -> list[Segment]:
    """Return the text cut at every span boundary; overlapping spans each cover their part."""
    size = len(text)
    valid = [f for f in facts if 0 <= f.start < f.end <= size]
    cuts = sorted({0, size, *(f.start for f in valid), *(f.end for f in valid)})
    found = []
    for left, right in pairwise(cuts):
        covering = [f for f in valid if f.start <= left and right <= f.end]
        starts = [f for f in valid if f.start == left]
        chosen = bool(selected) and any(f.claim_id == selected for f in covering)
        found.append(Segment(text[left:right], covering, starts, chosen))
    return found or [Segment(text)]
