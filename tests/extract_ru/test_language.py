"""The package's one language detector tells en, ru, be, uk and Łacinka apart on short excerpts."""

from __future__ import annotations

import pytest

from prisonwatch.extract.language import language_of
from prisonwatch.ingest.language import detect_language as ingest_detect
from prisonwatch.language import detect_language, is_lacinka


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Власти освободили двенадцать политзаключенных в субботу.", "ru"),
        ("Суд приговорил журналиста к трем годам колонии.", "ru"),
        ("Улады вызвалілі дванаццаць палітвязняў у суботу.", "be"),
        ("Суд прысудзіў журналісту тры гады калоніі.", "be"),
        ("Влада звільнила дванадцять політв'язнів у суботу.", "uk"),
        ("Суд засудив журналіста до трьох років колонії.", "uk"),
        ("Ułady vyzvalili dvanaccać palitviaźniaŭ u subotu.", "be"),
        ("Sud prysudziŭ žurnalistu try hady kałonii.", "be"),
        ("The authorities released twelve political prisoners on Saturday.", "en"),
        ("Władze uwolniły dwunastu więźniów politycznych w sobotę.", "pl"),
    ],
)
def test_short_excerpts(text: str, expected: str) -> None:
    assert detect_language(text) == expected


def test_too_little_text_tells_nothing() -> None:
    assert detect_language("OK 42") is None


def test_lacinka_is_not_polish() -> None:
    assert is_lacinka("Ułady vyzvalili dvanaccać palitviaźniaŭ.")
    assert not is_lacinka("Władze uwolniły dwunastu więźniów politycznych.")


def test_the_old_names_are_the_one_detector() -> None:
    assert ingest_detect is detect_language
    assert language_of("Улады вызвалілі дванаццаць палітвязняў.", "en") == "be"
    assert language_of("Some English words about a release.", "de") == "de"


@pytest.mark.parametrize(
    ("text", "lacinka"),
    [
        ("Sud asudziŭ Ivana Sidarava na try hady.", True),
        ("Zatrymany na miažy tretiaha sakavika.", True),
        ("Sud je osudio Ivana na tri godine, uhićen je na granici.", False),
        ("Soud odsoudil Ivana na tři roky, zadržen na hranici.", False),
        ("Ivan Šimić was arrested by police in the capital on Monday.", False),
    ],
)
def test_one_lacinka_letter_is_enough_when_no_other_alphabet_claims_it(
    text: str, lacinka: bool
) -> None:
    assert is_lacinka(text) is lacinka
