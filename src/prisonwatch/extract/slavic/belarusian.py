"""Belarusian declared tables: name endings back to the nominative, and Russian correspondences."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Ending:
    """An oblique-case ending of a Belarusian name part and its nominative, with an example."""

    oblique: str  # the ending as it stands in running text
    nominative: str  # what replaces it in the nominative
    gender: str  # masc or femn
    part: str  # first (given name) or last (surname)
    example: tuple[str, str]  # (oblique form, nominative), held by a test


# Longest endings first within each part; a surname decides the gender when it can.
SURNAME_ENDINGS: tuple[Ending, ...] = (
    # Surnames in -ка (Лойка, Лукашэнка) decline like nouns in -а, for him and for her alike.
    Ending("йкам", "йка", "masc", "last", ("Шаройкам", "Шаройка")),
    Ending("йкай", "йка", "femn", "last", ("Шаройкай", "Шаройка")),
    Ending("йкі", "йка", "masc", "last", ("Лойкі", "Лойка")),
    Ending("йкі", "йка", "femn", "last", ("Лойкі", "Лойка")),
    Ending("йку", "йка", "masc", "last", ("Лойку", "Лойка")),
    Ending("йку", "йка", "femn", "last", ("Лойку", "Лойка")),
    Ending("энкам", "энка", "masc", "last", ("Мірашэнкам", "Мірашэнка")),
    Ending("энкай", "энка", "femn", "last", ("Мірашэнкай", "Мірашэнка")),
    Ending("энкі", "энка", "masc", "last", ("Мірашэнкі", "Мірашэнка")),
    Ending("энкі", "энка", "femn", "last", ("Мірашэнкі", "Мірашэнка")),
    Ending("энку", "энка", "masc", "last", ("Мірашэнку", "Мірашэнка")),
    Ending("энку", "энка", "femn", "last", ("Мірашэнку", "Мірашэнка")),
    # Surnames in -оў/-аў/-еў/-ёў: his instrumental, and her -ёва written with ё under stress.
    Ending("авым", "аў", "masc", "last", ("Капылавым", "Капылаў")),
    Ending("овым", "оў", "masc", "last", ("Капыловым", "Капылоў")),
    Ending("евым", "еў", "masc", "last", ("Мядзведзевым", "Мядзведзеў")),
    Ending("ёвым", "ёў", "masc", "last", ("Салаўёвым", "Салаўёў")),
    Ending("ёвай", "ёва", "femn", "last", ("Салаўёвай", "Салаўёва")),
    Ending("ёву", "ёва", "femn", "last", ("Салаўёву", "Салаўёва")),
    Ending("еву", "ева", "femn", "last", ("Мядзведзеву", "Мядзведзева")),
    Ending("ёву", "ёў", "masc", "last", ("Салаўёву", "Салаўёў")),
    Ending("еву", "еў", "masc", "last", ("Мядзведзеву", "Мядзведзеў")),
    Ending("ёва", "ёў", "masc", "last", ("Салаўёва", "Салаўёў")),
    Ending("вічам", "віч", "masc", "last", ("Лукашэвічам", "Лукашэвіч")),
    Ending("віча", "віч", "masc", "last", ("Дашкевіча", "Дашкевіч")),
    Ending("вічу", "віч", "masc", "last", ("Дашкевічу", "Дашкевіч")),
    Ending("скага", "скі", "masc", "last", ("Ціханоўскага", "Ціханоўскі")),
    Ending("цкага", "цкі", "masc", "last", ("Бяляцкага", "Бяляцкі")),
    Ending("скаму", "скі", "masc", "last", ("Ціханоўскаму", "Ціханоўскі")),
    Ending("цкаму", "цкі", "masc", "last", ("Бяляцкаму", "Бяляцкі")),
    Ending("скім", "скі", "masc", "last", ("Грабінскім", "Грабінскі")),
    Ending("скай", "ская", "femn", "last", ("Ціханоўскай", "Ціханоўская")),
    Ending("скую", "ская", "femn", "last", ("Ціханоўскую", "Ціханоўская")),
    Ending("цкай", "цкая", "femn", "last", ("Белацкай", "Белацкая")),
    Ending("авай", "ава", "femn", "last", ("Калеснікавай", "Калеснікава")),
    Ending("овай", "ова", "femn", "last", ("Ушыўковай", "Ушыўкова")),
    Ending("евай", "ева", "femn", "last", ("Мядзведзевай", "Мядзведзева")),
    Ending("інай", "іна", "femn", "last", ("Смоткінай", "Смоткіна")),
    Ending("аву", "ава", "femn", "last", ("Калеснікаву", "Калеснікава")),
    Ending("іну", "іна", "femn", "last", ("Смоткіну", "Смоткіна")),
    Ending("ава", "аў", "masc", "last", ("Капылова", "Капылоў")),
    Ending("ова", "оў", "masc", "last", ("Капылова", "Капылоў")),
    Ending("ева", "еў", "masc", "last", ("Мядзведзева", "Мядзведзеў")),
    Ending("ына", "ын", "masc", "last", ("Сініцына", "Сініцын")),
    Ending("іна", "ін", "masc", "last", ("Галаніна", "Галанін")),
    Ending("ыма", "ым", "masc", "last", ("Максіма", "Максім")),
    Ending("кам", "к", "masc", "last", ("Лосікам", "Лосік")),
    Ending("ам", "", "masc", "last", ("Коўлам", "Коўл")),
    Ending("ым", "", "masc", "last", ("Галаніным", "Галанін")),
    Ending("а", "", "masc", "last", ("Пачобута", "Пачобут")),
    Ending("у", "", "masc", "last", ("Пачобуту", "Пачобут")),
)
# Endings that only an oblique case writes: they decide case and gender on their own.
STRONG_ENDINGS = frozenset(
    {
        "вічам",
        "віча",
        "вічу",
        "скага",
        "цкага",
        "скаму",
        "цкаму",
        "скай",
        "скую",
        "цкай",
        "авай",
        "овай",
        "евай",
        "інай",
        "аву",
        "іну",
        "кам",
        "ам",
        "йкам",
        "йкай",
        "энкам",
        "энкай",
        "авым",
        "овым",
        "евым",
        "ёвым",
        "ёвай",
    }
)
FIRST_NAME_ENDINGS: tuple[Ending, ...] = (
    Ending("рыі", "рыя", "femn", "first", ("Марыі", "Марыя")),
    Ending("рыю", "рыя", "femn", "first", ("Марыю", "Марыя")),
    Ending("ыяй", "ыя", "femn", "first", ("Марыяй", "Марыя")),
    Ending("сіі", "сія", "femn", "first", ("Анастасіі", "Анастасія")),
    Ending("ны", "на", "femn", "first", ("Кацярыны", "Кацярына")),
    Ending("ну", "на", "femn", "first", ("Кацярыну", "Кацярына")),
    Ending("най", "на", "femn", "first", ("Кацярынай", "Кацярына")),
    Ending("ьгі", "ьга", "femn", "first", ("Вольгі", "Вольга")),
    Ending("ьгу", "ьга", "femn", "first", ("Вольгу", "Вольга")),
    Ending("эя", "эй", "masc", "first", ("Андрэя", "Андрэй")),
    Ending("эю", "эй", "masc", "first", ("Андрэю", "Андрэй")),
    Ending("эем", "эй", "masc", "first", ("Андрэем", "Андрэй")),
    Ending("ея", "ей", "masc", "first", ("Сяргея", "Сяргей")),
    Ending("ыя", "ый", "masc", "first", ("Дзмітрыя", "Дзмітрый")),
    Ending("ыю", "ый", "masc", "first", ("Дзмітрыю", "Дзмітрый")),
    Ending("ыем", "ый", "masc", "first", ("Дзмітрыем", "Дзмітрый")),
    Ending("ся", "сь", "masc", "first", ("Алеся", "Алесь")),
    Ending("сю", "сь", "masc", "first", ("Алесю", "Алесь")),
    Ending("сем", "сь", "masc", "first", ("Алесем", "Алесь")),
    # Her given name when the tables do not know it ('Зосю' → 'Зося'): after the rows above.
    Ending("сю", "ся", "femn", "first", ("Зосю", "Зося")),
    Ending("сяй", "ся", "femn", "first", ("Зосяй", "Зося")),
    Ending("сі", "ся", "femn", "first", ("Зосі", "Зося")),
    Ending("ай", "а", "femn", "first", ("Настай", "Наста")),
    Ending("ы", "а", "femn", "first", ("Насты", "Наста")),
    Ending("у", "а", "femn", "first", ("Насту", "Наста")),
    Ending("ам", "", "masc", "first", ("Джонам", "Джон")),
    Ending("ом", "", "masc", "first", ("Віктаром", "Віктар")),
    Ending("а", "", "masc", "first", ("Вітольда", "Вітольд")),
    Ending("у", "", "masc", "first", ("Вітольду", "Вітольд")),
)
# Nominative endings typical of Belarusian surnames: with one, a capitalised word after an
# unknown given name still makes a name ("Паўлюк Быкоўскі").
SURNAME_NOMINATIVE = (
    "йка",
    "энка",
    "ёва",
    "ева",
    "скі",
    "цкі",
    "ская",
    "цкая",
    "віч",
    "енка",
    "ёнак",
    "онак",
    "чык",
    "ук",
    "юк",
)
# Endings of adjectives and plural nouns: a first word with one opens no name ("Беларускі Саюз").
_NOT_GIVEN = ("скі", "цкі", "ская", "цкая", "ы", "ая", "ыя", "ія", "ае", "ое")


@dataclass(frozen=True)
class CommonEnding:
    """A suffix of Belarusian common nouns that no given name carries, in any of its cases."""

    endings: tuple[str, ...]
    example: str  # a sentence-opening common noun with it: never a given name
    counter: str  # a given name the suffix must not catch


# A sentence opens on such a noun before a surname ("Вызваленне Дашкевіча", his release):
# the pair is no person, whatever the Russian morphology guesses for the Belarusian word.
COMMON_NOUN_ENDINGS: tuple[CommonEnding, ...] = (
    CommonEnding(("нне", "нні", "ння", "нням"), "Затрыманне", "Ганна"),
    CommonEnding(("ццё", "цця", "ццем", "цці"), "Жыццё", "Ілля"),
    CommonEnding(("сць", "сці", "сцю"), "Маладосць", "Алесь"),
    CommonEnding(("ства", "стве", "ствам", "цтва", "цтве"), "Пасольства", "Станіслава"),
    CommonEnding(("цыя", "цыі", "цыю", "цыяй"), "Міліцыя", "Марыя"),
    CommonEnding(("рэча", "рэчы", "рэчу"), "Сустрэча", "Вера"),
)
_COMMON = tuple(e for row in COMMON_NOUN_ENDINGS for e in row.endings)


def common_noun_shaped(word: str) -> bool:
    """Return True when ``word`` ends in a suffix of common nouns that no given name has."""
    return word.lower().endswith(_COMMON)


def _oblique_of_shaped(low: str) -> bool:
    """Return True for an oblique form of a surname with a typical nominative ('Лойку')."""
    return any(
        low.endswith(e.oblique) and e.nominative.endswith(SURNAME_NOMINATIVE)
        for e in SURNAME_ENDINGS
    )


def surname_shaped(word: str) -> bool:
    """Return True when ``word`` carries a Belarusian surname ending (any case it shows alone)."""
    low = word.lower()
    return (
        strong_surname_gender(word) is not None
        or low.endswith(SURNAME_NOMINATIVE)
        or _oblique_of_shaped(low)
    )


# An oblique surname ('Лойку') after an unknown first word: the first word, to be a given name,
# shows a case ending too ('Насту Лойку'; never 'Масква Лукашэнку', Moscow to him).
@dataclass(frozen=True)
class Agreement:
    """A surname's last letter and the last letters a given name in the same case may have."""

    surname_final: str
    given_finals: str
    positive: tuple[str, str]  # (given name, surname) that agree: held by a test
    negative: tuple[str, str]  # a first word in no case that fits the surname


