"""What the rules need to know about a whole article: names, pronouns, teasers, main country."""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from prisonwatch.extract import geo
from prisonwatch.extract.lexicon import (
    NEGOTIATOR_TITLES,
    ORGANISATION_WORDS,
    RELATIONAL_NOUNS,
    TITLE_WORDS,
)
from prisonwatch.extract.tree import is_person_noun
from prisonwatch.names.keys import fine_keys, skeleton

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token

_WORD = re.compile(r"\w+")
_TEASER = re.compile(
    r"^\s*(read more|related|see also|more on|also read|read also|recommended|more from|"
    r"related articles?|related stories|you may also like|most read)\b",
    re.IGNORECASE,
)
# Related-media teasers of news pages: a video's title sits under its running time ("01:25") or
# above a "Go to video" / "Watch video" link, or carries "– video" at its end.
_DURATION = re.compile(r"^\s*(\d{1,2}:)?\d{1,2}:\d{2}\s*$")
_VIDEO_LINK = re.compile(r"^\s*(go to|watch( the)?|play) video\s*$", re.IGNORECASE)
_VIDEO_TITLE = re.compile(r"\s[–—|-]\s*video\s*$", re.IGNORECASE)
_PERSONAL = {"he": "m", "him": "m", "his": "m", "she": "f", "her": "f", "hers": "f"}


def fold(text: str) -> str:
    """Return ``text`` lower-cased without accents, for comparing names."""
    s = unicodedata.normalize("NFKD", text.casefold())
    return "".join(c for c in s if not unicodedata.combining(c))


def person_key(name: str) -> str:
    """Return the key that links the spellings of one surname in an article (prisonwatch.names).

    The consonant skeleton of the last word (Klimovich / Klimovicz, Tsikhanouski /
    Tikhanovsky); short skeletons ('Hoa', 'Le') use the fine key, so they do not all collide.
    """
    words = _WORD.findall(name)
    if not words:
        return ""
    last = words[-1]
    key = skeleton(last)
    return key if len(key) >= 3 else "~" + (fine_keys(last) or ("",))[0]


def clean_name(span: Span) -> str:
    """Return a person entity's text without titles, possessive endings or line breaks."""
    tokens = [t for t in span if not t.is_space]
    while tokens and (tokens[0].lower_ in TITLE_WORDS or tokens[0].lower_ in NEGOTIATOR_TITLES):
        tokens = tokens[1:]
    while tokens and tokens[-1].text in {"'s", "’s", "'", "’", ",", "."}:
        tokens = tokens[:-1]
    if not tokens:
        return ""
    return " ".join(span.doc[tokens[0].i : tokens[-1].i + 1].text.split())


@dataclass
class Context:
    """Article-wide facts the sentence rules consult."""

    doc: Doc
    published: str | None
    teaser_tokens: set[int] = field(default_factory=set)
    canonical: dict[str, str] = field(default_factory=dict)  # person key -> first full name
    person_at: dict[int, str] = field(default_factory=dict)  # token index -> person name
    negotiators: list[tuple[str, int, int]] = field(default_factory=list)  # name, start, end
    main_country: str | None = None

    def person_of(self, token: Token) -> str | None:
        """Return the person a token names or refers to (pronouns resolved), or None."""
        return self.person_at.get(token.i)


def _teasers(doc: Doc) -> set[int]:
    """Return the tokens of related-article teasers: a 'Read more' line and the line after it,
    and the titles of related videos (under a running time, above a 'Go to video' link, or
    ending in '– video')."""
    marked: set[int] = set()
    lines: list[tuple[int, int, str]] = []
    pos = 0
    for line in doc.text.split("\n"):
        lines.append((pos, pos + len(line), line))
        pos += len(line) + 1
    flagged: list[tuple[int, int]] = []
    for k, (start, end, line) in enumerate(lines):
        if _TEASER.match(line):
            flagged.append((start, end))
            following = [x for x in lines[k + 1 :] if x[2].strip()][:1]
            flagged.extend((s, e) for s, e, _ in following)
        elif _VIDEO_TITLE.search(line):
            flagged.append((start, end))
        elif _DURATION.match(line):
            following = [x for x in lines[k + 1 :] if x[2].strip()][:1]
            flagged.extend((s, e) for s, e, _ in following)
        elif _VIDEO_LINK.match(line):
            before = [x for x in lines[:k] if x[2].strip()][-1:]
            flagged.extend((s, e) for s, e, _ in before)
    for token in doc:
        if any(s <= token.idx < e for s, e in flagged):
            marked.add(token.i)
    return marked


