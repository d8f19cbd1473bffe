"""One event per happening: a release named again, a group's members, a group a noun brings in."""

from __future__ import annotations

from .helpers import proposed


def _of(kind: str, text: str) -> list[tuple[list[str], int | None, bool]]:
    return [
        ([p.name for p in e.persons], e.count, e.background)
        for e in proposed(text)
        if e.type == kind
    ]


_HEADLINE = "Poet Ann Roe is freed and welcomed in Vilnius\n\n"


def test_a_release_named_again_in_a_relative_clause_is_the_same_release() -> None:
    text = _HEADLINE + (
        "Poet Ann Roe, who was released from a prison in Vorsk on Monday, has arrived in "
        "Vilnius, where friends met her."
    )
    assert _of("release", text) == [(["Ann Roe"], None, False)]


def test_a_release_told_as_earlier_stays_apart() -> None:
    text = _HEADLINE + (
        "Poet Ann Roe, who was earlier released from a prison in Vorsk, has arrived in "
        "Vilnius, where friends met her."
    )
    assert len(_of("release", text)) == 2


def test_a_release_of_another_person_in_a_relative_clause_stays_apart() -> None:
    text = _HEADLINE + (
        "Her friend Bo Lind, who was released from a prison in Vorsk on Monday, met her at "
        "the station."
    )
    assert sorted(p for p, _, _ in _of("release", text)) == [["Ann Roe"], ["Bo Lind"]]


_GROUP = "More than 30 students were sentenced to prison terms of up to eight years on Tuesday. "


def test_a_member_of_a_counted_group_sentence_is_part_of_it() -> None:
    text = _GROUP + (
        "Among those sentenced was Ann Roe, a student leader. Roe was sentenced to five years."
    )
    assert _of("sentence", text) == [(["Ann Roe"], 30, False)]


def test_a_roster_names_the_counted_group_and_another_person_stays_apart() -> None:
    text = _GROUP + (
        "Among those sentenced was Ann Roe, a student leader. Bo Lind was sentenced to five years."
    )
    assert (["Ann Roe"], 30, False) in _of("sentence", text)
    assert (["Bo Lind"], None, False) in _of("sentence", text)


def test_a_roster_that_says_who_is_not_on_it_names_no_one() -> None:
    text = _GROUP + "Ann Roe was not among those sentenced. Bo Lind was sentenced to five years."
    assert ([], 30, False) in _of("sentence", text)
    assert all("Ann Roe" not in p for p, _, _ in _of("sentence", text))


def test_a_noun_that_brings_in_an_untold_group_takes_the_roster_after_it() -> None:
    text = (
        "Officials said the government has begun the release of a large number of political "
        "prisoners. Ann Roe and Bo Lind are among the prisoners released."
    )
    assert _of("release", text) == [(["Ann Roe", "Bo Lind"], None, False)]


def test_a_noun_that_refers_to_the_group_told_is_the_same_release() -> None:
    text = "Vorsk freed 20 prisoners on Monday. Officials praised the release of the prisoners."
    assert _of("release", text) == [([], 20, False)]


def test_a_roster_of_another_type_names_no_one_for_the_group() -> None:
    text = _GROUP + "Among those freed was Ann Roe, a student leader."
    assert _of("sentence", text) == [([], 30, False)]


def test_a_detention_told_as_happening_again_is_a_second_arrest() -> None:
    text = (
        "Ann Roe was arrested in May for joining a rally and briefly freed in June before she "
        "was detained again later that month."
    )
    assert len(_of("arrest", text)) == 2


def test_a_detention_told_twice_is_one_arrest() -> None:
    text = (
        "Ann Roe was arrested in May for joining a rally. Police said she was detained at her "
        "flat in Vorsk."
    )
    assert len(_of("arrest", text)) == 1
