"""Name resolution: a mention in an article becomes a person, a proposal, or a question."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from sqlalchemy.orm import Session, joinedload

from prisonwatch.db.models import Person
from prisonwatch.persons import NewPerson, add_name, create_person
from prisonwatch.registry.lookup import build_name_index, registry_entry

if TYPE_CHECKING:
    from prisonwatch.names import NameIndex


@dataclass
class Resolution:
    """The answer for one mention: matched, ambiguous, or new (a person was proposed)."""

    name: str
    status: str  # matched | ambiguous | new
    person_id: str | None
    score: float
    reason: str
    candidates: list[dict[str, Any]] = field(default_factory=list)


class PersonResolver:
    """Matches names against every person in the database, learning proposed persons as it goes."""

    def __init__(self, session: Session) -> None:
        self.index: NameIndex = build_name_index(session)
        # Persons proposed by this resolver: found again here, not by a query that must
        # first write them.
        self._new: dict[str, Person] = {}
        self._session: Session | None = None

    def resolve(
        self,
        session: Session,
        name: str,
        *,
        document_id: str | None,
        actor: str,
        kind: str = "prisoner",
    ) -> Resolution:
        """Return the person a mention names; an unknown name proposes a new person.

        ``kind`` is what a new person is: a prisoner, or a participant named in another role
        (an envoy, a judge), who is kept apart from the prisoners.
        """
        if self._session is not session:  # a new batch: what the last one proposed is written
            self._new.clear()
            self._session = session
        result = self.index.match(name)
        candidates = [
            {"person_id": c.person_id, "name": c.name, "score": c.score, "reason": c.reason}
            for c in result.candidates
        ]
        if result.status == "matched" and result.person_id:
            person = self._person(session, result.person_id)
            if person is not None:
                if add_name(person, name, origin="source", document_id=document_id):
                    self.index.add(registry_entry(person))
                return Resolution(name, "matched", person.id, result.score, result.reason)
        if result.status == "ambiguous":
            return Resolution(name, "ambiguous", None, result.score, result.reason, candidates)
        person = create_person(
            session,
            NewPerson(name=name, origin="source"),
            actor=actor,
            reason=f"name {name!r} matched nobody in the registry ({result.reason})",
            flush=False,  # written with the document's claims, in one INSERT per table
        )
        person.proposed = True
        person.kind = kind
        person.names[0].document_id = document_id
        self.index.add(registry_entry(person))
        self._new[person.id] = person
        return Resolution(name, "new", person.id, 0.0, f"new person: {result.reason}")

    def _person(self, session: Session, person_id: str) -> Person | None:
        """Return a person with names loaded: one proposed here not yet written, else one read."""
        if person_id in self._new:
            person = self._new[person_id]
            if person in session:
                return person
            del self._new[person_id]  # written and let go of: read it again
        return session.get(Person, person_id, options=[joinedload(Person.names)])
