"""The one table of event triggers: type, lemmas, the check that must hold, an example each.

Each row becomes spaCy Matcher patterns over lemmas (and, for headline case, over inflected
forms). A row's ``check`` names a dependency condition in ``prisonwatch.extract.checks`` that the
match must meet, such as "the object is a sanction" or "a place of custody follows".
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from typing import Any

EVENT_TYPES = (
    "release",
    "pardon",
    "arrest",
    "sentence",
    "transfer",
    "deportation",
    "sanctions_lifted",
    "sanctions_imposed",
    "negotiation",
    "death_in_custody",
)


@dataclass(frozen=True)
class Trigger:
    """One row of the trigger table."""

    type: str  # event type from EVENT_TYPES
    lemmas: tuple[str, ...]  # head lemmas that fire the row
    nominal: bool  # True for nouns ("the release of"), False for verbs
    example: str  # an invented sentence the row must fire on (held by a test)
    counter: str = ""  # an invented sentence with the same word that the row must not fire on
    check: str | None = None  # name of the dependency condition in checks.CHECKS
    patient: str = "obj"  # where the affected people are: obj (active object), subj or with


TRIGGERS: tuple[Trigger, ...] = (
    Trigger(
        "release",
        ("release", "free", "exchange", "swap"),
        False,
        "The authorities released 12 activists on Monday.",
        counter="The band released a new album on Monday.",
    ),
    Trigger(
        "release",
        ("leave", "walk"),
        False,
        "Nine journalists left prison last week.",
        counter="Nine journalists left the newsroom last week.",
        check="leave_custody",
        patient="subj",
    ),
    Trigger(
        "release",
        ("set",),
        False,
        "The court set the blogger free on Friday.",
        counter="The court set a date for the hearing on Friday.",
        check="set_free",
    ),
    Trigger(
        "release",
        ("return", "exchange", "swap"),
        True,
        "Minsk freed a teacher in return for three Belarusians held in Poland.",
        counter="The shop gave a refund in return for the receipt.",
        check="swap_counterpart",
    ),
    Trigger(
        "release",
        ("release", "freeing", "exchange", "swap"),
        True,
        "The release of the 12 activists was announced on Monday.",
        counter="The release of the new album was announced on Monday.",
    ),
    Trigger(
        "pardon",
        ("pardon", "amnesty"),
        False,
        "The president pardoned 16 protesters on Tuesday.",
        counter="The teacher pardoned the interruption on Tuesday.",
    ),
    Trigger(
        "pardon",
        ("grant",),
        False,
        "The president granted clemency to four journalists.",
        counter="The president granted an interview to four journalists.",
        check="grant_pardon",
    ),
    Trigger(
        "pardon",
        ("pardon", "amnesty", "clemency"),
        True,
        "The pardon of 16 protesters was published by state media.",
        counter="Rights groups demanded the pardon of 16 protesters.",
    ),
    Trigger(
        "arrest",
        ("arrest", "detain", "jail", "imprison", "incarcerate", "apprehend"),
        False,
        "Police detained at least 30 people in Minsk on Sunday.",
        counter="The storm detained the ship at the port on Sunday.",
    ),
    Trigger(
        "arrest",
        ("round",),
        False,
        "Riot police rounded up about 40 protesters in the square.",
        counter="The cashier rounded up the total to the nearest euro.",
        check="round_up",
    ),
    Trigger(
        "arrest",
        ("send", "return", "take", "order", "put"),
        False,
        "The activist was sent back to prison on Monday.",
        counter="The activist was sent back to school on Monday.",
        check="back_to_custody",
    ),
    Trigger(
        "arrest",
        ("arrest", "detention", "imprisonment", "incarceration"),
        True,
        "Activist Ihar Banzar's arrest in May 2020 shocked the opposition.",
        counter="Rights groups demanded the arrest of the officers.",
    ),
    Trigger(
        "sentence",
        ("sentence", "convict"),
        False,
        "A court sentenced the journalist to six years in prison.",
        counter="The court will sentence the journalist next week.",
    ),
    Trigger(
        "sentence",
        ("find",),
        False,
        "A court found the blogger guilty of insulting the president.",
        counter="A court clerk found the documents in the archive.",
        check="found_guilty",
    ),
    Trigger(
        "sentence",
        ("hand", "give"),
        False,
        "The judge handed him a ten-year prison term.",
        counter="The judge handed him a letter from his family.",
        check="hand_term",
    ),
    Trigger(
        "sentence",
        ("conviction", "sentencing"),
        True,
        "The conviction of Ksenia Lutskina in March drew protests.",
        counter="She spoke with conviction about her work.",
    ),
    Trigger(
        "transfer",
        ("fly", "head", "return"),
        False,
        "Minsk freed the editor Ann Roe on Monday. Roe flew to Poland the next day.",
        counter="Minsk freed the editor Ann Roe on Monday. Envoy Bo Lind flew to Poland on Friday.",
        check="freed_travel",
        patient="subj",
    ),
    Trigger(
        "transfer",
        (
            "transfer",
            "transport",
            "hand",
            "send",
            "take",
            "fly",
            "bring",
            "deliver",
            "head",
            "extradite",
            "repatriate",
            "move",
            "return",
        ),
        False,
        "Ten prisoners were handed over to Poland on Thursday.",
        counter="Ten prisoners were handed their letters on Thursday.",
        check="destination",
    ),
    Trigger(
        "transfer",
        ("fly", "head", "return", "travel"),
        False,
        "Minsk freed four Americans on Monday. The envoy flew home with the four Americans.",
        counter="Minsk freed four Americans on Monday. The envoy flew home with two aides.",
        check="travel_with_freed",
        patient="with",
    ),
    Trigger(
        "transfer",
        ("arrive", "land", "board"),
        False,
        "The freed prisoners boarded a plane bound for Vilnius on Friday.",
        counter="The freed prisoners boarded a bus bound for the hospital on Friday.",
        check="arrival_abroad",
        patient="subj",
    ),
    Trigger(
        "transfer",
        ("transfer", "extradition", "handover"),
        True,
        "The transfer of the 14 detainees to Lithuania took hours.",
        counter="The court approved the transfer of the Ann Roe case to Lida.",
        check="people_moved",
    ),
    Trigger(
        "deportation",
        ("deport", "expel", "exile", "banish"),
        False,
        "The government deported 222 political prisoners to the United States.",
        counter="One of the 222 prisoners refused to be deported.",
        check="not_refused",
    ),
    Trigger(
        "deportation",
        ("force",),
        False,
        "The dissident was forced into exile in 2021.",
        counter="The dissident was forced into silence in 2021.",
        check="forced_exile",
    ),
    Trigger(
        "deportation",
        ("deportation", "expulsion", "exile", "banishment"),
        True,
        "The deportation of the 222 prisoners was condemned.",
        counter="Officials may order the deportation of the 222 prisoners.",
    ),
    Trigger(
        "sanctions_lifted",
        (
            "lift",
            "ease",
            "relax",
            "remove",
            "drop",
            "suspend",
            "end",
            "scrap",
            "waive",
            "loosen",
            "unfreeze",
            "rescind",
        ),
        False,
        "Washington lifted sanctions on the state airline.",
        counter="Workers lifted boxes onto the state airline's plane.",
        check="sanction_object",
    ),
    Trigger(
        "sanctions_lifted",
        ("lifting", "easing", "removal", "relaxation", "suspension", "end", "waiver"),
        True,
        "The lifting of sanctions on potash was announced.",
        counter="The lifting of weights was announced.",
        check="sanction_of",
    ),
    Trigger(
        "sanctions_imposed",
        (
            "impose",
            "introduce",
            "extend",
            "expand",
            "tighten",
            "slap",
            "levy",
            "adopt",
            "announce",
            "renew",
        ),
        False,
        "The EU imposed sanctions on the state potash producer.",
        counter="The EU imposed a fine on the state potash producer.",
        check="sanction_object",
    ),
    Trigger(
        "sanctions_imposed",
        ("sanction", "blacklist"),
        False,
        "The Treasury sanctioned the state potash producer on Friday.",
        counter="The referee sanctioned the goal on Friday.",
        check="sanctioned_thing",
    ),
    Trigger(
        "negotiation",
        ("negotiate", "broker", "mediate"),
        False,
        "Belarus freed 14 prisoners in a deal brokered by a US envoy.",
        counter="The two companies negotiated a new contract.",
    ),
    Trigger(
        "negotiation",
        ("meet",),
        False,
        "US envoy John Smith met with President Alexander Lukashenko, who then freed 14 prisoners.",
        counter="US envoy John Smith met with students in Minsk.",
        check="meet_party",
    ),
    Trigger(
        "negotiation",
        ("secure", "win", "obtain"),
        False,
        "The administration secured the release of six Americans.",
        counter="The administration secured funding for schools.",
        check="secure_release",
    ),
    Trigger(
        "negotiation",
        (
            "talk",
            "negotiation",
            "discussion",
            "meeting",
            "deal",
            "agreement",
            "mediation",
            "mediator",
            "visit",
            "conversation",
            "arrangement",
        ),
        True,
        "Belarus freed 14 prisoners after two days of talks with an American envoy.",
        counter="Talks on trade with an American envoy lasted two days.",
    ),
    Trigger(
        "death_in_custody",
        ("die",),
        False,
        "A political prisoner died in a penal colony on Sunday.",
        counter="A retired teacher died in a hospital on Sunday.",
        check="in_custody",
        patient="subj",
    ),
    Trigger(
        "death_in_custody",
        ("death",),
        True,
        "The death in custody of blogger Mikalai Bandarenka was reported on Monday.",
        counter="The death of the poet in 1950 was reported.",
    ),
)

_IRREGULAR = {
    "leave": ("left", "leaves", "leaving"),
    "set": ("sets", "setting"),
    "send": ("sent", "sends", "sending"),
    "take": ("took", "taken", "takes", "taking"),
    "find": ("found", "finds", "finding"),
    "hand": ("handed", "hands", "handing"),
    "give": ("gave", "given", "gives", "giving"),
    "fly": ("flew", "flown", "flies", "flying"),
    "bring": ("brought", "brings", "bringing"),
    "meet": ("met", "meets", "meeting"),
    "win": ("won", "wins", "winning"),
    "die": ("died", "dies", "dying"),
    "forbid": ("forbade",),
    "swap": ("swapped", "swaps", "swapping"),
    "travel": ("travels", "traveled", "travelled", "traveling", "travelling"),
}


@lru_cache(maxsize=1024)
def inflections(lemma: str) -> tuple[str, ...]:
    """Return the inflected verb forms of ``lemma`` (not the base form), for headline case."""
    if lemma in _IRREGULAR:
        return _IRREGULAR[lemma]
    stem = lemma[:-1] if lemma.endswith("e") else lemma
    return (lemma + "s", stem + "ed", stem + "ing")


def matcher_patterns(
    triggers: tuple[Trigger, ...] = TRIGGERS,
) -> dict[str, list[list[dict[str, Any]]]]:
    """Return the spaCy Matcher patterns of the table: verbs, headline verbs, nouns.

    One pattern per kind (not per row) keeps the Matcher to three passes over a text; the
    rows a match belongs to are found again with ``rows_for``.
    """
    verbs = sorted({lemma for t in triggers if not t.nominal for lemma in t.lemmas})
    nouns = sorted({lemma for t in triggers if t.nominal for lemma in t.lemmas})
    forms = sorted({f for lemma in verbs for f in inflections(lemma)})
    return {
        "VERB": [[{"LEMMA": {"IN": verbs}, "POS": "VERB"}]],
        # Headlines in title case come out as proper nouns: "Belarus Detains 24 People".
        "TITLE": [
            [{"LOWER": {"IN": forms}, "POS": {"IN": ["PROPN", "VERB", "NOUN"]}, "IS_TITLE": True}]
        ],
        "NOUN": [[{"LEMMA": {"IN": nouns}, "POS": {"IN": ["NOUN", "PROPN"]}}]],
    }


@lru_cache(maxsize=4096)
def rows_for(kind: str, lemma: str, lower: str) -> list[Trigger]:
    """Return the table rows, in table order, that a token matched by ``kind`` belongs to."""
    if kind == "NOUN":
        return [t for t in TRIGGERS if t.nominal and lemma in t.lemmas]
    return [
        t
        for t in TRIGGERS
        if not t.nominal and (lemma in t.lemmas or any(lower in inflections(x) for x in t.lemmas))
    ]
