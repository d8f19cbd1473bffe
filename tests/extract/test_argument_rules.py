"""Argument rules of issue 15: vague multiples, amount nouns, time possessors, clausal subjects,
recent 'since' totals. Each rule has an invented positive and negative example."""

from __future__ import annotations

from .helpers import one, proposed


def test_a_few_dozen_gives_no_exact_count() -> None:
    vague = one("Police in Tarnovo detained a few dozen protesters on Sunday.", "arrest")
    assert (vague.count, vague.count_qualifier) == (None, "dozens")
    several = one("Guards freed several hundred inmates in Belport on Monday.", "release")
    assert (several.count, several.count_qualifier) == (None, "hundreds")
    # Negative: 'a dozen' alone is the number twelve.
    exact = one("Police in Tarnovo detained a dozen protesters on Sunday.", "arrest")
    assert exact.count == 12


def test_a_number_of_prisoners_is_a_group_of_people() -> None:
    text = "A number of prisoners were released from the Belport colony on Friday."
    assert [e.type for e in proposed(text)] == ["release"]
    # Negative: 'a number of statements' is no one.
    assert proposed("The ministry released a number of statements on Friday.") == []


def test_a_time_as_possessor_is_not_the_patient() -> None:
    found, dropped = _mentions("This week's amnesty was the largest in years.")
    assert [m.type for m in found] == ["pardon"], dropped
    text = "Friday's release of the teacher Dara Velkova ended a long campaign."
    assert [p.name for p in one(text, "release").persons] == ["Dara Velkova"]
    # Negative: a person as possessor is the one it happened to.
    own = one("Dara Velkova's release on Friday ended a long campaign.", "release")
    assert [p.name for p in own.persons] == ["Dara Velkova"]


def test_a_participle_parsed_as_subject_keeps_its_noun() -> None:
    from spacy.tokens import Doc

    from prisonwatch.extract.arguments import patients
    from prisonwatch.extract.nlp import get_nlp

    # The parser's slip, built by hand: '180 people convicted were pardoned' with the
    # participle as the passive subject and 'people' as its subject.
    doc = Doc(
        get_nlp(()).vocab,
        words=["180", "people", "convicted", "were", "pardoned"],
        heads=[1, 2, 4, 4, 4],
        deps=["nummod", "nsubj", "nsubjpass", "auxpass", "ROOT"],
        pos=["NUM", "NOUN", "VERB", "AUX", "VERB"],
    )
    assert [t.text for t in patients(doc[4], False, "obj")] == ["people"]
    text = "According to the office, 180 people convicted of unrest were pardoned on Monday."
    assert one(text, "pardon").count == 180
    # Negative: a plain passive subject is read as before.
    assert one("On Monday, 180 prisoners were pardoned by the president.", "pardon").count == 180


def test_a_total_since_a_recent_day_is_an_event() -> None:
    text = "Since May 4, police in Tarnovo have detained at least nine reporters."
    arrest = one(text, "arrest")
    assert (arrest.count, arrest.count_qualifier) == (9, "at least")
    # Negative: a running total since some year is a statistic (EVAL.md rule 13).
    total = "Since 2019, police in Tarnovo have detained at least 900 reporters."
    assert [e for e in proposed(total) if e.type == "arrest"] == []


def test_a_total_in_the_thousands_placed_this_week_is_news() -> None:
    text = "Some 40 activists were among the 3,100 inmates freed in this week's national amnesty."
    assert any(e.count == 3100 for e in proposed(text) + _flagged(text))
    # Negative: a total in the thousands with no recent day is a statistic (EVAL.md rule 3).
    assert [e for e in proposed("Authorities have freed 3,100 inmates.") if e.count] == []


def test_them_after_a_relative_clause_is_the_group_it_hangs_on() -> None:
    def sent_count(text: str) -> int | None:
        found, _ = _mentions(text)
        moves = [m for m in found if m.type == "transfer"]
        assert len(moves) == 1
        return moves[0].count.value if moves[0].count else None

    assert sent_count("The junta released 12 monks it had jailed and sent them to Italy.") == 12
    # Negative: 'them' with an object of its own verb before is that verb's group.
    assert sent_count("The junta released 12 monks and sent them to Italy.") == 12
    assert sent_count("Guards jailed them and sent them to Italy.") is None


def _flagged(text: str) -> list:  # type: ignore[type-arg]
    """Return proposed events the filters flagged (the model decides on them)."""
    from prisonwatch.documents import CleanDocument
    from prisonwatch.extract.english import EnglishFrontEnd

    (proposal,) = EnglishFrontEnd().propose_many([CleanDocument(text=text, published="2025-09-12")])
    return [c.proposal for c in proposal.candidates]


def _mentions(text: str) -> tuple[list, list[str]]:  # type: ignore[type-arg]
    """Return the trigger mentions of ``text`` and the reasons for those dropped."""
    from prisonwatch.extract import english
    from prisonwatch.extract.mentions import find_mentions
    from prisonwatch.extract.nlp import get_nlp

    doc = get_nlp(())(text)
    found, dropped = find_mentions(
        doc, english.build_context(doc, "2025-09-12"), english._matcher(doc)
    )
    return found, dropped
