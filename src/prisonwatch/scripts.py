"""Which writing system a name or token is in."""

from __future__ import annotations

import unicodedata


def script_of(text: str) -> str | None:
    """Return ``latin``, ``cyrillic``, ``mixed`` or None for text with no letters."""
    seen: set[str] = set()
    for char in text:
        if char.isalpha():
            name = unicodedata.name(char, "")
            if name.startswith("CYRILLIC"):
                seen.add("cyrillic")
            elif name.startswith("LATIN"):
                seen.add("latin")
            else:
                seen.add("other")
    if not seen:
        return None
    return seen.pop() if len(seen) == 1 else "mixed"
