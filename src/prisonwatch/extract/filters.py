"""Rules that say a trigger does not state an event: irrealis, negation, states, descriptions."""

from __future__ import annotations

from typing import TYPE_CHECKING

from prisonwatch.extract import dates
from prisonwatch.extract.lexicon import (
    DENIAL_LEMMAS,
    DESIGNATION_LEMMAS,
    FACTIVE_CONTROL,
    FACTIVE_NOUNS,
    HABITUAL_ADVERBS,
    IRREALIS_LEMMAS,
    LIGHT_VERBS,
    MODAL_LEMMAS,
    STATE_PREPS,
)

if TYPE_CHECKING:
    from spacy.tokens import Token

_NEGATORS = {"not", "n't", "never", "no"}
_NOBODY = {"nobody", "none", "noone"}
_ONGOING = {"remain", "stay", "continue", "keep", "serve"}
_RELATIVE = {"who", "which", "that", "whom", "whose"}
_ANAPHORS = {"those", "them", "all", "these", "they"}
_UNIVERSAL = {"all", "any", "every"}


def _negated(token: Token) -> bool:
    for child in token.children:
        if child.dep_ == "neg" or (child.dep_ == "advmod" and child.lower_ in _NEGATORS):
            return True
        if child.dep_ in ("nsubj", "nsubjpass") and (
            child.lower_ in _NOBODY
            or any(c.lower_ == "no" and c.dep_ == "det" for c in child.children)
        ):
            return True
    return False


def _negated_disjunct(token: Token) -> bool:
    """Return True for 'was never charged or detained': the negation covers both verbs."""
    head = token.head
    if token.dep_ != "conj" or not _negated(head):
        return False
    return any(c.dep_ == "cc" and c.lower_ in {"or", "nor"} for c in head.children)


def _modal(token: Token) -> str | None:
    for child in token.children:
        if child.dep_ in ("aux", "auxpass") and child.lemma_.lower() in MODAL_LEMMAS:
            return child.lower_
        if child.dep_ == "mark" and child.lower_ in {"if", "unless", "whether"}:
            return child.lower_
    return None


def _infinitive(token: Token) -> bool:
    return any(c.dep_ == "aux" and c.tag_ == "TO" for c in token.children)


def _factive_frame(head: Token) -> bool:
    """Return True when an infinitive under ``head`` states a thing done, not a wish.

    'agreed to free', 'persuaded him to free', 'an order to free', 'a decree was signed to free'.
    """
    if _negated(head):
        return False
    lemma = head.lemma_.lower()
    if head.pos_ in ("NOUN", "PROPN"):
        return lemma in FACTIVE_NOUNS
    if lemma in FACTIVE_CONTROL:
        return True
    return lemma in LIGHT_VERBS and any(
        c.dep_ in ("nsubjpass", "dobj") and c.lemma_.lower() in FACTIVE_NOUNS for c in head.children
    )


def _perfect_since(token: Token) -> bool:
    """Return True for 'has been jailed since 2019': a state that began years ago, still going on.

    'Since Monday' is left to the model: a detention that began days ago is often the news.
    """
    aux = {c.lower_ for c in token.children if c.dep_ in ("aux", "auxpass")}
    if not (aux & {"has", "have", "had"} and "been" in aux):
        return False
    since = [c for c in token.children if c.dep_ == "prep" and c.lower_ == "since"]
    if any(dates.YEAR_WORD.fullmatch(t.text) for s in since for t in s.subtree):
        return True
    # "has been held for two months": how long a state lasted, not when it began.
    spans = [
        o for c in token.children if c.dep_ == "prep" and c.lower_ == "for" for o in c.children
    ]
    return any(o.dep_ == "pobj" and o.lemma_.lower() in _DURATION_UNITS for o in spans)


_DURATION_UNITS = frozenset(("year", "month", "week", "day", "decade"))


