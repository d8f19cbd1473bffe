"""One mention: a trigger that states an event, with the arguments found around it."""

from __future__ import annotations

from dataclasses import dataclass, field

from prisonwatch.extract import dates
from prisonwatch.extract.counts import Count


@dataclass
class Mention:
    """A trigger that states an event, with the arguments found around it."""

    type: str
    token: int  # index of the trigger token
    nominal: bool
    sent_start: int  # character span of its sentence (the evidence)
    sent_end: int
    persons: list[tuple[str, int, int]] = field(default_factory=list)  # name, start, end
    count: Count | None = None
    actor: str | None = None
    target: str | None = None
    destination: list[str] = field(default_factory=list)
    object: str | None = None
    term: str | None = None
    date: dates.PartialDate | None = None
    background: bool = False
    anaphoric: bool = False  # 'those released', 'the prisoners': refers to an event already named
    off_topic: bool = False  # a meeting or deal with nothing about prisoners around it
    tied: bool = False  # a negotiation told beside the release it traded: 'part of a deal'
    counterpart: bool = False  # the other side of a swap: 'in return for two Russians'
    reasons: list[str] = field(default_factory=list)
    # Filters that say it may not be an event (negated, modal, aggregate...): the model decides.
    flags: list[str] = field(default_factory=list)

    @property
    def bare(self) -> bool:
        """Return True when the mention names no one, no number, no place and no object."""
        return not (
            self.persons or (self.count and self.count.value) or self.destination or self.object
        )