CASE_AGREEMENT: tuple[Agreement, ...] = (
    Agreement("у", "ую", ("Насту", "Лойку"), ("Масква", "Лойку")),  # dative, accusative
    Agreement("і", "аяіы", ("Гелены", "Шаройкі"), ("Крэмль", "Шаройкі")),  # genitive
)
_AGREEMENT = {row.surname_final: row.given_finals for row in CASE_AGREEMENT}


def agrees(first: str, last: str) -> bool:
    """Return True when an unknown given name's ending fits the case of the surname after it."""
    low = last.lower()
    if strong_surname_gender(last) is not None or low.endswith(SURNAME_NOMINATIVE):
        return True
    allowed = _AGREEMENT.get(low[-1:])
    return allowed is None or first.lower()[-1:] in allowed


def may_be_given(word: str) -> bool:
    """Return True when a capitalised word could be a given name the tables do not know."""
    return len(word) > 2 and not word.lower().endswith(_NOT_GIVEN) and not common_noun_shaped(word)


# Common Belarusian given names (nominative) that the Russian dictionary does not know as names.
_MEN = (
    "Алесь Аляксандр Аляксей Андрэй Антон Арцём Барыс Валерый Васіль Віктар Віталь Вітольд "
    "Уладзімір Уладзіслаў Вадзім Генадзь Георгій Грыгорый Дзмітрый Дзяніс Зміцер Ігар Іван "
    "Ілля Кірыл Канстанцін Лявон Максім Марат Мікалай Мікіта Міхаіл Міхась Мікола Мікалай "
    "Алег Павел Пётр Раман Руслан Сяргей Сцяпан Станіслаў Ціхан Фёдар Францішак Юрый Яўген "
    "Якаў Янка Ягор Эдуард Яраслаў Вячаслаў Аляксандар Лявон Рыгор Зянон Павал Андрусь Язэп"
)
_WOMEN = (
    "Алена Аляксандра Анастасія Ала Алеся Анжаліка Ганна Дар'я Дарʼя Дар’я Вольга Вікторыя "
    "Валянціна Вера Галіна Ірына Кацярына Ксенія Людміла Марына Марыя Маргарыта Надзея "
    "Наталля Ніна Паліна Святлана Таццяна Юлія Яна Ядвіга Іна Інга Лілія Любоў Зінаіда "
    "Раіса Тамара Тэрэза Яўгенія Ксенія Эма Эліна Вераніка Вікторыя Марфа Арына Аксана Наста"
)
GIVEN_NAMES: dict[str, str] = {
    **{n.lower(): "masc" for n in _MEN.split()},
    **{n.lower(): "femn" for n in _WOMEN.split()},
}
# Given names ending in -а/-я that are men's: their oblique forms follow the feminine pattern.
MASCULINE_IN_A = frozenset(
    {"янка", "мікола", "мікіта", "кузьма", "фама", "ілля", "ілья", "сава", "савва", "лука"}
)
# Their oblique endings back to the nominative (the first declension as Belarusian writes it
# for a man: dative, accusative and locative in -у, instrumental in -ам/-ом); a row applies
# only when the nominative it gives is in MASCULINE_IN_A.
MASCULINE_IN_A_ENDINGS: tuple[Ending, ...] = (
    Ending("ём", "я", "masc", "first", ("Ільём", "Ілья")),
    Ending("ёй", "я", "masc", "first", ("Іллёй", "Ілля")),
    Ending("ам", "а", "masc", "first", ("Янкам", "Янка")),
    Ending("ом", "а", "masc", "first", ("Кузьмом", "Кузьма")),
    Ending("ой", "а", "masc", "first", ("Кузьмой", "Кузьма")),
    Ending("ы", "а", "masc", "first", ("Міколы", "Мікола")),
    Ending("і", "а", "masc", "first", ("Янкі", "Янка")),
    Ending("і", "я", "masc", "first", ("Іллі", "Ілля")),
    Ending("у", "а", "masc", "first", ("Фаму", "Фама")),
    Ending("ю", "я", "masc", "first", ("Ілью", "Ілья")),
)
GIVEN_NAMES.update({n: "masc" for n in MASCULINE_IN_A})
# Belarusian letters and digraphs to their Russian counterparts, for the Russian morphology.
TO_RUSSIAN: tuple[tuple[str, str], ...] = (
    ("дзь", "д"),
    ("дз", "д"),
    ("ць", "ть"),
    ("шч", "щ"),
    ("ў", "в"),
    ("і", "и"),
    ("э", "е"),
    ("'", "ъ"),
    ("’", "ъ"),
)


