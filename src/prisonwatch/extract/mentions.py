"""Find the mentions of events: one per trigger that states one, with its arguments and reasons."""

from __future__ import annotations

from typing import TYPE_CHECKING

from prisonwatch.extract import arguments as args
from prisonwatch.extract import talks, timing
from prisonwatch.extract.checks import CHECKS, destination_of
from prisonwatch.extract.context import Context
from prisonwatch.extract.counts import count_of
from prisonwatch.extract.deals import TRADE_CUES
from prisonwatch.extract.filters import description, irrealis
from prisonwatch.extract.lexicon import (
    DEPORTED_NOUNS,
    GENERIC_QUANTIFIERS,
)
from prisonwatch.extract.mention import Mention
from prisonwatch.extract.tree import is_person_noun, objects, preps
from prisonwatch.extract.triggers import TRIGGERS, Trigger, matcher_patterns, rows_for

if TYPE_CHECKING:
    from spacy.matcher import Matcher
    from spacy.tokens import Doc, Span, Token

_MAYBE_TOTAL = "(a hedged running total)"
_AGGREGATE_CUES = {"since", "so far", "in total", "to date", "overall", "altogether"}


def build_matcher(vocab: object) -> Matcher:
    """Return a Matcher holding one pattern set per trigger-table row, keyed by row index."""
    from spacy.matcher import Matcher

    matcher = Matcher(vocab)  # type: ignore[arg-type]
    for kind, patterns in matcher_patterns().items():
        matcher.add(kind, patterns)
    return matcher


def _rows(doc: Doc, matcher: Matcher) -> dict[int, list[Trigger]]:
    found: dict[int, list[Trigger]] = {}
    for match_id, start, _end in matcher(doc):
        token = doc[start]
        kind = doc.vocab.strings[match_id]
        rows = rows_for(kind, token.lemma_.lower(), token.lower_)
        merged = found.setdefault(start, [])
        merged.extend(r for r in rows if r not in merged)
    for rows in found.values():
        rows.sort(key=TRIGGERS.index)
    return found


def find_mentions(doc: Doc, ctx: Context, matcher: Matcher) -> tuple[list[Mention], list[str]]:
    """Return the event mentions of a parsed article, and why the other triggers were dropped.

    Talks told with no word of prisoners come last, marked ``off_topic``: they state no event
    of their own but are more mentions of the article's deal (``talks.fold_side_talks``).
    """
    mentions: list[Mention] = []
    side: list[Mention] = []
    dropped: list[str] = []
    for start, rows in sorted(_rows(doc, matcher).items()):
        token = doc[start]
        if any(m.token == start and m.type == "transfer" for m in mentions):
            continue  # the move a release implied ("freed and flown to X") is told already
        if token.i in ctx.teaser_tokens:
            dropped.append(f"{token.text}: related-article teaser")
            continue
        for row in rows:
            if row.check and not CHECKS[row.check](token):
                continue
            mention, why = _mention(token, row, ctx, mentions)
            if mention is None or mention.off_topic:
                dropped.append(f"{token.text}: {why}")
                side += [mention] if mention is not None else []
            else:
                mentions.append(mention)
                if not mention.flags:
                    mentions.extend(_implied(token, mention, ctx))
            break
    talks.tie_talks(mentions)
    return mentions + side, dropped


