"""Countries, their adjectives and aliases, and normalisation of place and actor names."""

from __future__ import annotations

import re

# country: (adjectives and demonyms, aliases and capitals that stand for the state in news).
_COUNTRIES: dict[str, tuple[str, str]] = {
    "Afghanistan": ("Afghan Afghans", "Kabul"),
    "Armenia": ("Armenian Armenians", "Yerevan"),
    "Austria": ("Austrian Austrians", "Vienna"),
    "Azerbaijan": ("Azerbaijani Azerbaijanis", "Baku"),
    "Belarus": ("Belarusian Belarusians Belarussian Byelorussian", "Minsk|Republic of Belarus"),
    "Belgium": ("Belgian Belgians", "Brussels"),
    "Brazil": ("Brazilian Brazilians", "Brasilia"),
    "Bulgaria": ("Bulgarian Bulgarians", "Sofia"),
    "Canada": ("Canadian Canadians", "Ottawa"),
    "China": ("Chinese", "Beijing|PRC"),
    "Cuba": ("Cuban Cubans", "Havana"),
    "Czech Republic": ("Czech Czechs", "Prague|Czechia"),
    "Denmark": ("Danish Danes", "Copenhagen"),
    "Egypt": ("Egyptian Egyptians", "Cairo"),
    "Estonia": ("Estonian Estonians", "Tallinn"),
    "Finland": ("Finnish Finns", "Helsinki"),
    "France": ("French", "Paris"),
    "Georgia": ("Georgian Georgians", "Tbilisi"),
    "Germany": ("German Germans", "Berlin"),
    "Guatemala": ("Guatemalan Guatemalans", "Guatemala City"),
    "Hungary": ("Hungarian Hungarians", "Budapest"),
    "India": ("Indian Indians", "New Delhi"),
    "Iran": ("Iranian Iranians", "Tehran|Islamic Republic"),
    "Iraq": ("Iraqi Iraqis", "Baghdad"),
    "Israel": ("Israeli Israelis", "Jerusalem"),
    "Italy": ("Italian Italians", "Rome"),
    "Japan": ("Japanese", "Tokyo"),
    "Kazakhstan": ("Kazakh Kazakhs Kazakhstani", "Astana"),
    "Latvia": ("Latvian Latvians", "Riga"),
    "Lithuania": ("Lithuanian Lithuanians", "Vilnius"),
    "Moldova": ("Moldovan Moldovans", "Chisinau"),
    "Netherlands": ("Dutch", "Amsterdam|The Hague|Holland"),
    "Nicaragua": ("Nicaraguan Nicaraguans", "Managua"),
    "North Korea": ("North Korean North Koreans", "Pyongyang|DPRK"),
    "Norway": ("Norwegian Norwegians", "Oslo"),
    "Poland": ("Polish Poles", "Warsaw"),
    "Qatar": ("Qatari Qataris", "Doha"),
    "Romania": ("Romanian Romanians", "Bucharest"),
    "Russia": ("Russian Russians", "Moscow|Kremlin|Russian Federation"),
    "Saudi Arabia": ("Saudi Saudis", "Riyadh"),
    "Slovakia": ("Slovak Slovaks", "Bratislava"),
    "Slovenia": ("Slovenian Slovenians Slovene", "Ljubljana"),
    "Spain": ("Spanish Spaniards", "Madrid"),
    "Sweden": ("Swedish Swede Swedes", "Stockholm"),
    "Switzerland": ("Swiss", "Bern|Geneva"),
    "Syria": ("Syrian Syrians", "Damascus"),
    "Tajikistan": ("Tajik Tajiks", "Dushanbe"),
    "Turkey": ("Turkish Turks", "Ankara|Türkiye"),
    "Turkmenistan": ("Turkmen", "Ashgabat"),
    "Ukraine": ("Ukrainian Ukrainians", "Kyiv|Kiev"),
    "United Arab Emirates": ("Emirati Emiratis", "UAE|Abu Dhabi"),
    "United Kingdom": ("British Briton Britons", "UK|U.K.|Britain|Great Britain|London"),
    "United States": (
        "American Americans",
        "US|U.S.|U.S|USA|U.S.A.|America|Washington|White House|United States of America",
    ),
    "Uzbekistan": ("Uzbek Uzbeks", "Tashkent"),
    "Venezuela": ("Venezuelan Venezuelans", "Caracas"),
    "Vietnam": ("Vietnamese", "Hanoi"),
    "Myanmar": ("Burmese", "Burma|Naypyidaw"),
    "Eritrea": ("Eritrean Eritreans", "Asmara"),
    "Algeria": ("Algerian Algerians", "Algiers"),
    "Tunisia": ("Tunisian Tunisians", "Tunis"),
    "Jordan": ("Jordanian Jordanians", "Amman"),
}

COUNTRY_OF: dict[str, str] = {}
DEMONYMS: dict[str, str] = {}
for _country, (_adjs, _aliases) in _COUNTRIES.items():
    COUNTRY_OF[_country.casefold()] = _country
    for _alias in _aliases.split("|"):
        COUNTRY_OF[_alias.casefold()] = _country
    for _adj in _adjs.split():
        DEMONYMS[_adj.casefold()] = _country

COUNTRIES: tuple[str, ...] = tuple(_COUNTRIES)
# Blocs and sides act in the news like countries do.
BLOCS = {"eu": "European Union", "european union": "European Union", "the west": "the West"}
_LEADING_THE = re.compile(r"^(the)\s+", re.IGNORECASE)


def country(text: str) -> str | None:
    """Return the English country name that ``text`` names or describes, or None."""
    key = _LEADING_THE.sub("", text.strip().strip(".,;:'’s")).casefold()
    if key in COUNTRY_OF:
        return COUNTRY_OF[key]
    key_dotted = text.strip().casefold()
    if key_dotted in COUNTRY_OF:
        return COUNTRY_OF[key_dotted]
    if key in DEMONYMS:
        return DEMONYMS[key]
    return None


def bloc(text: str) -> str | None:
    """Return the name of a bloc (EU, the West) that ``text`` names, or None."""
    return BLOCS.get(text.strip().casefold())


def ruler_patterns() -> list[dict[str, object]]:
    """Return entity-ruler patterns for countries (GPE) and their adjectives (NORP)."""
    patterns: list[dict[str, object]] = []
    for name, (adjs, aliases) in _COUNTRIES.items():
        for form in [name, *aliases.split("|")]:
            if form in {"Washington", "White House", "Kremlin", "Islamic Republic"}:
                continue  # these stand for the state only in some sentences; leave them to ner
            patterns.append({"label": "GPE", "pattern": form, "id": name})
        for adj in adjs.split():
            patterns.append({"label": "NORP", "pattern": adj, "id": name})
    return patterns
