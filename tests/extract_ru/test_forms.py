"""Verb forms and acting state bodies: the shared features Russian and Belarusian give the model."""

from __future__ import annotations

import pytest

from prisonwatch.documents import CleanDocument
from prisonwatch.extract.slavic import belarusian, places
from prisonwatch.extract.slavic.frontend import SlavicFrontEnd
from prisonwatch.extract.slavic.lexicon import BE_FORMS, Form, be_form
from prisonwatch.extract.slavic.names import find_names
from prisonwatch.extract.slavic.tokens import tokenize


def _candidate_features(text: str, language: str) -> list[dict[str, float]]:
    proposal = SlavicFrontEnd(language).propose(CleanDocument(text=text, language=language))
    return [c.features for c in proposal.candidates]


@pytest.mark.parametrize("form", BE_FORMS, ids=[f.feature for f in BE_FORMS])
def test_each_belarusian_form_row_holds_its_examples(form: Form) -> None:
    assert be_form(form.positive) == form.feature
    assert be_form(form.negative) != form.feature


@pytest.mark.parametrize(
    ("text", "language", "wanted", "unwanted"),
    [
        ("Вчера в Гродно задержали двух блогеров.", "ru", {"past"}, {"passive"}),
        ("Вчера в Гродно задержаны два блогера.", "ru", {"past", "passive"}, set()),
        ("Учора ў Гродне затрымалі двух блогераў.", "be", {"past"}, {"passive"}),
        ("Учора ў Гродне затрыманы блогер Іван Пятроў.", "be", {"past", "passive"}, set()),
    ],
)
def test_past_and_passive_triggers_are_marked(
    text: str, language: str, wanted: set[str], unwanted: set[str]
) -> None:
    (features,) = _candidate_features(text, language)
    assert wanted <= set(features)
    assert not unwanted & set(features)


@pytest.mark.parametrize(
    ("sentence", "country"),
    [
        ("власти Литвы задержали", "Lithuania"),
        ("литовские власти задержали", "Lithuania"),
        ("улады Польшчы вызвалілі", "Poland"),
        ("Минфин США исключил", "United States"),
        ("власти сообщили", None),
        ("суд Литвы приговорил", None),
    ],
)
def test_a_state_body_acts_for_its_country(sentence: str, country: str | None) -> None:
    words = sentence.split()
    found = [places.authority(words, i) for i in range(len(words))]
    assert next((c for c in found if c), None) == country


@pytest.mark.parametrize(
    ("text", "language", "actor"),
    [
        ("Вчера в Литве освобождены три журналиста.", "ru", "Lithuania"),
        ("Учора ў Літве вызвалены тры журналісты.", "be", "Lithuania"),
        ("Вчера в Литве освободили трех журналистов.", "ru", None),
    ],
)
def test_an_agentless_passive_is_the_state_acting(text: str, language: str, actor: str) -> None:
    proposal = SlavicFrontEnd(language).propose(CleanDocument(text=text, language=language))
    assert [c.proposal.actor for c in proposal.candidates] == [actor]


def test_a_release_told_beside_a_pardon_shares_its_people() -> None:
    text = (
        "Президент подписал указ о помиловании узников, которые были освобождены вчера.\n"
        "Помилованы: журналист Иван Сидоров; активистка Ольга Миронова."
    )
    proposal = SlavicFrontEnd("ru").propose(CleanDocument(text=text, language="ru"))
    people = {c.type: sorted(p.name for p in c.proposal.persons) for c in proposal.candidates}
    assert people["release"] == people["pardon"] == ["Иван Сидоров", "Ольга Миронова"]


@pytest.mark.parametrize(
    ("text", "language", "wanted"),
    [
        (
            "Летом власти освободили несколько узников. Среди них — Иван Сидоров и Ольга Миронова.",
            "ru",
            ["Иван Сидоров", "Ольга Миронова"],
        ),
        (
            "Улетку ўлады вызвалілі некалькі вязняў. Сярод іх — Іван Сідараў і Вольга Міронава.",
            "be",
            ["Іван Сідараў", "Вольга Міронава"],
        ),
    ],
)
def test_a_sentence_naming_some_of_them_joins_the_event(
    text: str, language: str, wanted: list[str]
) -> None:
    proposal = SlavicFrontEnd(language).propose(CleanDocument(text=text, language=language))
    (candidate,) = proposal.candidates
    assert [p.name for p in candidate.proposal.persons] == wanted


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("Полиция задержала пятерых активистов за день. Еще двоих задержали в Твери.", "ru"),
        ("Міліцыя затрымала пяцёх актывістаў за дзень. Яшчэ двух затрымалі ў Віцебску.", "be"),
    ],
)
def test_more_of_a_told_total_is_the_same_event(text: str, language: str) -> None:
    proposal = SlavicFrontEnd(language).propose(CleanDocument(text=text, language=language))
    assert [(c.type, c.proposal.count) for c in proposal.candidates] == [("arrest", 5)]


