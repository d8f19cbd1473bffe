"""Freed prisoners moving abroad are transfers; the other side of a swap is released too."""

from __future__ import annotations

from .helpers import one, proposed


def test_freed_person_arriving_abroad_is_a_transfer() -> None:
    text = (
        "Azerbaijan pardoned the blogger Maria Petrova on Monday. "
        "Petrova arrived in Vienna on Tuesday aboard an Austrian government plane."
    )
    moved = one(text, "transfer")
    assert moved.destination == ["Austria"]
    assert [p.name for p in moved.persons] == ["Maria Petrova"]


def test_freed_group_boarding_a_plane_abroad_is_a_transfer() -> None:
    text = (
        "Minsk released 14 prisoners on Friday. "
        "The freed prisoners boarded a chartered plane bound for Warsaw hours later."
    )
    moved = one(text, "transfer")
    assert moved.destination == ["Poland"]


def test_envoy_travel_is_not_a_transfer() -> None:
    text = (
        "Minsk released 14 prisoners on Friday. "
        "Special envoy Mark Dalton arrived in Warsaw on Saturday for talks. "
        "Two journalists arrived in Vilnius on Sunday."
    )
    assert "transfer" not in [e.type for e in proposed(text)]


def test_swap_counterpart_is_a_second_release() -> None:
    text = (
        "Tehran freed the engineer Lukas Brandt on Sunday in return for three Iranians "
        "held in Germany, officials said."
    )
    releases = [e for e in proposed(text) if e.type == "release"]
    assert len(releases) == 2
    counterpart = next(e for e in releases if not e.persons)
    assert counterpart.count == 3
    assert counterpart.target_country == "Germany"
    main = next(e for e in releases if e.persons)
    assert main.count is None


def test_a_named_person_in_apposition_is_the_other_side_of_a_swap() -> None:
    swap = "Minsk released the editor Ann Roe in exchange for the Polish pilot Bo Lind on Monday."
    releases = [[p.name for p in e.persons] for e in proposed(swap) if e.type == "release"]
    assert releases == [["Ann Roe"], ["Bo Lind"]]
    shop = "The shop gave the buyer Ann Roe a refund in exchange for the receipt."
    assert [e.type for e in proposed(shop)] == []


def test_exchanged_for_frees_the_other_side_too() -> None:
    swap = "The journalist Ann Roe was exchanged for John Smith, a convicted spy, on Friday."
    releases = [[p.name for p in e.persons] for e in proposed(swap) if e.type == "release"]
    assert releases == [["Ann Roe"], ["John Smith"]]
    group = "Minsk exchanged the editor Ann Roe for two Russian prisoners held in Poland."
    counterpart = [e for e in proposed(group) if e.type == "release" and not e.persons]
    assert [e.count for e in counterpart] == [2]


def test_exchanged_for_money_or_goods_frees_no_one_else() -> None:
    ransom = "The editor Ann Roe was exchanged for ten million dollars, her family said."
    releases = [[p.name for p in e.persons] for e in proposed(ransom) if e.type == "release"]
    assert releases == [["Ann Roe"]]
    trade = "The farmer exchanged his old cow for a new tractor."
    assert [e.type for e in proposed(trade)] == []
