"""Dependency conditions that some trigger-table rows need before they fire."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from prisonwatch.extract import geo
from prisonwatch.extract.lexicon import (
    CUSTODY_NOUNS,
    DENIAL_LEMMAS,
    NEGOTIATOR_TITLES,
    SANCTION_NOUNS,
    STATE_NOUNS,
)
from prisonwatch.extract.tree import ent_text, is_person_noun, objects, preps, subject

if TYPE_CHECKING:
    from spacy.tokens import Token

_TERM_UNITS = {"year", "month", "day", "week", "life", "term", "sentence"}


def destination_of(token: Token) -> list[Token]:
    """Return the nouns after to/into a verb that name a country, or 'home'.

    A move between two places of one country ('from the prison in Minsk to Homel') has none:
    EVAL.md rule 13 counts only moves abroad.
    """
    if token.lemma_ in _ARRIVALS:
        return arrival_places(token)
    places = [
        t
        for t in [*_places(token, "to", "into"), *_onward(token)]
        if t.ent_type_ == "GPE" or (t.ent_type_ and geo.country(ent_text(t)))
    ]
    places = [t for t in places if not _same_country(token, t)]
    homes = [c for c in token.children if c.lower_ == "home" and c.dep_ in ("advmod", "npadvmod")]
    # 'driven home from the court building' is a house; 'flown home from Iran' a home country.
    sources = list(preps(token, "from"))
    if any(geo.country(ent_text(s)) is None and s.lower_ != "there" for s in sources):
        homes = []
    return places + homes


# Who receives a suspect at home: 'handed over to the police' is an arrest's step, not a move.
_LAW = {"police", "investigator", "prosecutor", "court", "judge", "militia", "custody"}


def _places(token: Token, *words: str) -> list[Token]:
    """Return the objects of ``words`` on the verb or on its 'back'/'home': 'arrived back in X'."""
    backs = [c for c in token.children if c.dep_ == "advmod" and c.lower_ in {"back", "home"}]
    return [*preps(token, *words), *(p for b in backs for p in preps(b, *words))]


def _onward(token: Token) -> list[Token]:
    """Return the 'to' places the parser hangs under 'from': 'flew her from the border to Oslo'."""
    froms = [c for c in token.children if c.dep_ == "prep" and c.lower_ == "from"]
    heads = froms + [o for f in froms for o in f.children if o.dep_ in ("pobj", "pcomp")]
    return [p for h in heads for p in preps(h, "to", "into")]


def _same_country(token: Token, place: Token) -> bool:
    """A move from a place of the destination's own country, or from custody to a town.

    'from Minsk to Homel' (a town no country list knows) or 'from prison No. 2 to Homel':
    a move between prisons; 'from prison to Lithuania' names a country and stays a move.
    """
    sources = list(preps(token, "from"))
    if not sources:
        return False
    there = geo.country(ent_text(place))
    for source in sources:
        inside = list(source.subtree)
        countries = {geo.country(ent_text(t)) for t in inside if t.ent_type_ in ("GPE", "LOC")}
        if there is not None and there in countries:
            return True
        custody = any(t.lemma_.lower() in CUSTODY_NOUNS for t in inside)
        if there is None and (custody or countries):
            return True
    return False


# Verbs of arriving somewhere or boarding a plane, and what one boards.
_ARRIVALS = {"arrive", "land", "board"}
_CRAFT = {"plane", "flight", "aircraft", "jet", "airplane", "helicopter", "bus", "train"}
# Words that show the people were freed, and nouns for prisoners.
_FREED = {"release", "free", "pardon", "swap", "exchange", "freed", "released", "pardoned"}
_PRISONER_NOUNS = {"prisoner", "detainee", "hostage", "captive", "inmate", "convict", "dissident"}


def arrival_places(token: Token) -> list[Token]:
    """Return the places 'arrived in X', 'landed in X', 'boarded a plane bound for X' name.

    Only places that map to a country count: 'arrived in a hospital' is no move abroad.
    """
    if token.lemma_ == "board":
        crafts = [c for c in token.children if c.dep_ == "dobj" and c.lemma_ in _CRAFT]
        places = [p for c in crafts for p in preps(c, "to", "for")]
        places += [
            p
            for c in crafts
            for b in c.children
            if b.dep_ in ("acl", "amod") and b.lower_ == "bound"
            for p in preps(b, "for", "to")
        ]
    else:
        places = _places(token, "in", "to")
    return [p for p in places if p.ent_type_ in ("GPE", "LOC") and geo.country(ent_text(p))]


def _freed_before(token: Token) -> bool:
    """Return True when the text up to the sentence's end tells of a release or swap."""
    return any(t.lemma_.lower() in _FREED for t in token.doc[: token.sent.end])


