"""Mentions of the same event (a headline, the lead, a later 'the release') become one event."""

from __future__ import annotations

from dataclasses import dataclass, field

from prisonwatch.extract.context import Context, person_key
from prisonwatch.extract.counts import Count, same_count
from prisonwatch.extract.mention import Mention

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


def _conflict(group: Group, m: Mention) -> bool:
    if m.type not in _LOOSE and not m.bare and m.background != group_background(group):
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


def _joins(group: Group, m: Mention, ctx: Context) -> bool:
    if group.type != m.type or _conflict(group, m):
        return False
    if group.bare and m.persons and any(_opaque_patient(o, ctx) for o in group.mentions):
        return False  # a misread name's arrest is not the arrest of the person named next
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
        return True
    counted = group.counted
    return counted is not None and m.count is not None and same_count(counted, m.count)


def _held(m: Mention) -> bool:
    if m.flags:
        return False
    return m.anaphoric or (m.nominal and m.bare and m.type != "negotiation")


def merge(mentions: list[Mention], ctx: Context) -> list[Group]:
    """Return the events that the mentions state, in text order of their first mention."""
    groups: list[Group] = []
    held: list[Mention] = []
    for m in mentions:
        if _held(m):
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
        if fits:
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
