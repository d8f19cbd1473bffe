"""A name split into given names, patronymic and surname, with the surname's keyed forms."""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from prisonwatch.names.declension import case_forms
from prisonwatch.names.keys import cyrillic_key, skeleton_of_key
from prisonwatch.names.latin import query_context
from prisonwatch.names.normalize import normalize_name, tokens
from prisonwatch.names.stems import gender_stem
from prisonwatch.names.tokens import Token, token_info


@dataclass(frozen=True, slots=True)
class NameForm:
    """One reading of a registry name, expanded into every key a mention may reach it by."""

    person: int
    text: str
    given: tuple[Token, ...]
    patronymic: Token | None
    surname: Token
    case_keys: frozenset[str]
    stems: frozenset[str]
    skeletons: frozenset[str]

    def __reduce__(self) -> tuple[type[NameForm], tuple[object, ...]]:
        """Pickle as a plain tuple of fields: far faster to load than dataclass state."""
        return (NameForm, tuple(getattr(self, f) for f in self.__slots__))


def name_tokens(text: str, *, in_context: bool = False) -> list[Token]:
    """Return the tokens of a name that carry a key; ``in_context``: read as the whole name asks."""
    normal = normalize_name(text)
    context = query_context(normal) if in_context else ()
    found = (token_info(t, context) for t in tokens(normal))
    return [t for t in found if t.keys]


def _gender(given: tuple[Token, ...], surname: Token) -> str | None:
    for token in given:
        if token.groups and token.gender:
            return "masc" if token.gender == "m" else "femn"
    return None


def make_form(person: int, text: str, given: tuple[Token, ...], patronymic: Token | None,
              surname: Token) -> NameForm:  # fmt: skip
    """Expand one reading of a name: Russian case forms and gender stems of its surname."""
    case_keys, stems, skeletons = _surname_keys(surname, _gender(given, surname))
    return NameForm(person, text, given, patronymic, surname, case_keys, stems, skeletons)


@lru_cache(maxsize=200_000)
def _surname_keys(
    surname: Token, gender: str | None
) -> tuple[frozenset[str], frozenset[str], frozenset[str]]:
    """Return a surname's case-form keys, gender stems and look-up skeletons."""
    declined = case_forms(surname.text, "surname", gender)
    case_keys = frozenset(cyrillic_key(f) for f in declined) - set(surname.keys)
    stems = frozenset(gender_stem(k) for k in surname.keys)
    skeletons = frozenset(surname.skeletons) | {skeleton_of_key(k) for k in case_keys}
    return case_keys, stems, skeletons


def registry_readings(person: int, text: str, *, given: tuple[Token, ...] = ()) -> list[NameForm]:
    """Split a registry name into its likely readings (two when the order cannot be told)."""
    toks = name_tokens(text)
    if not toks:
        return []
    if len(toks) == 1:
        return [make_form(person, text, given, None, toks[0])]
    patronymic = None
    if len(toks) >= 3:
        for i in (1, len(toks) - 1):
            if toks[i].patronymic and not toks[i].is_given:
                patronymic = toks.pop(i)
                break
    if "," in text.split()[0] or (not toks[0].is_given and toks[-1].is_given):
        toks = toks[1:] + toks[:1]
    forms = [make_form(person, text, tuple(toks[:-1]), patronymic, toks[-1])]
    if len(toks) == 2 and not toks[0].is_given and not toks[1].is_given:
        forms.append(make_form(person, text, (toks[1],), patronymic, toks[0]))
    return forms