def _mention(
    token: Token, row: Trigger, ctx: Context, earlier: list[Mention]
) -> tuple[Mention | None, str]:
    nominal = row.nominal
    flags: list[str] = []
    why = irrealis(token, nominal)
    if why and row.type == "negotiation" and "infinitive" in why and talks.thanked(token):
        why = None  # "praised X for her efforts to win the crew's release": the efforts were made
    if why and not _traded_concession(token, row):
        flags.append(flag_of(why))
    named = token.dep_ in ("acl", "relcl") and (
        ctx.person_of(token.head) is not None
        or any(ctx.person_of(c) for c in token.head.children if c.dep_ == "appos")
        or (ctx.person_of(token.head.head) is not None and token.head.dep_ == "appos")
        or (token.dep_ == "relcl" and token.head.ent_type_ in ("GPE", "ORG", "NORP"))
    )
    why = description(token, named)
    if why and not (row.type == "negotiation" and talks.stated_talks(token)):
        flags.append("description")
    sent: Span = token.sent
    m = Mention(row.type, token.i, nominal, sent.start_char, sent.end_char, flags=flags)
    m.reasons.extend(f"filter: {f}" for f in flags)
    m.reasons.append(f"trigger '{token.text}'" + (" (noun)" if nominal else ""))
    if row.patient == "with":
        # "flew home with the four Americans": the company moved, not the one who flew
        nouns = [n for w in preps(token, "with") for n in (w, *w.conjuncts)]
    else:
        nouns = args.patients(token, nominal, row.patient)
    if not nouns and not nominal and row.type in ("transfer", "deportation"):
        nouns = _shared_passive_subject(token)
    if token.dep_ in ("relcl", "acl") and args.is_passive(token) and token.head.dep_ == "appos":
        nouns = [*nouns, token.head.head]
    if row.type in ("negotiation",):
        talks.parties(token, m, ctx)
        if m.off_topic:
            return m, "meeting or deal with no prisoners, envoys or sanctions in the sentence"
    elif row.type.startswith("sanctions"):
        obj, target, who = args.sanction_target(token, nominal, ctx)
        m.object, m.target = obj, target
        m.actor = who or args.actor(token, nominal, ctx)
        if row.type == "sanctions_imposed" and not obj:
            return None, "sanctions with no measure named (generic)"
        if obj:
            m.reasons.append(f"object '{obj}'")
        # EVAL.md rule 12: sanctions on people count the people ('on eight officials').
        people = [t for n in args.sanction_nouns(token, nominal) for t in preps(n, "on", "against")]
        people += objects(token) if not nominal else []
        sanctioned = [t for t in people if is_person_noun(t) or ctx.person_of(t)]
        m.persons = [(n, t.idx, t.idx + len(t.text)) for n, t in args.persons_in(sanctioned, ctx)]
        people = [t for t in people if is_person_noun(t)]
        counted = count_of(people) if people else None
        if counted and counted.value:
            m.count = counted
            m.reasons.append(f"count {counted.value} sanctioned")
    else:
        if not nominal and not nouns and row.type != "transfer":
            return None, "no one named or counted as affected"
        things = [n for n in nouns if not _person_like(n, ctx)]
        if nouns and len(things) == len(nouns):
            # "released a statement", "exchanged fire": the object is not a person.
            return None, f"'{things[0].text}' is not a person"
        why = _people(token, m, nouns, ctx, earlier)
        if why:
            return None, why
        # Who dies or leaves prison is the one it happens to, not an actor.
        m.actor = args.actor(token, nominal, ctx) if row.patient == "obj" else None
        if row.check == "swap_counterpart":
            # The other side of a swap: a release by the country that held them.
            m.counterpart = True
            m.target = args.held_in(nouns)
            m.actor = m.actor or m.target
    if row.type == "transfer" and any(n.lemma_.lower() in DEPORTED_NOUNS for n in nouns):
        m.type = "deportation"
        m.reasons.append("the people moved are called deportees: a deportation")
    if row.type in ("transfer", "deportation"):
        m.destination = args.destinations(token, ctx, nouns)
        if m.destination:
            m.reasons.append(f"destination {', '.join(m.destination)}")
    if row.type in ("sentence", "arrest") and not nominal:
        m.term = args.term(token)
        if m.term and row.type == "arrest" and token.lemma_ in {"jail", "imprison"}:
            m.type = "sentence"  # "jailed for five years" is a sentence, not an arrest
    if row.type != "negotiation" and m.actor and any(m.actor == p for p, _, _ in m.persons):
        m.persons = [p for p in m.persons if p[0] != m.actor]
    m.date = timing.mention_date(token, nominal, ctx)
    if m.date is None and row.type == "negotiation":
        m.date = talks.held_date(token, nominal, ctx)
    if m.date:
        m.reasons.append(f"date '{m.date.text.strip()}'")
    why = _aggregate(token, m, earlier)
    if why and why.endswith(_MAYBE_TOTAL):
        # "has freed more than 40 people": a new group or a running total; the model decides.
        m.flags.append("aggregate")
        m.reasons.append(f"filter: {why}")
    elif why:
        return None, why  # EVAL.md rule 3: a running total is never an event
    m.background = (
        timing.background(token, nominal, m, ctx)
        or timing.after_background(token, m, earlier)
        or timing.anterior(token, m, earlier)
    )
    return m, ""


