"""A cheap language decision: only English is extracted; Cyrillic texts are named and skipped."""

from __future__ import annotations

import re

from prisonwatch.tunables import tunable

_CYRILLIC = re.compile(r"[\u0400-\u04ff]")
_LATIN = re.compile(r"[A-Za-z\u00c0-\u024f]")
_BELARUSIAN = re.compile(r"[ўЎіІ]")


def language_of(text: str, declared: str | None = None) -> str | None:
    """Return 'en', 'ru', 'be' or the declared language of ``text``; None when it has no letters."""
    sample = text[:20000]
    cyr = len(_CYRILLIC.findall(sample))
    lat = len(_LATIN.findall(sample))
    if cyr + lat == 0:
        return declared
    if cyr / (cyr + lat) > tunable("extract.cyrillic_share"):
        return "be" if len(_BELARUSIAN.findall(sample)) > cyr * 0.01 else "ru"
    if declared and declared not in ("en", "ru", "be", "uk"):
        return declared
    return "en"
