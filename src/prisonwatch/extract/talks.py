"""Negotiations: who took part, whether the deal is the one the article reports, all its mentions.

EVAL.md rule 7: a negotiation lists the negotiators or meeting parties the text names; a deal told
only as "a deal with Norway" names no person, yet its parties are still the two states. Rule
11: the article's deal told three times is one negotiation, whose evidence quotes each telling.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

from prisonwatch.extract import arguments as args
from prisonwatch.extract import geo, timing
from prisonwatch.extract.lexicon import BROKER_LEMMAS
from prisonwatch.extract.mention import Mention
from prisonwatch.extract.tree import ent_of, preps, subject

if TYPE_CHECKING:
    from spacy.tokens import Token

    from prisonwatch.extract.context import Context
    from prisonwatch.extract.dates import PartialDate

# A meeting or a deal matters here only when the sentence is about prisoners or sanctions.
NEGOTIATION_CUES = frozenset(
    (
        "release", "prisoner", "envoy", "mediator", "mediation", "swap", "exchange", "sanction",
        "free", "hostage", "detainee", "captive", "broker", "negotiator", "emissary", "pardon",
    )
)  # fmt: skip
# Verbs whose subject takes part in the talks or deal they hold or reach: "X held talks with Y"
# and "X and Y reached a deal" (X and Y are the parties), but "X criticised the talks with Y"
# (X is not).
HOLDING = frozenset(
    (
        "hold", "have", "conduct", "begin", "start", "open", "resume",
        "reach", "strike", "sign", "seal", "clinch", "conclude",
    )
)  # fmt: skip
# Verbs of meeting whose subject is a party: "X met with Y".
MEETING_VERBS = frozenset(("meet",))
# Events a deal trades: a negotiation told in their sentence is the deal they were part of.
TRADED_TYPES = frozenset(
    ("release", "pardon", "transfer", "deportation", "sanctions_lifted", "sanctions_imposed")
)
# Nouns of one who brokers: "Norway's role as mediator", "Chile acted as go-between".
_BROKER_NOUNS = frozenset(("mediator", "broker", "intermediary", "go-between", "facilitator"))
# "His Excellency Bo Lind": the pronoun of an honorific refers to no one else.
_HONORIFICS = frozenset(("majesty", "excellency", "highness", "holiness"))
_CLAUSE_DEPS = frozenset(("relcl", "acl", "advcl", "ccomp"))
_POSSESSIVE_PRONOUNS = frozenset(("its", "their", "his", "her"))


def _own_words(party: Token) -> Iterator[Token]:
    """Yield the words of a party's phrase, leaving out the clauses that hang on it.

    "a deal brokered by Norway, which Ann Roe had opposed": Ann Roe is in a clause about the
    broker, not a broker.
    """
    yield party
    for child in party.children:
        after = party.doc[child.i + 1] if child.i + 1 < len(party.doc) else child
        honorific = child.dep_ == "poss" and after.lemma_.lower() in _HONORIFICS
        if child.dep_ not in _CLAUSE_DEPS and not honorific:
            yield from _own_words(child)


def _name(party: Token, ctx: Context) -> str | None:
    """Return the person, state or organisation a party's own words name."""
    words = list(_own_words(party))
    person = next((ctx.person_of(t) for t in words if ctx.person_of(t)), None)
    if person:
        return person
    for t in words:
        if t.ent_type_ in ("GPE", "NORP", "LOC", "ORG", "FAC"):
            ent = ent_of(t)
            text = (ent.text if ent is not None else t.text).strip()
            return geo.country(text) or geo.bloc(text) or (text if t.ent_type_ != "NORP" else None)
    return party.text if party.pos_ == "PROPN" else None


def _actor(token: Token, ctx: Context) -> str | None:
    """Return who negotiated, brokered or met: the agent of a passive, else the subject."""
    by = list(preps(token, "by"))
    if by:
        return _name(by[0], ctx)
    subj = subject(token) if not args.is_passive(token) else None
    return _name(subj, ctx) if subj is not None else None


