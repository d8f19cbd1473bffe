"""Arguments of a trigger: the people it happened to, the actor, destination, object, term."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from prisonwatch.extract import dates, geo
from prisonwatch.extract.checks import destination_of
from prisonwatch.extract.context import Context
from prisonwatch.extract.lexicon import (
    NEGOTIATOR_TITLES,
    RELATIONAL_NOUNS,
    SANCTION_NOUNS,
    STATE_NOUNS,
)
from prisonwatch.extract.tree import ent_of, is_person_noun, objects, preps, subject

if TYPE_CHECKING:
    from spacy.tokens import Token

_SKIP_DEPS = {"relcl", "acl", "advcl", "poss", "agent", "ccomp"}
_GROUP_WORDS = {"couple", "pair", "both", "duo"}
_TERM_UNITS = {"year", "month", "day", "week"}
_HOLD = {"hold", "jail", "imprison", "detain", "keep", "convict", "sentence"}
LIST_MARKERS = {"including", "among"}
_LIST_POS = {"DET", "ADJ", "NOUN", "PROPN", "NUM", "PART", "CCONJ", "SYM"}
_LIST_PUNCT = {",", "-", "–", "'", "’", '"', "“", "”", "‘"}


def is_passive(token: Token) -> bool:
    """Return True for a passive verb ('was released', 'was arrested and later sentenced')."""
    if any(c.dep_ in ("auxpass", "nsubjpass") for c in token.children):
        return True
    own_subject = any(c.dep_ in ("nsubj", "nsubjpass", "aux") for c in token.children)
    if token.tag_ != "VBN" or own_subject:
        return False
    if token.dep_ == "conj" and token.head.pos_ == "VERB" and token.head.i != token.i:
        return is_passive(token.head)
    return token.dep_ in ("acl", "relcl")


def patients(trigger: Token, nominal: bool, where: str) -> list[Token]:
    """Return the nouns that denote who the event happened to."""
    if nominal:
        # "conviction of insulting the president": a gerund after 'of' names the offence, and
        # whom it names is no patient.
        found = [t for t in preps(trigger, "of", "for") if t.pos_ not in ("VERB", "AUX")]
        # "the death in custody of X": the 'of' hangs on the place.
        found += [o for p in preps(trigger, "in") for o in preps(p, "of")]
        found += [c for c in trigger.children if c.dep_ == "poss" and not _time_word(c)]
        return found + [c for f in found for c in f.conjuncts]
    own_subject = any(
        c.dep_ in ("nsubj", "nsubjpass") and c.lower_ not in {"who", "which", "that"}
        for c in trigger.children
    )
    if (
        trigger.dep_ in ("relcl", "acl")
        and not own_subject
        and (is_passive(trigger) or where == "subj")
    ):
        head = trigger.head
        return [head, *head.conjuncts]
    if where == "subj" or is_passive(trigger):
        subj = subject(trigger) or adjunct_host(trigger)
        subj = _clause_subject(subj) if subj is not None else None
        return [subj, *subj.conjuncts] if subj is not None else []
    if trigger.lemma_ in {"grant", "hand", "give"} and not nominal:
        # "granted clemency to X", "handed him a term": the receiver is the one it happened to.
        receivers = [c for c in trigger.children if c.dep_ == "dative" and c.pos_ != "ADP"]
        receivers += list(preps(trigger, "to"))
        if receivers and not any(c.lower_ == "over" for c in trigger.children):
            return receivers + [c for r in receivers for c in r.conjuncts]
    found = [_clause_subject(o) for o in objects(trigger)] or _shared_objects(trigger)
    if not found:
        # "found the blogger guilty": the small clause's subject.
        found = [
            s
            for c in trigger.children
            if c.dep_ in ("ccomp", "oprd", "xcomp")
            for s in c.children
            if s.dep_ == "nsubj"
        ]
    host = adjunct_host(trigger) if not found else None
    return [_clause_subject(host), *host.conjuncts] if host is not None else found


# Prepositions that open a passive gerund adjunct: "held since being detained in May".
_ADJUNCT_PREPS = frozenset(("since", "after", "before", "upon", "until", "following", "on"))
_OWN_ARGUMENTS = frozenset(("nsubj", "nsubjpass", "csubj", "expl", "aux", "dobj", "dative"))


def adjunct_host(trigger: Token) -> Token | None:
    """Return whom a subjectless passive adjunct predicates of: the subject of its clause.

    A participle clause with no subject of its own ("Arrested in May, Ann Roe was jailed",
    "Ann Roe spoke at a rally, detained minutes later", "detained and, later, convicted") and
    a passive gerund after a preposition ("held since being detained") take the subject of the
    clause they hang on (subject control); a trailing one after a person object takes the
    object ("police stopped Bo Lind, detained for an hour" is Bo Lind). A participle hung on
    a noun ("the verdict, delivered in May") is no adjunct of a clause and is left alone.
    """
    kids = list(trigger.children)
    if any(c.dep_ in _OWN_ARGUMENTS for c in kids) or _state_adjunct(trigger):
        return None
    passive_gerund = any(c.dep_ == "auxpass" and c.lower_ == "being" for c in kids)
    if trigger.dep_ == "pcomp":
        if not (passive_gerund and trigger.head.lower_ in _ADJUNCT_PREPS):
            return None
    elif trigger.dep_ in ("advcl", "conj"):
        # Subjectless, so non-finite whatever the tagger says ('detained' as VBD).
        if trigger.tag_ not in ("VBN", "VBD") or any(c.dep_ == "auxpass" for c in kids):
            return None
        if trigger.dep_ == "conj" and trigger.tag_ != "VBN":
            return None
    else:
        return None
    node = trigger
    for _ in range(6):
        if node.dep_ not in ("advcl", "conj", "pcomp", "prep") or node.head.i == node.i:
            return None
        node = node.head
        if node.pos_ not in ("VERB", "AUX"):
            continue
        subj = next((c for c in node.children if c.dep_ in ("nsubj", "nsubjpass")), None)
        if subj is None:
            continue
        held = [
            c
            for c in node.children
            if c.dep_ == "dobj" and c.i < trigger.i and _personal(c) and subj.dep_ == "nsubj"
        ]
        return held[0] if held else subj
    return None


# "while detained" is a time in custody, "listed as detained" a label: no event.
_STATE_MARKS = frozenset(("while", "whilst", "as"))


def _state_adjunct(trigger: Token) -> bool:
    """Return True for an adjunct that tells a state: 'while jailed', 'jailed since 2019'."""
    for child in trigger.children:
        if child.dep_ in ("mark", "advmod") and child.lower_ in _STATE_MARKS:
            return True
        since = child.dep_ == "prep" and child.lower_ == "since"
        if since and any(dates.YEAR_WORD.fullmatch(t.text) for t in child.subtree):
            return True
    return False


def _personal(noun: Token) -> bool:
    """Return True for a noun that can name a person: a name, a pronoun, 'the blogger'."""
    return noun.pos_ in ("PROPN", "PRON") or noun.ent_type_ == "PERSON" or is_person_noun(noun)


_TIME_NOUNS = frozenset(
    ("day", "week", "weekend", "month", "year", "today", "yesterday", "tonight", "night")
)


def _time_word(token: Token) -> bool:
    """Return True for a time as possessor ('this week's amnesty', 'Friday's release')."""
    if token.ent_type_ == "PERSON":
        return False
    return (
        token.ent_type_ in ("DATE", "TIME")
        or token.lemma_.lower() in _TIME_NOUNS
        or token.lower_ in dates.WEEKDAYS
    )


def _clause_subject(noun: Token) -> Token:
    """Return the noun of a participle the parser made the subject: '250 people convicted of X
    were pardoned' hangs 'convicted' as the passive subject and 'people' under it."""
    if noun.pos_ != "VERB":
        return noun
    inner = [c for c in noun.children if c.dep_ in ("nsubj", "nsubjpass")]
    return inner[0] if inner else noun


