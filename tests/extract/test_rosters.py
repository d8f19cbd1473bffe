"""Names listed after a line ending in ':' go to the event that line states or refers to."""

from __future__ import annotations

from prisonwatch.documents import CleanDocument
from prisonwatch.extract.english import EnglishFrontEnd
from prisonwatch.extract.prefilter import keep_event_sentences

from .helpers import proposed

LISTED = (
    "Court jails activists\n\nThe court in Tbilisi sentenced the protesters on Monday.\n"
    "Those sentenced are:\n\n● Ann Lee\n\n● Bob Stone (Stoun)\n\n● Carl Doe\n"
    "The weather was fine afterwards.\n"
)
NUMBERED = (
    "Freed\n\nAccording to a rights group, 3 people were taken to Lithuania:\n\n"
    "  1. Ann Lee\n  2. Bob Stone (Stoun)\n  3. Carl Doe\n\nOther news."
)


def test_bulleted_list_after_a_referring_line_names_the_event_before() -> None:
    (sentence,) = [e for e in proposed(LISTED) if e.type == "sentence"]
    assert [p.name for p in sentence.persons] == ["Ann Lee", "Bob Stone", "Carl Doe"]


def test_numbered_list_names_the_event_of_its_own_line() -> None:
    (move,) = [e for e in proposed(NUMBERED) if e.type == "transfer"]
    assert [p.name for p in move.persons] == ["Ann Lee", "Bob Stone", "Carl Doe"]


def test_list_without_an_event_gives_no_names() -> None:
    text = (
        "Weather\n\nPolice detained a man in the city on Monday.\n"
        "The forecast for the week is as follows:\n\n● Sunny Monday\n\n● Rainy Tuesday\n"
    )
    for event in proposed(text):
        assert not event.persons, event


def test_prefilter_keeps_list_items_after_a_colon_only() -> None:
    text = (
        "Headline here\n\nIt rained all day in town.\nNothing else happened today at all.\n"
        "The court sentenced 3 people:\n\n● Ann Lee\n\n● Bob Stone (Stoun)\n2. Carl Doe\n"
        "The weather was fine afterwards.\nMore weather news today.\nEven more.\n"
    )
    kept = keep_event_sentences(text)
    assert len(kept) == len(text)
    for item in ("Ann Lee", "Bob Stone (Stoun)", "Carl Doe"):
        assert item in kept
    assert "It rained" not in kept and "weather was fine" not in kept


def _persons_of(text: str, kind: str) -> list[list[str]]:
    return [[p.name for p in e.persons] for e in proposed(text) if e.type == kind]


def test_among_the_pardoned_names_the_pardon_told_before() -> None:
    text = (
        "The president pardoned 40 prisoners on Monday. Also among the pardoned were Tomas "
        "Kiravik, Lena Durova and Oskar Belin."
    )
    assert _persons_of(text, "pardon") == [["Tomas Kiravik", "Lena Durova", "Oskar Belin"]]


def test_names_among_the_prisoners_released_go_to_the_release() -> None:
    text = (
        "Police released 12 activists on Monday. The activist Tomas Kiravik and the lawyer Lena "
        "Durova are among the political prisoners released."
    )
    assert _persons_of(text, "release") == [["Tomas Kiravik", "Lena Durova"]]


def test_the_released_priests_are_and_also_released_are() -> None:
    first = "The government released 12 priests on Monday."
    text = f"{first} The released priests are Father Tomas Kiravik and Father Oskar Belin."
    assert _persons_of(text, "release") == [["Tomas Kiravik", "Oskar Belin"]]
    text = f"{first} Also released are Tomas Kiravik and Lena Durova, both from the north."
    assert _persons_of(text, "release") == [["Tomas Kiravik", "Lena Durova"]]


def test_the_pardon_included_names() -> None:
    text = (
        "The president pardoned 40 prisoners on Monday. The mass pardon, which the president "
        "signed on Monday, included the journalist Tomas Kiravik and the lawyer Lena Durova."
    )
    assert _persons_of(text, "pardon") == [["Tomas Kiravik", "Lena Durova"]]


