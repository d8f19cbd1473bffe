"""Countries from rigour.territories: names, demonyms and capitals to one English country name."""

from __future__ import annotations

import re
from functools import lru_cache

from rigour.territories import get_territories, lookup_territory
from rigour.territories.territory import Territory

# The English short names news uses where rigour's differ (EVAL.md writes countries in English).
NEWS_NAMES = {"Türkiye": "Turkey", "Czechia": "Czech Republic"}
# Seats of power that stand for their state in news copy ("the Kremlin said").
STATE_SEATS = {"kremlin": "Russia", "white house": "United States"}
# Places that stand for their state only in some sentences: left to the parser's NER.
_NOT_ALWAYS_STATES = frozenset(("Washington",))
# Blocs and sides act in the news like countries do.
BLOCS = {"eu": "European Union", "european union": "European Union", "the west": "the West"}
_LEADING_THE = re.compile(r"^(the)\s+", re.IGNORECASE)
_POSSESSIVE = re.compile(r"['’]s?$")


def _name(territory: Territory | None) -> str | None:
    """Return the news name of the country a territory is or belongs to."""
    while territory is not None and not territory.is_country:
        territory = territory.parent
    if territory is None or territory.is_historical:
        return None
    return NEWS_NAMES.get(territory.name, territory.name)


@lru_cache(maxsize=4096)
def country(text: str) -> str | None:
    """Return the English country name that ``text`` names or describes, or None.

    Names, full names, demonyms ('Belarusian', plural 'Americans'), capitals and cities
    ('Minsk', 'Washington') come from rigour; lower-case words are never countries.
    """
    key = _POSSESSIVE.sub("", _LEADING_THE.sub("", text.strip().strip(".,;:").strip()))
    if not key or not key[0].isupper():
        return None
    if key.casefold() in STATE_SEATS:
        return STATE_SEATS[key.casefold()]
    if key.casefold() in BLOCS:
        return None
    if len(key.replace(".", "")) <= 3 and not key.isupper():
        return None  # 'Can', 'Ben', 'Per' are words and names, not the codes CAN, BEN, PER
    found = _name(lookup_territory(key))
    if found is None and key.endswith("s") and len(key) > 4:
        found = _name(lookup_territory(key[:-1]))  # 'Americans' -> 'American'
    return found


def bloc(text: str) -> str | None:
    """Return the name of a bloc (EU, the West) that ``text`` names, or None."""
    return BLOCS.get(text.strip().casefold())


def ruler_patterns() -> list[dict[str, object]]:
    """Return entity-ruler patterns for current countries and their capitals (GPE)."""
    patterns: list[dict[str, object]] = []
    for territory in get_territories():
        if not territory.is_country or territory.is_historical:
            continue
        name = _name(territory)
        forms = {territory.name, NEWS_NAMES.get(territory.name, territory.name)}
        forms |= {p for p in territory.places if p not in _NOT_ALWAYS_STATES}
        for form in sorted(forms):
            patterns.append({"label": "GPE", "pattern": form, "id": name})
    return patterns