def _prisoner_subject(token: Token) -> bool:
    """The subject of a move is a prisoner or freed person, not an envoy or a minister."""
    subj = subject(token)
    if subj is None or subj.pos_ == "PRON":
        return False
    if subj.ent_type_ == "PERSON" or (subj.pos_ == "PROPN" and not geo.country(ent_text(subj))):
        near = {t.lower_ for t in token.doc[max(subj.left_edge.i - 3, 0) : subj.i]}
        return not near & NEGOTIATOR_TITLES and (_named_as_freed(subj) or _freed_here(token, subj))
    if subj.lemma_.lower() in NEGOTIATOR_TITLES:
        return False
    freed = any(c.lower_ in _FREED for c in subj.children if c.dep_ in ("amod", "compound"))
    # "the 14 activists", "the two": a counted group the text has told of ("two journalists"
    # is someone new).
    definite = any(c.lower_ in {"the", "these", "those"} for c in subj.children)
    counted = definite and (
        subj.like_num or (is_person_noun(subj) and any(c.dep_ == "nummod" for c in subj.children))
    )
    # "the two Russians" (a nationality group) may be prisoners; "journalists" travel.
    nationals = subj.ent_type_ == "NORP" and geo.country(subj.text) is not None
    return freed or counted or subj.lemma_.lower() in _PRISONER_NOUNS or nationals


def _freed_here(verb: Token, subj: Token) -> bool:
    """'Freed on Monday, Bo Lind flew to Oslo', 'Bo Lind, released on Monday, flew to Oslo'."""
    clauses = [c for c in verb.children if c.dep_ == "advcl"]
    # Not 'X, who was freed in 2019, moved to Berlin': a relative clause recounts the release.
    clauses += [c for c in subj.children if c.dep_ == "acl"]
    return any(c.lemma_.lower() in _FREED for c in clauses)


def _named_as_freed(name: Token) -> bool:
    """Return True when an earlier sentence frees the person that ``name`` names."""
    for t in name.doc[: name.sent.start]:
        if t.text != name.text or t.dep_ == "nsubj":
            continue  # the subject of 'Lukashenko pardoned X' is the one who freed
        if any(w.lemma_.lower() in _FREED for w in t.sent):
            return True
    return False


def arrival_abroad(token: Token) -> bool:
    """Freed prisoners arriving in, or boarding a plane for, a country: a neutral move."""
    return bool(arrival_places(token)) and _prisoner_subject(token) and _freed_before(token)


def swap_counterpart(token: Token) -> bool:
    """'in return for / in exchange for two Russians': the other side of a swap."""
    if token.dep_ != "pobj" or token.head.lower_ != "in":
        return False
    return any(
        o.ent_type_ in ("PERSON", "NORP")
        or _groupish(o)
        or o.lemma_.lower() in _PRISONER_NOUNS
        # "for the pilot Bo Lind": a named person in apposition to any noun
        or any(c.dep_ == "appos" and c.ent_type_ == "PERSON" for c in o.children)
        for o in preps(token, "for")
    )


def leave_custody(token: Token) -> bool:
    """Leaving prison: 'left prison', 'walked out of jail', 'walked free'."""
    things = [c for c in token.children if c.dep_ == "dobj"] + list(preps(token, "from", "of"))
    if any(c.lemma_.lower() in CUSTODY_NOUNS for c in things):
        return True
    return token.lemma_ == "walk" and any(c.lower_ == "free" for c in token.children)


def set_free(token: Token) -> bool:
    """'set X free'."""
    return any(c.lower_ == "free" for c in token.subtree)


def grant_pardon(token: Token) -> bool:
    """'granted clemency / a pardon / amnesty to X'."""
    return any(c.lemma_.lower() in {"pardon", "clemency", "amnesty"} for c in objects(token))


def back_to_custody(token: Token) -> bool:
    """Being sent or taken back to prison, which the gold counts as an arrest."""
    backs = [c for c in token.children if c.lower_ in {"back", "again"}]
    places = list(preps(token, "to", "into", "behind")) + [
        p for b in backs for p in preps(b, "to", "into", "behind")
    ]
    back = bool(backs) or token.lemma_ == "return"
    custody = any(p.lemma_.lower() in CUSTODY_NOUNS | {"colony", "bars"} for p in places)
    into_custody = token.lemma_ == "take" and any(p.lemma_ == "custody" for p in places)
    return (back and custody) or into_custody


