"""Names listed after a line ending in ':' go to the event that line states or refers to."""

from __future__ import annotations

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
