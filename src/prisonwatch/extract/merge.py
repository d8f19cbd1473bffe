"""Mentions of the same event (a headline, the lead, a later 'the release') become one event."""

from __future__ import annotations

from dataclasses import dataclass, field, replace

from prisonwatch.extract import dates
from prisonwatch.extract.context import Context, person_key
from prisonwatch.extract.counts import Count, same_count
from prisonwatch.extract.lexicon import BACKGROUND_ADVERBS
from prisonwatch.extract.mention import Mention
from prisonwatch.extract.tree import is_person_noun
from prisonwatch.tunables import tunable

_LOOSE = {"negotiation", "sanctions_lifted", "sanctions_imposed", "death_in_custody"}
# Happenings done to one person at a time: two named people's arrests are two events.
_PERSONAL = {"arrest", "sentence"}
_PATIENT_DEPS = {"nsubjpass", "dobj"}
_PLACE_ENTS = {"GPE", "LOC", "NORP", "FAC"}
_RELEASE_LIKE = {
    "release",
    "pardon",
    "transfer",
    "deportation",
    "sanctions_lifted",
    "sanctions_imposed",
}
# Happenings a person goes through once in a story: a later reference to one names it again.
_RETOLD = frozenset(("release", "pardon", "transfer", "deportation"))


@dataclass
class Group:
    """Mentions judged to state one event."""

    type: str
    mentions: list[Mention] = field(default_factory=list)
    held: list[Mention] = field(default_factory=list)  # anaphoric or bare mentions folded in

    def all(self) -> list[Mention]:
        """Return every mention, the main ones first."""
        return self.mentions + self.held

    def keys(self) -> set[str]:
        """Return the surname keys of the people named so far."""
        return {person_key(p) for m in self.all() for p, _, _ in m.persons}

    def value(self, attr: str) -> object:
        """Return the first value of ``attr`` that a mention gives."""
        for m in self.all():
            v = getattr(m, attr)
            if v:
                return v
        return None

    def destinations(self) -> set[str]:
        """Return every receiving country the mentions name."""
        return {d for m in self.all() for d in m.destination}

    @property
    def count(self) -> int | None:
        """Return the group size the mentions give."""
        for m in self.all():
            if m.count and m.count.value is not None:
                return m.count.value
        return None

    @property
    def counted(self) -> Count | None:
        """Return the first count with a number that the mentions give."""
        for m in self.all():
            if m.count and m.count.value is not None:
                return m.count
        return None

    @property
    def flagged(self) -> bool:
        """Return True when the group is a mention a filter doubts (negated, modal...)."""
        return any(m.flags for m in self.mentions)

    @property
    def bare(self) -> bool:
        """Return True when no mention names people, a number, a place or an object."""
        return all(m.bare for m in self.all())


def _conflict(group: Group, m: Mention, retold: bool = False) -> bool:
    if (
        not retold
        and m.type not in _LOOSE
        and not m.bare
        and m.background != group_background(group)
    ):
        return True  # an earlier arrest is not the arrest in the news
    counted = group.counted
    if (
        counted is not None
        and m.count
        and m.count.value is not None
        and not same_count(counted, m.count)
    ):
        return True
    for other in group.all():
        if other.date and m.date:
            a, b = other.date.value, m.date.value
            if a and b and not (a.startswith(b) or b.startswith(a)):
                return True
            if (
                a is None or b is None
            ) and other.date.text.strip().lower() != m.date.text.strip().lower():
                return True
        if other.term and m.term and other.term != m.term:
            return True
        if other.destination and m.destination and not set(other.destination) & set(m.destination):
            return True
        if (
            other.object
            and m.object
            and other.object[:1].isupper()
            and m.object[:1].isupper()
            and other.object != m.object
        ):
            return True
    return False


def group_background(group: Group) -> bool:
    """Return True when every mention that names something is background."""
    named = [m for m in group.mentions if not m.bare] or group.mentions
    return all(m.background for m in named)


def _opaque_patient(m: Mention, ctx: Context) -> bool:
    """Return True when a verb's patient is a proper name the person reader did not take.

    "Ann Roe, a teacher, was detained" with the name misread as an organisation: the mention is
    about somebody named, so it must not take in the arrest of another named person.
    """
    if m.nominal or m.persons:
        return False
    token = ctx.doc[m.token]
    return any(
        c.dep_ in _PATIENT_DEPS and c.pos_ == "PROPN" and c.ent_type_ not in _PLACE_ENTS
        for c in token.children
    )


def _form_background(m: Mention, ctx: Context) -> bool:
    """Return True when only the clause form makes a mention background, not a date.

    "X, who was freed on Monday, ..." (a passive relative clause) tells the event as known,
    which may be the very event in the news. A noun under 'after' ("after X's release") is
    left apart: joining it moved the cross-validated precision at 0.9 below its gate.
    """
    if m.nominal:
        return False
    if m.date is not None and dates.is_before(
        m.date, ctx.published, int(tunable("extract.background_days"))
    ):
        return False
    token = ctx.doc[m.token]
    if any(c.dep_ == "advmod" and c.lower_ in BACKGROUND_ADVERBS for c in token.children):
        return False  # "who was earlier freed": told as before, not just as known
    return token.dep_ == "relcl" and any(c.dep_ == "auxpass" for c in token.children)


