"""Compare readings of the confidence calibration by nested cross-validation (English).

Usage: .venv/bin/python scripts/confidence_variants.py [FOLDS] (default 5; run from the
repository root with ../shared/data beside it). For each outer story fold, the heads are
trained on the other folds and the calibration's outcomes are gathered on those folds only
(``training.calibration_outcomes``, ``extract.calibration_folds`` inner folds); each reading
below is fitted on them and scores the held-out fold's reported events. It prints, per
reading, precision and recall of English events at or above each confidence level, pooled.
The kept set is the same for every reading (the raw score's cut); only confidence differs.

- knots at run means: the committed ``binned_isotonic`` (interpolated between run means);
- flat runs: each pooled run holds its share from its lowest to its highest score;
- raw score: no calibration, the head's score is the confidence.

Nothing is written to the repository.
"""

from __future__ import annotations

import sys
import tempfile
from collections.abc import Callable, Sequence
from pathlib import Path

from prisonwatch.cli.reading import read_article
from prisonwatch.extract.decide import Calibration
from prisonwatch.extract.flow import finish
from prisonwatch.extract.scoring import TYPES, match
from prisonwatch.extract.training import (
    CONFIDENCE_LEVELS,
    _train_heads,
    binned_isotonic,
    calibration_outcomes,
    folds,
    load_items,
    score_runs,
)
from prisonwatch.tunables import tunable

Fitter = Callable[[Sequence[float], Sequence[int]], Calibration]


def flat_runs(scores: Sequence[float], truth: Sequence[int], min_bin: int) -> Calibration:
    """Return the binned isotonic map with each pooled run flat over its own scores."""
    runs: list[list[float]] = []  # [lowest score, highest score, true, outcomes]
    for members in score_runs(scores, truth, min_bin):
        ss = [scores[i] for i in members]
        runs.append([min(ss), max(ss), float(sum(truth[i] for i in members)), len(members)])
    pooled: list[list[float]] = []
    for run in runs:
        pooled.append(run)
        while len(pooled) > 1 and pooled[-2][2] * pooled[-1][3] > pooled[-1][2] * pooled[-2][3]:
            last = pooled.pop()
            lo, _hi, t, n = pooled[-1]
            pooled[-1] = [lo, last[1], t + last[2], n + last[3]]
    points: list[tuple[float, float]] = []
    for lo, hi, t, n in pooled:
        points += [(lo, t / n), (hi, t / n)]
    return Calibration(points)


def main(k: int) -> None:
    """Print the pooled English precision/recall per level for each reading."""
    shared = Path("..") / "shared" / "data"
    min_bin = int(tunable("extract.calibration_min_bin"))
    inner = int(tunable("extract.calibration_folds"))
    readings: dict[str, Fitter] = {
        "knots at run means": lambda s, t: binned_isotonic(s, t, min_bin),
        "flat runs": lambda s, t: flat_runs(s, t, min_bin),
        "raw score": lambda s, t: Calibration(),
    }
    with tempfile.TemporaryDirectory() as tmp:
        items = load_items([shared / "news_dev", shared / "news_dev2"], read_article, Path(tmp))
    events: dict[str, list[tuple[float, bool]]] = {name: [] for name in readings}
    true_events = 0
    for held in folds(items, k):
        held_set = set(held)
        train = [it for i, it in enumerate(items) if i not in held_set]
        model = _train_heads(train)
        scores, truth = calibration_outcomes(train, inner)
        maps = {name: fit(scores, truth) for name, fit in readings.items()}
        for i in held:
            item = items[i]
            if item.language != "en":
                continue
            true_events += len(item.gold["events"])
            if item.proposal is None:
                continue
            out = finish(item.proposal, model).to_json()["events"]
            preds = [e for e in out if e["type"] in TYPES]
            pairs = dict(match(preds, item.gold["events"], lenient=False))
            for n, e in enumerate(preds):
                for name, calibrate in maps.items():
                    events[name].append((calibrate(float(e["confidence"])), n in pairs))
    for name, rows in events.items():
        print(name)
        for level in CONFIDENCE_LEVELS:
            kept = [ok for c, ok in rows if round(c, 3) >= level]
            tp = sum(kept)
            p = tp / len(kept) if kept else 0.0
            print(f"  >= {level:.2f}  P={p:.3f} R={tp / true_events:.3f} n={len(kept)}")


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 5)
