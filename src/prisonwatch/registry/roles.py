"""The part a named person plays in an event when it is not the prisoner's: declared words.

The extractor names people in events; a name that carries an office or a family tie just before
it ("President …", "envoy …", "Judge …", "his wife …"), or that is the event's own actor, is a
participant in that role, never a prisoner. Each rule holds an invented example (tests).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

# The word right before a name -> the role it gives. Examples: "US envoy John Doel"
# (negotiator), "President Anton Vell" (actor), "Judge Olga Marr" (judge). Family ties are left
# out on purpose: "his wife Nina Kost was detained too" names a prisoner.
TITLE_ROLES = {
    "president": "actor",
    "dictator": "actor",
    "minister": "actor",
    "envoy": "negotiator",
    "emissary": "negotiator",
    "negotiator": "negotiator",
    "mediator": "mediator",
    "ambassador": "negotiator",
    "judge": "judge",
    "prosecutor": "judge",
}
# Words that make a title someone's past or hope, not their office now: a "former president" or
# a "presidential candidate" may well be a prisoner ("jailed former minister Ivan Dorn").
NOT_NOW = {"former", "ex", "ex-", "jailed", "imprisoned", "detained", "candidate", "hopeful"}
_WORD = re.compile(r"[^\W\d_][\w'’-]*\.?", re.UNICODE)
# The title must stand right before the name; the two words before it may say "former".
REACH = 3


@dataclass(frozen=True)
class RoleHint:
    """A role read from the words around a name, with the reason."""

    role: str
    reason: str


def _words_before(text: str, start: int) -> list[str]:
    window = text[max(0, start - 80) : start]
    # A sentence or clause boundary ends the reach: "…freed. President Vell said" is fine,
    # "the president's critic, Anna Rost" is not read as a title of Anna Rost.
    window = re.split(r"[.;:!?,()\n]", window)[-1]
    return [w.casefold().rstrip(".") for w in _WORD.findall(window)][-REACH:]


def role_from_context(text: str, start: int, end: int, actor: str | None) -> RoleHint | None:
    """Return the non-prisoner role the words around a mention give it, or None."""
    name = text[start:end]
    if actor and name and (name in actor or actor in name) and len(actor) > 3:
        return RoleHint("actor", f"{name!r} is the event's actor")
    words = _words_before(text, start)
    if not words or any(w in NOT_NOW for w in words[:-1]):
        return None
    role = TITLE_ROLES.get(words[-1])
    if role is None:
        return None
    return RoleHint(role, f"{words[-1]!r} stands right before {name!r}")
