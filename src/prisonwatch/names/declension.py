"""Russian case forms of registry names, generated ahead of time with pymorphy3.

The Russian press declines names (Колесниковой, Тихановским, Виктора); a registry holds them in
the nominative, often in Belarusian or in Latin letters. Each registry token gets a Russian
spelling guess, which is inflected for its gender in every oblique case.
"""

from __future__ import annotations

import re
from functools import cache, lru_cache
from typing import Any

from prisonwatch.names.latin import latin_readings
from prisonwatch.names.normalize import script_of_token

CASES = ("gent", "datv", "accs", "ablt", "loct")
Rules = tuple[tuple[int, str], ...]

_BE_TO_RU = str.maketrans({"і": "и", "ў": "в", "'": "ъ", "э": "е"})
_CONS = "бвгджзклмнпрстфхцчшщ"
# Latin spellings read back letter by letter: glides and vowels into Russian letters.
_LATIN_FIXES = (
    (re.compile(r"[ыи][иый]а"), "ия"),
    (re.compile(r"(?<=[" + _CONS + r"])иа$"), "ия"),
    (re.compile(r"[иый]а"), "я"),
    (re.compile(r"[иый]у"), "ю"),
    (re.compile(r"(?<=[" + _CONS + r"])[иый]е"), "е"),
    (re.compile(r"(?<=[" + _CONS + r"])[иы]о"), "ё"),
    (re.compile(r"(?<=[аеоуэ])и$"), "й"),
    (re.compile(r"[иы][иы]$"), "ий"),
)
# Belarusian endings against their Russian counterparts (-аў/-ов, -ава/-ова, -скі/-ский).
_ENDINGS = (
    (re.compile(r"(?<=[сцз]к)(?:и|ы|ий|ый)$"), "ий"),
    (re.compile(r"(?<=[сцз]к)ая$"), "ая"),
    (re.compile(r"[ао]в$"), "ов"),
    (re.compile(r"[еэ]в$"), "ев"),
    (re.compile(r"ава$"), "ова"),
    (re.compile(r"(?<=[" + _CONS + r"])ы"), "и"),
)
# Possessive and adjectival surnames decline like these dictionary surnames; pymorphy3's guesser
# reads unknown ones (Сакалов) as plural nouns, so their endings are borrowed from here.
_PROTOTYPES = (
    ("ский", "masc", "достоевский"),
    ("ская", "femn", "достоевская"),
    ("цкий", "masc", "троцкий"),
    ("цкая", "femn", "троцкая"),
    ("ова", "femn", "иванова"),
    ("ева", "femn", "алексеева"),
    ("ёва", "femn", "горбачёва"),
    ("ина", "femn", "пушкина"),
    ("ов", "masc", "иванов"),
    ("ев", "masc", "алексеев"),
    ("ёв", "masc", "горбачёв"),
    ("ин", "masc", "пушкин"),
    ("ич", "masc", "шушкевич"),
    ("ук", "masc", "ковальчук"),
    # A fleeting vowel drops in the oblique cases (Дедок/Дедка, Жданец/Жданца), as in these nouns.
    ("ок", "masc", "щенок"),
    ("ец", "masc", "молодец"),
)


@cache
def _morph() -> Any:
    import pymorphy3

    return pymorphy3.MorphAnalyzer()


def russian_guess(token: str) -> str:
    """Return a Russian Cyrillic spelling guess for one lower-case token."""
    script = script_of_token(token)
    if script == "latin":
        guess = latin_readings(token)[0].replace("ь", "").translate(_BE_TO_RU)
        for pattern, repl in _LATIN_FIXES:
            guess = pattern.sub(repl, guess)
        guess = re.sub(r"(?<=[аеоуэ])ў(?=[" + _CONS + r"]|$)", "в", guess)
    elif script == "cyrillic":
        guess = token
    else:
        return ""
    guess = guess.translate(_BE_TO_RU).replace("ъ", "")
    for pattern, repl in _ENDINGS:
        guess = pattern.sub(repl, guess)
    return guess


def _pick(parses: list[Any], want: str, gender: str) -> Any | None:
    fallback = None
    for parse in parses:
        tag = parse.tag
        if tag.case != "nomn" or tag.number == "plur":
            continue
        if tag.gender != gender and "ms-f" not in tag:
            continue
        if tag.POS != "NOUN" or "Patr" in tag:
            continue
        if want in tag:
            return parse
        if fallback is None and "anim" in tag:
            fallback = parse
    return fallback


@lru_cache(maxsize=65536)
def _rules_for(word: str, want: str, gender: str) -> Rules:
    parse = _pick(_morph().parse(word), want, gender)
    if parse is None or "Fixd" in parse.tag:
        return ()
    rules: list[tuple[int, str]] = []
    for case in CASES:
        form = parse.inflect({case})
        if form is None:
            continue
        common = 0
        while common < min(len(word), len(form.word)) and word[common] == form.word[common]:
            common += 1
        rule = (len(word) - common, form.word[common:])
        if rule != (0, "") and rule not in rules:
            rules.append(rule)
    return tuple(rules)


# pymorphy3 guesses an unknown word's paradigm from its last letters (at most five), so rules
# found for one unknown word serve every unknown word that ends alike: a 100,000-name registry
# asks pymorphy3 once per ending, not once per name.
_GUESS_SUFFIX = 5
_guessed: dict[tuple[str, str, str], Rules] = {}


def _paradigm(word: str, role: str, gender: str) -> Rules:
    """Return how a nominative becomes each oblique case: (cut, add) pairs."""
    if role == "surname":
        for suffix, proto_gender, prototype in _PROTOTYPES:
            if word.endswith(suffix) and gender == proto_gender:
                return _rules_for(prototype, "Surn", gender)
        if gender == "femn" and word[-1] in _CONS:
            return ()  # A woman's surname ending in a consonant does not decline (Адамович).
    want = "Surn" if role == "surname" else "Name"
    if _morph().word_is_known(word):
        return _rules_for(word, want, gender)
    key = (word[-_GUESS_SUFFIX:], want, gender)
    rules = _guessed.get(key)
    if rules is None:
        rules = _guessed[key] = _rules_for(word, want, gender) or _hard_stem(word, gender)
    return rules


def _hard_stem(word: str, gender: str) -> Rules:
    """Return the endings of a man's name on a hard consonant that pymorphy3 misreads (Джелял).

    It declines as the dictionary surname with the same kind of last consonant: after a hushing
    consonant or ц like Шушкевич (-ем), after any other like Ковальчук (-ом).
    """
    if gender != "masc" or word[-1] not in _CONS:
        return ()
    prototype = "шушкевич" if word[-1] in "жшчщц" else "ковальчук"
    return _rules_for(prototype, "Surn", gender)


@lru_cache(maxsize=65536)
def case_forms(token: str, role: str, gender: str | None) -> tuple[str, ...]:
    """Return the Russian oblique case forms of a registry token (role: surname or given)."""
    guess = russian_guess(token)
    if len(guess) < 3:
        return ()
    forms: list[str] = []
    for g in (gender,) if gender else ("masc", "femn"):
        for cut, add in _paradigm(guess, role, g):
            form = (guess[:-cut] if cut else guess) + add
            if form not in forms:
                forms.append(form)
    return tuple(forms)
