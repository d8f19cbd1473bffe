"""Russian and Belarusian arguments: nominative persons with gender, counts, dates, places."""

from __future__ import annotations

import pytest

from prisonwatch.documents import CleanDocument
from prisonwatch.extract import extract
from prisonwatch.extract.slavic import belarusian
from prisonwatch.extract.slavic.dates import find_dates
from prisonwatch.extract.slavic.frontend import SlavicFrontEnd
from prisonwatch.extract.slavic.lacinka import to_cyrillic, to_lacinka
from prisonwatch.extract.slavic.names import nominative
from prisonwatch.extract.slavic.numbers import find_counts
from prisonwatch.extract.slavic.tokens import tokenize


@pytest.mark.parametrize(
    ("written", "language", "expected", "gender"),
    [
        ("Марии Колесниковой", "ru", "Мария Колесникова", "femn"),
        ("Марию Колесникову", "ru", "Мария Колесникова", "femn"),
        ("Виктора Лосика", "ru", "Виктор Лосик", "masc"),
        ("Владимира Кара-Мурзу", "ru", "Владимир Кара-Мурза", "masc"),
        ("Сергея Тихановского", "ru", "Сергей Тихановский", "masc"),
        ("Анна Петрова", "ru", "Анна Петрова", "femn"),
        ("Алеся Бяляцкага", "be", "Алесь Бяляцкі", "masc"),
        ("Таццяны Смоткінай", "be", "Таццяна Смоткіна", "femn"),
        ("Марыі Калеснікавай", "be", "Марыя Калеснікава", "femn"),
        ("Джонам Коўлам", "be", "Джон Коўл", "masc"),
        ("Кацярына Шпак", "be", "Кацярына Шпак", None),
    ],
)
def test_names_to_the_nominative_keeping_gender(
    written: str, language: str, expected: str, gender: str | None
) -> None:
    got, got_gender = nominative(written.split(), language)
    assert got == expected
    if gender:
        assert got_gender == gender


@pytest.mark.parametrize("ending", belarusian.SURNAME_ENDINGS + belarusian.FIRST_NAME_ENDINGS)
def test_each_belarusian_ending_row_holds_its_example(ending: belarusian.Ending) -> None:
    oblique, nominal = ending.example
    if ending.part == "last":
        assert belarusian.surname_nominative(oblique, ending.gender)[0] == nominal
    else:
        assert belarusian.first_name_nominative(oblique, ending.gender)[0] == nominal


@pytest.mark.parametrize(
    ("text", "value", "qualifier"),
    [
        ("освободили 52 политзаключенных", 52, None),
        ("задержали не менее 20 человек", 20, "at least"),
        ("освободили более ста политзаключенных", 100, "more than"),
        ("задержали около тридцати протестующих", 30, "about"),
        ("вызвалілі больш за 40 палітвязняў", 40, "more than"),
        ("затрымалі каля дзесяці чалавек", 10, "about"),
        ("арестовали четырех россиян", 4, None),
        ("задержали шестерых студентов", 6, None),
        ("затрымалі пяцёх актывістаў", 5, None),
        ("вызвалілі не менш як сямёх вязняў", 7, "at least"),
    ],
)
def test_counts_in_digits_and_words_with_qualifiers(
    text: str, value: int, qualifier: str | None
) -> None:
    counts = find_counts(tokenize(text), text)
    assert [(c.value, c.qualifier) for c in counts] == [(value, qualifier)]


@pytest.mark.parametrize(
    "text",
    [
        "в 2020 году задержали",
        "3 часа ожидания",
        "суд назначил штраф 500 рублей",
        "з чацвера затрыманыя чакаюць суда",
    ],
)
def test_years_hours_and_money_are_no_counts(text: str) -> None:
    assert find_counts(tokenize(text), text) == []


