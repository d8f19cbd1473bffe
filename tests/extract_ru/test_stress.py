"""Robustness: many invented Russian, Belarusian, Ukrainian and Łacinka texts, none may crash.

Each text is built from invented pieces (no news text), run through language detection and
``extract``; every event must quote the text verbatim and point its people inside it.
"""

from __future__ import annotations

import random

import pytest

from prisonwatch.documents import CleanDocument
from prisonwatch.extract import extract
from prisonwatch.extract.slavic.frontend import SlavicFrontEnd
from prisonwatch.language import language_of

_PIECES = {
    "ru": [
        "Вчера власти освободили {n} политзаключенных, среди них {name}.",
        "Суд приговорил {name} к {n} годам колонии.",
        "{name} задержан на границе 3 марта.",
        "Еще {n} человек вывезли в Литву.",
        "Лукашенко помиловал не менее {n} осужденных.",
        "Правозащитники требуют освобождения {name}.",
        "Никто не был освобожден.",
        "«Они задержаны», — сказал {name}.",
        "Среди них — {name} и {name}.",
        "С 2020 года задержаны более {n} тысяч человек.",
        "В прошлом месяце {name} умер в колонии.",
        "США сняли санкции с «Белавиа» в прошлую пятницу.",
    ],
    "be": [
        "Учора ўлады вызвалілі {n} палітвязняў, сярод іх {name}.",
        "Суд асудзіў {name} на {n} гады калоніі.",
        "{name} затрыманы на мяжы 3 сакавіка.",
        "Яшчэ {n} чалавек вывезлі ў Літву.",
        "Лукашэнка памілаваў больш за {n} асуджаных.",
        "Праваабаронцы патрабуюць вызвалення {name}.",
        "Сярод іх — {name} і {name}.",
        "У чацвер {name} памёр у калоніі.",
        "ЗША знялі санкцыі з «Белавія» ў мінулую пятніцу.",
    ],
    "uk": [
        "Вчора влада звільнила {n} політв'язнів, серед них {name}.",
        "Суд засудив {name} до {n} років колонії.",
        "Правозахисники вимагають звільнення {name}.",
    ],
    "lacinka": [
        "Učora ŭlady vyzvalili {n} palitviaźniaŭ, siarod ich {name}.",
        "Sud asudziŭ {name} na {n} hady kaloniji.",
        "{name} zatrymany na miažy 3 sakavika.",
    ],
}
_NAMES = {
    "ru": ["Ивана Сидорова", "Ольгу Миронову", "Петр Кузьмин", "Анна-Мария Ким", "Кара-Мурзу"],
    "be": ["Івана Сідарава", "Вольгу Міронаву", "Паўлюка Быкоўскага", "Алесь Пятроў"],
    "uk": ["Івана Сидоренка", "Ольгу Мирошниченко", "Петро Кузьмич"],
    "lacinka": ["Ivana Sidarava", "Volhu Mironavu", "Aleś Piatroŭ"],
}
_NOISE = ["", " ", "\n\n", "—", "«", "»", "...", "1", "2025", "¶", "\u200b", "ё", "Ў", "12,5", "%"]


def _texts(seed: int, count: int) -> list[tuple[str, str]]:
    rng = random.Random(seed)
    out: list[tuple[str, str]] = []
    for _ in range(count):
        lang = rng.choice(sorted(_PIECES))
        parts = []
        for _ in range(rng.randint(1, 6)):
            piece = rng.choice(_PIECES[lang])
            while "{name}" in piece:
                piece = piece.replace("{name}", rng.choice(_NAMES[lang]), 1)
            piece = piece.replace("{n}", str(rng.choice([0, 1, 2, 5, 17, 123, 1000])))
            if rng.random() < 0.2:
                cut = rng.randint(0, len(piece))
                piece = piece[:cut] + rng.choice(_NOISE) + piece[cut:]
            parts.append(piece)
        sep = rng.choice([" ", "\n", "\n\n", " — "])
        out.append((lang, sep.join(parts)))
    return out


@pytest.mark.parametrize("seed", range(4))
def test_invented_texts_never_crash_and_quote_the_text(seed: int) -> None:
    for _lang, text in _texts(seed, 60):
        document = CleanDocument(text=text, language=language_of(text))
        extraction = extract(document)
        for event in extraction.events:
            for ev in event.evidence:
                assert text[ev.start : ev.end] == ev.quote
            for person in event.persons:
                assert 0 <= person.start <= person.end <= len(text)


@pytest.mark.parametrize("language", ["ru", "be"])
def test_any_text_goes_through_either_front_end(language: str) -> None:
    front = SlavicFrontEnd(language)
    odd = [t for _l, t in _texts(7, 40)] + _NOISE + ["А" * 5000, "Иван " * 400, "1 2 3 " * 300]
    for text in odd:
        proposal = front.propose(CleanDocument(text=text, language=language))
        for candidate in proposal.candidates:
            start, end = candidate.sentence
            assert 0 <= start <= end <= len(text)