def _shared_objects(trigger: Token) -> list[Token]:
    """Return the object of a coordinated verb: 'freed and expelled 40 prisoners'."""
    for conj in trigger.children:
        own_subject = any(c.dep_ in ("nsubj", "nsubjpass") for c in conj.children)
        if conj.dep_ == "conj" and conj.pos_ == "VERB" and conj.i > trigger.i and not own_subject:
            return [c for c in objects(conj) if c.dep_ == "dobj"]
    return []


def _walk(noun: Token) -> list[Token]:
    """Return the noun's subtree without clauses, owners, agents and relatives' objects."""
    # Iterative, in the same order as a recursive walk: a list of 5,000 names joined by 'and'
    # is a chain of 5,000 conjuncts, deeper than Python's recursion limit.
    out: list[Token] = []
    stack = [noun]
    while stack:
        token = stack.pop()
        out.append(token)
        stack.extend(reversed([c for c in token.children if _walk_into(token, c)]))
    return out


def _walk_into(noun: Token, child: Token) -> bool:
    if child.dep_ in _SKIP_DEPS and not (
        child.dep_ in ("relcl", "acl") and child.ent_type_ == "PERSON"
    ):
        return False  # a name the parser hung as a clause ('the journalist X') still counts
    if child.dep_ == "prep" and child.lower_ == "of" and noun.lemma_.lower() in RELATIONAL_NOUNS:
        return False
    if child.dep_ == "prep" and child.lower_ == "of" and _quantity(noun):
        return True  # "three of the staff: its director, Ann Roe, ...": the part named
    return child.dep_ != "prep" or child.lower_ in {"among", "including", "along", "with", "like"}


