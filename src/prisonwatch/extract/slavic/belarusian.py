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
    Ending("евай", "ева", "femn", "last", ("Шаўцовай", "Шаўцова")),
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
    Ending("ам", "", "masc", "first", ("Джонам", "Джон")),
    Ending("ом", "", "masc", "first", ("Віктаром", "Віктар")),
    Ending("а", "", "masc", "first", ("Вітольда", "Вітольд")),
    Ending("у", "", "masc", "first", ("Вітольду", "Вітольд")),
)
# Nominative endings typical of Belarusian surnames: with one, a capitalised word after an
# unknown given name still makes a name ("Паўлюк Быкоўскі").
SURNAME_NOMINATIVE = (
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


def surname_shaped(word: str) -> bool:
    """Return True when ``word`` carries a Belarusian surname ending (any case it shows alone)."""
    low = word.lower()
    return strong_surname_gender(word) is not None or low.endswith(SURNAME_NOMINATIVE)


def may_be_given(word: str) -> bool:
    """Return True when a capitalised word could be a given name the tables do not know."""
    return len(word) > 2 and not word.lower().endswith(_NOT_GIVEN)


# Common Belarusian given names (nominative) that the Russian dictionary does not know as names.
_MEN = (
    "Алесь Аляксандр Аляксей Андрэй Антон Арцём Барыс Валерый Васіль Віктар Віталь Вітольд "
    "Уладзімір Уладзіслаў Вадзім Генадзь Георгій Грыгорый Дзмітрый Дзяніс Зміцер Ігар Іван "
    "Ілля Кірыл Канстанцін Лявон Максім Марат Мікалай Мікіта Міхаіл Міхась Мікола Мікалай "
    "Алег Павел Пётр Раман Руслан Сяргей Сцяпан Станіслаў Ціхан Фёдар Францішак Юрый Яўген "
    "Якаў Янка Ягор Эдуард Яраслаў Вячаслаў Аляксандар Лявон Рыгор Зянон Павал Андрусь"
)
_WOMEN = (
    "Алена Аляксандра Анастасія Ала Алеся Анжаліка Ганна Дар'я Дарʼя Дар’я Вольга Вікторыя "
    "Валянціна Вера Галіна Ірына Кацярына Ксенія Людміла Марына Марыя Маргарыта Надзея "
    "Наталля Ніна Паліна Святлана Таццяна Юлія Яна Ядвіга Іна Інга Лілія Любоў Зінаіда "
    "Раіса Тамара Тэрэза Яўгенія Ксенія Эма Эліна Вераніка Вікторыя Марфа Арына Аксана"
)
GIVEN_NAMES: dict[str, str] = {
    **{n.lower(): "masc" for n in _MEN.split()},
    **{n.lower(): "femn" for n in _WOMEN.split()},
}
# Given names ending in -а/-я that are men's: their oblique forms follow the feminine pattern.
MASCULINE_IN_A = frozenset({"ілья", "мікіта", "кузьма", "фама", "савва", "лука", "нікіта"})
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
    return _apply(word, FIRST_NAME_ENDINGS, gender)