def found_guilty(token: Token) -> bool:
    """'found X guilty'."""
    return any(c.lower_ == "guilty" and token.i in (c.head.i, c.head.head.i) for c in token.subtree)


def round_up(token: Token) -> bool:
    """'rounded up 40 protesters': the verb with its particle (whom is left to the patterns)."""
    return any(c.dep_ == "prt" and c.lower_ == "up" for c in token.children)


def hand_term(token: Token) -> bool:
    """'handed him a ten-year term', 'was handed six years': a sentence passed by a court."""
    # The parser reads the term of a passive 'was handed six years' as an adverbial noun.
    terms = objects(token) + [c for c in token.children if c.dep_ == "npadvmod"]
    return any(c.lemma_.lower() in _TERM_UNITS for c in terms)


def destination(token: Token) -> bool:
    """A move to another country (or home), not a transfer between prisons."""
    if not not_refused(token):
        return False
    if token.lemma_ in {"extradite", "repatriate"}:
        return True
    if token.lemma_ == "hand" and any(c.lower_ == "over" for c in token.children):
        # Hand-overs in a swap need not name the receiving side; to the police they are no move.
        return not any(p.lemma_.lower() in _LAW | CUSTODY_NOUNS for p in preps(token, "to"))
    if token.lemma_ in {"fly", "head", "return", "move"} and not objects(token):
        # "The envoy flew to Minsk" is travel; "the freed prisoners flew to Vilnius" is a move
        # that the freed_travel row reads, with the travellers as its people.
        return False
    return bool(destination_of(token)) or _back_from_captivity(token)


# Verbs that bring people home when 'back' and a place of captivity go with them.
_HOMEWARD = {"bring", "fly", "return", "take"}
_CAPTIVITY = CUSTODY_NOUNS | {"captivity", "prisoner", "hostage"}


def _back_from_captivity(token: Token) -> bool:
    """'brought back 40 sailors from captivity', 'flew home two hostages from Iran'.

    The receiving country goes unnamed: the people come home from custody or from abroad.
    'brought back the medals from Paris' has no person and is dropped later.
    """
    if token.lemma_ not in _HOMEWARD or not objects(token):
        return False
    if not any(c.lower_ in {"back", "home"} for c in token.children):
        return False
    holders = [token, *objects(token)]
    sources = [p for h in holders for p in preps(h, "from")]
    return any(
        p.lemma_.lower() in _CAPTIVITY or geo.country(ent_text(p)) is not None for p in sources
    )


# Verbs that permit a move still to come: 'allowed her transfer to Norway' moves no one yet.
_PERMITTING = {"approve", "authorize", "authorise", "allow", "permit", "clear", "greenlight"}


def people_moved(token: Token) -> bool:
    """'the transfer of 14 detainees', 'his transfer': people are moved, not a case or funds.

    A move a verb only permits ('approved his transfer') is a decision, not yet the move.
    """
    if token.dep_ in ("dobj", "nsubjpass") and token.head.lemma_.lower() in _PERMITTING:
        return False
    moved = list(preps(token, "of"))
    return not moved or any(
        t.ent_type_ in ("PERSON", "NORP")
        or t.pos_ in ("PRON", "NUM", "PROPN")
        or t.like_num
        or is_person_noun(t)
        for t in moved
    )


def freed_travel(token: Token) -> bool:
    """'Roe flew home to Poland' once the text has freed Roe: the freed person's own move."""
    if objects(token):
        return False
    return bool(destination_of(token)) and _prisoner_subject(token) and _freed_before(token)


# Whom an envoy brings home: prisoners, hostages, citizens, a nationality ("four Americans").
_COMPANY = _PRISONER_NOUNS | {"citizen", "national", "compatriot"}


def travel_with_freed(token: Token) -> bool:
    """'The envoy flew home with the four freed Americans': the freed people are moved.

    'The envoy flew home with two aides' moves no prisoner.
    """
    if objects(token) or not destination_of(token) or not _freed_before(token):
        return False
    return any(
        c.lemma_.lower() in _COMPANY
        or (c.ent_type_ == "NORP" and geo.country(c.text) is not None)
        or any(a.lower_ in _FREED or a.ent_type_ == "NORP" for a in c.children)
        or (c.ent_type_ == "PERSON" and _named_as_freed(c))
        for c in preps(token, "with")
    )


