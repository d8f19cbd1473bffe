"""Counts of people in Russian and Belarusian: digits and number words, with their hedges."""

from __future__ import annotations

import re
from dataclasses import dataclass

from prisonwatch.extract.slavic.dates import month_of
from prisonwatch.extract.slavic.lexicon import PEOPLE_HEADS, QUALIFIERS
from prisonwatch.extract.slavic.tokens import Token

# Number-word stems (ru and be, any case) and their values; longest stems are tried first.
_NUMBER_STEMS: dict[str, int] = {
    "один": 1,
    "одн": 1,
    "адзін": 1,
    "адна": 1,
    "адн": 1,
    "два": 2,
    "двух": 2,
    "двум": 2,
    "двое": 2,
    "двоих": 2,
    "дв": 2,
    "три": 3,
    "трех": 3,
    "трое": 3,
    "троих": 3,
    "тры": 3,
    "трох": 3,
    "четыр": 4,
    "четвер": 4,
    "чатыр": 4,
    "чацвяр": 4,
    "пят": 5,
    "пяц": 5,
    "пяць": 5,
    "шест": 6,
    "шесть": 6,
    "шэсць": 6,
    "шасц": 6,
    "шэст": 6,
    "сем": 7,
    "семер": 7,
    "сям": 7,
    "восем": 8,
    "восьм": 8,
    "васьм": 8,
    "девят": 9,
    "дзевяц": 9,
    "дзевят": 9,
    "десят": 10,
    "дзесяц": 10,
    "дзесят": 10,
    "одиннадцат": 11,
    "адзінаццац": 11,
    "двенадцат": 12,
    "дванаццац": 12,
    "пятнадцат": 15,
    "пятнаццац": 15,
    "двадцат": 20,
    "дваццат": 20,
    "дваццац": 20,
    "тридцат": 30,
    "трыццат": 30,
    "трыццац": 30,
    "сорок": 40,
    "сарак": 40,
    "пятьдесят": 50,
    "пяцьдзесят": 50,
    "сто": 100,
    "ста": 100,
    "двести": 200,
    "двухсот": 200,
    "дзвесце": 200,
    "тысяч": 1000,
}
# Whole words only: "сто" must not read "стороны", "пят" must not read "пятница".
_NUMBER_WORD = re.compile(
    r"(?:один|одного|одному|одна|одну|одной|адзін|аднаго|адна|адну|"
    r"два|две|двух|двум|двое|двоих|дзве|тры|три|трех|трем|трое|троих|трох|"
    r"четыре|четырех|четырем|четверо|четверых|чатыры|чатырох|"
    r"пять|пяти|пятеро|пятерых|пяць|пяці|шесть|шести|шестеро|шэсць|шасці|"
    r"семь|семи|семеро|сем|сямі|восемь|восьми|восем|васьмі|девять|девяти|дзевяць|дзевяці|"
    r"десять|десяти|дзесяць|дзесяці|одиннадцать|одиннадцати|двенадцать|двенадцати|"
    r"дванаццаць|дванаццаці|пятнадцать|пятнадцати|пятнаццаць|двадцать|двадцати|дваццаць|"
    r"тридцать|тридцати|трыццаць|сорок|сорока|сарака|пятьдесят|пятидесяти|пяцьдзесят|"
    r"сто|ста|двести|двухсот|дзвесце|тысяча|тысячи|тысячу|тысячы|тысяч|"
    # collective numerals ("шестерых", "пяцёх"), ё read as е; "чацвёра" is also Thursday
    r"шестерых|семерых|восьмерых|девятерых|десятерых|чацвярых|пяцера|пяцех|"
    r"шасцера|шасцех|сямера|сямех|васьмера|васьмех|дзевяцера|дзевяцех|дзесяцера|дзесяцех)"
)
# Units after a number: years, days, money, percent are never a number of people.
_UNIT = re.compile(
    r"год\w*|лет|гад\w*|месяц\w*|месяц|меся\w*|сут\w*|дн\w*|дзён|час\w*|гадзін\w*|"
    r"руб\w*|долл\w*|евро|тыс|%|процент\w*|працэнт\w*|раз\w*|км|ст|ч"
)
_STEM_ORDER = sorted(_NUMBER_STEMS, key=len, reverse=True)


@dataclass(frozen=True)
class Count:
    """A number of people the text gives, with its hedge and span."""

    value: int
    qualifier: str | None
    start: int
    end: int
    text: str


def word_value(word: str) -> int | None:
    """Return the value of a Russian or Belarusian number word in any case, or None."""
    low = word.lower().replace("ё", "е")
    if not _NUMBER_WORD.fullmatch(low):
        return None
    for stem in _STEM_ORDER:
        if low.startswith(stem):
            return _NUMBER_STEMS[stem]
    return None


def _value(tokens: list[Token], i: int) -> tuple[int, int] | None:
    """Return the number at token ``i`` and the index after it, or None."""
    tok = tokens[i]
    text = tok.text.split("-")[0]
    if text[:1].isdigit():
        try:
            value = int(float(text.replace(",", ".")))
        except ValueError:
            return None
        j = i + 1
        if j < len(tokens) and tokens[j].lower.startswith("тыс"):
            value, j = value * 1000, j + 1
        return value, j
    spelled = word_value(tok.text)
    if spelled is None:
        return None
    value, j = spelled, i + 1
    # "сто двадцать три", "две тысячи"
    while j < len(tokens):
        nxt = word_value(tokens[j].text)
        if nxt is None:
            break
        value = value * nxt if nxt == 1000 else value + nxt
        j += 1
    return value, j


def _qualifier(tokens: list[Token], i: int) -> str | None:
    before = " ".join(t.lower for t in tokens[max(0, i - 3) : i])
    for words, qualifier in QUALIFIERS:
        if before.endswith(words):
            return qualifier
    return None


def find_counts(tokens: list[Token], text: str) -> list[Count]:
    """Return the counts of people in ``tokens``: a number followed by a word for people."""
    counts: list[Count] = []
    i = 0
    while i < len(tokens):
        found = _value(tokens, i)
        if found is None:
            i += 1
            continue
        value, j = found
        if j < len(tokens) and (
            month_of(tokens[j].text) is not None or _UNIT.fullmatch(tokens[j].lower)
        ):
            i = j  # "3 марта": a day, not a number of people
            continue
        # Up to two words (adjectives) may stand between the number and the people it counts.
        head = next(
            (
                k
                for k in range(j, min(j + 3, len(tokens)))
                if PEOPLE_HEADS.fullmatch(tokens[k].lower)
            ),
            None,
        )
        if head is not None and 0 < value < 1_000_000 and not _is_year(tokens, i, value):
            start, end = tokens[i].start, tokens[head].end
            counts.append(Count(value, _qualifier(tokens, i), start, end, text[start:end]))
        i = j
    return counts


def _is_year(tokens: list[Token], i: int, value: int) -> bool:
    nxt = tokens[i + 1].lower if i + 1 < len(tokens) else ""
    return 1900 <= value <= 2100 and nxt.startswith(("год", "гад", "г"))
