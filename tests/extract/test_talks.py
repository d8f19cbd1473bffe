"""Negotiations: their parties, the deal a release was part of, every telling of one deal.

EVAL.md rule 7 names the negotiators or meeting parties; rule 11 makes the deal told three times
one negotiation, whose evidence quotes each telling.
"""

from __future__ import annotations

from prisonwatch.documents import CleanDocument
from prisonwatch.extract.candidates import Candidate
from prisonwatch.extract.english import EnglishFrontEnd

from .helpers import proposed


def _talks(text: str) -> list[Candidate]:
    """Return the negotiation candidates of ``text``, filtered or not."""
    (proposal,) = EnglishFrontEnd().propose_many([CleanDocument(text=text, published="2025-09-12")])
    return [c for c in proposal.candidates if c.type == "negotiation"]


def _persons(text: str) -> list[list[str]]:
    return [[p.name for p in c.proposal.persons] for c in _talks(text)]


def _sides(text: str) -> list[tuple[str | None, str | None]]:
    return [(c.proposal.actor, c.proposal.target_country) for c in _talks(text)]


def test_who_reaches_a_deal_takes_part_in_it() -> None:
    reached = "Ann Roe and Bo Lind reached a deal on Monday on the release of nine prisoners."
    assert _persons(reached) == [["Ann Roe", "Bo Lind"]]
    criticised = "Ann Roe criticised the deal on the release of nine prisoners."
    assert _persons(criticised) == [[]]


def test_a_deal_reached_with_someone_names_that_side() -> None:
    text = "Chile freed nine sailors once an agreement had been reached with the envoy Tom Vale."
    assert _persons(text) == [["Tom Vale"]]
    unnamed = "Chile freed nine sailors once an agreement had been reached in Lima."
    assert _persons(unnamed) == [[]]


def test_the_one_who_plays_the_mediator_is_a_party() -> None:
    role = "Norway's role as mediator in the swap of nine sailors was confirmed on Monday."
    assert _sides(role) == [("Norway", "Norway")]
    acted = "Norway acted as mediator in the swap of nine prisoners."
    assert _sides(acted) == [("Norway", "Norway")]
    wanted = "Both sides still need a mediator for the swap of nine prisoners."
    assert _sides(wanted) == [(None, None)]


def test_a_state_brokered_deal_names_its_broker() -> None:
    text = "Chile freed nine prisoners on Monday in a Norway-brokered deal."
    assert _sides(text)[0][0] == "Norway"
    adverb = "Chile freed nine prisoners on Monday in a carefully brokered deal."
    assert _sides(adverb)[0][0] is None


def test_the_owner_of_a_deal_takes_part_in_it() -> None:
    owned = "Chile freed nine prisoners on Monday under the Ann Roe deal."
    assert _persons(owned) == [["Ann Roe"]]
    official = "Chile freed nine prisoners after talks with an Ann Roe administration official."
    assert _persons(official) == [[]]


def test_a_clause_about_the_broker_names_no_party() -> None:
    clause = "Chile freed nine sailors under a deal brokered by Norway, which Ann Roe had opposed."
    assert _persons(clause) == [[]]
    assert _sides(clause)[0][1] == "Norway"
    envoy = "Chile freed nine prisoners after a deal brokered by the envoy Ann Roe."
    assert _persons(envoy) == [["Ann Roe"]]


def test_a_deal_told_with_the_release_it_traded_is_tied() -> None:
    tied = _talks("Under a deal with Norway, Chile freed nine sailors on Monday.")
    assert tied[0].features.get("tied") == 1.0
    hoped = _talks("Chile hopes for a deal with Norway that would free nine prisoners.")
    assert all(not c.features.get("tied") for c in hoped)


def test_a_deal_is_bare_only_when_it_names_no_party() -> None:
    unnamed = _talks("Chile freed nine prisoners on Monday after months of talks.")
    assert unnamed[0].features.get("bare") == 1.0
    state = _talks("Chile freed nine prisoners on Monday after months of talks with Norway.")
    assert not state[0].features.get("bare")


def test_talks_with_no_word_of_prisoners_are_more_tellings_of_the_deal() -> None:
    text = (
        "Under a deal with Norway, Chile freed nine sailors on Monday.\n\n"
        "The talks had lasted for months, a ministry spokesman said."
    )
    (deal,) = [e for e in proposed(text) if e.type == "negotiation"]
    assert [q.quote[:14] for q in deal.evidence] == ["Under a deal w", "The talks had "]
    doubted = (
        "Under a deal with Norway, Chile freed nine sailors on Monday.\n\n"
        "Further talks could follow next year, a ministry spokesman said."
    )
    (deal,) = [e for e in proposed(doubted) if e.type == "negotiation"]
    assert len(deal.evidence) == 1


def test_talks_with_no_word_of_prisoners_make_no_deal_of_their_own() -> None:
    text = (
        "Chile freed nine prisoners on Monday.\n\n"
        "The two trade ministers held long conversations in Lima."
    )
    assert "negotiation" not in [e.type for e in proposed(text)]


def test_conversations_and_arrangements_are_talks() -> None:
    talks = "Chile freed nine sailors following long conversations with a Norwegian envoy."
    assert "negotiation" in [e.type for e in proposed(talks)]
    arranged = "Chile freed nine prisoners on Monday under an arrangement with Norway."
    assert "negotiation" in [e.type for e in proposed(arranged)]
    travel = "Chile freed nine prisoners on Monday.\n\nTheir families made travel arrangements."
    assert "negotiation" not in [e.type for e in proposed(travel)]


def test_a_deal_takes_the_date_of_the_verb_that_reaches_it() -> None:
    signed = "Ann Roe and Bo Lind signed a deal on 3 May 2025 on the release of nine prisoners."
    (talk,) = [e for e in proposed(signed) if e.type == "negotiation"]
    assert talk.date == "2025-05-03"
    undated = "Ann Roe and Bo Lind signed a deal on the release of nine prisoners."
    (talk,) = [e for e in proposed(undated) if e.type == "negotiation"]
    assert talk.date is None


def test_efforts_one_is_thanked_for_were_made() -> None:
    done = (
        "Chile freed nine sailors on Monday. Ann Roe praised the envoy Bo Lind for his work "
        "to obtain the crew's freedom."
    )
    (talk,) = _talks(done)
    assert not any(k.startswith("filter=") for k in talk.features)
    assert [p.name for p in talk.proposal.persons] == ["Bo Lind"]
    urged = "Chile freed nine prisoners on Monday. Ann Roe urged Bo Lind to secure more releases."
    assert all(c.features.get("filter=infinitive") for c in _talks(urged))


def test_the_pronoun_of_an_honorific_names_no_party() -> None:
    text = (
        "Chile freed nine sailors on Monday. Ann Roe said she was grateful to His Excellency "
        "Omar Bin Salem for his efforts to win the crew's release."
    )
    assert _persons(text) == [["Omar Bin Salem"]]
