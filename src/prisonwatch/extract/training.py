"""Training the decision model on gold corpora, and scoring it by cross-validation by story.

Candidates are labelled by the scorer's own matching (EVAL.md): a candidate is an event when
the scorer pairs it with a gold event, and background when that gold event is. Folds keep
stories together: two texts are one story when their gold events share a prisoner's surname
key, or the same type with the same count (2 or more) or the same day; the stories (connected
texts) are then dealt to folds, largest first, each to the fold holding fewest texts.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from prisonwatch.documents import CleanDocument
from prisonwatch.extract.candidates import Candidate, Proposal
from prisonwatch.extract.decide import Calibration, DecisionModel, Head, features
from prisonwatch.extract.flow import EXTRACTOR_VERSION, finish, propose
from prisonwatch.extract.model import Extraction
from prisonwatch.extract.scoring import (
    INDEX_HEADER,
    TYPES,
    Tally,
    load_gold,
    match,
    surname_key,
    text_path,
)
from prisonwatch.tunables import tunable

Reader = Callable[[Path, str | None], CleanDocument]
CONFIDENCE_LEVELS = (0.5, 0.6, 0.7, 0.8, 0.9, 0.95)
# The background head reads only these features (prefixes): with every feature it overfitted
# (5-fold main F1 0.60 against 0.64 for the front end's cue alone, on news_dev + news_dev2).
BACKGROUND_FEATURES = ("background_cue", "date_", "headline", "nominal")


@dataclass
class Item:
    """One gold text with what the front end proposed for it."""

    corpus: str  # folder name: news_dev, news_dev2
    gold: dict[str, Any]  # the gold document
    proposal: Proposal | None  # None when the text was skipped (no front end, empty)
    language: str | None = None

    @property
    def key(self) -> str:
        """Return the text's unique key across corpora."""
        return f"{self.corpus}/{self.gold['id']}"


def corpus_hash(corpora: Sequence[Path]) -> str:
    """Return the sha256 of every gold file and text of ``corpora``, in a stable order."""
    digest = hashlib.sha256()
    for corpus in corpora:
        files = [corpus / "gold.jsonl", *sorted((corpus / "texts").glob("*"))]
        for f in files:
            if f.is_file():
                digest.update(f"{corpus.name}/{f.name}\n".encode())
                digest.update(f.read_bytes())
    return digest.hexdigest()


def load_items(corpora: Sequence[Path], read: Reader, tmp: Path) -> list[Item]:
    """Return every gold text of ``corpora`` with its proposal (texts parsed once)."""
    items: list[Item] = []
    documents: list[CleanDocument] = []
    for corpus in corpora:
        for gold in load_gold(corpus):
            source = text_path(corpus, gold)
            path = tmp / f"{corpus.name}-{source.name}"
            text = INDEX_HEADER.sub("", source.read_text(encoding="utf-8"))
            path.write_text(text, encoding="utf-8")
            documents.append(read(path, gold.get("published")))
            items.append(Item(corpus.name, gold, None))
    for item, got in zip(items, propose(documents), strict=True):
        if isinstance(got, Proposal):
            item.proposal, item.language = got, got.language
        else:
            item.language = got.language
    return items


def labels(item: Item) -> list[tuple[Candidate, int, int | None]]:
    """Return each candidate with its event label and, when an event, its background label."""
    if item.proposal is None:
        return []
    cands = item.proposal.candidates
    preds = [{**c.proposal.to_json(), "background": False} for c in cands]
    gold = item.gold["events"]
    pairs = dict(match(preds, gold, lenient=False))
    out: list[tuple[Candidate, int, int | None]] = []
    for i, c in enumerate(cands):
        j = pairs.get(i)
        out.append((c, int(j is not None), None if j is None else int(bool(gold[j]["background"]))))
    return out


