"""Which East Slavic language a Cyrillic token is written in, from its letters."""

from __future__ import annotations

_BE = set("іўэ'")
_RU = set("иъщ")
_UK = set("єїґ")


def cyrillic_language(token: str) -> str | None:
    """Return ``be``, ``ru``, ``uk`` or None when the letters do not tell."""
    letters = set(token.casefold())
    if letters & _UK or ("і" in letters and "и" in letters):
        return "uk"
    if letters & _BE and not letters & _RU:
        return "be"
    if letters & _RU:
        return "ru"
    return None