def _retold(group: Group, m: Mention, ctx: Context) -> bool:
    """Return True for a known release named again: same people, background by form alone.

    "Ann Roe is freed" then "Ann Roe, who was released on Monday, told reporters": one release
    (EVAL.md rule 11), though the relative clause reads as background on its own.
    """
    keys = {person_key(p) for p, _, _ in m.persons}
    if m.type not in _RETOLD or not keys or not keys <= group.keys():
        return False
    if m.background == group_background(group):
        return False
    told = [m] if m.background else [o for o in group.mentions if o.background]
    return all(_form_background(o, ctx) for o in told)


def _repeated(m: Mention, ctx: Context) -> bool:
    """Return True for a trigger marked as happening once more ('was detained again')."""
    return any(c.dep_ == "advmod" and c.lower_ == "again" for c in ctx.doc[m.token].children)


def _joins(group: Group, m: Mention, ctx: Context) -> bool:
    retold = group.type == m.type and _retold(group, m, ctx)
    if group.type != m.type or _conflict(group, m, retold):
        return False
    if group.bare and m.persons and any(_opaque_patient(o, ctx) for o in group.mentions):
        return False  # a misread name's arrest is not the arrest of the person named next
    if _repeated(m, ctx):
        return False  # "detained again": a second happening of the kind told before
    if m.flags or group.flagged:
        return False  # a negated or hypothetical mention stands alone for the model to judge
    if m.counterpart != any(o.counterpart for o in group.mentions):
        return False  # the two sides of a swap are two releases
    keys = {person_key(p) for p, _, _ in m.persons}
    if keys and group.keys() and not keys & group.keys() and m.type in _PERSONAL:
        return False  # arrests of different named people are different events (EVAL.md rule 11)
    if any(other.sent_start == m.sent_start for other in group.mentions):
        return True  # one sentence, one event of a type
    if group.bare or m.bare or m.anaphoric or m.type in _LOOSE:
        return True
    dest = group.destinations()
    if dest and dest & set(m.destination):
        return True
    if group.keys() & {person_key(p) for p, _, _ in m.persons}:
        if retold:
            m.reasons.append("the same release named again")
        return True
    counted = group.counted
    return counted is not None and m.count is not None and same_count(counted, m.count)


# Determiners of a noun that brings in people not told before: "the release of a number of".
_INDEFINITE = frozenset(("a", "an", "some", "several", "many", "dozens", "hundreds"))


def _new_group(m: Mention, ctx: Context) -> bool:
    """Return True for a noun trigger whose 'of' names an untold group of people.

    "announced the release of a group of jailed students" starts a happening; "the release"
    alone, or "the release of the prisoners", refers to one told before.
    """
    token = ctx.doc[m.token]
    for prep in token.children:
        if prep.dep_ != "prep" or prep.lower_ != "of":
            continue
        for noun in prep.children:
            people = [noun, *(o for p in noun.children if p.lower_ == "of" for o in p.children)]
            if any(is_person_noun(n) and n.tag_ == "NNS" for n in people) and any(
                c.dep_ == "det" and c.lower_ in _INDEFINITE for c in noun.children
            ):
                return True
    return False


def _held(m: Mention, ctx: Context) -> bool:
    if m.flags:
        return False
    if m.nominal and m.bare and not m.anaphoric and _new_group(m, ctx):
        m.reasons.append("its 'of' brings in a group not told before")
        return False
    return m.anaphoric or (m.nominal and m.bare and m.type != "negotiation")


def _roster_member(m: Mention, ctx: Context) -> bool:
    """Return True for 'Among those freed was X': a name for the group just told."""
    token = ctx.doc[m.token]
    head = token.head
    return (
        m.anaphoric
        and token.dep_ == "acl"
        and head.lower_ in ("those", "them")
        and head.head.lower_ == "among"
    )


def _counted_before(same: list[Group], m: Mention, ctx: Context) -> Group | None:
    """Return the nearest main group with a count told in the sentences before ``m``'s own."""
    sent = ctx.doc[m.token].sent
    told = [
        g
        for g in same
        if g.count is not None
        and g.mentions[0].token < sent.start
        and all(set(o.flags) <= WEIGHED_FLAGS for o in g.mentions)
        and not group_background(g)
        and not _conflict(g, m)
    ]
    return max(told, key=lambda g: g.mentions[0].token, default=None)


