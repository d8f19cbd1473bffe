"""Score one query reading against one registry name form, with a reason or a conflict."""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass
from functools import lru_cache

from rapidfuzz.distance import Indel, Levenshtein

from prisonwatch.names.declension import case_forms
from prisonwatch.names.forms import NameForm
from prisonwatch.names.given import given_names
from prisonwatch.names.keys import cyrillic_key, key_origins
from prisonwatch.names.latin import LABELS
from prisonwatch.names.normalize import script_of_token
from prisonwatch.names.scripts import to_latin
from prisonwatch.names.spelling import frame
from prisonwatch.names.stems import gender_stem
from prisonwatch.names.tokens import Token
from prisonwatch.tunables import tunable


@dataclass(frozen=True, slots=True)
class Verdict:
    """How well a query fits a form: a score, the reason, whether the given name was seen."""

    score: float
    reason: str
    conflict: bool = False
    full: bool = False
    surname_score: float = 0.0
    spare: bool = False  # A query word fit nothing and was taken for another surname.


@dataclass(frozen=True, slots=True)
class Reading:
    """One way to read a query: which token is the surname, which are given and patronymic."""

    surname: Token
    given: tuple[Token, ...]
    patronymic: Token | None
    extra: int = 0
    notes: tuple[str, ...] = ()  # Rules that bent the query before it was read this way.


def surname_similarity(query: Token, form: NameForm) -> tuple[float, str, bool]:
    """Return how alike two surnames are, in what way, and whether a spelling rule explains it.

    A near surname whose difference no known spelling rule explains (spelling.py) is a guess:
    at most ambiguous, never a link on its own.
    """
    reg = form.surname
    if shared := set(query.keys) & set(reg.keys):
        return 1.0, f"surname {query.text} = {reg.text}{_via(query, shared)}", True
    if shared := set(query.keys) & form.case_keys:
        reason = f"surname {query.text} = {reg.text} (Russian case form){_via(query, shared)}"
        return 1.0, reason, True
    if {gender_stem(k) for k in query.keys} & form.stems:
        reason = f"surname {query.text} ~ {reg.text} (other gender form)"
        return tunable("names.gender_form"), reason, True
    best = max(Levenshtein.normalized_similarity(a, b) for a in query.keys for b in reg.keys)
    declined = max(
        (Levenshtein.normalized_similarity(a, b) for a in query.keys for b in form.case_keys),
        default=0.0,
    )
    score, how = (declined, ", Russian case form") if declined > best else (best, "")
    if score < tunable("names.surname_min"):
        return score, f"surname {query.text} ~ {reg.text} ({score:.2f}{how})", False
    frames = {frame(a) for a in query.keys}
    rule = any(frame(b) in frames for b in reg.keys) or any(
        frame(b) in frames for b in form.case_keys
    )
    how += ", same consonants" if rule else ", no spelling rule explains it"
    return score, f"surname {query.text} ~ {reg.text} ({score:.2f}{how})", rule


def _via(query: Token, shared: set[str]) -> str:
    """Return which spelling tradition read the query into a shared key, when not English."""
    origins = key_origins(query.text, query.context)
    names = {origins.get(k, "english") for k in shared}
    if not origins or "english" in names:
        return ""
    return f" ({', '.join(sorted(LABELS[n] for n in names if n in LABELS))})"


def _also_gender_form(query: Token, form: NameForm) -> bool:
    """Return whether a declined surname also reads as the other gender's (Mammadova)."""
    if set(query.keys) & set(form.surname.keys):
        return False
    return bool({gender_stem(k) for k in query.keys} & form.stems)


@lru_cache(maxsize=65536)
def given_case_keys(text: str, gender: str | None) -> frozenset[str]:
    """Return the keys of a registry given name's Russian case forms (Наримана for Nariman).

    Names in the given-name table have theirs there; this serves the names it does not hold.
    """
    morph_gender = {"m": "masc", "f": "femn"}.get(gender or "")
    forms = case_forms(text, "given", morph_gender)
    # A Latin initial e is Cyrillic е or э (Enver/Энвер), as in the given-name table.
    if text.startswith("e"):
        forms += tuple(f"э{f[1:]}" for f in forms if f.startswith("е"))
    return frozenset(cyrillic_key(f) for f in forms)


# The Latin letters a name's first letter may be written with, in any script the matcher reads:
# an initial fits a given name when their sets meet (Я./Ya., Г./H./G., В./V./W.).
_INITIAL_LETTERS = {
    "а": "a", "б": "b", "в": "vw", "г": "ghk", "ґ": "g", "д": "d", "е": "eyj", "ё": "yje",
    "є": "yje", "ж": "zj", "з": "zs", "и": "iy", "і": "iy", "ї": "yji", "й": "yji", "к": "kc",
    "л": "l", "м": "m", "н": "n", "о": "oa", "п": "p", "р": "r", "с": "s", "т": "t", "у": "u",
    "ў": "uw", "ф": "f", "х": "hkc", "ц": "tcz", "ч": "ct", "ш": "s", "щ": "s", "э": "e",
    "ю": "yji", "я": "yji", "v": "vw", "w": "vw", "h": "hg", "g": "gh", "j": "jyi", "y": "yji",
    "i": "iy", "z": "zs", "s": "sz", "c": "ctkz", "k": "kc", "o": "oa", "x": "ks", "q": "qkg",
}  # fmt: skip


def _initials(token: Token) -> set[str]:
    text = token.text
    if script_of_token(text) == "none":
        routed = to_latin(text)
        text = routed[0] if routed else text
    first = text[:1]
    base = unicodedata.normalize("NFD", first)[:1]
    return set(_INITIAL_LETTERS.get(first) or _INITIAL_LETTERS.get(base) or base)


