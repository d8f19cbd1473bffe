"""The EVAL.md scoring rules (the same as shared/tools/score_events.py), run in-process."""

from __future__ import annotations

import json
import re
import unicodedata
from collections import defaultdict
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

TYPES = (
    "release", "pardon", "arrest", "sentence", "transfer", "deportation",
    "sanctions_lifted", "sanctions_imposed", "negotiation", "death_in_custody",
)  # fmt: skip
LENIENT = {"pardon": "release", "deportation": "transfer"}
INDEX_HEADER = re.compile(r"^ date [0-9-]+( [0-9:]+)?\s*")
_WORD = re.compile(r"\w+", re.UNICODE)
_CYR = str.maketrans({
    "а": "a", "б": "b", "в": "v", "г": "g", "ґ": "g", "д": "d", "е": "e", "ё": "e", "є": "e",
    "ж": "z", "з": "z", "и": "i", "і": "i", "ї": "i", "й": "i", "к": "k", "л": "l", "м": "m",
    "н": "n", "о": "o", "п": "p", "р": "r", "с": "s", "т": "t", "у": "u", "ў": "u", "ф": "f",
    "х": "h", "ц": "c", "ч": "c", "ш": "s", "щ": "s", "ъ": "", "ы": "y", "ь": "", "э": "e",
    "ю": "u", "я": "a",
})  # fmt: skip

Event = dict[str, Any]
Extractor = Callable[[Path, str | None], dict[str, Any]]


def fold(s: str) -> str:
    """Return ``s`` lower-cased, Cyrillic transliterated, accents removed."""
    s = unicodedata.normalize("NFKD", s.lower()).translate(_CYR)
    return "".join(c for c in s if not unicodedata.combining(c))


def surname_key(name: str) -> str:
    """Return the crude cross-script key: first 4 consonant-ish letters of the last word."""
    words = _WORD.findall(fold(name))
    if not words:
        return ""
    last = re.sub(r"[aeiouy]", "", words[-1].replace("kh", "h").replace("ts", "c"))
    return last[:4]


def _words(s: str | None) -> set[str]:
    return {w for w in _WORD.findall(fold(s or "")) if len(w) > 2}


def evidence_overlap(pred: Event, gold: Event) -> float:
    """Return the best share of the gold note's words that one evidence quote covers."""
    g = _words(gold.get("note", ""))
    if not g:
        return 0.0
    best = 0.0
    for ev in pred.get("evidence") or []:
        q = _words(ev.get("quote", ""))
        if q:
            best = max(best, len(g & q) / len(g))
    return best


def pair_score(pred: Event, gold: Event, lenient: bool) -> float:
    """Return how well a predicted event meets a gold event; 0 means not at all."""
    pt, gt = pred.get("type"), gold["type"]
    if lenient:
        pt, gt = LENIENT.get(pt, pt), LENIENT.get(gt, gt)  # type: ignore[arg-type]
    if pt != gt:
        return 0.0
    score = 0.0
    pk = {surname_key(p) for p in pred.get("persons") or []} - {""}
    gk = {surname_key(p) for p in gold.get("persons") or []} - {""}
    if pk & gk:
        score += 1.0 + len(pk & gk) / max(len(gk), 1)
    if gold.get("count") is not None and pred.get("count") == gold.get("count"):
        score += 1.0
    if _words(gold.get("object")) & _words(pred.get("object")):
        score += 1.0
    gd = {fold(d) for d in gold.get("destination") or []}
    if gd & {fold(d) for d in pred.get("destination") or []}:
        score += 0.5
    ov = evidence_overlap(pred, gold)
    if ov >= 0.5:
        score += ov
    return score


def match(preds: list[Event], golds: list[Event], lenient: bool) -> list[tuple[int, int]]:
    """Return one-to-one (pred, gold) pairs, best pairs first."""
    cands = sorted(
        (
            (pair_score(p, g, lenient), i, j)
            for i, p in enumerate(preds)
            for j, g in enumerate(golds)
        ),
        reverse=True,
    )
    used_p: set[int] = set()
    used_g: set[int] = set()
    pairs: list[tuple[int, int]] = []
    for s, i, j in cands:
        if s <= 0:
            break
        if i not in used_p and j not in used_g:
            used_p.add(i)
            used_g.add(j)
            pairs.append((i, j))
    return pairs


def prf(tp: int, fp: int, fn: int) -> tuple[float, float, float]:
    """Return precision, recall and F1."""
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


