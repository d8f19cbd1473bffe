"""Arguments: persons in lists and appositions, counts with qualifiers, actors, places, objects."""

from __future__ import annotations

from .helpers import events, one, proposed


def names(event: object) -> list[str]:
    return [p.name for p in event.persons]  # type: ignore[attr-defined]


def test_persons_in_a_list_among_them() -> None:
    e = one(
        "The authorities released 40 prisoners on Monday, among them the journalist Marfa "
        "Rabkova and the activist Pavel Sevyarynets.",
        "release",
    )
    assert names(e) == ["Marfa Rabkova", "Pavel Sevyarynets"]
    assert e.count == 40


def test_persons_by_apposition_and_along_with() -> None:
    text = "Opposition figure Mikola Dziadok was freed on Friday, along with the lawyer Maxim Znak."
    assert names(one(text, "release")) == ["Mikola Dziadok", "Maxim Znak"]


def test_along_with_n_others_counts_the_named_one() -> None:
    text = (
        "Opposition leader Ihar Losik, along with 13 other detainees, has been released on Monday."
    )
    e = one(text, "release")
    assert e.count == 14
    assert names(e) == ["Ihar Losik"]


def test_number_words_and_qualifiers() -> None:
    assert (
        one("Police detained at least 24 people in Minsk on Tuesday.", "arrest").count_qualifier
        == "at least"
    )
    assert one("Police detained at least 24 people in Minsk on Tuesday.", "arrest").count == 24
    assert one("Iran freed five foreign nationals on Sunday.", "release").count == 5
    more = one("Police detained more than 100 protesters in Tbilisi on Saturday.", "arrest")
    assert (more.count, more.count_qualifier) == (100, "more than")


def test_dozens_is_a_qualifier_without_a_number() -> None:
    e = one("Police in Moscow detained dozens of protesters on Sunday.", "arrest")
    assert e.count is None
    assert e.count_qualifier == "dozens"


def test_counts_of_groups_add_up() -> None:
    e = one("State media said 14 women and 16 men had been pardoned on Friday.", "pardon")
    assert e.count == 30


def test_years_are_not_a_count() -> None:
    e = one(
        "A court sentenced the journalist Ihar Losik to 15 years in prison on Monday.", "sentence"
    )
    assert e.count is None
    assert e.term == "15 years"


def test_actor_is_normalised_to_english() -> None:
    e = one(
        "The U.S. lifted sanctions on the state airline Belavia on Thursday.", "sanctions_lifted"
    )
    assert e.actor == "United States"
    assert e.object == "Belavia"


def test_sanction_object_drops_country_adjectives() -> None:
    e = one(
        "The move follows the lifting of US sanctions on Belarusian potash.", "sanctions_lifted"
    )
    assert e.object == "potash"
    assert e.actor == "United States"


def test_destination_of_a_transfer() -> None:
    e = one("Ten prisoners were handed over to Poland on Thursday.", "transfer")
    assert e.destination == ["Poland"]
    assert e.count == 10


def test_deportation_destination_and_group_pronoun() -> None:
    found = proposed(
        "The government released 135 political prisoners on Thursday and exiled them to Guatemala."
    )
    deport = next(e for e in found if e.type == "deportation")
    assert deport.count == 135
    assert deport.destination == ["Guatemala"]


def test_negotiation_parties() -> None:
    text = (
        "Venezuela freed six Americans on Friday. "
        "US envoy Ric Grenell met with Nicolás Maduro at the presidential palace."
    )
    e = one(text, "negotiation")
    assert names(e) == ["Ric Grenell", "Nicolás Maduro"]


def test_pronoun_refers_to_the_person_named_before() -> None:
    text = (
        "Opposition politician Nikolai Statkevich was sent back to prison on Monday. "
        "He refused to ask for a pardon, but the president released him early in 2015."
    )
    release = one(text, "release")
    assert names(release) == ["Nikolai Statkevich"]
    assert release.background
    assert release.date == "2015"


def test_background_relative_clause_and_date() -> None:
    text = (
        "Belarus freed 20 prisoners on Friday, among them the banker Viktar Babaryka, "
        "who was arrested in June 2020."
    )
    arrest = one(text, "arrest")
    assert arrest.background
    assert arrest.date == "2020-06"
    assert not one(text, "release").background


def test_evidence_quotes_are_verbatim_spans() -> None:
    text = (
        "Headline\n\nPolice detained at least 24 people in Minsk on Tuesday, a rights group said."
    )
    found = events(text)
    assert found
    for event in found:
        for ev in event.evidence:
            assert text[ev.start : ev.end] == ev.quote
        assert 0 < event.confidence < 1
        assert event.reason


def test_weekday_resolves_against_publication_date() -> None:
    e = one("Belarus freed 52 political prisoners on Thursday.", "release", published="2025-09-12")
    assert (e.date, e.date_precision, e.date_text) == ("2025-09-11", "day", "Thursday")
    unknown = one("Belarus freed 52 political prisoners on Thursday.", "release", published=None)
    assert unknown.date is None
    assert unknown.date_text == "Thursday"


def test_deal_ties_release_and_sanctions() -> None:
    from prisonwatch.documents import CleanDocument
    from prisonwatch.extract import extract

    text = (
        "Belarus freed 52 political prisoners on Thursday as part of a deal brokered by the "
        "United States, which lifted sanctions on the national airline Belavia."
    )
    result = extract(CleanDocument(text=text, published="2025-09-12"))
    kinds = {result.events[i].type for d in result.deals for i in d.events}
    assert {"release", "sanctions_lifted"} <= kinds


def test_sanctions_on_people_count_the_people() -> None:
    e = one("The EU imposed sanctions on eight Russian officials on Monday.", "sanctions_imposed")
    assert e.count == 8


def test_sanctions_on_a_company_have_no_count() -> None:
    e = one("The EU imposed sanctions on the state potash producer.", "sanctions_imposed")
    assert e.count is None


def test_named_person_and_n_others_count_the_whole_group() -> None:
    e = one("Ann Lee and five other prisoners were pardoned on Monday.", "pardon")
    assert e.count == 6


def test_n_others_without_a_name_count_only_them() -> None:
    e = one("Five other prisoners were pardoned on Monday.", "pardon")
    assert e.count == 5
