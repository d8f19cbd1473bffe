"""Demands, hopes, plans, futures, negations, denials, statistics and states are not events."""

from __future__ import annotations

import pytest

from .helpers import events, proposed, types

NOT_EVENTS = {
    "demand": "Rights groups demanded the release of all political prisoners in Iran.",
    "call": "The opposition leader called for the release of 1,150 prisoners.",
    "hope": "Her family hopes that she will be freed before the end of the year.",
    "plan": "The government plans to release 40 prisoners next month.",
    "future": "Officials said the two activists would be transferred to Poland.",
    "conditional": "The dissident could be released if he asks for a pardon.",
    "negation": "The second journalist was not arrested, police said.",
    "never": "The activist was never charged or detained, his lawyer said.",
    "denial": "The ministry denied arresting the reporter in Caracas.",
    "statistic": "According to Viasna, 65,000 people have been arrested since the protests began.",
    "vague_total": "The regime has jailed tens of thousands of people over the years.",
    "hedged_total": "At least six political prisoners have died behind bars, rights groups say.",
    "ongoing": "Her husband remains imprisoned in a penal colony near Homel.",
    "jailed_since": "The reporter has been jailed since 2017 on charges she denies.",
    "serving": "He is serving a 19-year sentence for organising protests.",
    "conditions": "Prisoners complained about mistreatment during their detention.",
    "hearing": "The trial of the blogger opened in Minsk on Tuesday behind closed doors.",
    "charges": "Prosecutors charged the activist with organising mass unrest.",
    "generic_sanctions": "Many countries have imposed sanctions against the regime.",
    "habitual": "The president has regularly released prisoners as a way to win favour.",
    "refusal": "The opposition figure refused to go into exile.",
    "faces": "The state potash company currently faces sanctions from the EU.",
    "statement": "The foreign ministry released a statement on Monday.",
    "exchange_views": "The two ministers exchanged views on the crisis in Minsk.",
    "travel": "The US envoy flew to Minsk on Monday for a second visit.",
    "duration": "The poet Ann Roe has been held for two months in a jail near Vorsk.",
    "subjunctive": "In May a court in Vorsk ordered that the poet Ann Roe be freed on bail.",
    "designation": "Bo Lind, whom the ministry has deemed unjustly detained, wrote a book.",
    "designated_as": "The State Department designated him as unjustly imprisoned in Vorsk.",
}

# The same words telling a happening: the counterparts of "subjunctive" and "designation".
TOLD = {
    "said_that": ("The judge said that Ann Roe was released on Monday.", "release"),
    "label_after": ("Police detained Bo Lind, considered a dissident, on Monday.", "arrest"),
    "term": ("The court jailed the reporter Ann Roe for two years on Monday.", "sentence"),
}


@pytest.mark.parametrize("name", sorted(TOLD))
def test_told_happening_is_an_event(name: str) -> None:
    text, kind = TOLD[name]
    assert kind in types(text), text


def test_meeting_without_prisoners_is_not_a_negotiation() -> None:
    text = (
        "Belarus freed 40 prisoners on Monday.\n\n"
        "Separately, the two economy ministers signed a trade deal at a meeting in Minsk."
    )
    assert types(text) == ["release"]


@pytest.mark.parametrize("name", sorted(NOT_EVENTS))
def test_not_an_event(name: str) -> None:
    assert types(NOT_EVENTS[name]) == [], NOT_EVENTS[name]


def test_teaser_is_not_an_event() -> None:
    text = (
        "Police detained the blogger Ihar Banzar in Minsk on Monday.\n\n"
        "Read more about the crackdown\n"
        "In a deal with Washington, the president frees and deports dozens of prisoners\n"
    )
    assert types(text) == ["arrest"]


@pytest.mark.parametrize(
    "page",
    [
        "02:41\nJailed poet Ann Roe freed after a decade in Vorsk\n",  # under a running time
        "Jailed poet Ann Roe freed after a decade in Vorsk\nGo to video\n",  # above its link
        "Jailed poet Ann Roe freed after a decade in Vorsk – video\n",  # captioned as a video
    ],
)
def test_related_video_title_is_not_an_event(page: str) -> None:
    body = "Police detained the blogger Bo Lind in Orsk on Monday.\n\n"
    assert types(body + page) == ["arrest"]


def test_a_time_of_day_or_a_video_word_inside_a_sentence_opens_no_teaser() -> None:
    text = (
        "Police detained the blogger Bo Lind in Orsk on Monday.\n"
        "At 10:30\n"  # a time of day opening a line is no running time: 'At' comes first
        "The poet Ann Roe was freed from a jail in Vorsk on Tuesday.\n"
        "Her lawyer said a video of the rally was used as evidence.\n"
    )
    assert types(text) == ["arrest", "release"]


def test_description_participle_is_not_an_event() -> None:
    # The patterns' verdict: the describing 'detained' is flagged, the release proposed (the
    # model's weight for this bare release moves around 0.5 with each retraining).
    found = proposed("Six Americans detained in Venezuela in recent months were freed on Friday.")
    assert [e.type for e in found] == ["release"]
    assert found[0].count == 6


def test_envoy_is_not_a_released_person() -> None:
    text = (
        "Belarus freed 14 prisoners on Saturday, including the blogger Ihar Karnei.\n"
        "The release was brokered by US special envoy Keith Kellogg, who met Alexander Lukashenko."
    )
    release = next(e for e in events(text) if e.type == "release")
    assert [p.name for p in release.persons] == ["Ihar Karnei"]


def test_relative_who_speaks_is_not_a_prisoner() -> None:
    text = (
        "Belarus freed the opposition leader Siarhei Tsikhanouski on Saturday. "
        "His wife Sviatlana Tsikhanouskaya thanked the United States for his release."
    )
    release = next(e for e in events(text) if e.type == "release")
    assert [p.name for p in release.persons] == ["Siarhei Tsikhanouski"]


def test_head_of_state_who_pardons_is_the_actor() -> None:
    found = events("President Alexander Lukashenko pardoned 16 protesters on Tuesday.")
    pardon = next(e for e in found if e.type == "pardon")
    assert pardon.actor == "Alexander Lukashenko"
    assert pardon.persons == []
    assert pardon.count == 16
