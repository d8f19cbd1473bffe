"""What an ingest run did: one outcome per input, and the counts a summary shows."""

from __future__ import annotations

from collections import Counter
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
    """All outcomes of one run in input order, or, for a bulk run, counts and failures only.

    With ``keep_items`` off, memory does not grow with the number of inputs: only the counts,
    the failures and the near-duplicates found are kept.
    """

    items: list[ItemOutcome] = field(default_factory=list)
    keep_items: bool = True
    total: int = 0
    _tally: Counter[str] = field(default_factory=Counter)
    _failures: list[ItemOutcome] = field(default_factory=list)
    _near: list[ItemOutcome] = field(default_factory=list)

    def add(self, item: ItemOutcome) -> None:
        """Count one outcome, keeping it when items are kept or when it failed."""
        self.total += 1
        self._tally[item.status] += 1
        self._tally["known_input"] += item.known
        if self.keep_items:
            self.items.append(item)
        if item.status == "failed":
            self._failures.append(item)
        if item.near_duplicate_of:
            self._near.append(item)

    def count(self, status: Status) -> int:
        """Return how many inputs ended with ``status``."""
        return self._tally[status]

    @property
    def failures(self) -> list[ItemOutcome]:
        """Return the inputs that failed, each with its one-line reason."""
        return list(self._failures)

    @property
    def near_duplicates(self) -> list[ItemOutcome]:
        """Return the new documents linked to an earlier near-duplicate."""
        return list(self._near)

    @property
    def ok(self) -> bool:
        """Return True when no input failed."""
        return not self._failures

    def counts(self) -> dict[str, int]:
        """Return the number of inputs per status, plus near-duplicates and known inputs."""
        counts: dict[str, int] = {status: self.count(status) for status in STATUSES}
        counts["near_duplicate"] = len(self._near)
        counts["known_input"] = self._tally["known_input"]
        return counts

    def to_dict(self) -> dict[str, Any]:
        """Return the report as plain data for ``--json``."""
        return {"counts": self.counts(), "items": [asdict(item) for item in self.items]}
