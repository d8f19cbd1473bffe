"""One event per real-world event: does an extracted event match one already on record?"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import Any, cast

from sqlalchemy import Select, Table, func, literal, or_, select, text, union
from sqlalchemy.orm import Session

from prisonwatch.db.models import Claim, Event
from prisonwatch.registry import claims as kinds
from prisonwatch.tunables import tunable


@dataclass
class EventFacts:
    """What one source says about an event, in the registry's terms."""

    type: str
    date_value: str | None = None
    date_precision: str | None = None
    date_text: str | None = None
    count: int | None = None
    count_qualifier: str | None = None
    actor: str | None = None
    target_country: str | None = None
    destination: list[str] = field(default_factory=list)
    object: str | None = None
    background: bool = False
    anchor: str | None = None  # the event date, else the publication date, as YYYY-MM-DD
    person_ids: set[str] = field(default_factory=set)

    def value(self) -> dict[str, Any]:
        """Return the claim value: every field a source can disagree on."""
        return {name: getattr(self, name) for name in kinds.EVENT_FIELDS}


@dataclass
class EventMatch:
    """An event on record that the extracted one is taken to be, with score and reason."""

    event: Event
    score: float
    reason: str


def anchor_of(date_value: str | None, published: str | None) -> str | None:
    """Return a day to compare events by: the event's date, else the document's date."""
    for value in (date_value, published):
        if value and len(value) >= 7:
            return value if len(value) == 10 else f"{value}-15"
    return None


def _days_apart(a: str, b: str) -> int:
    return abs((date.fromisoformat(a) - date.fromisoformat(b)).days)


def _same_at_common_precision(a: str, b: str) -> bool:
    size = min(len(a), len(b))
    return a[:size] == b[:size]


def _fold(value: str | None) -> str:
    return (value or "").strip().casefold()


def score_pair(facts: EventFacts, event: Event, person_ids: set[str]) -> tuple[float, str]:
    """Score how likely ``facts`` and ``event`` are one event; a veto scores minus infinity."""
    reasons: list[str] = []
    score = 0.0
    window = tunable("registry.same_event_window_days")
    if facts.anchor and event.anchor_date and _days_apart(facts.anchor, event.anchor_date) > window:
        return float("-inf"), f"dates {facts.anchor} and {event.anchor_date} too far apart"
    if facts.target_country and event.target_country:
        if _fold(facts.target_country) != _fold(event.target_country):
            # A penalty, not a veto: one misread country must not split a well-matched event,
            # but a shared count and date alone no longer carry events in two countries.
            score -= tunable("registry.country_conflict_penalty")
            reasons.append(f"countries differ ({facts.target_country} vs {event.target_country})")
        else:
            score += 0.5
            reasons.append(f"country {event.target_country}")
    shared = facts.person_ids & person_ids
    if shared:
        score += min(4.0, 2.0 * len(shared))
        reasons.append(f"{len(shared)} shared person(s)")
    if facts.count is not None and event.count is not None:
        if facts.count == event.count:
            score += 1.5
            reasons.append(f"same count {event.count}")
        else:
            score -= 0.5
            reasons.append(f"counts differ ({facts.count} vs {event.count})")
    if facts.date_value and event.date_value:
        if _same_at_common_precision(facts.date_value, event.date_value):
            score += 1.0
            reasons.append(f"same date {event.date_value}")
        else:
            reasons.append(f"dates differ ({facts.date_value} vs {event.date_value})")
    if facts.object and event.object and _fold(facts.object) == _fold(event.object):
        score += 1.5
        reasons.append(f"same object {event.object}")
    if {_fold(d) for d in facts.destination} & {_fold(d) for d in event.destination or []}:
        score += 1.0
        reasons.append("same destination")
    if facts.actor and event.actor and _fold(facts.actor) == _fold(event.actor):
        score += 0.5
        reasons.append(f"same actor {event.actor}")
    return score, "; ".join(reasons) or "nothing in common"


