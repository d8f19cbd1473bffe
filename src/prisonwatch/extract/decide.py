"""The decision model: which candidates are events, which are background, and how sure it is.

Two logistic heads read the same readable features: ``event`` (is the candidate an event the
gold would list) and ``background`` (is that event an earlier or side one). The event head's
score decides (``extract.event_threshold``); the reported ``confidence`` is that score through the
model's calibration, fitted on out-of-fold reported events matched to the gold, so that events at
confidence 0.9 are true about nine times in ten. The weights live in ``decision_model.json`` next
to this module, written by ``prisonwatch train``; scoring is plain Python, so extraction needs no
learning library.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import itertools
import json
import math
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from prisonwatch.extract.candidates import Candidate
from prisonwatch.extract.model import ExtractedEvent
from prisonwatch.tunables import tunable

MODEL_PATH = Path(__file__).with_name("decision_model.json")
# EVAL.md rule 3: a negated, modal (future, hypothetical) or planned happening is no event, nor
# is a habit ("has regularly freed prisoners": many happenings, none of them told). A candidate
# whose front end sets one of these shared features is never reported.
VETO_FEATURES = (
    "negated",
    "modal",
    "future",
    "filter=negated",
    "filter=modal",
    "filter=plan",
    "filter=ongoing",
    "filter=habitual",
)
_DATE_BUCKETS = ((0, "same_day"), (10, "within_10_days"), (60, "within_2_months"))


@dataclass
class Head:
    """One logistic regression: a bias and a weight per feature name."""

    bias: float
    weights: dict[str, float]

    def score(self, features: dict[str, float]) -> float:
        """Return the probability the head gives to ``features``."""
        z = self.bias + sum(self.weights.get(k, 0.0) * v for k, v in features.items())
        return 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, z))))

    def drivers(self, features: dict[str, float], top: int = 3) -> list[tuple[str, float]]:
        """Return the features that pushed the score most, with their signed contributions."""
        parts = [(k, self.weights.get(k, 0.0) * v) for k, v in features.items()]
        parts = [p for p in parts if abs(p[1]) >= 0.05]
        parts.sort(key=lambda p: (-abs(p[1]), p[0]))
        return parts[:top]

    def to_json(self) -> dict[str, Any]:
        """Return the head as JSON, weights in name order, rounded to six digits."""
        return {
            "bias": round(self.bias, 6),
            "weights": {k: round(v, 6) for k, v in sorted(self.weights.items()) if round(v, 6)},
        }

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> Head:
        """Return the head a JSON object describes."""
        return cls(float(data["bias"]), {k: float(v) for k, v in data["weights"].items()})


@dataclass
class Calibration:
    """A non-decreasing map from the event head's score to the share of true events.

    Fitted on out-of-fold reported events (``prisonwatch train``, see
    ``training.calibration``): ``points`` are (score, probability) knots, each the mean score
    and share of true events of a run of events, read by linear interpolation and held flat
    past the ends.
    With no knots the score is its own confidence.
    """

    points: list[tuple[float, float]] = field(default_factory=list)

    def __call__(self, score: float) -> float:
        """Return the calibrated probability of ``score``."""
        pts = self.points
        if not pts:
            return score
        if score <= pts[0][0]:
            return pts[0][1]
        for (x0, y0), (x1, y1) in itertools.pairwise(pts):
            if score <= x1:
                return y0 if x1 == x0 else y0 + (y1 - y0) * (score - x0) / (x1 - x0)
        return pts[-1][1]

    def to_json(self) -> list[list[float]]:
        """Return the knots as JSON, rounded to six digits."""
        return [[round(x, 6), round(y, 6)] for x, y in self.points]

    @classmethod
    def from_json(cls, data: list[list[float]]) -> Calibration:
        """Return the calibration a JSON list of knots describes."""
        return cls([(float(x), float(y)) for x, y in data])


@dataclass
class DecisionModel:
    """The two heads, the event head's calibration and the facts of their training run."""

    event: Head
    background: Head
    corpus_hash: str = ""
    trained_on: dict[str, int] = field(default_factory=dict)  # language -> candidates
    version: str = ""
    calibration: Calibration = field(default_factory=Calibration)

    def confidence(self, features: dict[str, float]) -> float:
        """Return the calibrated probability that a candidate with ``features`` is an event."""
        return self.calibration(self.event.score(features))

    def to_json(self) -> dict[str, Any]:
        """Return the model as a JSON object."""
        return {
            "version": self.version,
            "corpus_hash": self.corpus_hash,
            "trained_on": dict(sorted(self.trained_on.items())),
            "event": self.event.to_json(),
            "background": self.background.to_json(),
            "calibration": self.calibration.to_json(),
        }

    def dumps(self) -> str:
        """Return the model file's exact text (stable: same model, same bytes)."""
        return json.dumps(self.to_json(), indent=1, sort_keys=True, ensure_ascii=False) + "\n"

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> DecisionModel:
        """Return the model a JSON object describes."""
        return cls(
            Head.from_json(data["event"]),
            Head.from_json(data["background"]),
            str(data.get("corpus_hash", "")),
            {k: int(v) for k, v in data.get("trained_on", {}).items()},
            str(data.get("version", "")),
            Calibration.from_json(data.get("calibration", [])),
        )


