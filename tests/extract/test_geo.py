"""Countries come from rigour.territories: names, demonyms, capitals; words stay words."""

from __future__ import annotations

import pytest

from prisonwatch.extract.geo import country, ruler_patterns


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Belarusians", "Belarus"),  # plural demonym
        ("Moroccan", "Morocco"),  # a country no dev text needed
        ("the United States", "United States"),
        ("Washington", "United States"),  # a city stands for its country
        ("Turkish", "Turkey"),  # the English news name
        ("Kremlin", "Russia"),
        ("Russia’s", "Russia"),
    ],
)
def test_country_of_names_and_demonyms(text: str, expected: str) -> None:
    assert country(text) == expected


@pytest.mark.parametrize("text", ["Can", "Ben", "release", "Sunday", "EU", "Olga"])
def test_words_and_names_are_no_country(text: str) -> None:
    assert country(text) is None


def test_ruler_knows_every_current_country() -> None:
    names = {p["pattern"] for p in ruler_patterns()}
    assert {"Belarus", "Turkey", "Morocco", "Uganda", "Vilnius", "Minsk"} <= names
    assert "Yugoslavia" not in names