def _fit(rows: list[dict[str, float]], ys: list[int], c: float) -> Head:
    """Return a logistic head fitted to ``rows``; a constant head when one class is present."""
    if not rows:
        return Head(0.0, {})
    share = sum(ys) / len(ys)
    if share in (0.0, 1.0):
        return Head(30.0 if share else -30.0, {})
    from sklearn.feature_extraction import DictVectorizer
    from sklearn.linear_model import LogisticRegression

    vec = DictVectorizer(sort=True)
    x = vec.fit_transform(rows)
    reg = LogisticRegression(C=c, solver="lbfgs", max_iter=2000)
    reg.fit(x, ys)
    names = vec.get_feature_names_out()
    return Head(
        float(reg.intercept_[0]),
        {str(n): float(w) for n, w in zip(names, reg.coef_[0], strict=True)},
    )


def train(items: Iterable[Item], corpus_digest: str = "", calibrate: bool = True) -> DecisionModel:
    """Return the decision model fitted to the candidates of ``items``.

    With ``calibrate``, the event head's scores are calibrated on out-of-fold outcomes of
    reported events (see :func:`calibration`).
    """
    items = list(items)
    model = _train_heads(items, corpus_digest)
    if calibrate:
        model.calibration = calibration(items)
    return model


def calibration(items: Sequence[Item]) -> Calibration:
    """Return the map from out-of-fold event scores to the share of reported events that are true.

    The items are split into story folds; heads trained on the other folds decide each fold's
    texts as extraction does (the score is the confidence), and every reported event is
    matched to the gold by the scorer's rules, so the calibration describes events as they
    are reported and scored, not candidates (a candidate that loses its gold event to an
    unreported one no longer counts as false).
    """
    scores, truth = calibration_outcomes(items, int(tunable("extract.calibration_folds")))
    if len(set(truth)) < 2:
        return Calibration()
    return binned_isotonic(scores, truth, int(tunable("extract.calibration_min_bin")))


def calibration_outcomes(items: Sequence[Item], k: int) -> tuple[list[float], list[int]]:
    """Return the event head's score and outcome (1 true, 0 false) of each reported event.

    Each of ``k`` story folds is decided by heads trained on the other folds, with no
    calibration, so an event's confidence is its raw score (see :func:`calibration`).
    """
    scores: list[float] = []
    truth: list[int] = []
    for held in folds(items, k):
        held_set = set(held)
        model = _train_heads([it for i, it in enumerate(items) if i not in held_set])
        for i in held:
            item = items[i]
            if item.proposal is None:
                continue
            preds = [
                e for e in finish(item.proposal, model).to_json()["events"] if e["type"] in TYPES
            ]
            pairs = dict(match(preds, item.gold["events"], lenient=False))
            for n, event in enumerate(preds):
                scores.append(float(event["confidence"]))
                truth.append(int(n in pairs))
    return scores, truth


def score_runs(scores: Sequence[float], truth: Sequence[int], min_bin: int) -> list[list[int]]:
    """Return the outcomes' indices in score order, cut into runs of ``min_bin`` (the last run
    takes the remainder)."""
    order = sorted(range(len(scores)), key=lambda i: (scores[i], truth[i]))
    runs: list[list[int]] = []
    start = 0
    while start < len(order):
        end = min(start + min_bin, len(order))
        if len(order) - end < min_bin:
            end = len(order)
        runs.append(order[start:end])
        start = end
    return runs


def binned_isotonic(scores: Sequence[float], truth: Sequence[int], min_bin: int) -> Calibration:
    """Return a non-decreasing calibration with at least ``min_bin`` outcomes behind each knot.

    The outcomes, in score order, are cut into runs of ``min_bin`` (the last run takes the
    remainder); adjacent runs whose share of true outcomes falls are pooled (pool adjacent
    violators). Each pooled run gives a knot (its mean score, its share of true outcomes), read
    by linear interpolation, so that confidence rises smoothly with the score instead of in a
    few steps fitted to single outcomes.
    """
    runs: list[list[float]] = [  # [sum of scores, true outcomes, outcomes]
        [sum(scores[i] for i in members), float(sum(truth[i] for i in members)), len(members)]
        for members in score_runs(scores, truth, min_bin)
    ]
    pooled: list[list[float]] = []
    for run in runs:
        pooled.append(run)
        while len(pooled) > 1 and pooled[-2][1] * pooled[-1][2] > pooled[-1][1] * pooled[-2][2]:
            last = pooled.pop()
            pooled[-1] = [a + b for a, b in zip(pooled[-1], last, strict=True)]
    return Calibration([(s / n, t / n) for s, t, n in pooled])