def _broker_role(token: Token) -> list[Token]:
    """Return who acts as broker in 'Norway's role as mediator' or 'Chile acted as go-between'."""
    if token.lemma_.lower() not in _BROKER_NOUNS or token.dep_ != "pobj":
        return []
    head = token.head.head  # the word 'as' hangs on: 'role' or 'acted'
    if head.pos_ in ("VERB", "AUX"):
        subj = subject(head)
        return [subj] if subj is not None else []
    owners = [c for c in head.children if c.dep_ == "poss"]
    if owners and owners[0].lower_ in _POSSESSIVE_PRONOUNS:
        # "Norway played down its role as mediator": 'its' is the subject of the verb.
        verb = next((a for a in head.ancestors if a.pos_ in ("VERB", "AUX")), None)
        subj = subject(verb) if verb is not None else None
        return [subj] if subj is not None else []
    return owners


def _brokered_by(token: Token) -> list[Token]:
    """Return the broker named before a participle: 'a Norway-brokered deal'."""
    found: list[Token] = []
    for child in token.children:
        if child.dep_ in ("amod", "compound") and child.lemma_.lower() in BROKER_LEMMAS:
            found += [c for c in child.children if c.dep_ in ("npadvmod", "compound", "nmod")]
    return found


def _modifier_name(token: Token, party: Token, ctx: Context) -> bool:
    """Return True for a name that only modifies a noun: 'an Ann Roe administration aide'."""
    top = token
    while top.dep_ == "compound" and ctx.person_of(top.head) == ctx.person_of(top):
        top = top.head  # 'Ann' in 'Ann Roe': the name runs on to 'Roe'
    return top.dep_ == "compound" and top is not party and ctx.person_of(top.head) is None


# Words of thanks: efforts one is praised for were made ("praised X for her efforts to win").
_GRATITUDE = frozenset(("thank", "grateful", "thankful", "gratitude", "praise", "credit"))


def thanked(token: Token) -> list[Token]:
    """Return whom a speaker thanks for the effort the infinitive tells, or [].

    "Bo Lind praised Ann Roe for her efforts to win the crew's release": the efforts were made,
    and Ann Roe made them; "Bo Lind urged Ann Roe to win their release" thanks no one.
    """
    node = token
    for _ in range(3):
        node = node.head
        words = [node, *(c for c in node.children if c.dep_ in ("acomp", "amod"))]
        grateful = next((w for w in words if w.lemma_.lower() in _GRATITUDE), None)
        if grateful is not None:
            return [c for c in grateful.children if c.dep_ == "dobj"] + list(preps(grateful, "to"))
        if node.dep_ == "ROOT" or (node.pos_ in ("VERB", "AUX") and node.dep_ != "xcomp"):
            break
    return []


def stated_talks(token: Token) -> bool:
    """Return True for talks told as events, not descriptions of someone.

    'a swap mediated by X', 'a Norway-brokered deal', 'agreed during talks', 'freed under a
    deal' (unlike 'under arrest', a deal one is freed under is no state of a person).
    """
    if token.dep_ == "acl" and token.lemma_ in BROKER_LEMMAS:
        return any(c.dep_ == "agent" for c in token.children)
    if token.dep_ == "amod" and token.lemma_ in BROKER_LEMMAS:
        return any(c.dep_ in ("npadvmod", "compound", "nmod") for c in token.children)
    return token.dep_ == "pobj" and token.head.lower_ in ("during", "under")


