"""The registry of language front ends: which module proposes candidates for which language."""

from __future__ import annotations

import importlib

from prisonwatch.extract.candidates import FrontEnd

# Language code -> module exposing ``front_end() -> FrontEnd``. A new language adds one line.
FRONT_END_MODULES: dict[str, str] = {
    "en": "prisonwatch.extract.english",
    "ru": "prisonwatch.extract.slavic.ru",
    "be": "prisonwatch.extract.slavic.be",
}
_LOADED: dict[str, FrontEnd] = {}


def languages() -> tuple[str, ...]:
    """Return the languages that have a front end, in a stable order."""
    return tuple(sorted(FRONT_END_MODULES))


def front_end(language: str | None) -> FrontEnd | None:
    """Return the front end of ``language``, or None when no front end reads it."""
    if language not in FRONT_END_MODULES:
        return None
    if language not in _LOADED:
        module = importlib.import_module(FRONT_END_MODULES[language])
        _LOADED[language] = module.front_end()
    return _LOADED[language]
