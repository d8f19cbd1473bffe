"""Case endings and particles glued to names, per language, as declared data with examples.

Russian declension of registry names is generated ahead of time (declension.py); the endings here
are the ones no registry form predicts: Azerbaijani and Turkish case suffixes, Georgian and
Armenian case endings, and Slavic endings on names pymorphy3 does not know. A query token is cut
only in a second pass, and the cut counts only when the stem still matches a registry surname well.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache


@dataclass(frozen=True)
class Ending:
    """One ending: the language, the letters cut, what replaces them, and an example."""

    language: str
    suffix: str
    example: tuple[str, str]  # (form with the ending, the name it leaves)
    restore: str = ""  # Letters put back after the cut (a fleeting vowel, a Georgian -ე).


ENDINGS: tuple[Ending, ...] = (
    # Azerbaijani and Turkish: vowel harmony gives each case four spellings, -n- after vowels.
    *(
        Ending("Azerbaijani", suffix, example)
        for suffix, example in (
            ("nın", ("Qasımlının", "Qasımlı")),
            ("nin", ("Əlizadənin", "Əlizadə")),
            ("nun", ("Yaqublunun", "Yaqublu")),
            ("nün", ("Güllünün", "Güllü")),
            ("ın", ("Qasımın", "Qasım")),
            ("in", ("Rəhimovin", "Rəhimov")),
            ("un", ("Hüseynovun", "Hüseynov")),
            ("nı", ("Vaqifqızını", "Vaqifqızı")),
            ("ni", ("Əlizadəni", "Əlizadə")),
            ("nu", ("Yaqublunu", "Yaqublu")),
            ("ya", ("Yaqubluya", "Yaqublu")),
            ("yə", ("Əlizadəyə", "Əlizadə")),
            ("a", ("Məmmədova", "Məmmədov")),
            ("ə", ("Rəhimə", "Rəhim")),
            ("da", ("Qasımlıda", "Qasımlı")),
            ("də", ("Əlizadədə", "Əlizadə")),
            ("dan", ("Qasımlıdan", "Qasımlı")),
            ("dən", ("Əlizadədən", "Əlizadə")),
            ("dır", ("Qasımlıdır", "Qasımlı")),
            ("dir", ("Butkeviçdir", "Butkeviç")),
            ("dur", ("Yaqubludur", "Yaqublu")),
            ("la", ("Qasımla", "Qasım")),
            ("lə", ("Əlizadələ", "Əlizadə")),
        )
    ),
    # Crimean Tatar: the genitive has ñ where Azerbaijani has n (Mustafayevniñ).
    *(
        Ending("Crimean Tatar", suffix, example)
        for suffix, example in (
            ("nıñ", ("Ablaynıñ", "Ablay")),
            ("niñ", ("Mustafayevniñ", "Mustafayev")),
            ("nuñ", ("Qurtnuñ", "Qurt")),
            ("ıñ", ("Qurtıñ", "Qurt")),
            ("iñ", ("Celâliñ", "Celâl")),
        )
    ),
    # Georgian: genitive -ის (the stem's final -ე drops), dative -ს, ergative -მა/-მ,
    # instrumental -ით, and the nominative -ი Georgian adds to foreign names ending in a consonant.
    Ending("Georgian", "ის", ("ბერიძის", "ბერიძე"), "ე"),
    Ending("Georgian", "ის", ("ჰასანლის", "ჰასანლი"), "ი"),
    Ending("Georgian", "ს", ("ჰასანლის", "ჰასანლი")),
    Ending("Georgian", "მა", ("ბუტკევიჩმა", "ბუტკევიჩ")),
    Ending("Georgian", "მ", ("ჰასანლიმ", "ჰასანლი")),
    Ending("Georgian", "ით", ("ბუტკევიჩით", "ბუტკევიჩ")),
    Ending("Georgian", "ი", ("ბუტკევიჩი", "ბუტკევიჩ")),
    # Armenian: dative/accusative -ին, the article -ն after a vowel and -ը, genitive -ի.
    Ending("Armenian", "ին", ("Յաշինին", "Յաշին")),
    Ending("Armenian", "ն", ("Իլյան", "Իլյա")),
    Ending("Armenian", "ը", ("Յաշինը", "Յաշին")),
    Ending("Armenian", "ի", ("Յաշինի", "Յաշին")),
    Ending("Armenian", "ից", ("Յաշինից", "Յաշին")),
    Ending("Armenian", "ով", ("Յաշինով", "Յաշին")),
    # Slavic, in Cyrillic and Latin: oblique endings of a name not in the generated forms; after
    # -к the nominative had a fleeting vowel (Дзядка/Дзядок, Dziadka/Dziadok).
    Ending("Belarusian/Russian", "ка", ("Дзядка", "Дзядок"), "ок"),
    Ending("Belarusian/Russian", "ку", ("Дедку", "Дедок"), "ок"),
    Ending("Belarusian/Russian", "ком", ("Дедком", "Дедок"), "ок"),
    Ending("Belarusian/Russian", "ке", ("Дедке", "Дедок"), "ок"),
    Ending("Belarusian/Russian", "ka", ("Dziadka", "Dziadok"), "ok"),
    Ending("Belarusian/Russian", "ku", ("Dziadku", "Dziadok"), "ok"),
    Ending("Belarusian/Russian", "ца", ("Жданца", "Жданец"), "ец"),
    Ending("Belarusian/Russian", "цу", ("Жданцу", "Жданец"), "ец"),
    Ending("Ukrainian", "ові", ("Коваленкові", "Коваленко"), "о"),
    Ending("Ukrainian", "ові", ("Шевчукові", "Шевчук")),
    Ending("Ukrainian", "нка", ("Єсипенка", "Єсипенко"), "нко"),
    Ending("Ukrainian", "нку", ("Єсипенку", "Єсипенко"), "нко"),
    Ending("Ukrainian", "нком", ("Єсипенком", "Єсипенко"), "нко"),
)
# Latin-script Azerbaijani suffixes only where the stem carries a Turkic letter or the query
# does: a Slavic -a or -in is part of the name (Kalesnikava, Pushkin), not a case.
# An apostrophe before a short ending is how Turkish writes a case on a name (Yaqublu'nun).
_TURKIC = re.compile(r"[əışğçöüqñâ]|'\w{1,4}\b")
MIN_STEM = 3


def _applies(ending: Ending, token: str, turkic: bool) -> bool:
    if ending.language in ("Azerbaijani", "Crimean Tatar"):
        return turkic
    script_test = ending.example[0][-1]
    return (script_test.isascii()) == (token[-1:].isascii())


@lru_cache(maxsize=65536)
def cuts(token: str, turkic: bool = False) -> tuple[tuple[str, str], ...]:
    """Return (stem, note) for each ending that a lower-case token may carry, longest first.

    A double surname also yields each of its parts: the registry may know one (a maiden name).
    """
    out: list[tuple[str, str]] = []
    parts = token.split("-")
    if len(parts) == 2 and all(len(p) >= MIN_STEM for p in parts):
        out += [(part, f"part {part} of the double surname {token}") for part in parts]
    for ending in sorted(ENDINGS, key=lambda e: -len(e.suffix)):
        suffix = ending.suffix.casefold()
        if not token.endswith(suffix) or len(token) - len(suffix) < MIN_STEM:
            continue
        if not _applies(ending, token, turkic or bool(_TURKIC.search(token))):
            continue
        stem = token[: -len(suffix)].rstrip("'") + ending.restore
        note = f"{ending.language} ending -{ending.suffix} removed"
        if ending.restore:
            note += f", -{ending.restore} restored"
        if stem not in (s for s, _ in out):
            out.append((stem, note))
    return tuple(out)


def is_turkic(text: str) -> bool:
    """Return whether a text carries a letter only Turkic Latin alphabets use."""
    return bool(_TURKIC.search(text))