def _placelike(token: Token) -> bool:
    """Return True for a token tagged as a place or people that is a known country or demonym."""
    return token.ent_type_ in ("GPE", "NORP") and geo.country(token.text) is not None


def _appositive_names(doc: Doc, heads: set[int] = frozenset()) -> list[Span]:  # type: ignore[assignment]
    """Return names the tagger missed: 'her husband, Alyaksandr Loyka', 'journalist Ihar Karnei'.

    ``heads`` are the tokens of the names already found: a name in apposition to one of them
    ('Ann Roe, Bo Lind and others') is a name too. A token tagged as a place counts unless it
    is a known country or demonym (the tagger often takes an unfamiliar surname for a place).
    """
    found = []
    for token in doc:
        if token.pos_ != "PROPN" or token.ent_type_ in ("PERSON", "DATE") or _placelike(token):
            continue
        head = token.head
        is_appos = token.dep_ == "appos" and (
            (
                head.pos_ == "NOUN"
                and (
                    is_person_noun(head)
                    or head.lemma_.lower() in RELATIONAL_NOUNS | NEGOTIATOR_TITLES
                )
            )
            or head.ent_type_ == "PERSON"
            or head.i in heads
        )
        titled = any(
            c.dep_ == "compound"
            and c.pos_ == "NOUN"
            and (is_person_noun(c) or c.lower_ in NEGOTIATOR_TITLES)
            for c in token.children
        )
        if not (is_appos or titled):
            aged = _aged_name(token) or _described_name(token)
            if aged is not None:
                found.append(aged)
            continue
        if any(c.dep_ == "prep" and c.lower_ == "of" for c in token.children):
            continue  # "Ann Roe, Deputy Head of the Agency": a post, not a second name
        parts = [c for c in token.children if c.dep_ == "compound" and c.pos_ == "PROPN"]
        if len(parts) != 1 or parts[0].i != token.i - 1:
            continue
        found.append(doc[token.i - 1 : token.i + 1])
    return found


_NAME_PARTICLES = {"al", "el", "bin", "ibn", "bint", "abu", "van", "von", "de", "da", "di", "le"}


def _aged_name(token: Token) -> Span | None:
    """Return 'Nawal al-Harbi' in 'Nawal al-Harbi, 38, was sentenced': a name with an age."""
    doc = token.doc
    aged = any(
        c.dep_ == "appos"
        and c.text.isdigit()
        and 12 <= int(c.text) <= 110
        and doc[c.i - 1].text == ","
        and c.i - 1 == token.i + 1
        for c in token.children
    )
    if not aged or not token.is_title or token.ent_type_ in ("ORG", "FAC"):
        return None
    start = token.i
    while start > token.left_edge.i:
        prev = doc[start - 1]
        name_part = prev.pos_ == "PROPN" and prev.is_title and prev.ent_type_ not in ("GPE", "NORP")
        if not (name_part or prev.lower_ in _NAME_PARTICLES or prev.text == "-"):
            break
        start -= 1
    while start < token.i and not doc[start].is_title:
        start += 1
    if start == token.i:
        return None
    return doc[start : token.i + 1]


def _described_name(token: Token) -> Span | None:
    """Return 'Ann Roe' in 'Ann Roe, a local resident, was detained': a name a person noun
    describes in apposition after it (the tagger took it for an organisation or a place)."""
    described = any(
        c.dep_ == "appos"
        and c.pos_ == "NOUN"
        and c.i > token.i + 1
        and token.doc[token.i + 1].text == ","
        and (is_person_noun(c) or c.lemma_.lower() in RELATIONAL_NOUNS | NEGOTIATOR_TITLES)
        for c in token.children
    )
    return _name_chain(token, places=True) if described else None


_NOT_NAME_ENTS = frozenset(("GPE", "NORP", "LOC", "FAC", "DATE", "TIME", "MONEY", "CARDINAL"))