def _linked_persons(session: Session, event_ids: list[str]) -> dict[str, set[str]]:
    linked: dict[str, set[str]] = {e: set() for e in event_ids}
    if not event_ids:
        return linked
    stmt = select(Claim.subject_id, Claim.person_id).where(
        Claim.kind == kinds.EVENT_PERSON,
        Claim.subject_id.in_(event_ids),
        Claim.state.in_(("proposed", "accepted")),
        Claim.person_id.is_not(None),
    )
    for event_id, person_id in session.execute(stmt):
        if person_id:
            linked[event_id].add(person_id)
    return linked


def _candidate_parts(facts: EventFacts) -> list[Select[Any]]:
    """Return one query of event ids per way an event can share something that scores."""
    same_type = Event.type == facts.type
    parts: list[Select[Any]] = []
    if facts.person_ids:
        parts.append(
            select(Claim.subject_id)
            .join(Event, Event.id == Claim.subject_id)
            .where(
                same_type,
                Claim.kind == kinds.EVENT_PERSON,
                Claim.person_id.in_(sorted(facts.person_ids)),
                Claim.state.in_(("proposed", "accepted")),
            )
        )
    if facts.count is not None:
        parts.append(select(Event.id).where(same_type, Event.count == facts.count))
    if facts.object:
        lowered = func.lower(Event.object) == facts.object.lower()
        parts.append(select(Event.id).where(same_type, lowered))
    if facts.anchor:
        day = date.fromisoformat(facts.anchor)
        window = timedelta(days=tunable("registry.same_event_window_days"))
        low, high = (day - window).isoformat(), (day + window).isoformat()
        parts.append(select(Event.id).where(same_type, Event.anchor_date.between(low, high)))
    return parts


def _candidates(session: Session, facts: EventFacts, exclude: set[str]) -> list[Event]:
    """Return the candidate events themselves, in id order, in one statement."""
    parts = _candidate_parts(facts)
    if not parts:
        return []
    ids = (parts[0] if len(parts) == 1 else union(*parts)).subquery()
    stmt = select(Event).where(Event.id.in_(select(ids.c[0])))
    if exclude:
        stmt = stmt.where(Event.id.not_in(sorted(exclude)))
    return list(session.scalars(stmt.order_by(Event.id)))


# One lock for every writer's event matching: two ingests never both create the same event.
_MATCHING_LOCK = int.from_bytes(
    hashlib.sha256(b"prisonwatch:same-event").digest()[:8], "big", signed=True
)


def lock_matching(session: Session) -> None:
    """On PostgreSQL, take the event-matching lock until the transaction ends.

    Concurrent writers then match against each other's committed events; SQLite has one
    writer at a time anyway.
    """
    if session.info.get("matching_locked") is session.get_transaction():
        return  # taken earlier in this transaction: it holds until the commit
    if session.get_bind().dialect.name == "postgresql":
        session.execute(text("SELECT pg_advisory_xact_lock(:key)"), {"key": _MATCHING_LOCK})
    session.info["matching_locked"] = session.get_transaction()


def _best(
    facts: EventFacts, candidates: list[Event], persons: dict[str, set[str]], exclude: set[str]
) -> EventMatch | None:
    best: EventMatch | None = None
    floor = tunable("registry.same_event_min_score")
    for event in candidates:
        if event.id in exclude:
            continue
        score, reason = score_pair(facts, event, persons.get(event.id, set()))
        if score >= floor and (best is None or score > best.score):
            best = EventMatch(event, score, reason)
    return best


def find_same_event(
    session: Session, facts: EventFacts, *, exclude: set[str] | None = None
) -> EventMatch | None:
    """Return the best event on record that ``facts`` describes, if any scores high enough."""
    candidates = _candidates(session, facts, exclude or set())
    if not candidates:
        return None
    persons = _linked_persons(session, [e.id for e in candidates])
    return _best(facts, candidates, persons, set())