@pytest.mark.parametrize(
    ("text", "published", "value", "inferred"),
    [
        ("16 августа подписал указ", "2024-09-01", "2024-08-16", True),
        ("16 августа подписал указ", "2024-08-10", "2023-08-16", True),
        ("16 августа подписал указ", None, None, False),
        ("17 снежня 2021 года суд", None, "2021-12-17", False),
        ("у чацвер затрымалі", "2025-05-03", "2025-05-01", True),
        ("в прошлом месяце освободили", "2025-03-14", "2025-02", True),
        ("вчера освободили", "2025-03-14", "2025-03-13", True),
        ("в сентябре 2025 года встреча", None, "2025-09", False),
    ],
)
def test_dates_resolved_as_rule_nine_says(
    text: str, published: str | None, value: str | None, inferred: bool
) -> None:
    dates = find_dates(text, published)
    assert (dates[0].value, dates[0].inferred) == (value, inferred)


def test_a_day_without_year_takes_the_year_the_account_gave() -> None:
    text = "Его задержали 25 апреля 2004 года. 30 декабря суд вынес приговор."
    assert [d.value for d in find_dates(text, "2010-01-01")] == ["2004-04-25", "2004-12-30"]


def test_lacinka_reads_as_belarusian_cyrillic() -> None:
    cyrillic, where = to_cyrillic("Aleś Bialacki vyzvaleny ŭ Minsku")
    assert cyrillic == "Алесь Бяляцкі вызвалены ў Мінску"
    assert len(where) == len(cyrillic) + 1


def test_a_russian_event_with_all_its_arguments() -> None:
    text = (
        "Суд в Минске 3 марта приговорил журналистку Марию Колесникову к пяти годам колонии.\n"
        "Правозащитники назвали приговор политическим."
    )
    events = extract(CleanDocument(text=text, published="2025-03-20", language="ru")).events
    sentence = next(e for e in events if e.type == "sentence")
    assert [p.name for p in sentence.persons] == ["Мария Колесникова"]
    assert sentence.date == "2025-03-03"
    assert sentence.target_country == "Belarus"
    assert sentence.evidence[0].quote.startswith("Суд в Минске")


def test_a_belarusian_move_abroad_with_destination_and_count() -> None:
    text = "Улады вызвалілі 14 палітвязняў. Іх вывезлі ў Літву ў нядзелю."
    events = extract(CleanDocument(text=text, published="2025-06-10", language="be")).events
    by_type = {e.type: e for e in events}
    assert by_type["release"].count == 14
    assert by_type["transfer"].destination == ["Lithuania"]


def test_officials_are_not_the_prisoners() -> None:
    text = "Судья Иван Петров приговорил активиста Олега Смирнова к трем годам колонии."
    events = extract(CleanDocument(text=text, language="ru")).events
    assert [p.name for p in events[0].persons] == ["Олег Смирнов"]


def test_a_list_after_the_sentence_joins_the_event() -> None:
    text = (
        "Суд вынес приговоры трем активистам.\n"
        "Иван Петров получил 2 года колонии;\n"
        "Анна Смирнова — 3 года колонии."
    )
    events = extract(CleanDocument(text=text, language="ru")).events
    assert {p.name for p in events[0].persons} == {"Иван Петров", "Анна Смирнова"}


@pytest.mark.parametrize(
    ("written", "expected"),
    [
        ("Кірыла Сянкевіча", "Кірыл Сянкевіч"),
        ("Марыну Сідаровіч", "Марына Сідаровіч"),
        ("Барыс Мароз", "Барыс Мароз"),
        ("Дзмітрыя Лапко", "Дзмітрый Лапко"),
    ],
)
def test_declared_belarusian_given_names(written: str, expected: str) -> None:
    assert nominative(written.split(), "be")[0] == expected