_PART_WORDS = frozenset(("some", "several", "many", "most", "all", "both", "each", "few", "one"))


def _quantity(noun: Token) -> bool:
    """Return True for a number or quantifier that stands for people: 'three', 'some', 'most'."""
    return noun.like_num or noun.pos_ == "NUM" or noun.lower_ in _PART_WORDS


def enumeration(start: Token) -> list[Token]:
    """Return a flat list of noun phrases from ``start``: 'the journalist X, the activist Y and Z'.

    The parser often breaks such lists into orphans; the flat run of determiners, nouns, names,
    commas and 'and' up to the first verb, preposition or clause word is read instead.
    """
    out: list[Token] = []
    for t in start.doc[start.i : start.sent.end]:
        if t.ent_type_ == "PERSON" or _list_word(t):
            out.append(t)
            continue
        break
    # A name that is the subject of a verb outside the list is a speaker, not a list member.
    return [t for t in out if not (t.dep_ in ("nsubj", "nsubjpass") and t.head.pos_ == "VERB")]


def _list_word(t: Token) -> bool:
    if t.pos_ == "PUNCT":
        return t.text in _LIST_PUNCT
    return t.pos_ in _LIST_POS or t.lower_ in {"of", "them", "those", "whom"}


def persons_in(
    nouns: list[Token], ctx: Context, extra: Sequence[Token] = ()
) -> list[tuple[str, Token]]:
    """Return the people that ``nouns`` (and 'among/including' phrases) name, in text order."""
    seen: dict[str, Token] = {}
    tokens = [t for n in nouns for t in _walk(n)] + [t for e in extra for t in _walk(e)]
    tokens += [t for n in nouns if n.pos_ != "PRON" for t in enumeration(n.left_edge)]
    tokens += [t for e in extra if e.lower_ in LIST_MARKERS for t in _after_marker(e)]
    for token in sorted(set(tokens), key=lambda t: t.i):
        name = ctx.person_of(token)
        if token.dep_ == "compound" and ctx.person_of(token.head) is None:
            continue
        if name and name not in seen and not _negotiator(token):
            seen[name] = token
    return list(seen.items())


def _after_marker(marker: Token) -> list[Token]:
    """Return the list after 'including' or 'among (them)'."""
    doc = marker.doc
    start = marker.i + 1
    if start < len(doc) and doc[start].lower_ in {"them", "those", "whom"}:
        start += 1
    return enumeration(doc[start]) if start < marker.sent.end else []


