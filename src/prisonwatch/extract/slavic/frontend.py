"""The Russian and Belarusian front end: declared patterns propose candidates for the model."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from functools import lru_cache

from prisonwatch.documents import CleanDocument
from prisonwatch.extract.candidates import BaseFrontEnd, Candidate, Proposal
from prisonwatch.extract.model import Evidence, ExtractedEvent, PersonMention
from prisonwatch.extract.slavic import lexicon, places
from prisonwatch.extract.slavic.dates import Date, find_dates
from prisonwatch.extract.slavic.lacinka import to_cyrillic, to_lacinka
from prisonwatch.extract.slavic.names import Name, find_names, nominal_score, surname_mentions
from prisonwatch.extract.slavic.numbers import Count, find_counts
from prisonwatch.extract.slavic.tokens import Token, sentences, tokenize
from prisonwatch.language import is_lacinka
from prisonwatch.tunables import tunable

_WINDOW = 5  # words after a trigger (and before it) searched for its required companion word
_QUOTES = set('"“”«»„')
# Role words before a name: the person is an official acting on the event, not its subject.
_OFFICIAL_ROLES = tuple(
    [
        "суд",
        "судд",
        "прокур",
        "пракур",
        "адвока",
        "адвака",
        "следовател",
        "следч",
        "пресс-секр",
        "прэс-сакр",
        "министр",
        "мініст",
        "глав",
        "представ",
        "прадстаўн",
        "спецпредстав",
        "спецпосланн",
        "посланн",
        "пасланн",
        "посол",
        "пасол",
        "посл",
        "лидер",
        "лідар",
        "корреспондентк",
        "карэспандэнтк",
        "депутат",
        "дэпутат",
    ]
)
# Words before a name in a negotiation that make the person its subject matter, not a party.
_TRADED = (
    "обмен", "обменя", "освобожд", "освобод", "помилов", "вызвал", "абмен", "абмяня", "памілав",
)  # fmt: skip
_ANAPHORA = frozenset(["их", "его", "ее", "её", "они", "он", "она", "іх", "яго", "яе", "яны", "ён"])
# Object pronouns: "его задержали", "яго затрымалі" are about a person.
_PRONOUNS = frozenset(
    [
        "его",
        "ее",
        "её",
        "их",
        "него",
        "нее",
        "неё",
        "них",
        "ему",
        "ей",
        "им",
        "яго",
        "яе",
        "іх",
        "яму",
        "ёй",
        "ім",
    ]
)
_PREPOSITIONS_TO = frozenset({"в", "во", "у", "ў", "ва"})
_ABOUT = frozenset({"о", "об", "аб"})  # "указ о помиловании": what a document is about
# Belarusian participle endings in an oblique case: the participle describes, it does not state.
_BE_ATTRIBUTIVE = ("нага", "ных", "ным", "наму", "най", "нымі", "тага", "тых", "тым")


@dataclass
class _Sentence:
    start: int
    end: int
    tokens: list[Token]


@dataclass
class _Mention:
    trigger: lexicon.Trigger
    sent: _Sentence
    index: int  # token index of the trigger in the sentence
    flags: dict[str, float]
    persons: list[Name]
    count: Count | None
    date: Date | None
    actor: str | None
    target: str | None
    destination: list[str]


@lru_cache(maxsize=1)
def _morph():  # type: ignore[no-untyped-def]
    import pymorphy3

    return pymorphy3.MorphAnalyzer()


def _near(tokens: list[Token], i: int, pattern: str, after: bool = False) -> bool:
    if not pattern:
        return True
    row = lexicon.Trigger("", "", "", pattern, 0.0, "", "")
    lo, hi = (i + 1 if after else max(0, i - _WINDOW)), min(len(tokens), i + _WINDOW + 1)
    return any(row.matches(t.lower) for k, t in enumerate(tokens[lo:hi], lo) if k != i)


def _opens_among(sent: _Sentence) -> bool:
    opening = " ".join(t.lower for t in sent.tokens[:3] if t.is_word)
    return opening.startswith(lexicon.AMONG_OPENINGS)


def _has_trigger(sent: _Sentence, rows: list[lexicon.Trigger]) -> bool:
    return any(r.matches(t.lower) for t in sent.tokens if t.is_word for r in rows)


def _has_number(tokens: list[Token]) -> bool:
    return any(t.text[:1].isdigit() and not (1900 <= _int(t.text) <= 2100) for t in tokens)


def _int(text: str) -> int:
    digits = "".join(c for c in text if c.isdigit())
    return int(digits) if digits and len(digits) < 9 else 0


def _people_near(tokens: list[Token], i: int) -> bool:
    lo, hi = max(0, i - _WINDOW), min(len(tokens), i + _WINDOW + 1)
    return any(
        lexicon.PEOPLE_HEADS.fullmatch(t.lower) or t.lower in _PRONOUNS for t in tokens[lo:hi]
    )


def _flags(tokens: list[Token], i: int, lang: str, text: str, sent: _Sentence) -> dict[str, float]:
    word = tokens[i].lower
    before = [t.lower for t in tokens[max(0, i - 3) : i]]
    flags: dict[str, float] = {}
    if "не" in before:
        flags["negated"] = 1.0
    if set(before) & (lexicon.UNREAL_BEFORE - {"не", "ни"}):
        flags["modal"] = 1.0
    if word.endswith(lexicon.NOMINAL_SUFFIXES):
        flags["nominal"] = 1.0
        asked = [lexicon.REQUEST_NOUNS]
        if word.startswith(("помил", "паміл")):
            asked.append(lexicon.PARDON_APPLICATIONS)
        if any(r.fullmatch(w) for w in before for r in asked):
            flags["modal"] = 1.0  # "прошение о помиловании": asked for, not granted
    if lang == "ru":
        parse = _morph().parse(tokens[i].text)[0]
        if parse.tag.POS == "PRTF":
            flags["description"] = 1.0
        if parse.tag.POS in ("NOUN",):
            flags["nominal"] = 1.0
        if parse.tag.POS == "INFN":
            flags["modal"] = 1.0
        if parse.tag.tense == "futr":
            flags["future"] = 1.0
        if parse.tag.POS == "PRTS":
            flags["passive"] = flags["past"] = 1.0
        elif parse.tag.POS == "VERB" and parse.tag.tense == "past":
            flags["past"] = 1.0
    elif word.endswith(_BE_ATTRIBUTIVE):
        flags["description"] = 1.0
    elif lexicon.be_form(word) == "passive":
        flags["passive"] = flags["past"] = 1.0
    elif lexicon.be_form(word) == "past":
        flags["past"] = 1.0
    if flags.get("nominal") and _ground(before):
        flags["ground"] = 1.0  # "отпущены по помилованию": the pardon they left under
    opening = {t.lower for t in sent.tokens[:2]}
    if opening & lexicon.BACKGROUND_CUES:
        flags["background_cue"] = 1.0
    paragraph = text.rfind("\n", 0, sent.start) + 1
    inside = text[paragraph : tokens[i].start]
    if sum(c in _QUOTES for c in inside) % 2 == 1 or text[sent.start : sent.start + 1] in "—-":
        flags["quoted"] = 1.0
    if "?" in text[sent.start : sent.end]:
        flags["modal"] = 1.0
    sentence_text = text[sent.start : sent.end].lower()
    total = {t.lower for t in sent.tokens} & lexicon.STATISTIC_CUES
    if (total or lexicon.SINCE_YEAR.search(sentence_text)) and _has_number(sent.tokens):
        flags["aggregate"] = 1.0  # "уже 114 осуждены", "с 2020 года задержаны 1000 человек"
    if sent.tokens and sent.tokens[0].lower in lexicon.PART_OPENINGS:
        flags["part"] = 1.0  # "Еще двоих задержали в Курске": more of a total already told
    return flags


def _ground(before: list[str]) -> bool:
    """Return True when a preposition makes the noun after it the ground of another happening.

    "по помилованию", "па памілаванні", and "по указу о помиловании" with the decree between.
    """
    if before and before[-1] in lexicon.GROUND_PREPOSITIONS:
        return True
    return len(before) == 3 and before[0] in lexicon.GROUND_PREPOSITIONS and before[2] in _ABOUT


_VERB_POS = frozenset({"VERB", "INFN", "PRTS", "GRND"})


def _is_verb(word: str) -> bool:
    """Return True for a verb or short participle (Russian morphology, Belarusian endings)."""
    return lexicon.be_form(word) is not None or _morph().parse(word)[0].tag.POS in _VERB_POS


def _official_before(before: list[str]) -> bool:
    """Return True when a role word names the person ("судья Иван Петров", "прокурор района …").

    A role two words back with a verb between is the subject acting on the person, not their
    title: "Суд приговорил Ивана Петрова" names the prisoner.
    """
    words = [w.strip(",:;") for w in before[-2:]]
    if words and words[-1].startswith(_OFFICIAL_ROLES):
        return True
    return len(words) == 2 and words[0].startswith(_OFFICIAL_ROLES) and not _is_verb(words[1])


def _persons(sent: _Sentence, names: list[Name], text: str, kind: str) -> list[Name]:
    out: list[Name] = []
    for name in names:
        if not sent.start <= name.start < sent.end:
            continue
        before = text[max(sent.start, name.start - 40) : name.start].lower().split()
        if kind != "negotiation":
            if _official_before(before):
                continue
            if places.actor(name.nominative.split()[-1]):
                continue  # a leader acting, not a prisoner
        elif any(w.strip(',:;«»"').startswith(_TRADED) for w in before[-2:]):
            continue  # "обменять Анджея Почобута": the prisoner traded, not a negotiator
        if name.nominative not in [n.nominative for n in out]:
            out.append(name)
    return out


def _described(persons: list[Name], tokens: list[Token], i: int) -> list[Name]:
    """Return the people a describing participle stands before: "осужденного ... Ивана Петрова".

    A participle describes the noun phrase it opens, not every person in its sentence.
    """
    span = int(tunable("extract.slavic_described_span"))
    hi = tokens[min(len(tokens) - 1, i + span)].end
    return [n for n in persons if tokens[i].end <= n.start < hi]


def _nearest(items: list[Count] | list[Date], sent: _Sentence, pos: int) -> Count | Date | None:
    inside = [x for x in items if sent.start <= x.start < sent.end]
    return min(inside, key=lambda x: abs(x.start - pos)) if inside else None


def _destination(tokens: list[Token], i: int) -> list[str]:
    out: list[str] = []
    for k in [*range(i + 1, min(len(tokens) - 1, i + 8)), *range(max(0, i - 4), i)]:
        if tokens[k].lower in _PREPOSITIONS_TO:
            found = places.country(tokens[k + 1].text)
            if found and found not in out:
                out.append(found)
    return out


def _countries(tokens: list[Token]) -> list[str]:
    found = [places.country(t.text) for t in tokens if t.is_word]
    return [c for c in found if c]


def _impersonal(tokens: list[Token], i: int, flags: dict[str, float]) -> bool:
    """Return True for an agentless passive trigger: the state holding the prisoners acted.

    "Журналисты освобождены", "Журналісты вызвалены" name no doer; in custody news the doer is
    the state. A subjectless plural ("освободили") was tried too: it cost English CV F1 (.733 to
    .725) through the shared ``has_actor`` weight, so it is left out.
    """
    if flags.get("nominal") or flags.get("description") or not flags.get("passive"):
        return False
    before = {t.lower for t in tokens[max(0, i - 4) : i]}
    return not before & {"они", "яны"}


def _actor(tokens: list[Token]) -> str | None:
    for t in tokens:
        name = places.actor(t.text)
        if name:
            return name
    words = [t.text for t in tokens if t.is_word]
    for i in range(len(words)):
        body = places.authority(words, i)
        if body:
            return body
    return None


class SlavicFrontEnd(BaseFrontEnd):
    """Proposes Russian or Belarusian candidates: one per event type and story in a text."""

    def __init__(self, language: str) -> None:
        self.language = language

    def propose(self, document: CleanDocument) -> Proposal:
        """Return the candidates that the declared patterns find in one document."""
        original = document.text or ""
        most = int(tunable("extract.max_chars"))
        truncated = most if len(original) > most else None
        original = original[:most]
        where: list[int] | None = None
        text = original
        if is_lacinka(original):
            text, where = to_cyrillic(original)
        mentions, _names = self._mentions(text, document.published)
        candidates = self._merge(mentions, text, original, where, len(text))
        return Proposal(document, self.language, candidates, truncated_at=truncated)

    def _mentions(self, text: str, published: str | None) -> tuple[list[_Mention], list[Name]]:
        lang = self.language
        sents = [_Sentence(s, e, tokenize(text, s, e)) for s, e in sentences(text)]
        names: list[Name] = []
        for sent in sents:
            names += find_names(sent.tokens, text, lang)
        names = _unify(names, lang)
        for sent in sents:
            names += surname_mentions(sent.tokens, text, names)
        all_tokens = [t for s in sents for t in s.tokens]
        counts = find_counts(all_tokens, text)
        dates = find_dates(text, published)
        main = Counter(_countries(all_tokens)).most_common(1)
        main_country = main[0][0] if main else None
        rows = [r for r in lexicon.TRIGGERS if lang in r.langs.split()]
        mentions: list[_Mention] = []
        previous_persons: list[Name] = []
        roster: _Mention | None = None
        prev_end = 0
        for sent in sents:
            opens_with_name = any(n.start == sent.start for n in names if n.full)
            own_line = "\n" in text[prev_end : sent.start]
            prev_end = sent.end
            if roster is not None and opens_with_name and own_line and not _has_trigger(sent, rows):
                # A list line after the event's sentence ("Name — 3 years;"): its people too.
                roster.persons += _persons(sent, names, text, roster.trigger.type)
                roster.flags["roster"] = 1.0
                continue
            if roster is not None and _opens_among(sent) and not _has_trigger(sent, rows):
                # "Среди них — A и B.": some of the people of the event just told.
                roster.persons += _persons(sent, names, text, roster.trigger.type)
                continue
            roster = None
            sent_persons_all = [n for n in names if sent.start <= n.start < sent.end]
            for i, tok in enumerate(sent.tokens):
                if not tok.is_word:
                    continue
                told: set[str] = set()  # one mention of a type per word, whichever row found it
                for row in rows:
                    if row.type in told or not row.matches(tok.lower):
                        continue
                    if not _near(sent.tokens, i, row.needs, row.after):
                        continue
                    flags = _flags(sent.tokens, i, lang, text, sent)
                    persons = _persons(sent, names, text, row.type)
                    if flags.get("description"):
                        persons = _described(persons, sent.tokens, i)
                    opening = {t.lower for t in sent.tokens[:3]}
                    if not persons and opening & _ANAPHORA:
                        persons = list(previous_persons)
                        flags["anaphora"] = 1.0
                    count = _nearest(counts, sent, tok.start) if row.type != "negotiation" else None
                    if row.people and not (persons or count or _people_near(sent.tokens, i)):
                        continue
                    date = _nearest(dates, sent, tok.start)
                    dest = (
                        _destination(sent.tokens, i)
                        if row.type in ("transfer", "deportation")
                        else []
                    )
                    countries = [c for c in _countries(sent.tokens) if c not in dest]
                    target = countries[0] if countries else main_country
                    actor = _actor(sent.tokens)
                    if actor is None and _impersonal(sent.tokens, i, flags):
                        actor = target
                    mentions.append(
                        _Mention(
                            row,
                            sent,
                            i,
                            flags,
                            persons,
                            count if isinstance(count, Count) else None,
                            date if isinstance(date, Date) else None,
                            actor,
                            target,
                            dest,
                        )
                    )
                    roster = mentions[-1]
                    told.add(row.type)
            if sent_persons_all:
                previous_persons = [
                    n for n in sent_persons_all if not places.actor(n.nominative.split()[-1])
                ]
        return mentions, names

    def _merge(
        self,
        mentions: list[_Mention],
        text: str,
        original: str,
        where: list[int] | None,
        length: int,
    ) -> list[Candidate]:
        groups: list[list[_Mention]] = []
        for m in mentions:
            if _unreal(m):
                continue
            bg = _background(m)
            if m.flags.get("description") and m.persons and not m.flags.get("background_cue"):
                # "Among the detained — A and B": the people of the event already told.
                told = next(
                    (
                        g
                        for g in groups
                        if g[0].trigger.type == m.trigger.type
                        and not _background(g[0])
                        and not _conflict(g, m)
                    ),
                    None,
                )
                if told is not None:
                    told.append(m)
                    continue
            for group in groups:
                head = group[0]
                if head.trigger.type != m.trigger.type or _background(head) != bg:
                    continue
                if _conflict(group, m):
                    continue
                group.append(m)
                break
            else:
                groups.append([m])
        groups = _fold_descriptions(groups)
        _share_persons(groups)
        return [_candidate(g, text, original, where, length, self.language) for g in groups]


def _fold_descriptions(groups: list[list[_Mention]]) -> list[list[_Mention]]:
    """Give a told event without people the people a describing phrase names for it.

    "Задержанный активист Иван Петров ... Сейчас он заключен под стражу": one arrest, his.
    """
    kept: list[list[_Mention]] = []
    for group in groups:
        head = group[0]
        if head.flags.get("description") and not head.flags.get("background_cue"):
            main = next(
                (
                    g
                    for g in groups
                    if g is not group
                    and g[0].trigger.type == head.trigger.type
                    and not _background(g[0])
                    and not any(m.persons for m in g)
                    and not _conflict(g, head)
                ),
                None,
            )
            if main is not None and any(m.persons for m in group):
                main.extend(group)
                continue
        kept.append(group)
    return kept


# Custody events one sentence can tell of the same people: "помилованы и освобождены".
_SAME_PEOPLE = frozenset({"release", "pardon", "deportation", "transfer"})


def _share_persons(groups: list[list[_Mention]]) -> None:
    """Give a custody event that names nobody the people of one told in the same sentence.

    "Указ о помиловании заключенных, которые были освобождены ...: A, B": the release is theirs.
    """
    for group in groups:
        head = group[0]
        if head.trigger.type not in _SAME_PEOPLE or any(m.persons for m in group):
            continue
        for other in groups:
            if other is group or other[0].trigger.type not in _SAME_PEOPLE:
                continue
            if _background(other[0]) != _background(head) or _conflict(other, head):
                continue
            if any(m.sent is head.sent for m in other) and any(m.persons for m in other):
                head.persons = list({n.nominative: n for m in other for n in m.persons}.values())
                head.flags["shared_persons"] = 1.0
                break


def _unreal(m: _Mention) -> bool:
    """Return True for a mention that states no real event: negated, wished, future, a total."""
    return any(m.flags.get(k) for k in ("negated", "modal", "future", "aggregate"))


def _background(m: _Mention) -> bool:
    return bool(m.flags.get("background_cue") or m.flags.get("description"))


def _conflict(group: list[_Mention], m: _Mention) -> bool:
    for other in group:
        leaders = {other.actor, m.actor} - {other.target, m.target, None}
        if len(leaders) > 1:
            return True  # two leaders acting: two happenings
        if _described_apart(other, m):
            return True  # each describing participle tells its own person's earlier event
        if other.count and m.count and other.count.value != m.count.value:
            part = m.flags.get("part") and m.count.value < other.count.value
            # The people who left under a pardon may be some of those it covered.
            part = part or m.flags.get("ground") or other.flags.get("ground")
            if not part:
                return True  # two different group sizes, unless "еще N" tells more of it
        if other.date and m.date and other.date.value and m.date.value:
            a, b = other.date.value, m.date.value
            if not (a.startswith(b) or b.startswith(a)):
                return True
        if other.destination and m.destination and not set(other.destination) & set(m.destination):
            return True
    return False


def _described_apart(a: _Mention, b: _Mention) -> bool:
    """Return True for two describing participles of different people.

    "осужденный на три года Иван Петров ... приговоренного к штрафу Олега Сомова": two
    convictions, each told only as the description of its own person.
    """
    if not (a.flags.get("description") and b.flags.get("description") and a.persons and b.persons):
        return False
    return not {n.nominative for n in a.persons} & {n.nominative for n in b.persons}


def _unify(names: list[Name], lang: str) -> list[Name]:
    """Give each person one nominative: the form the text itself writes most like one."""
    forms: dict[str, list[Name]] = {}
    for n in names:
        forms.setdefault(_person_key(n), []).append(n)
    best: dict[str, Name] = {}
    for key, group in forms.items():
        written = [n for n in group if n.written == n.nominative] or group
        best[key] = max(
            written,
            key=lambda n: (nominal_score(n.written.split()[0], lang), len(n.written)),
        )
    out: list[Name] = []
    for n in names:
        chosen = best[_person_key(n)]
        if chosen.nominative != n.nominative:
            n = Name(n.written, chosen.nominative, chosen.gender, n.start, n.end, n.full)
        out.append(n)
    return out


def _person_key(n: Name) -> str:
    return n.key + n.nominative.split()[0][:3].lower()


def _span(start: int, end: int, where: list[int] | None) -> tuple[int, int]:
    if where is None:
        return start, end
    return where[start], where[min(end, len(where) - 1)]


def _candidate(
    group: list[_Mention],
    text: str,
    original: str,
    where: list[int] | None,
    length: int,
    language: str,
) -> Candidate:
    first = group[0]
    persons: list[PersonMention] = []
    role = "negotiator" if first.trigger.type == "negotiation" else "prisoner"
    for m in group:
        for n in m.persons:
            # A Łacinka text gets its names back in Łacinka, as the text writes them.
            name = (
                n.nominative if where is None else " ".join(map(to_lacinka, n.nominative.split()))
            )
            if name not in [p.name for p in persons]:
                s, e = _span(n.start, n.end, where)
                persons.append(PersonMention(name, s, e, role))
    spans = sorted({_span(m.sent.start, m.sent.end, where) for m in group})
    evidence = [Evidence(s, e, original[s:e]) for s, e in spans]
    # A count beside a ground ("12 человек ... по помилованию") counts who left, not who was
    # pardoned: the event's own count comes first.
    counted = sorted((m for m in group if m.count), key=lambda m: bool(m.flags.get("ground")))
    count = counted[0].count if counted else None
    date = next((m.date for m in group if m.date and m.date.value), None) or next(
        (m.date for m in group if m.date), None
    )
    destination: list[str] = []
    for m in group:
        destination += [d for d in m.destination if d not in destination]
    event = ExtractedEvent(
        type=first.trigger.type,
        date=date.value if date else None,
        date_precision=date.precision if date else None,
        date_text=date.text if date else None,
        date_inferred=bool(date and date.inferred),
        count=count.value if count else None,
        count_qualifier=count.qualifier if count else None,
        persons=persons,
        actor=next((m.actor for m in group if m.actor), None),
        target_country=next((m.target for m in group if m.target), None),
        destination=destination,
        background=_background(first),
        evidence=evidence,
    )
    flags: dict[str, float] = {}
    for m in group:
        for k, v in m.flags.items():
            flags[k] = max(flags.get(k, 0.0), v)
    if all(m.flags.get(k) for m in group for k in ("negated",)):
        flags["negated"] = 1.0
    else:
        flags.pop("negated", None)
    for k in ("modal", "future", "quoted", "nominal"):
        if not all(m.flags.get(k) for m in group):
            flags.pop(k, None)
    # "ground" only says where a mention joined its event; it is no evidence of its own.
    features = {k: v for k, v in flags.items() if k != "ground"}
    features["trigger=" + first.trigger.name.replace(" ", "_")] = 1.0
    newline = text.find("\n")
    features["headline"] = float(newline > 0 and first.sent.start < newline)
    features["position"] = round(first.sent.start / max(length, 1), 3)
    features["mentions"] = float(len(group))
    features["trigger_weight"] = first.trigger.weight
    if first.flags.get("description"):
        # A describing participle ("осужденного ранее") tells an earlier event; its own name
        # keeps the shared ``background_cue`` weight as English learnt it.
        features["background_cue=description"] = 1.0
    words = [m.sent.tokens[m.index].text for m in group]
    reasons = [f"trigger '{words[0]}' ({first.trigger.name})"]
    if len(group) > 1:
        reasons.append(f"{len(group) - 1} more mention(s)")
    reasons += [k for k, v in flags.items() if v and k != "anaphora"]
    event.reason = "; ".join(reasons)
    sent = _span(first.sent.start, first.sent.end, where)
    return Candidate(
        language=language,
        trigger=first.trigger.name,
        sentence=sent,
        proposal=event,
        features={k: v for k, v in features.items() if v},
        background_cue=_background(first),
    )
