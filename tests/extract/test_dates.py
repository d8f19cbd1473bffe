"""Dates at the precision the text gives, resolved against the publication date."""

from __future__ import annotations

import pytest

from prisonwatch.extract.dates import resolve


@pytest.mark.parametrize(
    ("text", "published", "value", "precision"),
    [
        ("in July 2021", None, "2021-07", "month"),
        ("on Saturday", "2025-09-13", "2025-09-13", "day"),
        ("on Thursday", "2025-09-12", "2025-09-11", "day"),
        ("last month", "2025-09-15", "2025-08", "month"),
        ("last month", None, None, None),
        ("August 3", "2022-08-03", "2022-08-03", "day"),
        ("on February 12", None, None, None),
        ("June 26, 2024", None, "2024-06-26", "day"),
        ("early in 2015", None, "2015", "year"),
        ("in December", "2026-01-10", "2025-12", "month"),
        ("yesterday", "2024-03-01", "2024-02-29", "day"),
    ],
)
def test_resolve(
    text: str, published: str | None, value: str | None, precision: str | None
) -> None:
    found = resolve(text, published)
    assert found is not None
    assert (found.value, found.precision) == (value, precision)


@pytest.mark.parametrize("text", ["two days", "more than three decades", "a day", "recent months"])
def test_durations_are_not_dates(text: str) -> None:
    assert resolve(text, "2025-09-12") is None


def test_weekday_anywhere_in_the_sentence_dates_the_event() -> None:
    from .helpers import proposed

    (release,) = proposed("The authorities released 12 activists, a rights group said on Monday.")
    assert release.date == "2025-09-08"


def test_year_of_a_side_phrase_does_not_date_the_event() -> None:
    from .helpers import proposed

    text = (
        "Belarus freed 52 prisoners on Thursday.\n"
        "Ann Lee, praised for her work during the protests in 2020, was also freed, "
        "along with Bob Stone."
    )
    for event in proposed(text):
        if event.type == "release":
            assert event.date != "2020", event


def test_a_release_announced_on_a_weekday_takes_that_day() -> None:
    from .helpers import proposed

    text = "The ministry announced the release of Tomas Kiravik on Wednesday."
    (release,) = proposed(text, "2025-09-12")
    assert release.date == "2025-09-10"


def test_a_release_welcomed_on_a_weekday_keeps_no_date() -> None:
    from .helpers import proposed

    text = "The ministry welcomed the release of Tomas Kiravik on Wednesday."
    (release,) = proposed(text, "2025-09-12")
    assert release.date is None


def test_a_release_begun_on_a_day_takes_that_day() -> None:
    from .helpers import one

    text = "On March 3, 2024, the government of Norland began the release of 40 prisoners."
    assert one(text, "release").date == "2024-03-03"


def test_an_arrest_that_took_place_on_a_day_takes_that_day() -> None:
    from .helpers import one

    text = "Police detained Ann Roe at a vigil. That arrest took place on August 4, 2025, at night."
    assert one(text, "arrest").date == "2025-08-04"


def test_a_when_clause_dates_the_release_it_frames() -> None:
    from .helpers import one

    text = (
        "When the envoy visited Norland in June 2024, he persuaded the president to free 30 people."
    )
    assert one(text, "release").date == "2024-06"


def test_a_clause_not_about_time_does_not_date_the_release() -> None:
    from .helpers import one

    text = (
        "Because the envoy visited Norland in June 2024, the president freed 30 people on Friday."
    )
    assert one(text, "release").date == "2025-09-12"


def test_a_verb_that_only_judges_an_arrest_does_not_date_it() -> None:
    from .helpers import proposed

    text = "The arrest of Ann Roe in Norland was condemned by rights groups on August 4, 2025."
    for event in proposed(text):
        if event.type == "arrest":
            assert event.date != "2025-08-04", event
