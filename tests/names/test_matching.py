"""Matching: traps (relatives, patronymics), case endings, aliases, ambiguity and bad input."""

from __future__ import annotations

from pathlib import Path

import pytest

from prisonwatch.errors import InputError
from prisonwatch.names import NameIndex, RegistryEntry, load_registry_csv

REGISTRY = [
    RegistryEntry("kalesnikava", "Maryia Kalesnikava", []),
    RegistryEntry("bialiatski", "Ales Bialiatski", []),
    RegistryEntry("babaryka_v", "Viktar Babaryka", []),
    RegistryEntry("babaryka_e", "Eduard Babaryka", []),
    RegistryEntry("tsikhanouski", "Siarhei Tsikhanouski", []),
    RegistryEntry("tsikhanouskaya", "Sviatlana Tsikhanouskaya", ["Pilipchuk"]),
    RegistryEntry("losik_i", "Ihar Losik", []),
    RegistryEntry("losik_d", "Darya Losik", []),
    RegistryEntry("statkevich", "Mikalai Statkevich", []),
]


@pytest.fixture(scope="module")
def index() -> NameIndex:
    return NameIndex.build(REGISTRY)


@pytest.mark.parametrize(
    ("query", "person"),
    [
        ("Колесниковой", None),
        ("Марии Колесниковой", "kalesnikava"),
        ("Виктора Бабарико", "babaryka_v"),
        ("Алеся Бяляцкого", "bialiatski"),
        ("Николая Статкевича", "statkevich"),
        ("Сергеем Тихановским", "tsikhanouski"),
        ("Svetlana Tikhanovskaya", "tsikhanouskaya"),
        ("Tsikhanouskaya, Sviatlana", "tsikhanouskaya"),
        ("Igor Losik", "losik_i"),
        ("Дар’я Лосік", "losik_d"),
        ("Maria Alexandrovna Kolesnikova", "kalesnikava"),
    ],
)
def test_variants_find_their_person(index: NameIndex, query: str, person: str | None) -> None:
    result = index.match(query)
    if person is None:
        assert result.status != "matched"
    else:
        assert (result.status, result.person_id) == ("matched", person), result.reason


def test_reason_is_readable(index: NameIndex) -> None:
    result = index.match("Maria Kolesnikova")
    assert result.reason == "surname kolesnikova = kalesnikava; given maria ~ maryia (same name)"


@pytest.mark.parametrize(
    ("query", "other"),
    [
        ("Sviatlana Tsikhanouskaya", "tsikhanouski"),
        ("Siarhei Tsikhanouski", "tsikhanouskaya"),
        ("Darya Losik", "losik_i"),
        ("Ihar Losik", "losik_d"),
    ],
)
def test_relatives_trap(index: NameIndex, query: str, other: str) -> None:
    result = index.match(query)
    assert result.status == "matched" and result.person_id != other
    # With the person gone, the relative who shares the surname is never linked.
    without = NameIndex.build(e for e in REGISTRY if e.person_id == other)
    assert without.match(query).status == "none"


def test_patronymic_trap() -> None:
    index = NameIndex.build(
        [
            RegistryEntry("a", "Ihar Aliaksandravich Losik", []),
            RegistryEntry("b", "Maryia Aliaksandrauna Kalesnikava", []),
            RegistryEntry("c", "Ivan Aliaksandravich Kavalenka", []),
        ]
    )
    # A shared patronymic is never a link: given name and surname must both fit.
    assert index.match("Ivan Aliaksandravich Losik").status == "none"
    assert index.match("Aliaksandr Losik").status == "none"
    assert index.match("Aliaksandravich").status != "matched"
    # A different patronymic is a different person.
    assert index.match("Ihar Viktaravich Losik").status == "none"
    assert index.match("Игорь Александрович Лосик").person_id == "a"


def test_surname_alone_that_fits_several_is_ambiguous(index: NameIndex) -> None:
    for query in ("Losik", "Тихановская", "Babaryka"):
        result = index.match(query)
        assert result.status == "ambiguous" and result.person_id is None


def test_alias_is_a_maiden_name(index: NameIndex) -> None:
    result = index.match("Sviatlana Heorhiyeuna Pilipchuk")
    assert (result.status, result.person_id) == ("matched", "tsikhanouskaya")


def test_added_person_is_found() -> None:
    index = NameIndex.build([])
    assert index.match("Maksim Znak").status == "none"
    index.add(RegistryEntry("znak", "Максім Знак", []))
    assert index.match("Maxim Znak").person_id == "znak"


@pytest.mark.parametrize(
    "query",
    ["", "   ", "M", "Ж", "12345", "🙂🙂", "x" * 10_000, "Maria " * 2_000, "Kalesnikava " * 8],
)
def test_bad_input_is_none(index: NameIndex, query: str) -> None:
    result = index.match(query)
    assert result.status == "none" and result.person_id is None


def test_digits_and_emoji_around_a_name_are_ignored(index: NameIndex) -> None:
    assert index.match("Maria Kalesnikava 🙏 2020").person_id == "kalesnikava"


def test_mixed_scripts_in_one_token(index: NameIndex) -> None:
    # Latin a, e, o typed among Cyrillic letters.
    assert index.match("Мaрия Кoлeсникова").person_id == "kalesnikava"


def test_to_json(index: NameIndex) -> None:
    data = index.match("Igor Losik").to_json()
    assert set(data) == {"query", "status", "person_id", "score", "reason"}
    assert "candidates" in index.match("Losik").to_json(explain=True)


def test_registry_csv(tmp_path: Path) -> None:
    path = tmp_path / "reg.csv"
    path.write_text("id,name,aliases\np1,Maryia Kalesnikava,Maria Kolesnikova|Калеснікава\n")
    [entry] = load_registry_csv(path)
    assert entry.aliases == ["Maria Kolesnikova", "Калеснікава"]


def test_registry_csv_missing_column(tmp_path: Path) -> None:
    path = tmp_path / "reg.csv"
    path.write_text("id,fullname\np1,Maryia Kalesnikava\n")
    with pytest.raises(InputError, match=r"reg\.csv has no name column"):
        load_registry_csv(path)
