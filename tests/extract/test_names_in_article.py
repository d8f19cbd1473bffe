"""Within an article, spellings of one surname share a key (from prisonwatch.names)."""

from __future__ import annotations

from prisonwatch.extract.context import person_key


def test_transliterations_of_one_surname_meet() -> None:
    assert person_key("Siarhei Tsikhanouski") == person_key("Sergei Tikhanovsky")
    assert person_key("Ales Bialiatski") == person_key("Byalyatski")


def test_different_and_short_surnames_stay_apart() -> None:
    assert person_key("Ihar Losik") != person_key("Aksana Kolb")
    assert person_key("Hoa") != person_key("Khoa")
    assert person_key("") == ""
