"""Roles read from the words around a name: each rule with an invented positive and negative."""

from __future__ import annotations

import pytest
from sqlalchemy import select
from tests.registry.builders import add_document, event, extraction

from prisonwatch.db.engine import session_scope
from prisonwatch.db.models import Claim, Person
from prisonwatch.registry.propose import propose_extraction
from prisonwatch.registry.resolution import PersonResolver
from prisonwatch.registry.roles import role_from_context
from prisonwatch.settings import Settings


def _hint(text: str, name: str, actor: str | None = None) -> str | None:
    start = text.index(name)
    found = role_from_context(text, start, start + len(name), actor)
    return found.role if found else None


@pytest.mark.parametrize(
    ("text", "name", "role"),
    [
        ("Talks were led by US special envoy John Doel in Minsk.", "John Doel", "negotiator"),
        ("President Anton Vell pardoned the two men.", "Anton Vell", "actor"),
        ("Judge Olga Marr read out the verdict.", "Olga Marr", "judge"),
        ("The mediator Pavel Ruch flew in on Monday.", "Pavel Ruch", "mediator"),
    ],
)
def test_a_title_right_before_a_name_gives_the_role(text: str, name: str, role: str) -> None:
    assert _hint(text, name) == role


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Jailed former president Ivan Dorn was freed.", "Ivan Dorn"),
        ("The envoy met Ihar Sosna in the colony.", "Ihar Sosna"),  # a verb between
        ("Presidential candidate Vera Lam stays in prison.", "Vera Lam"),
        ("The president's critic, Anna Rost, was detained.", "Anna Rost"),
        ("His wife Nina Kost was detained too.", "Nina Kost"),  # family ties are not roles
    ],
)
def test_no_role_without_a_current_title_right_before(text: str, name: str) -> None:
    assert _hint(text, name) is None


def test_the_events_own_actor_is_no_prisoner() -> None:
    text = "Anton Vell pardoned sixteen prisoners on Friday."
    assert _hint(text, "Anton Vell", actor="Anton Vell") == "actor"
    assert _hint(text, "Anton Vell", actor="Belarus") is None


def test_a_president_named_in_a_pardon_is_a_participant(settings: Settings) -> None:
    text = "President Anton Vell pardoned Ihar Sosna on 4 July 2025, his lawyer said."
    with session_scope(settings) as session:
        row = add_document(session, text, published="2025-07-05", url="https://n.example/v")
        found = event(
            text,
            "President Anton Vell pardoned Ihar Sosna on 4 July 2025",
            "pardon",
            date="2025-07-04",
            date_precision="day",
            persons=("Anton Vell", "Ihar Sosna"),
        )
        propose_extraction(
            session, row, extraction(row, [found]), PersonResolver(session), version="t"
        )
    with session_scope(settings, write=False) as session:
        kinds = dict(session.execute(select(Person.primary_name, Person.kind)).all())
        assert kinds == {"Anton Vell": "participant", "Ihar Sosna": "prisoner"}
        links = {
            c.value["name"]: (c.value["role"], c.reason)
            for c in session.scalars(select(Claim).where(Claim.kind == "event_person"))
        }
        assert links["Anton Vell"][0] == "actor"
        assert "'president' stands right before 'Anton Vell'" in links["Anton Vell"][1]
        assert links["Ihar Sosna"][0] == "affected"
