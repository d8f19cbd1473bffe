"""Read a Latin-script name token back into Cyrillic sounds, once per spelling tradition.

A Latin spelling does not say which system wrote it: "ch" is ч in English and х in Polish,
German, Dutch and Łacinka; "z" is ц in German. Each reading gives one guess; keys are built from
all of them, and a match needs only one to agree.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

# Letters whose sound does not depend on the tradition (Łacinka, Polish, ISO 9, Czech).
_DIACRITICS = {
    "č": "ч", "ć": "ць", "ĉ": "ч", "š": "ш", "ś": "сь", "ŝ": "щ", "ž": "ж", "ź": "зь", "ż": "ж",
    "ĵ": "ж", "ŭ": "ў", "ǔ": "ў", "ł": "л", "ĺ": "ль", "ń": "нь", "ë": "ё", "è": "э", "ì": "і",
    "û": "ю", "â": "я", "ĥ": "х", "ó": "о", "ę": "е", "ą": "о", "ė": "э", "é": "е", "á": "а",
    "í": "і", "ú": "у", "ý": "ы", "ö": "ё", "ü": "ю", "ä": "е", "ß": "с", "ř": "рж", "ě": "е",
    "ş": "ш", "ș": "ш", "ç": "ч", "ğ": "г", "ı": "ы", "ə": "а", "ţ": "ц", "ț": "ц", "ñ": "нь",
    "'": "ь", '"': "ъ", "-": "-",
}  # fmt: skip
_LETTERS = {
    "a": "а", "b": "б", "c": "ц", "d": "д", "e": "е", "f": "ф", "g": "г", "h": "г", "i": "і",
    "j": "й", "k": "к", "l": "л", "m": "м", "n": "н", "o": "о", "p": "п", "q": "к", "r": "р",
    "s": "с", "t": "т", "u": "у", "v": "в", "w": "в", "x": "кс", "y": "ы", "z": "з",
}  # fmt: skip
_COMMON = {
    "shch": "щ", "dzh": "дж", "zh": "ж", "kh": "х", "sh": "ш", "ts": "ц", "tz": "ц", "dz": "дз",
    "ph": "ф", "th": "т", "qu": "кв",
}  # fmt: skip
READINGS: dict[str, dict[str, str]] = {
    "english": _COMMON | {"ch": "ч"},
    "slavic": _COMMON | {"ch": "х", "cz": "ч", "sz": "ш", "rz": "ж", "szcz": "щ", "dż": "дж"},
    "german": _COMMON | {"ch": "х", "sch": "ш", "tsch": "ч", "schtsch": "щ", "z": "ц"},
    # German writes ж as sch too (Schenja, Schukow).
    "german_zh": _COMMON | {"ch": "х", "sch": "ж", "tsch": "ч", "z": "ц"},
    # English j is дж (Jamal, Sevinj), where Slavic and German j is a glide.
    "english_j": _COMMON | {"ch": "ч", "j": "дж"},
    # French: ch is ш, j is ж, ou is у, a final e is silent (Ivachyne, Jouk).
    "french": _COMMON | {"ch": "ш", "j": "ж", "ou": "у", "e$": ""},
    # Azerbaijani and Turkish Latin: c is дж, ç ч, ş ш, ğ г, ı ы, ə а, q г, x х, j ж.
    # (q before u too: Yaqublu).
    "turkic": {k: v for k, v in _COMMON.items() if k != "qu"}
    | {"c": "дж", "j": "ж", "q": "г", "x": "х", "y": "й", "ü": "у", "ö": "о"},
    # Russian writes Azerbaijani q as к as often as г (Quliyev/Кулиев, Yaqublu/Ягублу).
    "turkic_k": {k: v for k, v in _COMMON.items() if k != "qu"}
    | {"c": "дж", "j": "ж", "q": "к", "x": "х", "y": "й", "ü": "у", "ö": "о"},
    # German writes з as s and с as ss or s (Sinaida Sinowjewa, Sasonow): every s as з, or only
    # an s between vowels (german_sv); both only in a German name.
    "german_s": _COMMON | {"ch": "х", "sch": "ш", "tsch": "ч", "z": "ц", "ss": "с", "s": "з"},
    "german_sv": _COMMON | {"ch": "х", "sch": "ш", "tsch": "ч", "z": "ц", "ss": "с"},
}
# Letters a reading rewrites before its table: German s between vowels is з.
_BEFORE = {"german_sv": (re.compile(r"(?<=[aeiouy])s(?=[aeiouy])"), "з")}
# Readings a whole name calls for, from any of its words: a Turkic letter anywhere makes every
# word Turkic (Sevinc Vaqifqızı), a German spelling anywhere every word German.
_CONTEXTS = {
    "turkic": re.compile(r"[əışğñq]"),
    "german_s": re.compile(r"sch|w|tz|ss"),
    "german_sv": re.compile(r"sch|w|tz|ss"),
}
# A reading other than English is worth trying only where one of its spellings occurs.
_TRIGGERS: dict[str, tuple[str, ...]] = {
    "slavic": ("ch", "cz", "sz", "rz"),
    "german": ("ch", "z"),
    "german_zh": ("sch",),
}
_TRIGGER_PATTERNS = {
    # English j: at the start before a vowel, or after a consonant at the end (Jalal, Sevinj).
    "english_j": re.compile(r"^j[aeiou]|[^aeiouy]j$"),
    # Letters only Turkic alphabets use (q too), or a c before a vowel (Celal).
    "turkic": re.compile(r"[əışğçñâq]|c(?=[aeəiıouâ])"),
    "turkic_k": re.compile(r"q"),
    # A silent final e after a consonant, or ou inside a word, French style (Ivachyne, Joukov).
    "french": re.compile(r"[^aeiouy]e$|ou(?!$)"),
}


def _compile(table: dict[str, str]) -> re.Pattern[str]:
    keys = sorted(table, key=len, reverse=True)
    return re.compile("|".join(re.escape(k[:-1]) + "$" if k.endswith("$") else re.escape(k)
                               for k in keys))  # fmt: skip


_PATTERNS = {name: _compile(table) for name, table in READINGS.items()}


def _read(token: str, reading: str) -> str:
    table = READINGS[reading]
    if reading in _BEFORE:
        pattern, repl = _BEFORE[reading]
        token = pattern.sub(repl, token)
    text = _PATTERNS[reading].sub(
        lambda m: table.get(m.group(0)) or table.get(m.group(0) + "$", ""), token
    )
    out = []
    for char in text:
        out.append(
            _DIACRITICS.get(char)
            or _LETTERS.get(char)
            or (char if char >= "\u0400" else "")
            # Another accented letter reads as its base letter (à, ō, ů).
            or _LETTERS.get(unicodedata.normalize("NFD", char)[0], "")
        )
    cyr = "".join(out)
    # A Latin u after a vowel is Belarusian ў (Tsikhanouski), a y or j before a vowel a glide.
    cyr = re.sub(r"(?<=[аеёоуэюя])у", "ў", cyr)
    cyr = re.sub(r"ы(?=[аеёоуэ])|(?<=[аеёіиоуыэюя])ы", "й", cyr)
    # Word-initial ya/ye/yu/yo (also ia, ja) is one iotated letter: Yegor is not Igor.
    return _INITIAL_IOTATED.sub(lambda m: _IOTATED[m.group(1)], cyr)


_IOTATED = {"а": "я", "е": "е", "э": "е", "о": "ё", "у": "ю"}
_INITIAL_IOTATED = re.compile(r"^[йі]([аеэоу])")


def query_context(text: str) -> tuple[str, ...]:
    """Return the readings a whole lower-case name calls for in every one of its Latin words."""
    return tuple(name for name, pattern in _CONTEXTS.items() if pattern.search(text))


# How a reason names the spelling tradition that bridged two spellings.
LABELS = {
    "slavic": "Polish/Łacinka spelling",
    "german": "German spelling",
    "german_zh": "German sch as ж",
    "german_s": "German s as з",
    "german_sv": "German s as з",
    "english_j": "English j as дж",
    "french": "French spelling",
    "turkic": "Azerbaijani/Turkish Latin",
    "turkic_k": "Azerbaijani/Turkish Latin, q as к",
}


@lru_cache(maxsize=65536)
def reading_names(token: str, context: tuple[str, ...] = ()) -> dict[str, str]:
    """Return each Cyrillic reading of a Latin token with the tradition that first gave it."""
    found = {_read(token, "english"): "english"}
    for name in READINGS:
        if name in context or _triggered(name, token):
            found.setdefault(_read(token, name), name)
    return found


def _triggered(name: str, token: str) -> bool:
    pattern = _TRIGGER_PATTERNS.get(name)
    return any(t in token for t in _TRIGGERS.get(name, ())) or bool(
        pattern and pattern.search(token)
    )


@lru_cache(maxsize=65536)
def latin_readings(token: str, context: tuple[str, ...] = ()) -> tuple[str, ...]:
    """Return the distinct Cyrillic readings of one lower-case Latin token.

    ``context`` names readings the rest of the name calls for (query_context).
    """
    readings = list(reading_names(token, context))
    if token.startswith("e"):
        # A Latin initial e is Cyrillic е (Elena, Egor) or э (Eduard).
        readings += [f"э{r[1:]}" for r in readings if r.startswith("е")]
    return tuple(readings)