def trailing_markers(trigger: Token) -> list[Token]:
    """Return 'including' / 'among them' later in the clause, however the parser hung them."""
    out: list[Token] = []
    for t in trigger.doc[trigger.i + 1 : trigger.sent.end]:
        if t.lower_ in LIST_MARKERS and t.pos_ in ("ADP", "VERB"):
            out.append(t)
            break
        if (t.pos_ in ("VERB", "AUX") and t.tag_ not in ("VBN", "VBG")) or t.lower_ in {";", ":"}:
            break
    return out


def _negotiator(token: Token) -> bool:
    near = {t.lower_ for t in token.doc[max(token.i - 3, 0) : token.i]}
    return bool(near & NEGOTIATOR_TITLES) and token.ent_type_ == "PERSON"


def group_mentions(nouns: list[Token]) -> bool:
    """Return True when the patient is 'the couple', 'the pair' or 'both'."""
    return any(n.lower_ in _GROUP_WORDS for n in nouns)


def listed_extras(trigger: Token) -> list[Token]:
    """Return 'among them X and Y', 'including X', 'along with X' phrases hung on the verb."""
    out = []
    listing = False
    for child in trigger.children:
        if child.dep_ in ("prep", "advcl", "npadvmod") and child.lower_ in {
            "among",
            "including",
            "along",
            "with",
        }:
            out.append(child)
            listing = listing or child.lower_ in {"among", "including"}
        elif (
            listing
            and child.i > trigger.i
            and child.dep_ in ("npadvmod", "appos", "dobj", "attr", "conj", "oprd")
        ):
            out.append(child)  # "released 40, among them the journalist X": the parser's orphan
    out += likewise(trigger)
    return out


def likewise(trigger: Token) -> list[Token]:
    """Return the subject of 'as was X' / 'as were X and Y' hung on the trigger: same fate."""
    out = []
    for clause in trigger.children:
        if clause.dep_ != "advcl" or clause.lemma_ != "be" or clause.i < trigger.i:
            continue
        if not any(c.dep_ == "mark" and c.lower_ == "as" for c in clause.children):
            continue
        out += [c for c in clause.children if c.dep_ in ("nsubj", "attr")]
    return out


def name_of(token: Token, ctx: Context) -> str | None:
    """Return a normalised actor name (person, country, bloc or organisation) for a noun."""
    for t in [token, *token.subtree]:
        person = ctx.person_of(t)
        if person:
            return person
    for t in [token, *token.subtree]:
        if t.ent_type_ in ("GPE", "NORP", "LOC", "ORG"):
            ent = ent_of(t)
            text = ent.text if ent is not None else t.text
            found = geo.country(text) or geo.bloc(text)
            if found:
                return found
            if t.ent_type_ == "ORG":
                return text.strip()
    return None


def actor(trigger: Token, nominal: bool, ctx: Context) -> str | None:
    """Return who did it: the active subject, the passive agent, or the nominal's owner."""
    if nominal:
        for child in trigger.children:
            if child.dep_ in ("compound", "amod", "nmod") and child.ent_type_ in (
                "GPE",
                "NORP",
                "ORG",
            ):
                return name_of(child, ctx)
        by = list(preps(trigger, "by"))
        return name_of(by[0], ctx) if by else None
    by = list(preps(trigger, "by"))
    if by:
        return name_of(by[0], ctx)
    if trigger.dep_ == "relcl" and not is_passive(trigger):
        return name_of(trigger.head, ctx)
    if not is_passive(trigger):
        subj = subject(trigger)
        if subj is not None:
            return name_of(subj, ctx)
    return None


def destinations(trigger: Token, ctx: Context, patient_nouns: list[Token]) -> list[str]:
    """Return the receiving countries of a move ('to Lithuania', 'home')."""
    found: list[str] = []
    for place in destination_of(trigger):
        if place.lower_ == "home":
            home = _home_country(patient_nouns, ctx)
            if home:
                found.append(home)
            continue
        ent = ent_of(place)
        name = geo.country(ent.text if ent is not None else place.text)
        if name is None and ent is not None:
            name = ent.text.strip()
        if name and name not in found:
            found.append(name)
    return found