def _groupish(noun: Token) -> bool:
    return is_person_noun(noun) or noun.like_num


def not_refused(token: Token) -> bool:
    """'refused to be deported', 'resisted being extradited': the move did not happen."""
    return token.head.lemma_.lower() not in _REFUSALS or token.dep_ not in ("xcomp", "pcomp")


# Verbs whose complement is a move that was refused or escaped, never done.
_REFUSALS = DENIAL_LEMMAS | {"resist", "escape", "evade", "avoid", "fight"}


def forced_exile(token: Token) -> bool:
    """'forced into exile', 'forced to leave the country'."""
    places = list(preps(token, "into"))
    if any(p.lemma_ == "exile" for p in places):
        return True
    return any(
        c.dep_ == "xcomp" and c.lemma_ in {"leave", "emigrate", "flee"} for c in token.children
    )


def sanction_object(token: Token) -> bool:
    """The verb's object is a sanction, a restriction or an embargo."""
    return any(
        o.lemma_.lower() in SANCTION_NOUNS or o.lower_ in SANCTION_NOUNS for o in objects(token)
    )


def sanction_of(token: Token) -> bool:
    """'the lifting of sanctions'."""
    return any(o.lower_ in SANCTION_NOUNS or o.lemma_ in SANCTION_NOUNS for o in preps(token, "of"))


def sanctioned_thing(token: Token) -> bool:
    """The verb 'sanction' by a state or body, with a company, product or person as object.

    'The referee sanctioned the goal': a subject that is no state, body or institution means
    'approved', not a penalty.
    """
    subjects = [c for c in token.children if c.dep_ == "nsubj"]
    if subjects and not any(
        s.ent_type_ in ("ORG", "GPE", "NORP") or s.lemma_.lower() in STATE_NOUNS for s in subjects
    ):
        return False
    return any(
        o.ent_type_ in ("ORG", "PRODUCT", "PERSON", "FAC")
        or (o.pos_ == "NOUN" and o.lemma_.lower() not in STATE_NOUNS and not geo.country(o.text))
        for o in objects(token)
    )


def meet_party(token: Token) -> bool:
    """A meeting with a named person or a country."""
    named = {"PERSON", "GPE", "NORP", "ORG"}
    with_ = list(preps(token, "with"))
    subjects = [c for c in token.children if c.dep_ == "nsubj"]
    subjects += [s for c in subjects for s in c.conjuncts]
    # "met his Latvian counterpart", "met with the UN envoy": an official of the other side.
    officials = NEGOTIATOR_TITLES | {"counterpart"}
    if any(t.lemma_.lower() in officials for t in with_):
        return True
    return any(t.ent_type_ in named for t in with_) or (
        len(subjects) > 1 and all(t.ent_type_ in named or t.pos_ == "PRON" for t in subjects)
    )


def secure_release(token: Token) -> bool:
    """'secured the release of X': the party that negotiated it."""
    return any(o.lemma_ in {"release", "freedom"} for o in objects(token))


def in_custody(token: Token) -> bool:
    """Dying in prison, in custody, behind bars, in a penal colony; not a tally ('10 died')."""
    if any(c.dep_ == "nsubj" and c.pos_ == "NUM" for c in token.children):
        return False  # a bare number dying is a figure of a report, not a death told as news
    places = list(preps(token, "in", "behind", "at", "while"))
    return any(p.lemma_.lower() in CUSTODY_NOUNS for p in places)


CHECKS: dict[str, Callable[[Token], bool]] = {
    "leave_custody": leave_custody,
    "set_free": set_free,
    "grant_pardon": grant_pardon,
    "back_to_custody": back_to_custody,
    "found_guilty": found_guilty,
    "hand_term": hand_term,
    "round_up": round_up,
    "destination": destination,
    "freed_travel": freed_travel,
    "travel_with_freed": travel_with_freed,
    "people_moved": people_moved,
    "forced_exile": forced_exile,
    "not_refused": not_refused,
    "sanction_object": sanction_object,
    "sanction_of": sanction_of,
    "sanctioned_thing": sanctioned_thing,
    "meet_party": meet_party,
    "secure_release": secure_release,
    "in_custody": in_custody,
    "arrival_abroad": arrival_abroad,
    "swap_counterpart": swap_counterpart,
}
