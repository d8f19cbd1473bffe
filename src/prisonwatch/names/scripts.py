"""Scripts outside Latin and Cyrillic into Latin through ICU transforms, with declared fixes.

The Slavic layer reads Latin and Cyrillic; a name in Georgian, Armenian, Greek, Arabic or Hebrew
letters is first brought into Latin by ICU's maintained transform for that script, then into the
Latin spelling the Slavic layer reads (a Georgian ჯ is ICU's j but sounds as English j).
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import cache, lru_cache
from typing import Any


@dataclass(frozen=True)
class Route:
    """How one script reaches Latin: the ICU transform and fixes applied after it."""

    script: str
    transform: str
    fixes: tuple[tuple[str, str], ...]
    example: tuple[str, str]


# Each fix is a regular expression and its replacement on ICU's output, with an example pair
# (native, Latin the Slavic layer reads) that tests/names/test_scripts.py holds.
ROUTES: dict[str, Route] = {
    route.script: route
    for route in (
        Route(
            "Georgian",
            "Georgian-Latin",
            # Ejective marks carry no sound the other scripts write; ჯ is English j (dzh).
            (("ʼ", ""), ("j", "dzh")),
            ("ჯამალ ბერიძე", "dzhamal beridze"),
        ),
        Route("Armenian", "Armenian-Latin", (("ʼ", ""),), ("Արմեն Կարապետյան", "armen karapetyan")),
        Route(
            "Greek",
            "Greek-Latin/UNGEGN",
            # Greek ου is u, γι before a vowel is y, μπ is b (Greek has no letter for b).
            (("ou", "u"), (r"gi(?=[aeo])", "y"), (r"^mp", "b")),
            ("Νίκος Μπουτάγιεφ", "nikos butayef"),
        ),
        Route(
            "Arabic",
            "Arabic-Latin",
            # Arabic writes Slavic ч as ت+ش, and its long vowels as w/y between consonants.
            (
                ("tsh", "ch"),
                (r"(?<=[^aeiouwy])w(?=[^aeiouwy]|$)", "u"),
                (r"(?<=[^aeiouwy])y(?=[^aeiouwy]|$)", "i"),
                (r"^y(?=[^aeiouwy])", "i"),
                (r"^w(?=[^aeiouwy])", "u"),
            ),
            ("أندري تكاتشينكو", "andri tkachinku"),
        ),
        Route("Hebrew", "Hebrew-Latin", (("ʼ", ""),), ("דוד", "dwd")),
    )
}
_SCRIPT_OF_PREFIX = {s.upper(): s for s in ROUTES}


def script_name(char: str) -> str | None:
    """Return the routed script a character belongs to, or None."""
    try:
        first = unicodedata.name(char).split()[0]
    except ValueError:
        return None
    return _SCRIPT_OF_PREFIX.get(first)


def routed_script(token: str) -> str | None:
    """Return the script of a token written in one of the routed scripts, or None."""
    for char in token:
        if char.isalpha():
            found = script_name(char)
            if found:
                return found
    return None


@cache
def _transliterator(transform: str) -> Any:
    import icu

    return icu.Transliterator.createInstance(transform)


_KEPT_MARKS = {"\u030c"}  # The caron makes a letter of its own (š, ž, č); other marks only hint.


def _strip_marks(text: str) -> str:
    decomposed = unicodedata.normalize("NFD", text)
    kept = "".join(c for c in decomposed if not unicodedata.combining(c) or c in _KEPT_MARKS)
    return unicodedata.normalize("NFC", kept)


@lru_cache(maxsize=65536)
def to_latin(token: str) -> tuple[str, str] | None:
    """Return a token of a routed script in Latin, with the route's name; None if not routed."""
    script = routed_script(token)
    if script is None:
        return None
    route = ROUTES[script]
    latin = _strip_marks(_transliterator(route.transform).transliterate(token)).casefold()
    for pattern, repl in route.fixes:
        latin = re.sub(pattern, repl, latin)
    latin = "".join(c for c in latin if c.isalpha() or c in "-'")
    return latin, f"{script} → Latin (ICU)"