@dataclass
class Tally:
    """Running counts over a corpus."""

    sets: dict[str, dict[str, int]] = field(
        default_factory=lambda: {k: defaultdict(int) for k in ("all", "main", "lenient")}
    )
    per_type: dict[str, dict[str, int]] = field(
        default_factory=lambda: defaultdict(lambda: defaultdict(int))
    )
    persons: dict[str, int] = field(default_factory=lambda: defaultdict(int))
    counts: dict[str, int] = field(default_factory=lambda: defaultdict(int))
    dates: dict[str, int] = field(default_factory=lambda: defaultdict(int))
    negative_fp: int = 0
    failures: list[str] = field(default_factory=list)

    def add(self, preds: list[Event], doc: dict[str, Any]) -> None:
        """Score one document's predicted events against its gold."""
        gold: list[Event] = doc["events"]
        if doc.get("negative"):
            self.negative_fp += sum(1 for e in preds if not e.get("background"))
        pairs = match(preds, gold, lenient=False)
        self._bump("all", len(pairs), len(preds) - len(pairs), len(gold) - len(pairs))
        for i, j in pairs:
            self.per_type[gold[j]["type"]]["tp"] += 1
            g, p = gold[j], preds[i]
            if g.get("count") is not None:
                self.counts["n"] += 1
                self.counts["ok"] += p.get("count") == g["count"]
            if g.get("date"):
                self.dates["n"] += 1
                self.dates["ok"] += p.get("date") == g["date"]
        matched_p = {i for i, _ in pairs}
        matched_g = {j for _, j in pairs}
        for i, p in enumerate(preds):
            if i not in matched_p:
                self.per_type[p["type"]]["fp"] += 1
        for j, g in enumerate(gold):
            if j not in matched_g:
                self.per_type[g["type"]]["fn"] += 1
        gp = {
            (LENIENT.get(g["type"], g["type"]), surname_key(n))
            for g in gold
            for n in g.get("persons", [])
        }
        pp = {
            (LENIENT.get(p["type"], p["type"]), surname_key(n))
            for p in preds
            for n in p.get("persons") or []
        }
        self.persons["tp"] += len(gp & pp)
        self.persons["fp"] += len(pp - gp)
        self.persons["fn"] += len(gp - pp)
        gm = [g for g in gold if not g.get("background")]
        pm = [p for p in preds if not p.get("background")]
        pairs_m = match(pm, gm, lenient=False)
        left = [p for k, p in enumerate(pm) if k not in {i for i, _ in pairs_m}]
        pairs_bg = match(left, [g for g in gold if g.get("background")], lenient=False)
        self._bump(
            "main", len(pairs_m), len(pm) - len(pairs_m) - len(pairs_bg), len(gm) - len(pairs_m)
        )
        pairs_l = match(preds, gold, lenient=True)
        self._bump("lenient", len(pairs_l), len(preds) - len(pairs_l), len(gold) - len(pairs_l))

    def _bump(self, key: str, tp: int, fp: int, fn: int) -> None:
        self.sets[key]["tp"] += tp
        self.sets[key]["fp"] += fp
        self.sets[key]["fn"] += fn

    def summary(self) -> dict[str, float | int]:
        """Return the headline figures, as score_events.py prints them last."""
        rows = {k: prf(v["tp"], v["fp"], v["fn"]) for k, v in self.sets.items()}
        persons = prf(self.persons["tp"], self.persons["fp"], self.persons["fn"])
        return {
            "f1_all": round(rows["all"][2], 3),
            "f1_main": round(rows["main"][2], 3),
            "f1_lenient": round(rows["lenient"][2], 3),
            "f1_persons": round(persons[2], 3),
            "count_acc": round(self.counts["ok"] / self.counts["n"], 3)
            if self.counts["n"]
            else 0.0,
            "date_acc": round(self.dates["ok"] / self.dates["n"], 3) if self.dates["n"] else 0.0,
            "negative_fp": self.negative_fp,
            "failures": len(self.failures),
        }

    def table(self) -> str:
        """Return the report table of score_events.py."""
        lines = [f"{'type':18} {'P':>5} {'R':>5} {'F1':>5}  tp fp fn"]
        for ty in TYPES:
            c = self.per_type[ty]
            p, r, f = prf(c["tp"], c["fp"], c["fn"])
            lines.append(f"{ty:18} {p:5.2f} {r:5.2f} {f:5.2f}  {c['tp']:2} {c['fp']:2} {c['fn']:2}")
        for k in ("all", "main", "lenient"):
            p, r, f = prf(self.sets[k]["tp"], self.sets[k]["fp"], self.sets[k]["fn"])
            lines.append(f"events/{k:8} P={p:.2f} R={r:.2f} F1={f:.2f}")
        p, r, f = prf(self.persons["tp"], self.persons["fp"], self.persons["fn"])
        lines.append(f"persons-in-events P={p:.2f} R={r:.2f} F1={f:.2f}")
        s = self.summary()
        lines.append(
            f"counts exact {self.counts['ok']}/{self.counts['n']}; dates exact "
            f"{self.dates['ok']}/{self.dates['n']}; events on negative texts {s['negative_fp']}; "
            f"extractor failures {s['failures']}"
        )
        lines.extend(f"  failure: {f}" for f in self.failures)
        lines.append(" ".join(f"{k}={v}" for k, v in s.items()))
        return "\n".join(lines)


def load_gold(corpus: Path) -> list[dict[str, Any]]:
    """Return the gold documents of a corpus folder (gold.jsonl)."""
    path = corpus / "gold.jsonl"
    return [
        json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()
    ]


def text_path(corpus: Path, doc: dict[str, Any]) -> Path:
    """Return the text file of one gold document."""
    name = doc.get("file") or f"{doc['id']}.txt"
    inside = corpus / "texts" / name
    return inside if inside.exists() else corpus / name


def score_corpus(corpus: Path, run: Extractor, tmp: Path) -> Tally:
    """Run ``run(path, published)`` on every text of ``corpus`` and score it like the scorer."""
    tally = Tally()
    for doc in load_gold(corpus):
        source = text_path(corpus, doc)
        path = tmp / source.name
        path.write_text(INDEX_HEADER.sub("", source.read_text(encoding="utf-8")), encoding="utf-8")
        try:
            out = run(path, doc.get("published"))
        except Exception as exc:  # a crash counts as an empty answer, and is reported
            tally.failures.append(f"{doc['id']}: {exc}")
            out = {"events": []}
        preds = [e for e in out.get("events", []) if e.get("type") in TYPES]
        tally.add(preds, doc)
    return tally


def documents(corpus: Path) -> Iterable[str]:
    """Yield the ids of a corpus's documents."""
    for doc in load_gold(corpus):
        yield str(doc["id"])
