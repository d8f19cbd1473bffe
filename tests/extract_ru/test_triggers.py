"""Each Russian and Belarusian trigger row: its invented positive proposes it, its negative not.

The rows propose candidates; the trained model decides (its figures are in test_quality.py). A
few end-to-end cases below check that clear sentences come out of ``extract`` as events.
"""

from __future__ import annotations

import pytest

from prisonwatch.documents import CleanDocument
from prisonwatch.extract import extract
from prisonwatch.extract.slavic.frontend import SlavicFrontEnd
from prisonwatch.extract.slavic.lexicon import TRIGGERS, Trigger
from prisonwatch.language import language_of


def _types(sentence: str, language: str) -> list[str]:
    assert language_of(sentence) == language
    proposal = SlavicFrontEnd(language).propose(CleanDocument(text=sentence, language=language))
    return [c.type for c in proposal.candidates]


@pytest.mark.parametrize(
    ("text", "language", "wanted"),
    [
        ("Власти освободили 17 политзаключенных, среди них Ольгу Смирнову.", "ru", "release"),
        ("Лукашенко помиловал 25 осужденных, сообщила пресс-служба.", "ru", "pardon"),
        ("Суд приговорил активиста Ивана Петрова к трем годам колонии.", "ru", "sentence"),
        ("Улады вызвалілі 17 палітвязняў, сярод іх Вольгу Смірнову.", "be", "release"),
        ("Суд асудзіў актывіста Івана Пятрова на тры гады калоніі.", "be", "sentence"),
    ],
)
def test_clear_sentences_come_out_as_events(text: str, language: str, wanted: str) -> None:
    extraction = extract(CleanDocument(text=text, language=language))
    assert wanted in [e.type for e in extraction.events]


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
        ("С 2020 года в стране задержали более 65 тысяч человек.", "ru"),
        ("Всего по этому делу осуждены 114 человек.", "ru"),
        ("Агулам па справе асуджаныя 114 чалавек.", "be"),
        ("Узник написал прошение о помиловании на имя президента.", "ru"),
        ("Сотни людей подписали требование освобождения журналистки.", "ru"),
        ("Палітвязень напісаў прашэнне аб памілаванні.", "be"),
        ("Ён так і не напісаў заяву аб памілаванні.", "be"),
    ],
)
def test_negated_future_and_wished_events_are_not_events(sentence: str, language: str) -> None:
    assert _types(sentence, language) == []


def test_a_text_about_nothing_gives_no_event() -> None:
    text = (
        "Погода в Минске на выходных будет солнечной. Температура поднимется до двадцати градусов."
    )
    assert _types(text, "ru") == []


@pytest.mark.parametrize(
    ("sentence", "language", "wanted"),
    [
        ("Освобождение двух журналистов стало сюрпризом.", "ru", "release"),
        ("Вызваленне двух журналістаў стала нечаканасцю.", "be", "release"),
        ("Памілаванне дванаццаці палітвязняў абвясцілі ўвечары.", "be", "pardon"),
        ("Экстрадиция активиста в Беларусь состоялась вчера.", "ru", "transfer"),
        ("Экстрадыцыя актывіста ў Беларусь адбылася ўчора.", "be", "transfer"),
    ],
)
def test_nominal_triggers_propose_their_event(sentence: str, language: str, wanted: str) -> None:
    assert wanted in _types(sentence, language)


def test_a_statement_about_a_release_is_not_a_request_for_one() -> None:
    text = "В заявлении об освобождении двух журналистов МИД поблагодарил посредников."
    assert "release" in _types(text, "ru")