def merge(mentions: list[Mention], ctx: Context) -> list[Group]:
    """Return the events that the mentions state, in text order of their first mention."""
    groups: list[Group] = []
    held: list[Mention] = []
    for m in mentions:
        if _held(m, ctx):
            held.append(m)
            continue
        target = next((g for g in groups if _joins(g, m, ctx)), None)
        if target is None:
            groups.append(Group(m.type, [m]))
        else:
            target.mentions.append(m)
    for m in held:
        same = [g for g in groups if g.type == m.type]
        fits = [g for g in same if not _conflict(g, m) and not g.flagged]
        if not m.background and m.type not in _LOOSE:
            fits = [g for g in fits if not group_background(g)]  # 'those released' is today's news
        keys = {person_key(p) for p, _, _ in m.persons}
        group = _counted_before(same, m, ctx) if _roster_member(m, ctx) else None
        if group is not None:
            group.held.append(m)
            m.reasons.append("a name on the roster of the group told just before")
        elif fits:
            best = min(
                fits,
                key=lambda g: (
                    not (keys & g.keys()),
                    not (keys and g.keys()),
                    abs(g.mentions[0].token - m.token),
                ),
            )
            best.held.append(m)
        elif (
            not m.nominal
            and not any(not group_background(g) and not g.flagged for g in same)
            and not (same and m.destination)
        ):
            groups.append(Group(m.type, [m]))
    groups = _fold_subsets(_fold_transfers(groups))
    _inherit_counts(groups)
    if not any(g.type in _RELEASE_LIKE for g in groups):
        # Talks and meetings matter here only when prisoners or sanctions are at stake.
        groups = [g for g in groups if g.type != "negotiation"]
    groups.sort(key=lambda g: min(m.token for m in g.all()))
    return groups


def _fold_transfers(groups: list[Group]) -> list[Group]:
    """A move framed once as exile and once as a transfer to the same place is one deportation."""
    out: list[Group] = []
    deports = [g for g in groups if g.type == "deportation"]
    for g in groups:
        if g.type == "transfer" and not g.flagged:
            dest = g.destinations()
            home = next((d for d in deports if dest & d.destinations()), None)
            if home is not None:
                home.held.extend(g.all())
                continue
        out.append(g)
    return out


def _fold_subsets(groups: list[Group]) -> list[Group]:
    """A headline naming some of the people of a fuller mention is that same event."""
    out: list[Group] = []
    for g in groups:
        keys = g.keys()
        bigger = next(
            (
                o
                for o in groups
                if o is not g
                and not g.flagged
                and not o.flagged
                and o.type == g.type
                and keys
                and keys < o.keys()
                and not any(_conflict(o, m) for m in g.all())
            ),
            None,
        )
        if bigger is not None:
            bigger.held.extend(g.all())
        else:
            out.append(g)
    return out


# Flags the model weighs rather than vetoes: such a group may still take in its members.
WEIGHED_FLAGS = frozenset(("aggregate",))


def _members_of(whole: Group, part: Group) -> bool:
    """Return True when ``part`` tells what happened to some of the people ``whole`` counts."""
    if part is whole or part.type != whole.type or part.flagged:
        return False
    if (
        whole.count is None
        or whole.count < 2
        or any(not set(m.flags) <= WEIGHED_FLAGS for m in whole.mentions)
    ):
        return False
    keys = part.keys()
    if not keys or not keys <= whole.keys() or part.counted is not None:
        return False
    if group_background(part) != group_background(whole):
        return False
    # Each member's own term differs from the group's range; dates and places still split.
    return not any(_conflict(whole, replace(m, term=None)) for m in part.all())


def fold_members(groups: list[Group]) -> list[Group]:
    """Fold a named person's own event into the counted group event that names them.

    "A court convicted 30 union members. Ann Roe was among those convicted. Roe got four
    years.": one sentencing of the group (EVAL.md rule 11). Runs after the rosters name groups.
    """
    out: list[Group] = []
    for g in groups:
        whole = next((o for o in groups if o in out and _members_of(o, g)), None)
        if whole is None:
            out.append(g)
            continue
        whole.held.extend(g.all())
        names = ", ".join(sorted({p for m in g.all() for p, _, _ in m.persons}))
        whole.mentions[0].reasons.append(f"took in the {g.type} of {names}, one of the group")
    return out


def _inherit_counts(groups: list[Group]) -> None:
    """'Those released' after 'pardoned 30 people': the release of the same 30."""
    pardons = [g for g in groups if g.type == "pardon" and g.count is not None]
    for g in groups:
        if g.type == "release" and g.count is None and not g.keys() and pardons:
            source = pardons[0].all()[0]
            g.mentions[0].count = source.count
            g.mentions[0].reasons.append("count of the pardon it carries out")


def fold_side_talks(groups: list[Group], side: list[Mention]) -> None:
    """Add talks told with no word of prisoners to the nearest negotiation of the article.

    "Chile freed nine sailors under a deal with Norway. (...) The talks took months.": the
    second sentence is the same deal told again (EVAL.md rule 11), so it joins as evidence; it
    never makes a negotiation of its own, and a doubted one (a hope, a plan) joins none.
    """
    deals = [g for g in groups if g.type == "negotiation" and not g.flagged]
    for m in side:
        if deals and not m.flags:
            nearest = min(deals, key=lambda g: min(abs(o.token - m.token) for o in g.mentions))
            nearest.held.append(m)
            m.reasons.append("another telling of the article's deal")
