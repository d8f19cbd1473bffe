"""The Belarusian front end (Cyrillic and Łacinka), as the front-end registry loads it."""

from __future__ import annotations

from prisonwatch.extract.slavic.frontend import SlavicFrontEnd


def front_end() -> SlavicFrontEnd:
    """Return the Belarusian front end."""
    return SlavicFrontEnd("be")
