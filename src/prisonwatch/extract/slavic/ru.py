"""The Russian front end, as the front-end registry loads it."""

from __future__ import annotations

from prisonwatch.extract.slavic.frontend import SlavicFrontEnd


def front_end() -> SlavicFrontEnd:
    """Return the Russian front end."""
    return SlavicFrontEnd("ru")
