"""Who an event happened to when the parse does not link the person to the verb: subjectless
participle and gerund adjuncts, subjects hung on an auxiliary, pronouns that point ahead or
back. Each rule has an invented positive and negative example."""

from __future__ import annotations

from .helpers import proposed


def _persons(text: str, kind: str) -> list[list[str]]:
    """Return the persons of each proposed event of type ``kind`` in ``text``."""
    return [[p.name for p in e.persons] for e in proposed(text) if e.type == kind]


def test_a_fronted_participle_predicates_of_the_subject() -> None:
    text = "Arrested in March, the poet Bo Lind was freed on Friday."
    assert _persons(text, "arrest") == [["Bo Lind"]]
    # Negative: a participle hung on a noun describes the noun, and the noun is no person.
    assert proposed("The statement, released in May, shocked Bo Lind.") == []


def test_a_trailing_participle_predicates_of_the_subject() -> None:
    text = "Ann Roe spoke at a rally in Tarnovo on 3 June, detained minutes later."
    assert _persons(text, "arrest") == [["Ann Roe"]]
    text = "Ann Roe was detained in 2020 and, two years later, convicted of libel."
    assert _persons(text, "sentence") == [["Ann Roe"]]


def test_a_trailing_participle_after_a_person_object_predicates_of_the_object() -> None:
    text = "Police stopped Bo Lind on Monday, detained for an hour."
    assert _persons(text, "arrest") == [["Bo Lind"]]


def test_a_participle_of_state_or_label_states_no_event() -> None:
    assert _persons("While detained in Belport, Ann Roe wrote a book of poems.", "arrest") == []
    assert _persons("Imprisoned since 2019, Bo Lind won a poetry prize on Friday.", "arrest") == []
    assert _persons("The ministry listed Bo Lind as unjustly detained.", "arrest") == []


def test_a_passive_gerund_after_since_takes_the_subject() -> None:
    text = (
        "A court in Belport sentenced Ann Roe and Bo Lind to five years on Friday. "
        "They have sat in a Belport jail since being arrested at a rally in May."
    )
    assert _persons(text, "arrest") == [["Ann Roe", "Bo Lind"]]
    # Negative: an active gerund's patient is its object, never the clause's subject.
    text = "The guards have said nothing since freeing Ann Roe on Monday."
    assert _persons(text, "release") == [["Ann Roe"]]


def test_a_subject_hung_on_the_auxiliary_is_the_verbs() -> None:
    from spacy.tokens import Doc

    from prisonwatch.extract.nlp import get_nlp
    from prisonwatch.extract.tree import subject

    # The parser's slip, built by hand: 'Roe was convicted' with 'Roe' under 'was'.
    doc = Doc(
        get_nlp(()).vocab,
        words=["Roe", "was", "convicted"],
        heads=[1, 2, 2],
        deps=["nsubj", "auxpass", "ROOT"],
        pos=["PROPN", "AUX", "VERB"],
    )
    found = subject(doc[2])
    assert found is not None and found.text == "Roe"
    # Negative: a verb with no subject anywhere has none.
    bare = Doc(
        get_nlp(()).vocab, words=["was", "convicted"], heads=[1, 1], deps=["auxpass", "ROOT"]
    )
    assert subject(bare[1]) is None


def test_a_pronoun_in_a_fronted_phrase_points_to_the_subject_after_it() -> None:
    text = "Ann Roe was freed on Monday. After his arrest in 2020, Bo Lind fled abroad."
    assert _persons(text, "arrest") == [["Bo Lind"]]
    # Negative: a pronoun inside the subject does not refer to that subject.
    text = "Ann Roe was freed on Monday. After his arrest in 2020, his lawyer Bo Lind spoke."
    assert _persons(text, "arrest") != [["Bo Lind"]]


def test_a_name_in_apposition_to_the_subject_is_the_subject() -> None:
    text = (
        "The court freed Bo Lind on Monday. Bo Lind thanked his lawyers. "
        "A poet and teacher, Ian Mock was convicted in 2011. "
        "He was arrested again in 2020."
    )
    assert _persons(text, "sentence") == [["Ian Mock"]]
    assert _persons(text, "arrest") == [["Ian Mock"]]
    # Negative: a name after the pronoun in its own sentence does not take it back.
    text = "Ian Mock spoke on Monday. Bo Lind said his arrest in 2020 was unjust."
    assert _persons(text, "arrest") == [["Bo Lind"]]