def _name_chain(token: Token, places: bool = False) -> Span | None:
    """Return the 2-4 capitalised proper nouns ending at ``token`` when they read as a name.

    Leading titles ('Imam', 'Colonel') are left out of the name rather than spoiling it.

    With ``places``, words tagged as places or peoples count unless the phrase or a word is a
    known country or demonym ('Ann Zolova and Bo Lind' where the tagger took Zolova for a place).
    """
    doc = token.doc
    start = token.i
    while start > 0 and doc[start - 1].dep_ == "compound" and doc[start - 1].head.i == token.i:
        start -= 1
    while start < token.i and doc[start].lower_ in TITLE_WORDS | NEGOTIATOR_TITLES:
        start += 1  # 'Imam Bo Lind': the title goes, the name stays
    words = doc[start : token.i + 1]
    if not 2 <= len(words) <= 4:
        return None
    skip = _NOT_NAME_ENTS - {"GPE", "NORP", "LOC"} if places else _NOT_NAME_ENTS
    if places and (geo.country(words.text) or any(_placelike(t) for t in words)):
        return None
    for t in words:
        if t.pos_ != "PROPN" or not t.is_title or t.ent_type_ in skip:
            return None
        if t.lower_ in ORGANISATION_WORDS | TITLE_WORDS | NEGOTIATOR_TITLES:
            return None
    return words


def _listed_names(doc: Doc, persons: list[Span]) -> list[Span]:
    """Return names the tagger missed in a list with a tagged person: 'Ann Roe and Bo Lind'.

    A capitalised two-to-four-word proper-noun phrase coordinated with a person entity (as
    its conjunct, either way round) is read as a person too; places, dates and phrases with an
    organisation word ('Amnesty International') are not.
    """
    heads = {s.root.i for s in persons}
    found: list[Span] = []
    for token in doc:
        if token.dep_ != "conj":
            continue
        # token is a later conjunct; its peers are the list it stands in.
        peers = [p for p in token.conjuncts if p.i != token.i]
        with_person = any(p.i in heads for p in peers)
        named = token.ent_type_ == "PERSON" or token.i in heads
        chain = _name_chain(token, places=with_person) if not named else None
        all_names = [
            c for c in (_name_chain(p, places=named or with_person) for p in peers) if c is not None
        ]
        if chain is not None and (with_person or len(all_names) == len(peers)):
            found.append(chain)
            if not with_person:
                found += [c for c in all_names if c.root.i not in heads]
        elif chain is None and named:
            found += [c for c in all_names if c.root.i not in heads]
    unique = {(c.start, c.end): c for c in found}
    return [unique[k] for k in sorted(unique)]


_LONGEST_NAME = 6


def _name_word(token: Token) -> bool:
    """Return True for a capitalised proper noun that can be part of a person's name."""
    return (
        token.pos_ == "PROPN"
        and token.is_title
        and token.lower_ not in ORGANISATION_WORDS | TITLE_WORDS | NEGOTIATOR_TITLES
        and not _placelike(token)
        and geo.country(token.text) is None
    )


def _whole_name(ent: Span) -> Span:
    """Return a person entity with the rest of its name: 'Ana María García Ruiz', which the
    tagger cut into 'Ana María' and 'García Ruiz', is one name of one noun phrase."""
    doc = ent.doc
    head = ent.root
    while head.dep_ == "compound" and head.head.i > head.i and _name_word(head.head):
        head = head.head
    if head.i < ent.end - 1 or any(not _name_word(t) for t in doc[ent.end : head.i + 1]):
        return ent
    start = ent.start
    while (
        start > 0
        and doc[start - 1].dep_ == "compound"
        and doc[start - 1].head.i <= head.i
        and _name_word(doc[start - 1])
    ):
        start -= 1
    if head.i + 1 - start > _LONGEST_NAME or head.i < ent.end:
        return ent
    return doc[start : head.i + 1]


def _person_spans(doc: Doc) -> list[Span]:
    spans = [_whole_name(e) for e in doc.ents if e.label_ == "PERSON"]
    spans = [s for s in spans if not any(o is not s and _inside(s, o) for o in spans)]
    spans = list({(s.start, s.end): s for s in spans}.values())
    taken = {t.i for s in spans for t in s}
    spans += [s for s in _appositive_names(doc, taken) if not any(t.i in taken for t in s)]
    taken = {t.i for s in spans for t in s}
    spans += [s for s in _listed_names(doc, spans) if not any(t.i in taken for t in s)]
    return sorted(spans, key=lambda s: s.start)