class SameEventFinder:
    """Finds the events on record for several extracted events with one statement in all.

    One query of stable shape (so SQLAlchemy compiles it once) reads a superset of the
    candidates of every event, each with its linked persons and its lowered object; the exact
    conditions of ``_candidate_parts`` then sort them per event here. Each event is scored
    alone, leaving out the events that an earlier event of the same document already became.
    """

    def __init__(self, session: Session, facts: list[EventFacts]) -> None:
        self.facts = facts
        self.candidates: list[list[Event]] = [[] for _ in facts]
        self.persons: dict[str, set[str]] = {}
        stmt = _superset_query([f for f in facts if _candidate_parts_exist(f)])
        if stmt is None:
            return
        found: dict[str, tuple[Event, str | None]] = {}
        on_record: dict[str, set[str]] = session.info.setdefault(_LINKS, {})
        for event, lowered, person_id in session.execute(stmt):
            found.setdefault(event.id, (event, lowered))
            linked = self.persons.setdefault(event.id, set())
            if person_id:
                linked.add(person_id)
        for event_id in found:
            on_record[event_id] = set(self.persons[event_id])
        _add_unwritten(session, facts, found, self.persons, on_record)
        window = tunable("registry.same_event_window_days")
        by_type: dict[str, list[tuple[Event, str | None]]] = {}
        for pair in sorted(found.values(), key=lambda pair: pair[0].id):
            by_type.setdefault(pair[0].type, []).append(pair)
        for i, one in enumerate(facts):
            span = _window(one.anchor, window) if one.anchor else None
            self.candidates[i] = [
                event
                for event, lowered in by_type.get(one.type, [])
                if _is_candidate(one, event, lowered, self.persons[event.id], span)
            ]

    def match(self, index: int, exclude: set[str]) -> EventMatch | None:
        """Return the best event on record for ``facts[index]``, leaving out ``exclude``."""
        return _best(self.facts[index], self.candidates[index], self.persons, exclude)


# Where a session keeps, per event read by a finder, the persons linked to it on record.
_LINKS = "same_event_links"
_LOWERED = "same_event_lowered"
_UNWRITTEN = "same_event_unwritten"
_LIVE = ("proposed", "accepted")


@dataclass
class Unwritten:
    """What a batch written without autoflush changed but has not written yet.

    The events it created or matched (a matched one may change when rebuilt), and the person
    links of its claims; kept as they are made, so that matching counts them as a query after a
    flush would.
    """

    events: dict[str, Event] = field(default_factory=dict)
    created: set[str] = field(default_factory=set)
    links: dict[str, set[str]] = field(default_factory=dict)

    def event(self, event: Event, *, created: bool) -> None:
        """Note an event created, or matched, by this batch."""
        self.events[event.id] = event
        if created:
            self.created.add(event.id)

    def link(self, event_id: str, person_id: str | None) -> None:
        """Note a live claim that links a person to an event."""
        if person_id:
            self.links.setdefault(event_id, set()).add(person_id)


def unwritten(session: Session) -> Unwritten | None:
    """Return the record of what ``session`` holds unwritten; None when it flushes before queries.

    A session that flushes before each query (the default) has everything on record when it
    matches, and keeps no such record.
    """
    if session.autoflush:
        return None
    found = session.info.get(_UNWRITTEN)
    if found is None:
        found = session.info[_UNWRITTEN] = Unwritten()
    return found


def _add_unwritten(
    session: Session,
    facts: list[EventFacts],
    found: dict[str, tuple[Event, str | None]],
    persons: dict[str, set[str]],
    on_record: dict[str, set[str]],
) -> None:
    """Add what this batch changed but has not written yet, as a query after a flush finds it.

    Created and matched events join the candidates with their values as they stand here, and
    links not written yet join their events' links.
    """
    pending = unwritten(session)
    if pending is None or not (pending.events or pending.links):
        return
    types = {f.type for f in facts}
    events = {i: e for i, e in pending.events.items() if e.type in types}
    missing = sorted(i for i in events if i not in on_record and i not in pending.created)
    if missing:  # matched by this batch but not read by a finder: its links on record, once
        on_record.update(_linked_persons(session, missing))
    lowered = _lowered(session, [e.object for e in events.values() if e.object])
    for event in events.values():
        found[event.id] = (event, lowered[event.object] if event.object else None)
        persons[event.id] = on_record.get(event.id, set()) | pending.links.get(event.id, set())