def test_a_belarusian_list_of_names_after_the_verdict_joins_the_sentence() -> None:
    text = (
        "Суд у Гомелі асудзіў чатырох актывістаў.\n"
        "Кірыл Сянкевіч — 3 гады калоніі;\n"
        "Марына Сідаровіч і Барыс Мароз — па 2 гады калоніі."
    )
    events = extract(CleanDocument(text=text, language="be")).events
    names = {p.name for e in events if e.type == "sentence" for p in e.persons}
    assert names == {"Кірыл Сянкевіч", "Марына Сідаровіч", "Барыс Мароз"}


@pytest.mark.parametrize(
    "cyrillic", ["Алесь Бяляцкі", "Марыя Калесьнікава", "Святлана Ціханоўская", "Ягор Лукашэнка"]
)
def test_names_go_back_to_lacinka_unchanged(cyrillic: str) -> None:
    latin = " ".join(to_lacinka(w) for w in cyrillic.split())
    assert to_cyrillic(latin)[0] == cyrillic


def test_a_lacinka_text_is_read_as_belarusian_with_spans_into_it() -> None:
    text = (
        "Ułady vyzvalili 14 palitviaźniaŭ, siarod ich Maryju Kaleśnikavu. "
        "Ich vyviezli ŭ Litvu ŭ niadzielu."
    )
    extraction = extract(CleanDocument(text=text, published="2025-06-10"))
    assert extraction.language == "be"
    events = {e.type: e for e in extraction.events}
    assert events["transfer"].destination == ["Lithuania"]
    assert events["transfer"].date == "2025-06-08"
    assert [p.name for p in events["release"].persons] == ["Maryja Kaleśnikava"]
    for event in extraction.events:
        for evidence in event.evidence:
            assert text[evidence.start : evidence.end] == evidence.quote


@pytest.mark.parametrize(
    ("text", "language", "negotiators"),
    [
        (
            "Посланник Иван Петров провел переговоры об освобождении Олега Смирнова.",
            "ru",
            {"Иван Петров"},
        ),
        (
            "Пасланнік Іван Пятроў правёў перамовы пра вызваленне Алега Смірнова.",
            "be",
            {"Іван Пятроў"},
        ),
    ],
)
def test_the_prisoner_a_negotiation_is_about_is_not_a_negotiator(
    text: str, language: str, negotiators: set[str]
) -> None:
    proposal = SlavicFrontEnd(language).propose(CleanDocument(text=text, language=language))
    talks = [c for c in proposal.candidates if c.type == "negotiation"]
    assert {p.name for p in talks[0].proposal.persons} == negotiators


@pytest.mark.parametrize("ending", belarusian.MASCULINE_IN_A_ENDINGS)
def test_each_masculine_in_a_row_holds_its_example(ending: belarusian.Ending) -> None:
    oblique, nominal = ending.example
    assert belarusian.given_name(oblique) == (nominal, "masc", False)
    assert belarusian.first_name_nominative(oblique, "masc") == (nominal, "masc")
    # The same ending on a name the table does not hold stays as the general rows read it.
    assert belarusian.given_name("Зміц" + ending.oblique) is None


@pytest.mark.parametrize(
    ("text", "language", "wanted"),
    [
        ("Суд приговорил Ивана Петрова к трем годам колонии.", "ru", ["Иван Петров"]),
        ("Суд асудзіў Міколу Шаройку на тры гады калоніі.", "be", ["Мікола Шаройка"]),
        ("Следователь задержал Анну Смирнову в понедельник.", "ru", ["Анна Смирнова"]),
        # A role right before the name, or two before with no verb between, is a title.
        (
            "Судья района Иван Петров приговорил Олега Смирнова к году колонии.",
            "ru",
            ["Олег Смирнов"],
        ),
    ],
)
def test_a_role_acting_through_a_verb_leaves_its_object_a_prisoner(
    text: str, language: str, wanted: list[str]
) -> None:
    # The persons the front end attaches, whatever the trained model later decides of the event.
    proposal = SlavicFrontEnd(language).propose(CleanDocument(text=text, language=language))
    assert [p.name for p in proposal.candidates[0].proposal.persons] == wanted
