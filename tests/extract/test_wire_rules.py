"""Rules found on the second held-out set: datelines, roster sentences, 'after' clauses, counts."""

from __future__ import annotations

from .helpers import one, proposed


def names(event: object) -> list[str]:
    return [p.name for p in event.persons]  # type: ignore[attr-defined]


def test_dateline_does_not_swallow_the_lead_verb() -> None:
    text = (
        "LIMA, March 3 (AFP) - Peru on Monday released at least 12 people detained at a "
        "protest, a rights group said."
    )
    e = one(text, "release", published="2025-03-04")
    assert e.count == 12
    assert e.date == "2025-03-03"


def test_roster_sentence_names_the_group_told_before() -> None:
    text = (
        "The government freed 9 jailed opponents on Friday.\n"
        "Among them were the teacher Oscar Benitez and the student leader Lucia Paredes, "
        "relatives said."
    )
    assert names(one(text, "release")) == ["Oscar Benitez", "Lucia Paredes"]


def test_event_months_before_the_news_is_background() -> None:
    text = (
        "The ruling comes months after authorities freed the activist Samir Haddad. "
        "A court on Tuesday sentenced the blogger Karim Nassar to five years in prison."
    )
    release = one(text, "release")
    assert release.background
    assert not one(text, "sentence").background


def test_everyone_of_a_kind_is_not_an_event() -> None:
    text = "The ministry said all those convicted had broken the law and denied holding prisoners."
    assert proposed(text) == []


def test_short_surnames_do_not_collide() -> None:
    text = (
        "A court on Thursday sentenced the blogger Tran Van Khoa to four years in prison. "
        "In a separate case, authorities released the activist Nguyen Thi Hoa on Tuesday."
    )
    assert names(one(text, "release")) == ["Nguyen Thi Hoa"]


def test_ordered_back_to_prison_is_an_arrest() -> None:
    e = one("A court on Wednesday ordered the journalist Selin Aydin back to prison.", "arrest")
    assert names(e) == ["Selin Aydin"]