def _shared_passive_subject(token: Token) -> list[Token]:
    """Return 'Ann Roe' in 'Ann Roe was stripped of her citizenship and expelled to Poland'.

    A verb joined to a passive one, with no subject or object of its own, shares its subject.
    """
    if token.dep_ != "conj" or any(
        c.dep_ in ("nsubj", "nsubjpass", "dobj") for c in token.children
    ):
        return []
    subjects = [c for c in token.head.children if c.dep_ == "nsubjpass"]
    return subjects + [c for s in subjects for c in s.conjuncts]


_FLAG_CUES = (
    ("negated", "negated"),
    ("infinitive", "infinitive"),
    ("plan", "plan"),
    ("denied by", "denial"),
    ("habitual", "habitual"),
    ("ongoing", "ongoing"),
    ("governed by", "irrealis_governor"),
    ("future or hypothetical", "modal"),
)


def flag_of(why: str) -> str:
    """Return the short feature name of an irrealis reason ('negated', 'modal', 'plan'...)."""
    return next((name for cue, name in _FLAG_CUES if cue in why), "irrealis")


def _traded_concession(token: Token, row: Trigger) -> bool:
    """Return True for 'in exchange, X said it would lift sanctions': a deal's stated concession."""
    if row.type != "sanctions_lifted" or any(c.dep_ == "neg" for c in token.children):
        return False
    modal = [c for c in token.children if c.dep_ == "aux" and c.lower_ in {"would", "will", "'ll"}]
    return bool(modal) and TRADE_CUES.search(token.sent.text) is not None


_PLURAL_PRONOUNS = frozenset(("they", "them"))


def _plural_referent(token: Token, earlier: list[Mention]) -> list[tuple[str, int, int]]:
    """Return the persons of the latest earlier mention naming two or more, this or last sentence.

    "Police detained Ann Roe and Bo Lind. A court sentenced them." gives the sentence both names;
    a group named two sentences back or more is too far to be sure of.
    """
    sent = token.sent
    previous = token.doc[sent.start - 1].sent if sent.start > 0 else sent
    for e in reversed(earlier):
        if len(e.persons) > 1 and previous.start_char <= e.sent_start <= sent.start_char:
            return list(e.persons)
    return []


