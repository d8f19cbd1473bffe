"""A query asked again gets the answer a fresh index would give, whatever was added between."""

from __future__ import annotations

import pickle

from prisonwatch.names import NameIndex, RegistryEntry

PEOPLE = [
    RegistryEntry("p1", "Ганна Лукашэвіч", []),
    RegistryEntry("p2", "Тарас Мірончук", []),
]


def _fresh(entries: list[RegistryEntry], query: str) -> tuple[str, str | None, float, str]:
    result = NameIndex.build(entries).match(query)
    return result.status, result.person_id, result.score, result.reason


def _answer(index: NameIndex, query: str) -> tuple[str, str | None, float, str]:
    result = index.match(query)
    return result.status, result.person_id, result.score, result.reason


def test_a_person_added_after_a_miss_is_found_by_the_same_query() -> None:
    index = NameIndex.build(PEOPLE)
    assert index.match("Ostap Zhyhalko").status == "none"
    index.add(RegistryEntry("p3", "Остап Жыгалко", []))
    assert _answer(index, "Ostap Zhyhalko") == _fresh(
        [*PEOPLE, RegistryEntry("p3", "Остап Жыгалко", [])], "Ostap Zhyhalko"
    )
    assert index.match("Ostap Zhyhalko").person_id == "p3"


def test_a_namesake_added_after_a_match_makes_the_same_query_ambiguous() -> None:
    index = NameIndex.build(PEOPLE)
    assert index.match("Taras Mironchuk").person_id == "p2"
    twin = RegistryEntry("p4", "Тарас Мірончук", [])
    index.add(twin)
    assert _answer(index, "Taras Mironchuk") == _fresh([*PEOPLE, twin], "Taras Mironchuk")
    assert index.match("Taras Mironchuk").status == "ambiguous"


def test_an_unrelated_addition_keeps_the_answer_and_candidates_are_the_callers() -> None:
    index = NameIndex.build(PEOPLE)
    first = index.match("Hanna Lukashevich")
    first.candidates.clear()  # a caller changing its copy changes nothing kept
    index.add(RegistryEntry("p5", "Зміцер Кавалёў", []))
    again = index.match("Hanna Lukashevich")
    assert again.person_id == "p1" and [c.person_id for c in again.candidates] == ["p1"]


def test_the_pickled_index_holds_no_kept_answers() -> None:
    index = NameIndex.build(PEOPLE)
    index.match("Hanna Lukashevich")
    loaded = pickle.loads(pickle.dumps(index))
    assert "_memo_" not in loaded.__dict__
    assert loaded.match("Hanna Lukashevich").person_id == "p1"
