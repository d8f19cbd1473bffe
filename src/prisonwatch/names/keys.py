"""Script-free keys for one name token, so that the spellings of one name meet.

The fine key keeps vowel classes (a/o, e/i/y, u) and is what scores are computed on; the skeleton
drops vowels and is what candidates are looked up by. Both merge the differences that
transliteration and the Belarusian/Russian forms of a name bring (Калеснікава/Колесникова,
Ціханоўскі/Тихановский, Бабарыка/Бабарико).
"""

from __future__ import annotations

import re
from functools import lru_cache

from prisonwatch.names.latin import latin_readings, reading_names
from prisonwatch.names.normalize import script_of_token
from prisonwatch.names.scripts import to_latin

_FINE = str.maketrans({
    "а": "A", "о": "A", "е": "I", "э": "I", "і": "I", "и": "I", "ы": "I", "й": "I", "ї": "I",
    "є": "I", "ё": "IA", "ю": "IU", "я": "IA", "у": "U", "ў": "U", "б": "b", "в": "v", "г": "g",
    "ґ": "g", "д": "d", "ж": "Z", "з": "z", "к": "k", "л": "l", "м": "m", "н": "n", "п": "p",
    "р": "r", "с": "s", "т": "t", "ф": "f", "х": "x", "ц": "c", "ч": "C", "ш": "S", "щ": "S",
    "ь": "", "ъ": "", "-": "",
})  # fmt: skip
# Belarusian ць/дзь correspond to Russian ть/дь (Ціханоўскі/Тихановский, Дзяніс/Денис).
_SOFT_C = re.compile(r"ц(?=[ьіиеёюяй])")
_SOFT_DZ = re.compile(r"дз(?=[ьіиеёюяй])")
# в or ў after a vowel and before a consonant or the end is one sound in both languages.
_V_CODA = re.compile(r"(?<=[AIU])v(?![AIU])")
# A word-initial iotated vowel keeps its glide, so that Egor/Yegor and Igor stay apart.
_IOTATED_START = set("еёюяє")
_VOWEL_RUN = re.compile(r"[AIU]{2,}")
_DOUBLE = re.compile(r"([a-zA-Z])\1+")
_VOWELS = re.compile(r"[AIU]")
_HOMOGLYPH_TO_CYR = str.maketrans("AaBCcEeHIiKkMOoPpTXxYy", "АаВСсЕеНІіКкМОоРрТХхУу")
_HOMOGLYPH_TO_LAT = str.maketrans("АаВСсЕеНІіКкМОоРрТХхУу", "AaBCcEeHIiKkMOoPpTXxYy")


def _collapse_run(match: re.Match[str]) -> str:
    return _collapse(match.group(0))


@lru_cache(maxsize=4096)
def _collapse(run: str) -> str:
    # An i-class vowel before another vowel is a glide (Maryia, Siarhiej, Darʺya).
    kept = "".join(c for i, c in enumerate(run) if c != "I" or i == len(run) - 1)
    return _DOUBLE.sub(r"\1", kept) or "I"


@lru_cache(maxsize=200_000)
def cyrillic_key(cyr: str) -> str:
    """Return the fine key of a lower-case Cyrillic token."""
    cyr = _SOFT_DZ.sub("д", _SOFT_C.sub("т", cyr.replace("тс", "ц").replace("'", "")))
    key = cyr.translate(_FINE)
    if cyr[:1] in _IOTATED_START:
        key = "j" + key
    key = _V_CODA.sub("U", key)
    key = _VOWEL_RUN.sub(_collapse_run, key)
    return _DOUBLE.sub(r"\1", "".join(c for c in key if c.isascii()))


def _unmix(token: str) -> str:
    """Bring a token written in two scripts into the one most of its letters are in."""
    cyr = sum("\u0400" <= c <= "\u04ff" for c in token)
    lat = sum(c.isascii() and c.isalpha() for c in token)
    if cyr >= lat:
        token = token.translate(_HOMOGLYPH_TO_CYR)
        return "".join(latin_readings(c)[0] if c.isascii() else c for c in token)
    from prisonwatch.names.translit import passport_by

    token = token.translate(_HOMOGLYPH_TO_LAT)
    return "".join(passport_by(c) if "\u0400" <= c <= "\u04ff" else c for c in token)


@lru_cache(maxsize=200_000)
def fine_keys(token: str, context: tuple[str, ...] = ()) -> tuple[str, ...]:
    """Return the fine keys of one token (one per plausible reading), best guess first."""
    script = script_of_token(token)
    if script == "mixed":
        token = _unmix(token)
        script = script_of_token(token)
    token = token.casefold()
    if script == "none":
        routed = to_latin(token)
        if routed is None:
            return ()
        token, script = routed[0], "latin"
    if script == "cyrillic":
        readings: tuple[str, ...] = (token,)
    elif script == "latin":
        readings = latin_readings(token, context)
    else:
        return ()
    keys: list[str] = []
    for reading in readings:
        key = cyrillic_key(reading)
        if key and key not in keys:
            keys.append(key)
    return tuple(keys)


@lru_cache(maxsize=65536)
def key_origins(token: str, context: tuple[str, ...] = ()) -> dict[str, str]:
    """Return each fine key of a Latin (or routed) token with the spelling tradition behind it."""
    if script_of_token(token) == "none":
        routed = to_latin(token)
        token = routed[0] if routed else token
    if script_of_token(token) != "latin":
        return {}
    origins: dict[str, str] = {}
    for reading, name in reading_names(token.casefold(), context).items():
        origins.setdefault(cyrillic_key(reading), name)
    return origins


def skeleton_of_key(key: str) -> str:
    """Return the consonant skeleton of a fine key."""
    return _VOWELS.sub("", key) or key[:1]


def skeleton(token: str) -> str:
    """Return the script-free skeleton key of one token (its first reading)."""
    keys = fine_keys(token)
    return skeleton_of_key(keys[0]) if keys else ""


@lru_cache(maxsize=200_000)
def deletions(skel: str) -> frozenset[str]:
    """Return the skeletons one deleted letter away, for one-edit look-ups."""
    return frozenset(skel[:i] + skel[i + 1 :] for i in range(len(skel)))
