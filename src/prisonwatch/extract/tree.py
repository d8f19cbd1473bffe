"""Dependency-tree helpers every stage reads: prepositional objects, subjects, entities."""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

from prisonwatch.extract import geo
from prisonwatch.extract.lexicon import PERSON_NOUNS

if TYPE_CHECKING:
    from spacy.tokens import Span, Token


def preps(token: Token, *words: str) -> Iterator[Token]:
    """Yield the objects of the prepositions ``words`` attached to ``token``."""
    for child in token.children:
        if child.dep_ in ("prep", "dative", "agent") and child.lower_ in words:
            for obj in child.children:
                if obj.dep_ in ("pobj", "pcomp"):
                    yield obj
        if child.dep_ == "prep" and child.lower_ in {"along", "out"}:
            yield from preps(child, *words)


def objects(token: Token) -> list[Token]:
    """Return the direct objects of a verb, or its passive subjects."""
    found = [c for c in token.children if c.dep_ in ("dobj", "nsubjpass")]
    return found + [c for o in found for c in o.conjuncts]


def ent_of(token: Token) -> Span | None:
    """Return the entity span a token is part of, without rebuilding ``doc.ents``."""
    if not token.ent_type_:
        return None
    doc = token.doc
    start = token.i
    while doc[start].ent_iob_ == "I" and start > 0:
        start -= 1
    end = token.i + 1
    while end < len(doc) and doc[end].ent_iob_ == "I":
        end += 1
    return doc[start:end]


def ent_text(token: Token) -> str:
    ent = ent_of(token)
    return ent.text if ent is not None else token.text


def subject(token: Token) -> Token | None:
    """Return the subject of a verb, looking through conjunction and control ("agreed to free")."""
    node = token
    for _ in range(4):
        for child in node.children:
            if child.dep_ in ("nsubj", "nsubjpass"):
                return child
            if child.dep_ in ("csubj", "csubjpass"):
                # "Six Americans detained in X were freed": the participle's noun.
                inner = [c for c in child.children if c.dep_ in ("nsubj", "nsubjpass")]
                if inner:
                    return inner[0]
        for child in node.children:
            # The parser's slip "X was ... convicted" with X hung on the auxiliary 'was'.
            if child.dep_ in ("aux", "auxpass") and child.i < node.i:
                inner = [c for c in child.children if c.dep_ in ("nsubj", "nsubjpass")]
                if inner:
                    return inner[0]
        if node.dep_ in ("conj", "xcomp") and node.head.pos_ in ("VERB", "AUX"):
            node = node.head
            continue
        if node.dep_ == "relcl":
            return node.head
        if node.dep_ == "pcomp" and node.head.lower_ in {"by", "after", "before"}:
            node = node.head.head  # "took a step by releasing": the one who took it
            continue
        break
    return None


def is_person_noun(token: Token) -> bool:
    """Return True for nouns that denote people (prisoners, Americans, women)."""
    low = token.lemma_.lower()
    return (
        low in PERSON_NOUNS
        or token.lower_ in PERSON_NOUNS
        or (token.ent_type_ == "NORP" and geo.country(token.text) is not None)
    )