def _spellings(token: Token) -> set[str]:
    table = given_names()
    keys = set(token.keys)
    for group in token.groups:
        keys |= table.keys_by_group.get(group, set())
    return keys


def given_similarity(query: Token, reg: Token) -> tuple[float, str] | None:
    """Return how alike two given names are, or None when they are different names."""
    pair = f"given {query.text} ~ {reg.text}"
    if query.initial or reg.initial:
        if _initials(query) & _initials(reg):
            return tunable("names.initial_score"), f"{pair} (initial)"
        return None
    if query.groups & reg.groups:
        return 1.0, f"{pair} (same name)"
    if shared := set(query.keys) & set(reg.keys):
        return 1.0, f"{pair} (same spelling){_via(query, shared)}"
    if query.groups and reg.groups:
        return None
    if not reg.groups and set(query.keys) & given_case_keys(reg.text, reg.gender):
        return 1.0, f"{pair} (Russian case form)"
    if query.gender and reg.gender and query.gender != reg.gender:
        return None
    # Only one side is in the table here: its other spellings are compared with the other side.
    # Keys more than a letter apart in length are different names, however many letters they
    # share (Ćwirko is no Vera).
    best = max(
        (
            Indel.normalized_similarity(a, b)
            for a in _spellings(query)
            for b in _spellings(reg)
            if abs(len(a) - len(b)) <= 1
        ),
        default=0.0,
    )
    if best >= tunable("names.given_min"):
        return best, f"{pair} (similar spelling {best:.2f})"
    return None


def _patronymic(query: Token, reg: Token) -> tuple[bool, str]:
    if query.initial:
        same = bool(_initials(query) & _initials(reg))
        return same, f"patronymic {query.text}. {'=' if same else '≠'} {reg.text}"
    same = bool(query.patronymic_groups & reg.patronymic_groups) or any(
        Indel.normalized_similarity(a, b) >= tunable("names.given_min")
        for a in query.keys
        for b in reg.keys
    )
    sign = "=" if same else "≠"
    return same, f"patronymic {query.text} {sign} {reg.text}"


def _given(
    reading: Reading, form: NameForm, plain_surname: bool
) -> tuple[float, list[str], bool] | None:
    """Return the given-name score, reasons and whether the query's given names are explained.

    One query word that is no known given name and fits nothing may be another surname (a
    maiden name, a patronymic used as a surname, a name in brackets): it costs a penalty but
    leaves the given names explained.
    """
    if not reading.given:
        return 0.0, ["no given name in the query"], False
    if not form.given:
        return 0.0, ["no given name in the registry"], False
    found: list[tuple[float, str]] = []
    unexplained: list[Token] = []
    for token in reading.given:
        hit = max(
            (s for s in (given_similarity(token, reg) for reg in form.given) if s),
            default=None,
        )
        if hit:
            found.append(hit)
        else:
            unexplained.append(token)
    if not found:
        return None
    best = max(s for s, _ in found)
    score = best - len(unexplained) * tunable("names.extra_token_penalty")
    reasons = [r for _, r in found]
    spare = len(unexplained) == 1 and not unexplained[0].is_given and not unexplained[0].initial
    if spare:
        reasons.append(f"{unexplained[0].text} unexplained (another surname?)")
    if best < tunable("names.given_min"):
        # Initials alone are full evidence only beside an exact surname (Б.Ю. Кагарлицкий).
        initials = not unexplained and all(t.initial for t in reading.given)
        return score, reasons, initials and plain_surname
    return score, reasons, not unexplained or spare


def judge(reading: Reading, form: NameForm) -> Verdict:
    """Score a query reading against a registry form; a different given name is a conflict."""
    s_score, s_reason, s_explained = surname_similarity(reading.surname, form)
    routes = [t.route for t in (reading.surname, *reading.given) if t.route]
    s_reason = "; ".join([*dict.fromkeys(routes), *reading.notes, s_reason])
    if s_score < tunable("names.surname_min"):
        return Verdict(0.0, f"{s_reason}: different surname", conflict=True)
    given = _given(reading, form, s_score == 1.0 and not _also_gender_form(reading.surname, form))
    if given is None:
        q, r = reading.given[0].text, form.given[0].text
        return Verdict(0.0, f"{s_reason}; given {q} ≠ {r}: a different person", conflict=True)
    g_score, g_reasons, g_full = given
    if s_score < 1.0 and g_score < 1.0:
        # A near surname and a near given name together are two guesses, never a link.
        g_full = False
    if not s_explained:
        # A near surname that no spelling rule explains is another family's as often as this
        # one's (Zhukouskaya/Zhukarskaya): it may be shown as ambiguous, never linked.
        g_full = False
    reasons = [s_reason, *g_reasons]
    score = (
        tunable("names.surname_weight") * s_score + (1 - tunable("names.surname_weight")) * g_score
    )
    if reading.patronymic and form.patronymic:
        same, p_reason = _patronymic(reading.patronymic, form.patronymic)
        if not same:
            return Verdict(0.0, f"{'; '.join(reasons)}; {p_reason}", conflict=True)
        reasons.append(p_reason)
        score += tunable("names.patronymic_bonus")
    score -= reading.extra * tunable("names.extra_token_penalty")
    full = g_full
    score = max(0.0, min(1.0, score))
    spare = any(r.endswith("(another surname?)") for r in g_reasons)
    return Verdict(score, "; ".join(reasons), full=full, surname_score=s_score, spare=spare)