def forget_links(session: Session) -> None:
    """Forget the links on record read so far: call after a flush wrote new ones."""
    session.info.pop(_LINKS, None)


def _lowered(session: Session, objects: list[str]) -> dict[str, str]:
    """Return each text as the database's lower() gives it (asked once per text and session)."""
    known: dict[str, str] = session.info.setdefault(_LOWERED, {})
    for text_ in objects:
        if text_ not in known and text_.isascii():
            known[text_] = text_.lower()  # the same in every database and locale
    missing = sorted({t for t in objects if t not in known})
    if missing:
        values = [func.lower(literal(t)) for t in missing]
        row = session.execute(select(*values)).one()
        known.update(zip(missing, row, strict=True))
    return known


def _candidate_parts_exist(facts: EventFacts) -> bool:
    return bool(facts.person_ids or facts.count is not None or facts.object or facts.anchor)


def _window(anchor: str, days: float) -> tuple[str, str]:
    day = date.fromisoformat(anchor)
    return (day - timedelta(days=days)).isoformat(), (day + timedelta(days=days)).isoformat()


def _superset_query(facts: list[EventFacts]) -> Select[Any] | None:
    """Return events (with lowered object and live linked persons) any of ``facts`` may match.

    Rows come in event id order, one per linked person (or one with None).
    """
    if not facts:
        return None
    live = ("proposed", "accepted")
    ways = []
    person_ids = sorted({p for f in facts for p in f.person_ids})
    if person_ids:
        ways.append(
            Event.id.in_(
                select(Claim.subject_id).where(
                    Claim.kind == kinds.EVENT_PERSON,
                    Claim.person_id.in_(person_ids),
                    Claim.state.in_(live),
                )
            )
        )
    counts = sorted({f.count for f in facts if f.count is not None})
    if counts:
        ways.append(Event.count.in_(counts))
    objects = sorted({f.object.lower() for f in facts if f.object})
    if objects:
        ways.append(func.lower(Event.object).in_(objects))
    days = tunable("registry.same_event_window_days")
    for low, high in _merged(sorted(_window(f.anchor, days) for f in facts if f.anchor)):
        ways.append(Event.anchor_date.between(low, high))
    linked = _LINKED
    return (
        select(Event, func.lower(Event.object), linked.c.person_id)
        .outerjoin(
            linked,
            (linked.c.subject_id == Event.id)
            & (linked.c.kind == kinds.EVENT_PERSON)
            & linked.c.state.in_(live)
            & linked.c.person_id.is_not(None),
        )
        .where(Event.type.in_(sorted({f.type for f in facts})), or_(*ways))
        .order_by(Event.id)
    )


# The claims that link persons to events, joined to the candidates.
_LINKED = cast(Table, Claim.__table__).alias("linked")


def _merged(windows: list[tuple[str, str]]) -> list[tuple[str, str]]:
    """Return date windows with overlapping ones joined (ISO dates compare as strings)."""
    merged: list[tuple[str, str]] = []
    for low, high in windows:
        if merged and low <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(high, merged[-1][1]))
        else:
            merged.append((low, high))
    return merged


def _is_candidate(
    facts: EventFacts,
    event: Event,
    lowered: str | None,
    linked: set[str],
    span: tuple[str, str] | None,
) -> bool:
    """Return True when ``event`` meets one of ``_candidate_parts(facts)``, as SQL decides it.

    ``span`` is the date window around the facts' anchor, None without an anchor.
    """
    if event.type != facts.type:
        return False
    if facts.person_ids & linked:
        return True
    if facts.count is not None and event.count == facts.count:
        return True
    if facts.object and lowered == facts.object.lower():
        return True
    if span is not None and event.anchor_date is not None:
        return span[0] <= event.anchor_date <= span[1]
    return False
