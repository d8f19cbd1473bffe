"""Each Russian and Belarusian trigger row: its invented positive states it, its negative not."""

from __future__ import annotations

import pytest

from prisonwatch.documents import CleanDocument
from prisonwatch.extract import extract
from prisonwatch.extract.slavic.lexicon import TRIGGERS, Trigger


def _types(sentence: str, language: str) -> list[str]:
    extraction = extract(CleanDocument(text=sentence, language=language))
    assert extraction.language == language
    return [e.type for e in extraction.events]


@pytest.mark.parametrize("row", TRIGGERS, ids=[r.name for r in TRIGGERS])
def test_positive_example_states_the_event(row: Trigger) -> None:
    assert row.type in _types(row.positive, row.langs.split()[0])


@pytest.mark.parametrize("row", TRIGGERS, ids=[r.name for r in TRIGGERS])
def test_negative_example_states_no_such_event(row: Trigger) -> None:
    assert row.type not in _types(row.negative, row.langs.split()[0])


def test_rows_cover_every_type_in_both_languages() -> None:
    wanted = {
        "release", "pardon", "arrest", "sentence", "transfer", "deportation",
        "sanctions_lifted", "sanctions_imposed", "negotiation", "death_in_custody",
    }  # fmt: skip
    for language in ("ru", "be"):
        assert {r.type for r in TRIGGERS if language in r.langs.split()} == wanted


@pytest.mark.parametrize(
    ("sentence", "language"),
    [
        ("Суд не освободил журналиста из-под стражи.", "ru"),
        ("Власти могут освободить еще сто человек.", "ru"),
        ("Родные надеются, что его помилуют.", "ru"),
        ("Суд не вызваліў журналіста.", "be"),
        ("Улады могуць вызваліць яшчэ сто чалавек.", "be"),
    ],
)
def test_negated_future_and_wished_events_are_not_events(sentence: str, language: str) -> None:
    assert _types(sentence, language) == []


def test_a_text_about_nothing_gives_no_event() -> None:
    text = (
        "Погода в Минске на выходных будет солнечной. Температура поднимется до двадцати градусов."
    )
    assert _types(text, "ru") == []
