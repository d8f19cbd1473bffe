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