def russified(word: str) -> str:
    """Return a Belarusian word in Russian letter correspondences ('Дзмітрый' → 'дмитрий')."""
    out = word.lower()
    for be, ru in TO_RUSSIAN:
        out = out.replace(be, ru)
    return out


def _apply(word: str, table: tuple[Ending, ...], gender: str | None) -> tuple[str, str | None]:
    low = word.lower()
    for ending in table:
        if gender and ending.gender != gender:
            continue
        if low.endswith(ending.oblique) and len(low) > len(ending.oblique) + 1:
            stem = word[: len(word) - len(ending.oblique)]
            return stem + ending.nominative, ending.gender
    return word, None


def given_name(word: str, gender: str | None = None) -> tuple[str, str, bool] | None:
    """Return (nominative, gender, is_nominative) of a declared Belarusian given name, else None.

    ``gender``, when the surname shows it, picks between readings ('Алеся': she, or his genitive).
    """
    low = word.lower().replace("’", "'")
    if low in GIVEN_NAMES and gender in (None, GIVEN_NAMES[low]):
        return word, GIVEN_NAMES[low], True
    for ending in MASCULINE_IN_A_ENDINGS if gender in (None, "masc") else ():
        stem = low[: len(low) - len(ending.oblique)]
        if low.endswith(ending.oblique) and stem + ending.nominative in MASCULINE_IN_A:
            return word[: len(stem)] + ending.nominative, "masc", False
    for ending in FIRST_NAME_ENDINGS:
        if gender and ending.gender != gender:
            continue
        if low.endswith(ending.oblique) and len(low) > len(ending.oblique) + 1:
            nominal = low[: len(low) - len(ending.oblique)] + ending.nominative
            if GIVEN_NAMES.get(nominal) == ending.gender:
                return (
                    word[: len(word) - len(ending.oblique)] + ending.nominative,
                    ending.gender,
                    False,
                )
    return None


def strong_surname_gender(word: str) -> str | None:
    """Return the gender that an unambiguous oblique surname ending shows, else None."""
    low = word.lower()
    for ending in SURNAME_ENDINGS:
        if ending.oblique in STRONG_ENDINGS and low.endswith(ending.oblique):
            return ending.gender
    return None


def surname_nominative(word: str, gender: str | None) -> tuple[str, str | None]:
    """Return a Belarusian surname in the nominative and the gender its ending shows."""
    return _apply(word, SURNAME_ENDINGS, gender)


def first_name_nominative(word: str, gender: str | None) -> tuple[str, str | None]:
    """Return a Belarusian given name in the nominative and the gender its ending shows."""
    declared = given_name(word, gender)
    if declared is not None:
        return declared[0], declared[1]
    return _apply(word, FIRST_NAME_ENDINGS, gender)