def held_in(nouns: list[Token]) -> str | None:
    """Return the country 'two Russians held in the United States' were held in."""
    for noun in nouns:
        for clause in noun.children:
            if clause.dep_ in ("acl", "relcl") and clause.lemma_ in _HOLD:
                for place in preps(clause, "in", "by"):
                    ent = ent_of(place)
                    found = geo.country(ent.text if ent is not None else place.text)
                    if found:
                        return found
    return None


def _home_country(nouns: list[Token], ctx: Context) -> str | None:
    for noun in nouns:
        for t in noun.subtree:
            if t.ent_type_ == "NORP" and geo.country(t.text):
                return geo.country(t.text)
    return None


def sanction_nouns(trigger: Token, nominal: bool) -> list[Token]:
    """Return the 'sanctions' nouns a lift/impose trigger acts on."""
    pool = list(preps(trigger, "of")) if nominal else objects(trigger)
    return [t for t in pool if t.lower_ in SANCTION_NOUNS or t.lemma_.lower() in SANCTION_NOUNS]


def sanction_target(
    trigger: Token, nominal: bool, ctx: Context
) -> tuple[str | None, str | None, str | None]:
    """Return (object, target country, actor) of a sanction ('US sanctions on potash')."""
    obj = target = who = None
    nouns = sanction_nouns(trigger, nominal)
    if trigger.lemma_ in {"sanction", "blacklist"}:
        nouns = []
        for o in objects(trigger):
            obj = _thing(o)
    for noun in nouns:
        for child in noun.children:
            if child.dep_ in ("compound", "amod", "nmod") and child.ent_type_ in (
                "GPE",
                "NORP",
                "ORG",
            ):
                who = who or name_of(child, ctx)
            elif child.dep_ == "compound" and child.pos_ == "NOUN" and not child.ent_type_:
                obj = obj or _thing(child)  # "potash sanctions": what they cover
        for thing in preps(noun, "on", "against", "targeting", "imposed"):
            country = geo.country(thing.text) if thing.ent_type_ in ("GPE", "NORP") else None
            if country:
                target = target or country
            elif thing.lemma_.lower() not in STATE_NOUNS:
                obj = obj or _thing(thing)
                target = target or _owner_country(thing)
    return obj, target, who


def _owner_country(thing: Token) -> str | None:
    """Return the country an object belongs to: 'Belarusian potash' -> Belarus."""
    for child in thing.children:
        if child.dep_ in ("amod", "compound") and child.ent_type_ in ("GPE", "NORP"):
            country = geo.country(child.text)
            if country:
                return country
    return None


def _thing(noun: Token) -> str:
    """Return what a sanction covers, without articles, owners and country adjectives."""
    for child in noun.children:
        if child.dep_ == "appos" and child.pos_ == "PROPN":
            return child.text
    ent = ent_of(noun)
    if ent is not None and ent.label_ in ("ORG", "PRODUCT", "FAC") and ent.label_ != "GPE":
        return ent.text.strip()
    words = [
        t.text
        for t in noun.subtree
        if t.i <= noun.i
        and t.dep_ not in ("det", "poss", "case", "punct", "predet")
        and not (t.ent_type_ in ("GPE", "NORP") and t.i != noun.i)
        and t.lower_ not in {"some", "all", "its", "their", "the"}
    ]
    return " ".join(words) or noun.text


def term(trigger: Token) -> str | None:
    """Return the prison term of a sentence ('five years'), or None."""
    for place in preps(trigger, "to", "for"):
        if place.lemma_.lower() in _TERM_UNITS:
            nums = [
                c.text
                for c in place.children
                if c.dep_ in ("nummod", "quantmod", "amod") and (c.like_num or c.pos_ == "NUM")
            ]
            if nums:
                return f"{' '.join(nums)} {place.text}"
        if place.lower_ == "life":
            return "life"
    for o in objects(trigger):
        if "-year" in o.sent.text and o.lemma_ in {"term", "sentence"}:
            mods = [c.text for c in o.children if "-year" in c.text or "-" in c.text]
            if mods:
                return mods[0]
    return None


def is_negotiator_name(name: str, ctx: Context) -> bool:
    """Return True for a person the article calls an envoy, negotiator or official."""
    return any(n == name for n, _, _ in ctx.negotiators)