def _inside(inner: Span, outer: Span) -> bool:
    """Return True when ``inner`` lies within ``outer`` and is shorter."""
    return outer.start <= inner.start and inner.end <= outer.end and len(inner) < len(outer)


def _canonical_names(doc: Doc) -> dict[str, str]:
    names: dict[str, str] = {}
    for ent in _person_spans(doc):
        name = clean_name(ent)
        key = person_key(name)
        if not key:
            continue
        if key not in names:
            same = next((full for full in names.values() if _respelled(name, full)), None)
            if same is not None:
                names[key] = same  # "Kem Sohka" after "Kem Sokha": one person, first spelling
                continue
        if key not in names or (len(name.split()) > 1 and len(names[key].split()) == 1):
            names[key] = name
    return names


def _respelled(name: str, full: str) -> bool:
    """Return True for the same given name with a surname one slip away ('Sokha'/'Sohka').

    A slip is two neighbouring letters swapped or one letter changed, in surnames of five
    letters or more, so that short names ('Lee'/'Lei') stay apart.
    """
    a, b = fold(name).split(), fold(full).split()
    if len(a) < 2 or len(b) < 2 or a[:-1] != b[:-1] or a[-1] == b[-1]:
        return False
    x, y = a[-1], b[-1]
    if len(x) != len(y) or len(x) < 5:
        return False
    diff = [i for i in range(len(x)) if x[i] != y[i]]
    swapped = len(diff) == 2 and diff[1] == diff[0] + 1 and x[diff[0]] == y[diff[1]]
    return len(diff) == 1 or (swapped and x[diff[1]] == y[diff[0]])


def _given_names(canonical: dict[str, str]) -> dict[str, str]:
    """Map a given name to the one full name of the article that starts with it.

    "Ann Roe was freed. Ann thanked ..." reads the second Ann as Ann Roe; a given name two full
    names share ("Ann Roe", "Ann Lind") maps to neither.
    """
    seen: dict[str, set[str]] = {}
    for full in canonical.values():
        words = full.split()
        if len(words) >= 2:
            seen.setdefault(fold(words[0]), set()).add(full)
    surnames = {fold(full.split()[-1]) for full in canonical.values() if len(full.split()) > 1}
    return {g: next(iter(f)) for g, f in seen.items() if len(f) == 1 and g not in surnames}


def _gender(name: str) -> str | None:
    """Guess a gender from Slavic and common name endings, to keep 'his' off 'Sviatlana'."""
    words = fold(name).split()
    if len(words) < 2:
        return None
    first, last = words[0], words[-1]
    if last.endswith(("aya", "ava", "ova", "ina", "ska", "skaya", "eva")) or first.endswith("a"):
        return "f"
    return "m"


def _subject_person(sent: Span, person_at: dict[int, str]) -> str | None:
    for token in sent:
        if token.dep_ not in ("nsubj", "nsubjpass"):
            continue
        if token.i in person_at:
            return person_at[token.i]
        # "A journalist, Ann Roe, was freed": the name in apposition to the subject.
        named = [c for c in token.children if c.dep_ == "appos" and c.i in person_at]
        if named:
            return person_at[named[0].i]
    return None


def _cataphor(pronoun: Token, person_at: dict[int, str]) -> str | None:
    """Return the person a pronoun in a fronted phrase points ahead to: the clause's subject.

    "After his arrest, Ann Roe fled": a phrase before the main clause refers to the subject
    that follows it. A pronoun inside the subject ("After X's arrest, his lawyer spoke") or in
    the clause after it has no such reading.
    """
    node = pronoun
    while node.head.i != node.i and node.head.dep_ != "ROOT":
        node = node.head
    root = node.head
    if node.i == root.i or node.dep_ in ("nsubj", "nsubjpass", "csubj") or node.i > root.i:
        return None
    for child in root.children:
        if child.dep_ in ("nsubj", "nsubjpass") and child.i > pronoun.i:
            return person_at.get(child.i)
    return None