def test_a_describing_participle_keeps_only_the_people_it_describes() -> None:
    text = (
        "Министр рассказал об обмене осужденного на пять лет блогера Ивана Сидорова "
        "и задержанных в Минске литовских граждан."
    )
    proposal = SlavicFrontEnd("ru").propose(CleanDocument(text=text, language="ru"))
    people = {c.type: [p.name for p in c.proposal.persons] for c in proposal.candidates}
    assert people["sentence"] == ["Иван Сидоров"]
    assert people.get("arrest", []) == []


@pytest.mark.parametrize(
    ("text", "wanted"),
    [
        ("Суд асудзіў Паўлюка Быкоўскага на тры гады.", ["Паўлюк Быкоўскі"]),
        (
            "Учора затрымалі Ігната Сідорчыка і Язэпа Мураўёва.",
            ["Ігнат Сідорчык", "Язэп Мураўёў"],
        ),
        ("Учора затрымалі Тадора Дашкевіча.", ["Тадор Дашкевіч"]),
        ("Беларускі Саюз Журналістаў выступіў з заявай.", []),
    ],
)
def test_belarusian_surname_endings_find_names_the_tables_do_not_know(
    text: str, wanted: list[str]
) -> None:
    assert [n.nominative for n in find_names(tokenize(text), text, "be")] == wanted


def test_a_describing_participle_is_a_background_cue_of_its_own() -> None:
    text = "Министр упомянул осужденного на пять лет блогера Ивана Сидорова."
    (features,) = _candidate_features(text, "ru")
    assert features.get("background_cue=description") == 1.0
    assert "background_cue" not in features


@pytest.mark.parametrize(
    ("text", "wanted"),
    [
        ("Суд асудзіў Янку Лойку на два гады.", [("Янка Лойка", "masc")]),
        ("Адвакат Міколы Шаройкі падаў скаргу.", [("Мікола Шаройка", "masc")]),
        ("Суд прызначыў Кузьму Дашкевічу тры гады.", [("Кузьма Дашкевіч", "masc")]),
        ("Яго затрымалі разам з Фамой Мірашэнкам.", [("Фама Мірашэнка", "masc")]),
        ("Пра Ілью Салаўёва нічога не вядома.", [("Ілья Салаўёў", "masc")]),
    ],
)
def test_a_mans_given_name_in_a_keeps_its_a(text: str, wanted: list[tuple[str, str]]) -> None:
    names = find_names(tokenize(text), text, "be")
    assert [(n.nominative, n.gender) for n in names] == wanted


@pytest.mark.parametrize(
    ("text", "wanted"),
    [
        ("Гелена Шаройка выйшла на волю.", ["Гелена Шаройка"]),
        ("Міліцыя затрымала Насту Лойку.", ["Наста Лойка"]),
        ("Суд асудзіў Зосю Лойку на год.", ["Зося Лойка"]),
        ("Суд асудзіў Насту Мураўёву на год.", ["Наста Мураўёва"]),
        ("Размова з Зосяй Салаўёвай была кароткай.", ["Зося Салаўёва"]),
        # A sentence-opening common noun before a surname is no person.
        ("Вызваленне Дашкевіча абмяркоўвалі ўчора.", []),
        ("Сустрэча Ціханоўскай з журналістамі прайшла.", []),
        ("Затрыманне Лойкі адбылося ўчора.", []),
        ("Беларуская Салаўёва выйшла.", []),
        # An oblique surname after a word in no case that fits it: a place or a body acting.
        ("Масква Лукашэнку падтрымала.", []),
        ("Крэмль Шаройку не выдаў.", []),
    ],
)
def test_surnames_in_ka_and_her_eva_follow_an_unknown_given_name(
    text: str, wanted: list[str]
) -> None:
    assert [n.nominative for n in find_names(tokenize(text), text, "be")] == wanted


@pytest.mark.parametrize("row", belarusian.COMMON_NOUN_ENDINGS, ids=lambda r: r.example)
def test_each_common_noun_ending_row_holds_its_examples(row: belarusian.CommonEnding) -> None:
    assert belarusian.common_noun_shaped(row.example)
    assert not belarusian.may_be_given(row.example)
    assert not belarusian.common_noun_shaped(row.counter)


@pytest.mark.parametrize(
    ("text", "language", "quoted"),
    [
        ("Адвокат сказал: «Его задержали без всяких оснований».", "ru", True),
        ("Адвакат сказаў: „Яго затрымалі без падстаў“, і падаў скаргу.", "be", True),
        ("— Меня задержали прямо у подъезда, — рассказал Иван Петров.", "ru", True),
        ("Как сообщает «Правозащитный центр», в Гомеле задержали Ивана Петрова.", "ru", False),
        ("Як піша „Наша газета“, у Гомелі затрымалі Івана Пятрова.", "be", False),
    ],
)
def test_a_trigger_inside_quoted_speech_carries_the_quote_feature(
    text: str, language: str, quoted: bool
) -> None:
    features = _candidate_features(text, language)
    assert features
    assert all(bool(f.get("quoted")) == quoted for f in features)


@pytest.mark.parametrize("row", belarusian.CASE_AGREEMENT, ids=lambda r: r.surname_final)
def test_each_case_agreement_row_holds_its_examples(row: belarusian.Agreement) -> None:
    assert belarusian.surname_shaped(row.positive[1])
    assert belarusian.agrees(*row.positive)
    assert not belarusian.agrees(*row.negative)