def irrealis(trigger: Token, nominal: bool) -> str | None:
    """Return why the trigger is a demand, plan, hope, future, negation or denial; else None."""
    if _negated(trigger) or _negated_disjunct(trigger):
        return "negated"
    if not nominal and _perfect_since(trigger):
        return "'has been ... since' makes it an ongoing state"
    modal = _modal(trigger)
    if modal:
        return f"'{modal}' makes it future or hypothetical"
    if not nominal and _subjunctive(trigger):
        return f"subjunctive under '{trigger.head.text}': ordered or asked, a plan not told as done"
    label = None if nominal else _designation(trigger)
    if label is not None:
        return f"'{label.text}' labels an ongoing state (a designation), not a happening"
    if not nominal and _infinitive(trigger):
        head = trigger.head
        if not _factive_frame(head):
            return f"infinitive under '{head.text}' (plan or purpose)"
    for child in trigger.children:
        if child.dep_ == "amod" and child.lemma_.lower() in {
            "plan",
            "planned",
            "possible",
            "potential",
            "expected",
            "future",
        }:
            return f"'{child.text}' makes it a plan"
        if child.dep_ == "advmod" and child.lower_ in HABITUAL_ADVERBS:
            return f"'{child.text}' makes it habitual, not one event"
    node, via_conj = trigger, False
    while node.head.i != node.i:
        dep, node = node.dep_, node.head
        if dep in ("relcl", "advcl"):
            break  # the clause ends here; the words outside it do not govern it
        via_conj = dep == "conj"
        lemma = node.lemma_.lower()
        if not via_conj and lemma in DENIAL_LEMMAS:
            return f"denied by '{node.text}' (denial or refusal)"
        if not via_conj and lemma in IRREALIS_LEMMAS:
            return f"governed by '{node.text}' (demand, hope, plan or fear)"
        if not via_conj and lemma in _ONGOING and dep in ("acomp", "xcomp", "oprd", "prep"):
            return f"'{node.text}' makes it an ongoing state"
        if _modal(node) and dep not in ("advcl", "relcl", "acl", "prep", "pobj"):
            return f"'{_modal(node)}' on '{node.text}' makes it future or hypothetical"
        if node.pos_ in ("VERB", "AUX") and _negated(node) and dep in ("xcomp", "ccomp", "dobj"):
            return f"negated by '{node.text}'"
        if dep == "advcl" or node.dep_ == "ROOT":
            break
    return None


def _subjunctive(trigger: Token) -> bool:
    """Return True for 'ordered that X be released': a bare 'be' in a that-clause, no modal."""
    if trigger.dep_ != "ccomp":
        return False
    aux = [c for c in trigger.children if c.dep_ in ("aux", "auxpass")]
    bare_be = any(c.lower_ == "be" and c.tag_ == "VB" for c in aux)
    return bare_be and not any(c.lower_ == "to" or c.tag_ == "MD" for c in aux)


def _designation(trigger: Token) -> Token | None:
    """Return the labelling verb right before the trigger: 'deemed (wrongfully) detained'."""
    doc = trigger.doc
    i = trigger.i - 1
    while i >= trigger.sent.start and (doc[i].pos_ == "ADV" or doc[i].lower_ == "as"):
        i -= 1
    if i >= trigger.sent.start and doc[i].lemma_.lower() in DESIGNATION_LEMMAS:
        return doc[i]
    return None


def _counted_group(trigger: Token) -> bool:
    """Return True for a participle after a counted group: 'the 12 sailors freed on Monday'."""
    head = trigger.head
    return (
        trigger.tag_ == "VBN"
        and trigger.i > head.i
        and any(c.dep_ == "nummod" for c in head.children)
    )


def description(trigger: Token, is_named: bool) -> str | None:
    """Return why the trigger only describes someone (adjective, participle, state), or None."""
    dep = trigger.dep_
    if dep == "amod":
        return "adjective describing people, not an event"
    if dep == "acl" and _infinitive(trigger):
        return None  # "an order to free six" is no participle; irrealis weighs the infinitive
    if dep == "acl" and not is_named and trigger.head.lower_ not in _ANAPHORS:
        if _counted_group(trigger):
            return None  # "the ten sailors freed by Iran": the release is told; the model weighs it
        return f"participle describing '{trigger.head.text}', not an event"
    if (
        dep == "acl"
        and not is_named
        and trigger.head.lower_ in _ANAPHORS
        and (
            trigger.head.lower_ == "all"
            or any(c.lower_ in _UNIVERSAL for c in trigger.head.children if c.i < trigger.head.i)
        )
    ):
        # "all those convicted had broken the law": everyone of a kind, not one event's group.
        return f"'{trigger.head.text} {trigger.text}' is everyone of a kind, not an event"
    if dep in ("csubj", "csubjpass") and trigger.tag_ == "VBN" and not is_named:
        return "participle describing the subject, not an event"
    relative = any(
        c.dep_ in ("nsubj", "nsubjpass", "dobj") and c.lower_ in _RELATIVE for c in trigger.children
    ) or not any(c.dep_ in ("nsubj", "nsubjpass") for c in trigger.children)
    if dep == "relcl" and relative and not is_named:
        return f"relative clause describing '{trigger.head.text}'"
    if dep == "pobj" and trigger.head.lower_ in STATE_PREPS:
        return f"'{trigger.head.text} ...' describes a state"
    return None