def _resolve_persons(doc: Doc, canonical: dict[str, str]) -> dict[int, str]:
    """Map each token of a person name, and each he/she/him/her/his, to a person."""
    person_at: dict[int, str] = {}
    given = _given_names(canonical)
    for ent in _person_spans(doc):
        written = clean_name(ent)
        full = given.get(fold(written)) or canonical.get(person_key(written)) or written
        if full:
            for token in ent:
                person_at[token.i] = full
    for token in doc:
        # A surname the tagger missed here but tagged as a person elsewhere: "Statkevich’s".
        if token.i in person_at or not token.is_title or token.ent_type_ == "NORP":
            continue
        if token.ent_type_ == "GPE" and geo.country(token.text):
            continue  # a surname the tagger took for a place is still the person
        if token.pos_ not in ("PROPN", "NOUN"):
            continue
        key = person_key(token.text)
        if token.pos_ == "PROPN" and fold(token.text) in given:
            # "Ann was detained": the given name of the one full name that starts with it.
            person_at[token.i] = given[fold(token.text)]
        elif (
            key in canonical
            and len(token.text) > 3
            and fold(token.text)[:3] == fold(_WORD.findall(canonical[key])[-1])[:3]
        ):
            person_at[token.i] = canonical[key]
    focus: str | None = None
    mentioned: Counter[str] = Counter()
    last: dict[str, int] = {}
    previous_subject: str | None = None
    for sent in doc.sents:
        seen: list[tuple[int, str]] = []
        for token in sent:
            if token.i in person_at and not (token.i - 1 in person_at and token.i > sent.start):
                seen.append((token.i, person_at[token.i]))
            elif token.lower_ in _PERSONAL and token.pos_ == "PRON":
                blocked = set()
                if token.dep_ in ("dobj", "pobj", "dative"):
                    # An object pronoun never refers to its own verb's subject.
                    for child in token.head.children:
                        if child.dep_ == "nsubj" and child.i in person_at:
                            blocked.add(person_at[child.i])
                gender = _PERSONAL[token.lower_]
                choices = [n for _, n in seen if n not in blocked and _gender(n) in (gender, None)]
                ahead = _cataphor(token, person_at)
                if not choices and ahead and _gender(ahead) in (gender, None):
                    choices = [ahead]
                # A subject pronoun opening its sentence continues the last sentence's
                # subject ("Ann Roe met the minister. She was freed."), before the protagonist.
                carried = (
                    previous_subject
                    if token.dep_ in ("nsubj", "nsubjpass")
                    and previous_subject
                    and _gender(previous_subject) in (gender, None)
                    else None
                )
                name = (
                    choices[-1]
                    if choices
                    else carried or (focus if focus and _gender(focus) in (gender, None) else None)
                )
                if name:
                    person_at[token.i] = name
                    seen.append((token.i, name))
        for i, name in seen:
            mentioned[name] += 1
            last[name] = i
        subj = _subject_person(sent, person_at)
        previous_subject = subj
        if subj:
            mentioned[subj] += 1
        if mentioned:
            # The protagonist so far: the person named most often, the latest on a tie.
            focus = max(mentioned, key=lambda n: (mentioned[n], last.get(n, 0)))
    return person_at


def _negotiators(doc: Doc, canonical: dict[str, str]) -> list[tuple[str, int, int]]:
    found: list[tuple[str, int, int]] = []
    for ent in doc.ents:
        if ent.label_ != "PERSON":
            continue
        near = [t.lower_ for t in doc[max(ent.start - 3, 0) : ent.start]]
        appos = [c.lower_ for t in ent for c in t.children if c.dep_ == "appos"]
        heads = [ent.root.head.lower_] if ent.root.dep_ == "appos" else []
        if NEGOTIATOR_TITLES & set(near + appos + heads):
            name = canonical.get(person_key(clean_name(ent)), clean_name(ent))
            found.append((name, ent.start_char, ent.end_char))
    return found


def _main_country(doc: Doc) -> str | None:
    counts: Counter[str] = Counter()
    for ent in doc.ents:
        if ent.label_ in ("GPE", "NORP"):
            name = geo.country(ent.text)
            if name:
                # Early mentions carry the news peg; weigh them more.
                counts[name] += 3 if ent.start_char < 600 else 1
    return counts.most_common(1)[0][0] if counts else None


def build_context(doc: Doc, published: str | None) -> Context:
    """Return the article-wide context of a parsed document."""
    canonical = _canonical_names(doc)
    return Context(
        doc=doc,
        published=published,
        teaser_tokens=_teasers(doc),
        canonical=canonical,
        person_at=_resolve_persons(doc, canonical),
        negotiators=_negotiators(doc, canonical),
        main_country=_main_country(doc),
    )
