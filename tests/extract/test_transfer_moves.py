"""Moves abroad are transfers; moves inside one country, houses and court cases are not."""

from __future__ import annotations

from .helpers import one, proposed


def _types(text: str) -> list[str]:
    return [e.type for e in proposed(text)]


def test_a_move_between_prisons_of_one_country_is_no_transfer() -> None:
    town = "Soon after, the poet was transferred from prison No. 5 in Ostrovets to Lida."
    assert "transfer" not in _types(town)
    cities = "The activist Ann Roe was moved from a jail in Moscow to Novosibirsk last week."
    assert "transfer" not in _types(cities)


def test_a_move_from_one_country_to_another_stays_a_transfer() -> None:
    text = "The activist Ann Roe was moved from a jail in Minsk to Vilnius last week."
    assert one(text, "transfer").destination == ["Lithuania"]
    prison = "The two reporters were transferred from prison to Lithuania on Friday."
    assert one(prison, "transfer").destination == ["Lithuania"]


def test_a_destination_the_parser_hangs_under_from_is_read() -> None:
    text = "Guards drove the reporter Ann Roe to the border and flew her from the border to Ankara."
    assert one(text, "transfer").destination == ["Turkey"]
    local = "Guards flew the reporter Ann Roe from the border to the prison hospital."
    assert "transfer" not in _types(local)


def test_people_called_deportees_are_deported() -> None:
    text = "Late on Friday the 150 deportees were flown to Spain on a chartered plane."
    moved = one(text, "deportation")
    assert moved.count == 150
    assert moved.destination == ["Spain"]
    neutral = "Late on Friday the 150 prisoners were flown to Spain on a chartered plane."
    assert "deportation" not in _types(neutral)
    assert "transfer" in _types(neutral)


def test_bringing_people_back_from_captivity_is_a_transfer() -> None:
    text = "The president spoke of the joy of bringing back 40 sailors from Russian captivity."
    assert one(text, "transfer").count == 40
    things = "The minister spoke of the joy of bringing back 40 medals from the Games."
    assert "transfer" not in _types(things)
    unfreed = "The coach spoke of the joy of bringing back 40 players from the club."
    assert "transfer" not in _types(unfreed)


def test_home_from_a_local_place_is_a_house_not_a_country() -> None:
    house = "The senator was driven home from the court building to wait for her appeal there."
    assert "transfer" not in _types(house)
    country = "The two freed sailors were flown home from Iran on Friday."
    assert "transfer" in _types(country)


def test_the_transfer_of_a_case_moves_no_one() -> None:
    case = "On Monday the council voted on the transfer of the Ann Roe case to a higher court."
    assert "transfer" not in _types(case)
    person = "Minsk freed Ann Roe on Monday. Her transfer to Poland took six hours."
    assert one(person, "transfer").destination == ["Poland"]


def test_arriving_back_in_a_country_is_read_under_back() -> None:
    text = "The eight freed prisoners arrived back in Chile on Thursday night."
    assert one(text, "transfer").destination == ["Chile"]
    local = "The eight freed prisoners arrived back in the village on Thursday night."
    assert "transfer" not in _types(local)


def test_freed_and_flown_on_is_a_release_and_a_move() -> None:
    text = "Ann Roe was released on Monday and flew to Warsaw the same night."
    moved = one(text, "transfer")
    assert [p.name for p in moved.persons] == ["Ann Roe"]
    assert moved.destination == ["Poland"]
    pardoned = "The blogger Bo Lind was pardoned and returned home to Canada on Friday."
    assert one(pardoned, "transfer").destination == ["Canada"]
    stays = "Ann Roe was released on Monday and returned to her flat the same night."
    assert "transfer" not in _types(stays)


def test_a_freed_participle_in_the_sentence_makes_the_traveller_a_freed_person() -> None:
    text = "Freed on Monday, Bo Lind returned to Canada on Wednesday."
    assert one(text, "transfer").destination == ["Canada"]
    invited = "Invited by the mayor, Bo Lind returned to Canada on Wednesday."
    assert "transfer" not in _types(invited)


def test_the_company_an_envoy_flies_home_with_is_moved() -> None:
    text = (
        "Caracas freed four Americans on Monday. "
        '"We are in the air and headed home with these four American citizens," the envoy said.'
    )
    moved = one(text, "transfer")
    assert moved.count == 4
    assert moved.destination == ["United States"]
    aides = "Caracas freed four Americans on Monday. The envoy flew home with two aides."
    assert "transfer" not in _types(aides)
    no_release = "The envoy flew home with four American citizens on Monday."
    assert "transfer" not in _types(no_release)


def test_a_permitted_transfer_is_not_yet_a_move() -> None:
    approved = "Vorsk pardoned the poet Bo Lind and allowed her transfer to Norway."
    assert "transfer" not in _types(approved)
    done = "Vorsk pardoned the poet Bo Lind, and her transfer to Norway took six hours."
    assert one(done, "transfer").destination == ["Norway"]


def test_a_hand_over_to_the_police_is_no_move() -> None:
    police = "The suspect Bo Lind was handed over to investigators in Minsk."
    assert "transfer" not in _types(police)
    swap = "The two men were handed over to Russia on the bridge."
    assert one(swap, "transfer").destination == ["Russia"]


def test_a_refused_move_did_not_happen() -> None:
    refused = "The bishop refused to be extradited to Spain and stayed in jail."
    assert "transfer" not in _types(refused)
    avoided = "Ann Roe avoided being deported to Spain."
    assert "deportation" not in _types(avoided)
    done = "The bishop was deported to Spain after he refused to sign a confession."
    assert one(done, "deportation").destination == ["Spain"]


def test_settling_abroad_after_an_old_release_is_no_transfer() -> None:
    settled = "Ann Roe, who was freed in 2019, moved to Berlin in 2021 and works there."
    assert "transfer" not in _types(settled)
    recounted = "Ann Roe, who was freed in 2019, flew to Berlin in 2021."
    assert "transfer" not in _types(recounted)
    freed_now = "Bo Lind, released on Monday, flew to Vienna on Wednesday."
    assert one(freed_now, "transfer").destination == ["Austria"]


def test_a_verb_joined_to_a_passive_shares_its_subject() -> None:
    text = "The 40 prisoners were freed and forced to leave the country on Friday."
    assert one(text, "deportation").count == 40
    expelled = "The 12 monks were stripped of their citizenship and expelled to Spain."
    moved = one(expelled, "deportation")
    assert (moved.count, moved.destination) == (12, ["Spain"])
    press = "The minister was criticised and attacked in the press."
    assert _types(press) == []


def test_only_freed_or_counted_known_people_fly_on_as_a_transfer() -> None:
    leader = "The opposition leader, exiled since 2020, returned to Minsk on Friday."
    assert "transfer" not in _types(leader)
    strangers = "Minsk freed 14 activists on Friday. Two journalists flew to Vilnius on Sunday."
    assert "transfer" not in _types(strangers)
    group = "Minsk freed 14 activists on Friday. The 14 activists flew to Vilnius on Sunday."
    moved = one(group, "transfer")
    assert (moved.count, moved.destination) == (14, ["Lithuania"])
