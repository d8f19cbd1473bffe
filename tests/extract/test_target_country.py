"""The country holding the prisoners is the one that acts on them, not the most-mentioned one."""

from __future__ import annotations

from tests.extract.helpers import one


def test_the_releasing_state_is_the_target_even_when_another_is_mentioned_more() -> None:
    text = (
        "US officials welcomed the news. Azerbaijan released 12 prisoners on Friday after a "
        "US envoy visited Baku. The United States said the US would keep pressing for more."
    )
    release = one(text, "release")
    assert release.target_country == "Azerbaijan"


def test_the_country_whose_goods_are_sanctioned_is_the_target() -> None:
    text = (
        "US officials met in Washington on Monday. The United States lifted sanctions on "
        "Belarusian potash on Tuesday, the US Treasury said."
    )
    lifted = one(text, "sanctions_lifted")
    assert lifted.object == "potash"
    assert lifted.target_country == "Belarus"