_LOADED: dict[Path, DecisionModel] = {}


def load_model(path: Path = MODEL_PATH) -> DecisionModel:
    """Return the committed decision model (read once)."""
    if path not in _LOADED:
        _LOADED[path] = DecisionModel.from_json(json.loads(path.read_text(encoding="utf-8")))
    return _LOADED[path]


def _days_before(date: str | None, published: str | None) -> int | None:
    if not date or not published or len(published) < 10:
        return None
    try:
        ref = dt.date.fromisoformat(published[:10])
        if len(date) == 10:
            day = dt.date.fromisoformat(date)
        elif len(date) == 7:
            day = dt.date(int(date[:4]), int(date[5:7]), 28)
        else:
            day = dt.date(int(date[:4]), 12, 31)
    except ValueError:
        return None
    return (ref - day).days


def features(
    candidate: Candidate, published: str | None, others: Sequence[Candidate] = ()
) -> dict[str, float]:
    """Return the candidate's front-end features plus the argument features the model adds.

    ``others`` are the other candidates of the same document: ``siblings`` says another one
    may tell the same happening (same type; a person in common, or one naming no one: "the
    court sentenced X" beside "all seven were convicted"), where one happening told twice, or
    a part of a group told apart from it, is likeliest.
    """
    event = candidate.proposal
    f = dict(candidate.features)
    f[f"type={event.type}"] = 1.0
    f["siblings"] = float(any(_may_be_one(candidate, o) for o in others if o is not candidate))
    f["has_persons"] = float(bool(event.persons))
    f["has_count"] = float(event.count is not None)
    f["has_date"] = float(event.date is not None)
    f["has_actor"] = float(bool(event.actor))
    f["has_destination"] = float(bool(event.destination))
    f["has_object"] = float(bool(event.object))
    days = _days_before(event.date, published)
    if days is not None:
        label = "date_before_publication"
        for bound, name in _DATE_BUCKETS:
            if days <= bound:
                label = f"date_{name}"
                break
        f[label] = 1.0
        f["date_after_publication"] = float(days < 0)
    return {k: v for k, v in f.items() if v}


def _may_be_one(a: Candidate, b: Candidate) -> bool:
    """Return True when two candidates may tell one happening: same type, the other not flagged
    (a description or plan tells no happening), and a person in common or one of them naming
    no one (a counted group beside its members)."""
    if a.type != b.type or any(_flagged(k) for k in b.features):
        return False
    mine = {p.name for p in a.proposal.persons}
    theirs = {p.name for p in b.proposal.persons}
    return not mine or not theirs or bool(mine & theirs)


def _flagged(feature: str) -> bool:
    """Return True for a feature that makes a candidate tell no happening of its own: a veto,
    an English filter, or the shared ``description`` ("the jailed editor", "освобожденных")."""
    return feature.startswith("filter=") or feature in VETO_FEATURES or feature == "description"


def _reason(model: DecisionModel, feats: dict[str, float], p: float, bg: float) -> str:
    push = ", ".join(f"{k} {v:+.1f}" for k, v in model.event.drivers(feats))
    side = "background" if bg >= 0.5 else "main"
    why_side = ", ".join(f"{k} {v:+.1f}" for k, v in model.background.drivers(feats, 2))
    return f"event p={p:.2f} ({push}); {side} p={bg:.2f} ({why_side})"


def decide(
    candidates: Iterable[Candidate],
    published: str | None = None,
    model: DecisionModel | None = None,
    threshold: float | None = None,
) -> list[ExtractedEvent]:
    """Return the candidates the model judges to be events, with confidence and reason.

    A candidate is kept when the event head's score reaches ``threshold`` (default: the
    ``extract.event_threshold`` tunable); its confidence is the calibrated score.
    """
    model = model or load_model()
    cut = tunable("extract.event_threshold") if threshold is None else threshold
    events: list[ExtractedEvent] = []
    candidates = list(candidates)
    for c in candidates:
        feats = features(c, published, candidates)
        p = model.event.score(feats)
        if p < cut or any(feats.get(v) for v in VETO_FEATURES):
            continue
        bg = model.background.score(feats)
        event = dataclasses.replace(c.proposal)
        event.background = bg >= 0.5
        event.confidence = model.calibration(p)
        patterns = f"; patterns: {event.reason}" if event.reason else ""
        event.reason = _reason(model, feats, p, bg) + patterns
        events.append(event)
    return events
