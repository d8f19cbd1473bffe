"""The name index: registry names expanded once into keyed forms, looked up by surname skeleton."""

from __future__ import annotations

import gc
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field, replace

from prisonwatch.names.forms import NameForm, make_form, name_tokens, registry_readings
from prisonwatch.names.keys import deletions
from prisonwatch.names.latin import query_context
from prisonwatch.names.normalize import drop_lowercase_words, normalize_name
from prisonwatch.names.registry import RegistryEntry
from prisonwatch.names.result import Candidate, MatchResult, Status
from prisonwatch.names.score import Reading, Verdict, judge
from prisonwatch.names.suffixes import cuts, is_turkic
from prisonwatch.names.tokens import Token, token_info
from prisonwatch.tunables import tunable

MAX_QUERY_CHARS = 300
MIN_NEAR_SKELETON = 4
# Answers kept for queries asked again (one name in many articles); past this many, all go.
MEMO_MAX = 20_000


def query_readings(toks: list[Token], notes: tuple[str, ...] = ()) -> list[Reading]:
    """Return every way to read a query: each token in turn as the surname."""
    readings = []
    for i, surname in enumerate(toks):
        if surname.initial or surname.patronymic == "f":
            continue
        rest = toks[:i] + toks[i + 1 :]
        patronymic = None
        if len(toks) >= 3 or any(t.patronymic == "f" for t in rest):
            shaped = [t for t in rest if t.patronymic and not t.is_given]
            patronymic = shaped[0] if shaped else None
        given = [t for t in rest if t is not patronymic]
        if patronymic is None and len(given) == 2 and given[0].initial and given[1].initial:
            # Two initials are the given name's and the patronymic's (Б.Ю. Кагарлицкий).
            patronymic = given.pop()
        extra = max(0, len(given) - 2)
        readings.append(Reading(surname, tuple(given[:2]), patronymic, extra, notes))
    return readings


@contextmanager
def paused_gc() -> Iterator[None]:
    """Pause the cycle collector while the index's many long-lived objects are made or loaded.

    Each collection walks every object made so far; an index of 100,000 names makes millions,
    none of them garbage, so collecting during a build or a load only costs time.
    """
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


@dataclass
class _Best:
    verdict: Verdict
    form: NameForm