def parties(token: Token, m: Mention, ctx: Context) -> None:
    """Fill the negotiation's persons (the named negotiators) and target (a party state)."""
    # "talks with X", "a deal between X and Y", "brokered by X"; "a visit from X" is no talk with X.
    words = ("with", "between", "by")
    found: list[Token] = list(preps(token, *words))
    held = token.head
    if m.nominal and token.dep_ in ("dobj", "nsubjpass") and held.lemma_ in HOLDING:
        # "X held talks in Minsk with Y", "a deal was reached with Y": the parties hang on the
        # verb that holds or reaches them.
        found += list(preps(held, *words))
        subj = subject(held)
        if token.dep_ == "dobj" and subj is not None and not args.is_passive(held):
            found.append(subj)
    if m.nominal:
        # "the Ann Roe deal", "Bo Lind's talks": the owner of the talks takes part in them.
        found += [c for c in token.children if c.dep_ in ("poss", "compound") and ctx.person_of(c)]
        found += _broker_role(token) + _brokered_by(token)
    found += thanked(token) if not m.nominal else []
    found += [c for p in found for c in p.conjuncts]
    if token.lemma_ in MEETING_VERBS or not m.nominal:
        subj = subject(token)
        if subj is not None and not args.is_passive(token) and token.lemma_ in MEETING_VERBS:
            found += [subj, *subj.conjuncts]
    elif token.dep_ == "pobj" and token.head.lower_ == "at":
        # "announced the lifting at a meeting with X": the announcer was at the meeting.
        gov = next((a for a in token.ancestors if a.pos_ == "VERB"), None)
        subj = subject(gov) if gov is not None else None
        if subj is not None:
            found.append(subj)
    names: list[tuple[str, int, int]] = []
    for party in found:
        for t in _own_words(party):
            if _modifier_name(t, party, ctx):
                continue  # "a Trump administration official" is not Trump
            name = ctx.person_of(t)
            if name and name not in [n for n, _, _ in names]:
                names.append((name, t.idx, t.idx + len(t.text)))
        who = _name(party, ctx)
        if who and not ctx.person_of(party):
            m.target = m.target or who
    sent_words = {t.lower_ for t in token.sent}
    if not names and sent_words & {"envoy", "negotiator", "emissary"}:
        # "negotiated by the envoy for hostage affairs, Adam Boehler": the name beside the title.
        here = [(ctx.person_of(t), t) for t in token.sent if t.dep_ == "appos" and ctx.person_of(t)]
        if here:
            name, t = here[0]
            names.append((str(name), t.idx, t.idx + len(t.text)))
            m.reasons.append(f"the envoy is {name}, named beside the title")
        elif ctx.negotiators:
            name, start, end = ctx.negotiators[0]
            names.append((name, start, end))
            m.reasons.append(f"the unnamed envoy is {name}, named as envoy in the article")
    m.persons = sorted(names, key=lambda n: n[1])
    if not names and not NEGOTIATION_CUES & {t.lemma_.lower() for t in token.sent}:
        m.reasons.append("no prisoners, envoys or sanctions in the sentence")
        m.off_topic = True
    m.actor = _actor(token, ctx) if not m.nominal else None
    if m.actor is None and m.target and not m.persons:
        # "a deal with Norway": the one side named is the party that acts in it.
        m.actor = m.target
    if m.persons:
        m.reasons.append(f"parties: {', '.join(n for n, _, _ in names)}")
    elif m.target or m.actor:
        m.reasons.append(f"party: {m.target or m.actor}")


def held_date(token: Token, nominal: bool, ctx: Context) -> PartialDate | None:
    """Return the date of the verb that holds talks: 'X and Y signed a deal on 3 May'."""
    held = token.head
    if nominal and token.dep_ in ("dobj", "nsubjpass") and held.lemma_ in HOLDING:
        return timing.mention_date(held, False, ctx)
    return None


def tie_talks(mentions: list[Mention]) -> None:
    """Mark the negotiations told in the sentence of a release, pardon or lifting they traded.

    "Chile freed nine sailors under a deal with Norway": the deal happened, as the release did;
    a deal hoped for is told beside no happening (or beside one the filters doubt).
    """
    done = {m.sent_start for m in mentions if m.type in TRADED_TYPES and not m.flags}
    for m in mentions:
        if m.type == "negotiation" and not m.flags and m.sent_start in done:
            m.tied = True
            m.reasons.append("told with the release it traded")


def talk_features(mentions: list[Mention]) -> dict[str, float]:
    """Return the features of one negotiation: whether it names a party, whether it is tied.

    EVAL.md rule 7 lists no person for "a deal with Norway", so a negotiation is bare only
    when it names no party at all, person or state.
    """
    named = any(m.persons or m.target or m.actor for m in mentions)
    return {"bare": float(not named), "tied": float(any(m.tied for m in mentions))}
