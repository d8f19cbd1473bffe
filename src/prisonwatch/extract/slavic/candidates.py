"""Event candidates that the Russian and Belarusian patterns propose, with readable features."""

from __future__ import annotations

from dataclasses import dataclass, field

from prisonwatch.extract.slavic.dates import Date
from prisonwatch.extract.slavic.names import Name
from prisonwatch.extract.slavic.numbers import Count


@dataclass
class Candidate:
    """One trigger in one sentence, the arguments found around it and its named features."""

    type: str
    trigger: str  # the word as written
    rule: str  # the trigger row's name
    sent_start: int
    sent_end: int
    start: int  # span of the trigger word
    end: int
    persons: list[Name] = field(default_factory=list)
    count: Count | None = None
    date: Date | None = None
    actor: str | None = None
    target_country: str | None = None
    destination: list[str] = field(default_factory=list)
    object: str | None = None
    background: bool = False
    features: dict[str, float] = field(default_factory=dict)  # name -> value (1.0 when it fired)
    score: float = 0.0
    reasons: list[str] = field(default_factory=list)

    @property
    def arguments(self) -> int:
        """Return how many arguments (persons, count, date, destination, object) were found."""
        return sum(
            bool(x) for x in (self.persons, self.count, self.date, self.destination, self.object)
        )