def _people(
    token: Token, m: Mention, nouns: list[Token], ctx: Context, earlier: list[Mention]
) -> str | None:
    generic = [n for n in nouns if n.lower_ in GENERIC_QUANTIFIERS and not _partitive(n)]
    if any(not n.like_num for n in generic) and not any(
        ctx.person_of(t) for n in nouns for t in n.subtree
    ):
        return f"generic group '{nouns[0].text}'"
    extras = args.listed_extras(token)
    if not any(e.lower_ in args.LIST_MARKERS for e in extras):
        extras += args.trailing_markers(token)
    if token.dep_ == "acl" and token.head.lower_ in {"those", "them"}:
        m.anaphoric = True
        clause = token.head.head.head if token.head.head.dep_ == "prep" else None
        negated = clause is not None and any(c.dep_ == "neg" for c in clause.children)
        if clause is not None and token.head.head.lower_ == "among" and not negated:
            extras += [c for c in clause.children if c.dep_ in ("nsubj", "attr", "nsubjpass")]
    found = args.persons_in(nouns, ctx, extras)
    if not found and args.group_mentions(nouns):
        group = next((e for e in reversed(earlier) if len(e.persons) > 1), None)
        if group is not None:
            m.persons = list(group.persons)
            m.reasons.append("'the couple' refers to the people named before")
    m.persons = m.persons or [(n, t.idx, t.idx + len(t.text)) for n, t in found]
    if not m.persons:
        m.persons = _definite_group(nouns, ctx, earlier)
    if not m.persons and any(n.lower_ in _PLURAL_PRONOUNS for n in nouns):
        m.persons = _plural_referent(token, earlier)
        if m.persons:
            m.reasons.append("'they' are the people the sentence before names")
    conj_obj = [n for n in nouns if n.lower_ in {"them", "they"}]
    if conj_obj and token.dep_ == "conj":
        # "released 135 prisoners ... and exiled them": the same group.
        head_nouns = objects(token.head)
        if not head_nouns and token.head.dep_ == "relcl":
            # "freed 12 priests it had held and sent them home": the noun the clause hangs on.
            head_nouns = [token.head.head]
        m.count = count_of(head_nouns)
        m.persons = m.persons or [
            (n, t.idx, t.idx + len(t.text)) for n, t in args.persons_in(head_nouns, ctx)
        ]
        m.reasons.append("'them' is the group of the verb before")
    else:
        m.count = count_of(nouns, named=len(found))
    if m.persons:
        m.reasons.append(f"{len(m.persons)} person(s): {', '.join(p for p, _, _ in m.persons)}")
    if m.count and m.count.value:
        m.reasons.append(
            f"count {m.count.qualifier + ' ' if m.count.qualifier else ''}{m.count.value}"
        )
    also = any(c.lower_ == "also" for c in token.children)
    if also and m.persons and not m.count and timing.mention_date(token, m.nominal, ctx) is None:
        m.anaphoric = True  # "X was also released": one more name for the event told before
    if (
        not m.persons
        and not m.count
        and any(
            n.lower_ in {"they", "them", "those"}
            or (n.lemma_ in {"prisoner", "detainee"} and any(c.lower_ == "the" for c in n.children))
            for n in nouns
        )
    ):
        m.anaphoric = True
    return None


def _definite_group(
    nouns: list[Token], ctx: Context, earlier: list[Mention]
) -> list[tuple[str, int, int]]:
    """Return the people of 'the two' or 'the journalists': the named group told just before."""
    noun = nouns[0] if len(nouns) == 1 else None
    if noun is None or not any(c.dep_ == "det" and c.lower_ == "the" for c in noun.children):
        return []
    size = _number(noun)
    plural = noun.tag_ in ("NNS", "NNPS") and is_person_noun(noun)
    for e in reversed(earlier[-3:]):
        if len(e.persons) < 2 or ctx.doc[e.token].sent.start >= noun.sent.start:
            continue
        if size is not None and size in (len(e.persons), e.count.value if e.count else None):
            return list(e.persons)
        if plural and noun.lemma_ in {t.lemma_ for t in ctx.doc[e.token].sent}:
            return list(e.persons)
    return []


