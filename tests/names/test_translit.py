"""Each transliteration system on published examples."""

from __future__ import annotations

import pytest

from prisonwatch.names import transliterations

CASES = [
    # Belarusian passport table (ICAO 9303 letters, Г as H).
    ("passport_by", "Лукашэнка", "Lukashenka"),
    ("passport_by", "Аляксандр", "Aliaksandr"),
    ("passport_by", "Святлана", "Sviatlana"),
    ("passport_by", "Сяргей", "Siarhei"),
    ("passport_by", "Ціханоўская", "Tsikhanouskaia"),
    # ICAO 9303 for Russian passports.
    ("icao_9303", "Мария", "Mariia"),
    ("icao_9303", "Тихановский", "Tikhanovskii"),
    ("icao_9303", "Юлия", "Iuliia"),
    # BGN/PCGN Russian (1947).
    ("bgn_pcgn_ru", "Александр", "Aleksandr"),
    ("bgn_pcgn_ru", "Ельцин", "Yelʹtsin"),
    ("bgn_pcgn_ru", "Хрущёв", "Khrushchëv"),
    ("bgn_pcgn_ru", "Юрий", "Yuriy"),
    # BGN/PCGN Belarusian (1979).
    ("bgn_pcgn_by", "Магілёў", "Mahilyow"),
    ("bgn_pcgn_by", "Віцебск", "Vitsyebsk"),
    ("bgn_pcgn_by", "Гомель", "Homyelʹ"),
    # The 2007 Belarusian national system.
    ("national_2007", "Магілёў", "Mahilioŭ"),
    ("national_2007", "Віцебск", "Viciebsk"),
    ("national_2007", "Гомель", "Homieĺ"),
    ("national_2007", "Лукашэнка", "Lukašenka"),
    # ISO 9.
    ("iso_9", "Ёлка", "Ëlka"),
    ("iso_9", "Щука", "Ŝuka"),
    ("iso_9", "Юрий", "Ûrij"),
    ("iso_9", "Ў", "Ǔ"),
    # Russian names in the English-language press.
    ("press_ru", "Колесникова", "Kolesnikova"),
    ("press_ru", "Тихановский", "Tikhanovsky"),
    ("press_ru", "Сергей", "Sergei"),
    # Polish and German spellings.
    ("polish", "Лукашэнка", "Łukaszenka"),
    ("polish", "Святлана", "Swiatłana"),
    ("polish", "Лабковіч", "Łabkowicz"),
    ("german", "Колесникова", "Kolesnikowa"),
    ("german", "Ціханоўская", "Zichanouskaja"),
    ("german", "Лукашенко", "Lukaschenko"),
]


@pytest.mark.parametrize(("system", "cyrillic", "latin"), CASES)
def test_published_example(system: str, cyrillic: str, latin: str) -> None:
    assert transliterations(cyrillic)[system] == latin


def test_every_system_answers() -> None:
    assert len(transliterations("Бяляцкі")) == 9


def test_case_follows_the_input() -> None:
    assert transliterations("ЛУКАШЭНКА")["passport_by"] == "LUKASHENKA"
    assert transliterations("лукашэнка")["passport_by"] == "lukashenka"
