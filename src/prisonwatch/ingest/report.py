"""What an ingest run did: one outcome per input, and the counts a summary shows."""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Any, Literal

Status = Literal["new", "unchanged", "duplicate", "off_topic", "failed"]
STATUSES: tuple[Status, ...] = ("new", "unchanged", "duplicate", "off_topic", "failed")


@dataclass(frozen=True)
class ItemOutcome:
    """The outcome of one input: its status, document id, and the reason when it failed."""

    source: str
    status: Status
    document_id: str | None = None
    title: str | None = None
    reason: str | None = None
    near_duplicate_of: str | None = None
    # An earlier run took in these exact bytes: skipped before parsing (a resumed run).
    known: bool = False


@dataclass
class IngestReport:
    """All outcomes of one run, in the order the inputs were read."""

    items: list[ItemOutcome] = field(default_factory=list)

    def count(self, status: Status) -> int:
        """Return how many inputs ended with ``status``."""
        return sum(item.status == status for item in self.items)

    @property
    def failures(self) -> list[ItemOutcome]:
        """Return the inputs that failed, each with its one-line reason."""
        return [item for item in self.items if item.status == "failed"]

    @property
    def near_duplicates(self) -> list[ItemOutcome]:
        """Return the new documents linked to an earlier near-duplicate."""
        return [item for item in self.items if item.near_duplicate_of]

    @property
    def ok(self) -> bool:
        """Return True when no input failed."""
        return not self.failures

    def counts(self) -> dict[str, int]:
        """Return the number of inputs per status, plus near-duplicates found."""
        counts: dict[str, int] = {status: self.count(status) for status in STATUSES}
        counts["near_duplicate"] = len(self.near_duplicates)
        counts["known_input"] = sum(item.known for item in self.items)
        return counts

    def to_dict(self) -> dict[str, Any]:
        """Return the report as plain data for ``--json``."""
        return {"counts": self.counts(), "items": [asdict(item) for item in self.items]}
