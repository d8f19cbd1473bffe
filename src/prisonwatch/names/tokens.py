"""What is known about one name token: its keys, given-name groups, gender and shape."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from prisonwatch.names.given import given_names
from prisonwatch.names.keys import fine_keys, skeleton_of_key
from prisonwatch.names.normalize import script_of_token
from prisonwatch.names.scripts import to_latin

_PATRONYMIC_M = re.compile(r"[AI]vIC$")
_PATRONYMIC_F = re.compile(r"(?:AU|U|IC)nA$")
_PATRONYMIC_END = re.compile(r"(?:[AI]vIC|AUnA|UnA|ICnA)$")
MAX_TOKEN = 40


@dataclass(frozen=True, slots=True)
class Token:
    """One normalized token with its keys and what the given-name table says of it."""

    text: str
    keys: tuple[str, ...]
    skeletons: tuple[str, ...]
    groups: frozenset[str]
    gender: str | None
    initial: bool
    patronymic: str | None
    patronymic_groups: frozenset[str]
    route: str = ""  # How a token of another script reached Latin ("Georgian → Latin (ICU)").
    context: tuple[str, ...] = ()  # Readings the rest of the name called for.

    def __reduce__(self) -> tuple[type[Token], tuple[object, ...]]:
        """Pickle as a plain tuple of fields: far faster to load than dataclass state."""
        return (Token, tuple(getattr(self, f) for f in self.__slots__))

    @property
    def is_given(self) -> bool:
        """Whether the token is a known given name."""
        return bool(self.groups)


def _gender(groups: frozenset[str], keys: tuple[str, ...]) -> str | None:
    table = given_names()
    genders = {table.gender[g] for g in groups}
    if len(genders) == 1:
        return genders.pop()
    if groups or not keys:
        return None
    return "f" if keys[0].endswith("A") else "m"


def _patronymic(keys: tuple[str, ...]) -> tuple[str | None, frozenset[str]]:
    for key in keys:
        if len(key) < 6:
            continue
        kind = "m" if _PATRONYMIC_M.search(key) else "f" if _PATRONYMIC_F.search(key) else None
        if kind:
            stem = _PATRONYMIC_END.sub("", key)
            groups = given_names().groups((stem, stem + "I", stem + "A"))
            return kind, groups
    return None, frozenset()


def _route(text: str) -> str:
    if script_of_token(text) != "none":
        return ""
    routed = to_latin(text)
    return routed[1] if routed else ""


@lru_cache(maxsize=200_000)
def token_info(text: str, context: tuple[str, ...] = ()) -> Token:
    """Return what is known about one normalized token, read in the name's ``context``."""
    keys = fine_keys(text[:MAX_TOKEN], context)
    groups = given_names().groups(keys) if keys else frozenset()
    patronymic, patronymic_groups = _patronymic(keys)
    return Token(
        text=text,
        keys=keys,
        skeletons=tuple(dict.fromkeys(skeleton_of_key(k) for k in keys)),
        groups=groups,
        gender=_gender(groups, keys),
        initial=len(text) == 1,
        patronymic=patronymic,
        patronymic_groups=patronymic_groups,
        route=_route(text),
        context=context,
    )