def _train_heads(items: Iterable[Item], corpus_digest: str = "") -> DecisionModel:
    """Return the decision model's two heads fitted to the candidates of ``items``."""
    c = float(tunable("extract.train_c"))
    ev_rows: list[dict[str, float]] = []
    ev_y: list[int] = []
    bg_rows: list[dict[str, float]] = []
    bg_y: list[int] = []
    per_language: dict[str, int] = {}
    for item in items:
        published = item.gold.get("published")
        for cand, is_event, is_bg in labels(item):
            feats = features(cand, published, item.proposal.candidates if item.proposal else ())
            ev_rows.append(feats)
            ev_y.append(is_event)
            per_language[cand.language] = per_language.get(cand.language, 0) + 1
            if is_bg is not None:
                bg_rows.append(
                    {k: v for k, v in feats.items() if k.startswith(BACKGROUND_FEATURES)}
                )
                bg_y.append(is_bg)
    return DecisionModel(
        _fit(ev_rows, ev_y, c),
        _fit(bg_rows, bg_y, c),
        corpus_hash=corpus_digest,
        trained_on=per_language,
        version=EXTRACTOR_VERSION,
    )


def stories(items: Sequence[Item]) -> list[list[int]]:
    """Return the items grouped by story (see the module docstring), in a stable order."""
    parent = list(range(len(items)))

    def root(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    seen: dict[tuple[str, ...], int] = {}
    for i, item in enumerate(items):
        for e in item.gold["events"]:
            keys: list[tuple[str, ...]] = []
            if e["type"] != "negotiation":
                keys += [("person", surname_key(p)) for p in e.get("persons") or []]
            if e.get("count") and int(e["count"]) >= 2:
                keys.append(("count", e["type"], str(e["count"])))
            if e.get("date") and len(str(e["date"])) == 10:
                keys.append(("day", e["type"], str(e["date"])))
            for k in keys:
                if k[-1] == "":
                    continue
                if k in seen:
                    parent[root(i)] = root(seen[k])
                else:
                    seen[k] = i
    groups: dict[int, list[int]] = {}
    for i in range(len(items)):
        groups.setdefault(root(i), []).append(i)
    return sorted(groups.values(), key=lambda g: (-len(g), items[g[0]].key))


def folds(items: Sequence[Item], k: int) -> list[list[int]]:
    """Return ``k`` folds of item indexes, whole stories dealt largest first to the smallest."""
    out: list[list[int]] = [[] for _ in range(k)]
    for story in stories(items):
        smallest = min(range(k), key=lambda f: (len(out[f]), f))
        out[smallest].extend(story)
    return [sorted(f) for f in out]


@dataclass
class FoldScores:
    """Scores of one fold (or of all folds pooled) per corpus and per language."""

    tallies: dict[str, Tally] = field(default_factory=dict)  # "corpus:x", "language:y", "all"
    # (set name, confidence, true) per predicted event, and true events per set name.
    confidences: list[tuple[str, float, bool]] = field(default_factory=list)
    true_events: dict[str, int] = field(default_factory=dict)

    def add(self, item: Item, extraction: Extraction | None) -> None:
        """Score one item's extraction into every tally it belongs to."""
        out = extraction.to_json() if extraction else {"events": []}
        preds = [e for e in out["events"] if e.get("type") in TYPES]
        names = ("all", f"corpus:{item.corpus}", f"language:{item.language or 'und'}")
        pairs = dict(match(preds, item.gold["events"], lenient=False))
        for name in names:
            self.tallies.setdefault(name, Tally()).add(preds, item.gold)
            self.true_events[name] = self.true_events.get(name, 0) + len(item.gold["events"])
            for i, p in enumerate(preds):
                self.confidences.append((name, float(p.get("confidence") or 0.0), i in pairs))

    def merge(self, other: FoldScores) -> None:
        """Pool another fold's scores into this one."""
        for name, t in other.tallies.items():
            mine = self.tallies.setdefault(name, Tally())
            for k, v in t.sets.items():
                for kk, vv in v.items():
                    mine.sets[k][kk] += vv
            for ty, v in t.per_type.items():
                for kk, vv in v.items():
                    mine.per_type[ty][kk] += vv
            for src, dst in (
                (t.persons, mine.persons),
                (t.counts, mine.counts),
                (t.dates, mine.dates),
            ):
                for kk, vv in src.items():
                    dst[kk] += vv
            mine.negative_fp += t.negative_fp
        self.confidences += other.confidences
        for name, n in other.true_events.items():
            self.true_events[name] = self.true_events.get(name, 0) + n

    def at_levels(self, name: str = "all") -> list[tuple[float, float, float, int]]:
        """Return (level, precision, recall, events) at or above each level, for one set."""
        rows = []
        total = self.true_events.get(name, 0)
        for level in CONFIDENCE_LEVELS:
            kept = [ok for n, c, ok in self.confidences if n == name and c >= level]
            tp = sum(kept)
            p = tp / len(kept) if kept else 0.0
            r = tp / total if total else 0.0
            rows.append((level, p, r, len(kept)))
        return rows


def cross_validate(items: Sequence[Item], k: int = 5) -> tuple[list[FoldScores], FoldScores]:
    """Return the scores of each fold (trained on the others) and of all folds pooled."""
    per_fold: list[FoldScores] = []
    pooled = FoldScores()
    for held in folds(items, k):
        held_set = set(held)
        model = train([it for i, it in enumerate(items) if i not in held_set])
        scores = FoldScores()
        for i in held:
            item = items[i]
            scores.add(item, finish(item.proposal, model) if item.proposal else None)
        per_fold.append(scores)
        pooled.merge(scores)
    return per_fold, pooled


def report(per_fold: Sequence[FoldScores], pooled: FoldScores) -> str:
    """Return the cross-validation table: per fold, pooled, per type, per confidence level."""
    keys = ("f1_all", "f1_main", "f1_persons", "count_acc", "date_acc", "negative_fp")
    head = f"{'fold':6} {'set':22} " + " ".join(f"{k:>10}" for k in keys)
    lines = [head]
    for n, fold in enumerate([*per_fold, pooled]):
        label = "pooled" if fold is pooled else str(n + 1)
        for name in sorted(fold.tallies):
            s = fold.tallies[name].summary()
            lines.append(f"{label:6} {name:22} " + " ".join(f"{s[k]:>10}" for k in keys))
    means = {
        name: [
            f.tallies[name].summary()
            for f in per_fold
            if isinstance(f, FoldScores) and name in f.tallies
        ]
        for name in sorted(pooled.tallies)
    }
    for name, rows in means.items():
        avg = [sum(float(r[k]) for r in rows) / len(rows) for k in keys]
        lines.append(f"{'mean':6} {name:22} " + " ".join(f"{a:>10.3f}" for a in avg))
    lines.append("")
    lines.append("pooled over folds, per type:")
    lines.append(pooled.tallies["all"].table())
    lines.append("")
    lines.append("events at or above each confidence level (pooled): set level P R n")
    for name in sorted(pooled.tallies):
        for level, p, r, n in pooled.at_levels(name):
            if n:
                lines.append(f"  {name:22} >= {level:.2f}  P={p:.3f} R={r:.3f} n={n}")
    return "\n".join(lines)
