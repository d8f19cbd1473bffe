"""Normalization, script detection and the keys that let spellings of one name meet."""

from __future__ import annotations

import pytest

from prisonwatch.names import normalize_name, script_of_token, skeleton
from prisonwatch.names.declension import case_forms
from prisonwatch.names.keys import fine_keys


def test_normalize_strips_stress_and_unifies_marks() -> None:
    assert normalize_name("  Мари́я  Калесні\u0301кава ") == "мария калеснікава"
    assert normalize_name("Дар’я") == "дар'я"
    assert normalize_name("Sharenda–Panasiuk") == "sharenda-panasiuk"


def test_script_per_token() -> None:
    assert script_of_token("калеснікава") == "cyrillic"
    assert script_of_token("kalesnikava") == "latin"
    assert script_of_token("kaлеснікава") == "mixed"
    assert script_of_token("123") == "none"


@pytest.mark.parametrize(
    "spellings",
    [
        ["Kalesnikava", "Kolesnikova", "Калеснікава", "Колесникова", "Kalesnikawa", "Kaliesnikava"],
        ["Tsikhanouski", "Tikhanovsky", "Ціханоўскі", "Тихановский", "Cichanoŭski", "Tikhanovskiy"],
        ["Babaryka", "Babariko", "Бабарыка", "Бабарико"],
        ["Bialiatski", "Bialiacki", "Byalyatski", "Бяляцкі", "Bjaljacki"],
        ["Maryia", "Maria", "Mariia", "Maryja", "Марыя", "Мария"],
    ],
)
def test_spellings_of_one_name_share_a_key(spellings: list[str]) -> None:
    keysets = [set(fine_keys(normalize_name(s))) for s in spellings]
    assert all(keysets[0] & k for k in keysets[1:]), keysets


def test_skeleton_is_script_free() -> None:
    assert skeleton("kalesnikava") == skeleton("колесникова") == "klsnkv"


def test_yegor_and_igor_stay_apart() -> None:
    assert not set(fine_keys("yegor")) & set(fine_keys("игорь"))


def test_mixed_script_token_is_read_in_its_main_script() -> None:
    # Latin "K" and "a" typed into a Cyrillic name.
    assert set(fine_keys("kaлеснікава")) & set(fine_keys("калеснікава"))


def test_russian_case_forms_are_gender_aware() -> None:
    assert "калесниковой" in case_forms("kalesnikava", "surname", "femn")
    assert "статкевича" in case_forms("statkevich", "surname", "masc")
    assert "бяляцкого" in case_forms("bialiatski", "surname", "masc")
    # A woman's surname ending in a consonant does not decline.
    assert case_forms("adamovich", "surname", "femn") == ()
