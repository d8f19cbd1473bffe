"""Unicode, case, stress-mark, apostrophe and hyphen normalization, and script per token."""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache
from typing import Literal

Script = Literal["latin", "cyrillic", "mixed", "none"]

# Combining marks that only show stress in Cyrillic dictionaries and news (Мари́я).
_STRESS = {"\u0301", "\u0300"}
_APOSTROPHES = str.maketrans(dict.fromkeys("’‘ʼʹ`´′ʻ", "'") | dict.fromkeys("ʺ″", '"'))
_HYPHENS = str.maketrans(dict.fromkeys("‐‑‒–—―\u00ad", "-"))
_SPACED_DASH = re.compile(r"(?<=\w) +- +(?=\w)")
# Anything that is not a letter, an apostrophe or a hyphen separates tokens.
_SPLIT = re.compile(r"[^\w'\"-]+|[\d_]+")
_TITLES = frozenset(
    {"mr", "mrs", "ms", "miss", "dr", "prof", "sir", "pan", "pani", "herr", "frau", "господин"}
    | {"госпожа", "гражданин", "гражданка", "спадар", "спадарыня", "пан", "пані", "г-н", "г-жа"}
    # Generational suffixes tell father from son, but are no part of the name to match.
    | {"jr", "sr", "junior", "senior", "младший", "старший", "мл", "ст", "малодшы", "старэйшы"}
)
# Patronymic particles written apart from the father's name (Vagif gizi, Ali oğlu, Ильхам оглы)
# join it, so that the patronymic is one token as in the registry's Vagifgizi.
_PARTICLES = frozenset(
    {"oglu", "oğlu", "ogly", "ogli", "оглы", "оглу", "gizi", "qızı", "qizi", "kyzy", "кызы"}
    | {"гызы", "kızı", "uulu", "уулу"}
)


def _strip_stress(text: str) -> str:
    decomposed = unicodedata.normalize("NFD", text)
    out: list[str] = []
    for char in decomposed:
        if char in _STRESS and out and "\u0400" <= out[-1] <= "\u04ff":
            continue
        out.append(char)
    return unicodedata.normalize("NFC", "".join(out))


def normalize_name(text: str) -> str:
    """Return ``text`` in NFC, lower case, without stress marks, with one apostrophe and hyphen."""
    text = _strip_stress(unicodedata.normalize("NFKC", text))
    text = text.translate(_APOSTROPHES).translate(_HYPHENS).casefold()
    # A dash set off by spaces inside a name joins its parts (Kavalenka – Shauchuk).
    text = _SPACED_DASH.sub("-", text)
    return " ".join(text.split())


def drop_lowercase_words(text: str) -> str:
    """Drop the words that start in lower case from a name that has capitals elsewhere.

    In "Rashad Mammadlinin qardaşı" the lower-case word is text around the name, not part of
    it; patronymic particles (gizi, oglu) stay. A name written all in lower case keeps every word.
    """
    words = text.split()
    if not any(c.isupper() for c in text):
        return text
    kept = [
        w
        for w in words
        # A word with a capital anywhere is a name's (al-Hamid, d'Artagnan, McLean).
        if any(c.isupper() for c in w) or not w[:1].islower() or w.casefold() in _PARTICLES
    ]
    return " ".join(kept)


def tokens(text: str) -> list[str]:
    """Split a normalized name into word tokens, dropping digits, symbols and titles."""
    out: list[str] = []
    for raw in _SPLIT.split(text):
        token = raw.strip("'\"-")
        if token in _PARTICLES and out:
            out[-1] += token
        elif token and any(c.isalpha() for c in token) and token not in _TITLES:
            out.append(token)
    return out


@lru_cache(maxsize=65536)
def script_of_token(token: str) -> Script:
    """Return the writing system of one token: latin, cyrillic, mixed or none."""
    cyr = lat = False
    for char in token:
        if "\u0400" <= char <= "\u04ff":
            cyr = True
        elif char.isalpha() and (char.isascii() or "\u00c0" <= char <= "\u024f"):
            lat = True
    if cyr and lat:
        return "mixed"
    return "cyrillic" if cyr else "latin" if lat else "none"
