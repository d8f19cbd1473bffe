"""Invisible characters (zero-width spaces, soft hyphens, direction marks) that split names."""

from __future__ import annotations

import re

# Never visible and never needed in a name or an article's text: zero-width space, word joiner,
# a BOM inside the text, soft hyphen, Mongolian vowel separator, direction marks and embeddings.
_ALWAYS = re.compile("[\u200b\u2060\ufeff\u00ad\u180e\u200e\u200f\u202a-\u202e\u2066-\u2069]")
# Zero-width (non-)joiners shape Arabic, Persian and Indic words; between Latin, Greek or
# Cyrillic letters they only hide a break inside a name.
_JOINERS = re.compile("(?<=[A-Za-z\u00c0-\u024f\u0370-\u03ff\u0400-\u052f])[\u200c\u200d]+")
# Every character either pattern removes: ``in`` tests on a string are memchr-fast (and free
# for a character wider than the string's own), a regex pass over a whole page is not.
_CANDIDATES = tuple(
    "\u200b\u2060\ufeff\u00ad\u180e\u200e\u200f\u200c\u200d"
    + "".join(map(chr, range(0x202A, 0x202F)))
    + "".join(map(chr, range(0x2066, 0x206A)))
)


def strip_invisible(text: str) -> str:
    """Return ``text`` without invisible characters, so 'An\u200bn' and 'Ann' are one name."""
    if text.isascii() or not any(char in text for char in _CANDIDATES):
        return text
    return _JOINERS.sub("", _ALWAYS.sub("", text))