@dataclass
class NameIndex:
    """Registry names, expanded once, looked up by surname skeleton and one-edit neighbours."""

    entries: list[RegistryEntry] = field(default_factory=list, repr=False)
    forms: list[NameForm] = field(default_factory=list, repr=False)
    exact: dict[str, list[int]] = field(default_factory=dict, repr=False)
    near: dict[str, list[int]] = field(default_factory=dict, repr=False)
    slots: dict[str, int] = field(default_factory=dict, repr=False)

    @classmethod
    def build(cls, entries: Iterable[RegistryEntry]) -> NameIndex:
        """Return an index over ``entries``."""
        index = cls()
        with paused_gc():
            for entry in entries:
                index.add(entry)
        return index

    def add(self, entry: RegistryEntry) -> None:
        """Add one person with their name and aliases; a known person gains the new names only."""
        person = self.slots.get(entry.person_id)
        texts = [entry.name, *entry.aliases]
        if person is None:
            person = self.slots[entry.person_id] = len(self.entries)
            self.entries.append(entry)
        else:
            # One slot per person: a second slot would make the person their own rival.
            old = self.entries[person]
            known = {old.name, *old.aliases}
            texts = [t for t in dict.fromkeys(texts) if t not in known]
            self.entries[person] = RegistryEntry(old.person_id, old.name, [*old.aliases, *texts])
        name = self.entries[person].name
        main = registry_readings(person, name)
        given = main[0].given if main else ()
        for text in texts:
            # A one-word alias is another surname (a maiden name) for the same given names, or,
            # when it is a known given name, another given name (Marfa/Maryia) for the surname.
            forms = main if text == name else registry_readings(person, text, given=given)
            alias = name_tokens(text) if text != name else []
            if main and len(alias) == 1 and alias[0].is_given:
                first = main[0]
                forms = [make_form(person, text, (alias[0],), first.patronymic, first.surname)]
            for form in forms:
                self._file(form)

    def _file(self, form: NameForm) -> None:
        form_id = len(self.forms)
        self.forms.append(form)
        memo = self._memo()
        for skel in form.skeletons:
            self.exact.setdefault(skel, []).append(form_id)
            memo.forget(("e", skel))
        for skel in form.surname.skeletons:
            if len(skel) >= MIN_NEAR_SKELETON:
                for short in deletions(skel):
                    self.near.setdefault(short, []).append(form_id)
                    memo.forget(("n", short))

    def _lookup(self, token: Token, near: bool) -> set[int]:
        found: set[int] = set()
        read = self._memo().read
        for skel in token.skeletons:
            if not near:
                read.add(("e", skel))
                found.update(self.exact.get(skel, ()))
                continue
            read.add(("n", skel))
            found.update(self.near.get(skel, ()))
            if len(skel) >= MIN_NEAR_SKELETON:
                for short in deletions(skel):
                    read.update((("e", short), ("n", short)))
                    found.update(self.exact.get(short, ()))
                    found.update(self.near.get(short, ()))
        return found

    def _memo(self) -> _Memo:
        memo: _Memo | None = self.__dict__.get("_memo_")
        if memo is None:
            memo = self.__dict__["_memo_"] = _Memo()
        return memo

    def __getstate__(self) -> dict[str, object]:
        """Pickle the index without the answers kept for repeated queries."""
        return {k: v for k, v in self.__dict__.items() if k != "_memo_"}

    def _score(self, readings: list[Reading], near: bool, best: dict[int, _Best]) -> None:
        verdicts = self._memo().verdicts
        if len(verdicts) >= MEMO_MAX * 8:
            verdicts.clear()
        for reading in readings:
            for form_id in self._lookup(reading.surname, near):
                form = self.forms[form_id]
                # A form never changes once filed: a reading met again is judged once.
                verdict = verdicts.get((reading, form_id))
                if verdict is None:
                    verdict = verdicts[reading, form_id] = judge(reading, form)
                old = best.get(form.person)
                if old is None or _rank(verdict) > _rank(old.verdict):
                    best[form.person] = _Best(verdict, form)

    def match(self, query: str) -> MatchResult:
        """Return the person ``query`` names, ``ambiguous`` when several fit, or ``none``.

        A query asked again gets the answer kept from the first time, unless a form filed
        since sits under one of the keys that answer looked up (then it is worked out again):
        the answer is always the one a fresh match would give.
        """
        memo = self._memo()
        kept = memo.answers.get(query)
        if kept is not None:  # a copy: the caller may change its list of candidates
            return replace(kept, candidates=list(kept.candidates))
        memo.read = set()
        result = self._match(query)
        memo.keep(query, replace(result, candidates=list(result.candidates)))
        return result

    def _match(self, query: str) -> MatchResult:
        if len(query) > MAX_QUERY_CHARS:
            return MatchResult(query, "none", None, 0.0, "too long to be a name")
        toks = name_tokens(drop_lowercase_words(query), in_context=True)
        if not toks:
            return MatchResult(query, "none", None, 0.0, "no letters to match")
        if len(toks) > tunable("names.max_tokens"):
            return MatchResult(query, "none", None, 0.0, "too many words to be a name")
        readings = query_readings(toks)
        best: dict[int, _Best] = {}
        self._score(readings, near=False, best=best)
        if not any(_strong(b.verdict) and not b.verdict.spare for b in best.values()):
            # One-edit neighbours only when no exact skeleton gave a confident answer, or when
            # the answer left a word unexplained that may be a neighbour's surname.
            self._score(readings, near=True, best=best)
        if not any(
            _strong(b.verdict) and b.verdict.surname_score == 1.0 and not b.verdict.spare
            for b in best.values()
        ):
            # A near surname may be an exact one with a case ending (Vasilenkos).
            self._score_cuts(query, toks, best)
        return self._decide(query, best)

    def _score_cuts(self, query: str, toks: list[Token], best: dict[int, _Best]) -> None:
        """Score the query again with a case ending cut off one word (Yaqubluya, ჰასანლის).

        A cut counts only where the stem still matches well: a cut surname must meet a registry
        surname at the names.suffix_stem_min tunable or closer, a cut given name (Тарасові) needs
        an exact surname beside it. A cut never replaces an uncut verdict that is as good.
        """
        turkic = is_turkic(query)
        context = query_context(normalize_name(query))
        for i, token in enumerate(toks):
            for stem, note in cuts(token.text, turkic):
                cut = token_info(stem, context)
                if not cut.keys:
                    continue
                changed = [*toks[:i], cut, *toks[i + 1 :]]
                readings = query_readings(changed, (note,))
                as_surname = [r for r in readings if r.surname is cut]
                as_given = [r for r in readings if r.surname is not cut]
                self._score_cut(as_surname, tunable("names.suffix_stem_min"), best)
                self._score_cut(as_given, 1.0, best)

    def _score_cut(self, readings: list[Reading], floor: float, best: dict[int, _Best]) -> None:
        found: dict[int, _Best] = {}
        self._score(readings, near=False, best=found)
        for person, b in found.items():
            if b.verdict.surname_score < floor:
                continue
            old = best.get(person)
            if old is None or _rank(b.verdict) > _rank(old.verdict):
                best[person] = b

    def _decide(self, query: str, best: dict[int, _Best]) -> MatchResult:
        ranked = sorted(best.items(), key=lambda kv: _rank(kv[1].verdict), reverse=True)
        candidates = [
            Candidate(
                self.entries[p].person_id, self.entries[p].name, b.verdict.score, b.verdict.reason
            )
            for p, b in ranked[:5]
        ]
        live = [(p, b) for p, b in ranked if not b.verdict.conflict]
        if not live or live[0][1].verdict.score < tunable("names.ambiguous_floor"):
            reason = ranked[0][1].verdict.reason if ranked else "no registry surname is near"
            return MatchResult(query, "none", None, 0.0, reason, candidates)
        top_person, top = live[0]
        status: Status = "ambiguous"
        reason = top.verdict.reason
        if _strong(top.verdict):
            rivals = [
                b
                for _, b in live[1:]
                if b.verdict.score >= top.verdict.score - tunable("names.margin")
            ]
            if not rivals:
                status = "matched"
            else:
                names = ", ".join(self.entries[p].name for p, _ in live[: 1 + len(rivals)])
                reason = f"{len(rivals) + 1} people fit equally well: {names}"
        elif len(live) > 1:
            reason = f"{reason}; {len(live)} people share this surname"
        else:
            reason = f"{reason}; not enough to link"
        person_id = self.entries[top_person].person_id if status == "matched" else None
        return MatchResult(query, status, person_id, top.verdict.score, reason, candidates)


class _Memo:
    """Answers to queries already matched, and, per looked-up key, the queries that read it."""

    def __init__(self) -> None:
        self.answers: dict[str, MatchResult] = {}
        self.readers: dict[tuple[str, str], set[str]] = {}
        self.read: set[tuple[str, str]] = set()  # keys the query being matched looked up
        self.verdicts: dict[tuple[Reading, int], Verdict] = {}  # judge() per reading and form

    def keep(self, query: str, result: MatchResult) -> None:
        if len(self.answers) >= MEMO_MAX:
            self.answers.clear()
            self.readers.clear()
        self.answers[query] = result
        for key in self.read:
            self.readers.setdefault(key, set()).add(query)
        self.read = set()

    def forget(self, key: tuple[str, str]) -> None:
        """Drop the answers that looked up ``key``: a form filed under it may change them."""
        for query in self.readers.pop(key, ()):
            self.answers.pop(query, None)


def _strong(verdict: Verdict) -> bool:
    return verdict.full and not verdict.conflict and verdict.score >= tunable("names.accept")


def _rank(verdict: Verdict) -> tuple[bool, float]:
    return (not verdict.conflict, verdict.score)