def test_critics_of_a_pardon_are_no_roster() -> None:
    for second in (
        "Among the critics of the pardon was Tomas Kiravik.",
        "The pardon was criticised by Tomas Kiravik.",
        "Also released was a statement by Tomas Kiravik.",
    ):
        text = f"The president pardoned 40 prisoners on Monday. {second}"
        assert _persons_of(text, "pardon") == [[]], second


def test_a_roster_names_a_pardon_the_model_is_left_to_weigh() -> None:
    text = (
        "The president has pardoned more than 400 people. Also among the pardoned were Tomas "
        "Kiravik and Lena Durova."
    )
    (proposal,) = EnglishFrontEnd().propose_many([CleanDocument(text=text, published=None)])
    (pardon,) = [c.proposal for c in proposal.candidates if c.proposal.type == "pardon"]
    assert [p.name for p in pardon.persons] == ["Tomas Kiravik", "Lena Durova"]


def test_a_roster_never_names_a_negated_pardon() -> None:
    text = (
        "The president did not pardon the 40 prisoners. Among the pardoned last year were Tomas "
        "Kiravik and Lena Durova."
    )
    (proposal,) = EnglishFrontEnd().propose_many([CleanDocument(text=text, published=None)])
    for c in proposal.candidates:
        assert not c.proposal.persons, c.proposal


def test_the_people_moved_beside_a_release_are_released_too() -> None:
    text = (
        "Freed\n\nThe government released 50 prisoners on Monday: 44 were freed at home, while "
        "6 others were taken to Lithuania.\nThose taken to Lithuania are:\n\n  1. Ann Lee\n"
        "  2. Bob Stone\n  3. Carl Doe\n\nOther news."
    )
    found = {e.type: [p.name for p in e.persons] for e in proposed(text) if e.count != 44}
    assert found["release"] == ["Ann Lee", "Bob Stone", "Carl Doe"]
    assert found["transfer"] == ["Ann Lee", "Bob Stone", "Carl Doe"]
    (sub,) = [e for e in proposed(text) if e.count == 44]
    assert not sub.persons  # the sub-group freed at home is not the one moved


def test_a_move_in_another_sentence_names_no_release() -> None:
    text = (
        "Freed\n\nThe government released 50 prisoners on Monday.\n\nIn a separate case, 3 "
        "people were taken to Lithuania:\n\n  1. Ann Lee\n  2. Bob Stone\n  3. Carl Doe\n\n"
        "Other news."
    )
    (release,) = [e for e in proposed(text) if e.type == "release"]
    assert not release.persons


def test_releases_which_include_a_name() -> None:
    text = (
        "Police released 22 detainees on Monday. In the evening the group confirmed the 22 "
        "releases, which include the journalist Tomas Kiravik."
    )
    assert _persons_of(text, "release") == [["Tomas Kiravik"]]


def test_a_roster_inside_reported_speech() -> None:
    text = (
        "The president pardoned 22 detainees on Monday. Relatives waited outside the prison. "
        "Among the pardoned was Tomas Kiravik, the group said."
    )
    assert _persons_of(text, "pardon") == [["Tomas Kiravik"]]


def test_statements_which_include_a_name_are_no_roster() -> None:
    text = (
        "Police released 22 detainees on Monday. The group published statements, which include "
        "remarks by Tomas Kiravik."
    )
    assert _persons_of(text, "release") == [[]]


def test_not_among_those_released_names_no_one() -> None:
    first = "Police released 12 activists on Monday."
    for second in (
        "The lawyer Tomas Kiravik was not among those released.",
        "The lawyer Tomas Kiravik was not among the prisoners released.",
    ):
        assert _persons_of(f"{first} {second}", "release") == [[]], second


def test_among_those_released_names_the_release() -> None:
    text = "Police released 12 activists on Monday. The lawyer Tomas Kiravik was among those freed."
    assert _persons_of(text, "release") == [["Tomas Kiravik"]]