def _number(noun: Token) -> int | None:
    """Return N for 'the two', 'the five' (a numeral used as the noun)."""
    if noun.pos_ != "NUM":
        return None
    words = {"two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8}
    return int(noun.text) if noun.text.isdigit() else words.get(noun.lower_)


def _partitive(noun: Token) -> bool:
    """Return True for part of a known group: 'most of those released', 'some of the prisoners'."""
    definite = {"the", "these", "those"}
    return any(
        p.lower_ in definite | {"them"} or any(c.lower_ in definite for c in p.children)
        for p in preps(noun, "of")
    )


def _person_like(noun: Token, ctx: Context) -> bool:
    """Return True for nouns that can denote people: names, pronouns, numbers, prisoners."""
    return (
        ctx.person_of(noun) is not None
        or (noun.lower_ in GENERIC_QUANTIFIERS and _partitive(noun))
        or noun.pos_ in ("PRON", "PROPN", "NUM")
        or noun.like_num
        or is_person_noun(noun)
        or noun.lower_ in {"couple", "pair", "both", "duo", "majority", "rest", "group", "dozens"}
        or any(ctx.person_of(t) for t in noun.subtree)
        or (
            noun.lemma_.lower() in _AMOUNT_NOUNS
            and any(_person_like(p, ctx) for p in preps(noun, "of"))
        )
    )


# Nouns that measure a group and hand the person to their 'of': "a number of prisoners".
_AMOUNT_NOUNS = frozenset(("number", "handful", "batch", "score", "hundred", "thousand", "dozen"))


_SWAP_VERBS = frozenset(("exchange", "swap", "trade"))


def _swapped_for(token: Token, m: Mention, ctx: Context) -> Mention | None:
    """Return the other side's release in 'X was exchanged for Y': Y goes free too.

    The verb's patient is X; Y, after 'for', is the counterpart of the swap.
    """
    if m.nominal or token.lemma_.lower() not in _SWAP_VERBS:
        return None
    nouns = list(preps(token, "for"))
    found = args.persons_in(nouns, ctx) if nouns else []
    people = [n for n in nouns if _person_like(n, ctx)]
    counted = count_of(people) if people else None
    if not found and not (counted and counted.value):
        return None
    other = Mention(
        "release",
        nouns[0].i,
        True,
        m.sent_start,
        m.sent_end,
        [(n, t.idx, t.idx + len(t.text)) for n, t in found],
        counted if counted and counted.value else None,
        date=m.date,
        background=m.background,
        counterpart=True,
    )
    other.target = args.held_in(nouns)
    other.actor = other.target
    other.reasons = [f"counterpart '{token.text} for {nouns[0].text}' of a swap"]
    return other


# Verbs that, joined to a release ("freed and flown to X"), move the freed people on.
# "freed and moved to Berlin" is someone settling abroad on their own: 'move' is not one of them.
_ONWARD_MOVES = frozenset(("be", "arrive", "land", "fly", "return", "head", "travel"))


def _implied(token: Token, m: Mention, ctx: Context) -> list[Mention]:
    """Return the move a release implies: 'released ... and is now in Lithuania'."""
    if m.type not in ("release", "pardon"):
        return []
    out: list[Mention] = []
    swapped = _swapped_for(token, m, ctx)
    if swapped is not None:
        out.append(swapped)
    for conj in token.children:
        if conj.dep_ != "conj" or conj.lemma_ not in _ONWARD_MOVES or objects(conj):
            continue
        if conj.lemma_ == "be":
            places = [p for p in preps(conj, "in", "to") if p.ent_type_ == "GPE"]
            from prisonwatch.extract import geo

            found = [geo.country(places[0].text) or places[0].text] if places else []
        else:
            # "was freed and flown to Vilnius", "was released and returned home to Canada"
            places = destination_of(conj)
            found = args.destinations(conj, ctx, [])
        if not places:
            continue
        moved = Mention(
            "transfer",
            conj.i,
            False,
            m.sent_start,
            m.sent_end,
            list(m.persons),
            m.count,
            m.actor,
            m.target,
            found,
            None,
            None,
            m.date,
            m.background,
        )
        moved.reasons = [f"trigger '{conj.text} ... {places[0].text}' after a release"]
        moved.reasons += [f"destination {', '.join(found)}"] if found else []
        out.append(moved)
    return out


def _aggregate(token: Token, m: Mention, earlier: list[Mention]) -> str | None:
    if m.count and m.count.vague:
        return "aggregate statistic (thousands, hundreds)"
    clause = [token, *token.ancestors][:3]
    for node in clause:
        for child in node.children:
            since = child.dep_ == "prep" and child.lower_ == "since"
            if since and m.count and timing.recent_since(child):
                continue  # EVAL.md rule 13: 'since March 10, at least 7 detained' is a new group
            if since and (m.count or not m.persons):
                return "aggregate statistic ('since ...')"
    since = any(
        t.lower_ == "since" and t.dep_ == "prep" and not timing.recent_since(t)
        for t in timing.frame(token)
    )
    if since and m.count and m.count.qualifier and not m.persons:
        return "aggregate statistic (a hedged total 'since ...')"
    text = token.sent.text.lower()
    if m.count and not m.persons and m.date is None:
        perfect = any(c.lemma_ == "have" and c.dep_ == "aux" for c in token.children)
        if perfect and m.count.qualifier in {"at least", "more than", "about"}:
            return "aggregate statistic (a hedged running total)"
        if m.count.value and m.count.value >= 1000 and not timing.recently_dated(token):
            return "aggregate statistic (a total in the thousands)"
    if any(cue in text for cue in _AGGREGATE_CUES - {"since"}) and m.count and not m.persons:
        return "aggregate statistic"
    return None
