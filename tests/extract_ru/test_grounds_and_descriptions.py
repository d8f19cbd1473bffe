"""Grounds, descriptions and rows: what one Slavic trigger word tells, and of whom."""

from __future__ import annotations

import pytest

from prisonwatch.documents import CleanDocument
from prisonwatch.extract.decide import features
from prisonwatch.extract.slavic.frontend import SlavicFrontEnd


def _pardons(text: str, language: str) -> list[int | None]:
    proposal = SlavicFrontEnd(language).propose(CleanDocument(text=text, language=language))
    return [c.proposal.count for c in proposal.candidates if c.type == "pardon"]


@pytest.mark.parametrize(
    ("text", "language"),
    [
        (
            "Президент помиловал 40 заключенных. Волонтеры насчитали 12 человек, "
            "покинувших колонию по помилованию.",
            "ru",
        ),
        (
            "Президент помиловал 40 заключенных. Волонтеры насчитали 12 человек, "
            "отпущенных по указу о помиловании.",
            "ru",
        ),
        (
            "Прэзідэнт памілаваў 40 зняволеных. Валанцёры налічылі 12 чалавек, "
            "якія пакінулі калонію па памілаванні.",
            "be",
        ),
        (
            "Волонтеры насчитали 12 человек, покинувших колонию по помилованию. "
            "Президент помиловал 40 заключенных.",
            "ru",
        ),
    ],
)
def test_the_pardon_people_left_under_is_the_one_told(text: str, language: str) -> None:
    # Some of the 40 left under the pardon: one pardon, its count the decree's.
    assert _pardons(text, language) == [40]


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("Президент помиловал 40 заключенных. Отдельным указом помилованы 12 человек.", "ru"),
        ("Прэзідэнт памілаваў 40 зняволеных. Асобным указам памілаваны 12 чалавек.", "be"),
    ],
)
def test_a_pardon_of_another_size_told_outright_stays_apart(text: str, language: str) -> None:
    assert sorted(_pardons(text, language), key=str) == [12, 40]


def test_a_pardon_named_only_as_the_ground_is_still_proposed() -> None:
    # EVAL.md rule 4: the text says both; with no other pardon told, this one stands.
    assert _pardons("Блогер Олег Сомов отпущен из колонии по помилованию.", "ru") == [None]


def _siblings(text: str) -> list[tuple[bool, float]]:
    proposal = SlavicFrontEnd("ru").propose(CleanDocument(text=text, language="ru"))
    cands = proposal.candidates
    return [
        (bool(c.features.get("description")), features(c, None, cands).get("siblings", 0.0))
        for c in cands
        if c.type == "release"
    ]


def test_a_describing_participle_is_no_sibling_of_the_release() -> None:
    # "освобожденных" describes the people of the release told; it tells no happening itself.
    text = "Власти освободили 20 заключенных. Многие из освобожденных уехали к родным."
    assert (False, 0.0) in _siblings(text)


def test_two_releases_told_outright_are_siblings() -> None:
    text = "Власти освободили 20 заключенных. В соседней области освободили 7 человек."
    assert _siblings(text) == [(False, 1.0), (False, 1.0)]


def _sentences(text: str, language: str) -> list[list[str]]:
    proposal = SlavicFrontEnd(language).propose(CleanDocument(text=text, language=language))
    return [
        [p.name for p in c.proposal.persons] for c in proposal.candidates if c.type == "sentence"
    ]


@pytest.mark.parametrize(
    ("text", "language"),
    [
        (
            "На митинг пришел осужденный по статье о поджоге Иван Петров. Рядом стояла "
            "приговоренная к штрафу Анна Смирнова.",
            "ru",
        ),
        (
            "Мы сустрэлі маці асуджанага па справе аб падпале Івана Пятрова. Потым прыйшла "
            "сястра асуджанай па артыкуле аб пратэстах Ганны Смірновай.",
            "be",
        ),
    ],
)
def test_describing_participles_of_two_people_are_two_events(text: str, language: str) -> None:
    assert sorted(map(len, _sentences(text, language))) == [1, 1]


def test_one_person_described_twice_is_one_event() -> None:
    text = (
        "На митинг пришел осужденный по статье о поджоге Иван Петров. Позже "
        "приговоренного к штрафу Ивана Петрова увезли домой."
    )
    assert _sentences(text, "ru") == [["Иван Петров"]]


def test_a_word_two_rows_of_one_type_find_is_one_mention() -> None:
    # "выдворены" is both a deportation and an expulsion over the border: one mention.
    proposal = SlavicFrontEnd("ru").propose(
        CleanDocument(text="Десять активистов выдворены через границу.", language="ru")
    )
    (candidate,) = proposal.candidates
    assert candidate.features["mentions"] == 1.0
