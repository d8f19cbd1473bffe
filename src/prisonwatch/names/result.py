"""What a match returns: a status, the person, a score and a readable reason."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Literal

Status = Literal["matched", "ambiguous", "none"]


@dataclass(frozen=True)
class Candidate:
    """A registry person considered for a query, with the score and why."""

    person_id: str
    name: str
    score: float
    reason: str


@dataclass(frozen=True)
class MatchResult:
    """The answer to one query; ``person_id`` is set only when ``status`` is matched."""

    query: str
    status: Status
    person_id: str | None
    score: float
    reason: str
    candidates: list[Candidate] = field(default_factory=list)

    def to_json(self, explain: bool = False) -> dict[str, Any]:
        """Return the scorer's JSON object; with ``explain``, the candidates too."""
        data: dict[str, Any] = {
            "query": self.query,
            "status": self.status,
            "person_id": self.person_id,
            "score": round(self.score, 3),
            "reason": self.reason,
        }
        if explain:
            data["candidates"] = [
                {
                    "person_id": c.person_id,
                    "name": c.name,
                    "score": round(c.score, 3),
                    "reason": c.reason,
                }
                for c in self.candidates
            ]
        return data
