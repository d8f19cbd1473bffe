"""The decision model: reproducible training, cross-validated quality gates, story folds.

Gates pin the 5-fold cross-validated figures on news_dev + news_dev2 (English texts, pooled over
folds) measured with ``prisonwatch eval --folds 5`` on this version, minus 0.03 for parser noise:
all F1 0.838, main 0.832, persons 0.834, counts 0.881, dates 0.767; events on negative texts 0
(gate: 0); events with (calibrated) confidence >= 0.9: recall 0.481 (calibration on
out-of-fold reported events, 10 folds, knots of at least 10 events) and precision 0.944, gated
at the issue's own floor 0.933 (the top precision swings by 0.02 with a few events; the
``siblings`` feature, a candidate that may retell another's happening, keeps retold events
out of the top). A second
stage fitted on event-level features and other readings of the calibration were measured and
not kept (``extract.calibration_min_bin``).
"""

from __future__ import annotations

import itertools
import re
from pathlib import Path

import pytest

from prisonwatch.cli.reading import read_article
from prisonwatch.extract.candidates import Candidate
from prisonwatch.extract.decide import (
    MODEL_PATH,
    Calibration,
    DecisionModel,
    Head,
    decide,
    features,
    load_model,
)
from prisonwatch.extract.model import ExtractedEvent, PersonMention
from prisonwatch.extract.training import (
    FoldScores,
    Item,
    binned_isotonic,
    corpus_hash,
    cross_validate,
    folds,
    load_items,
    train,
)


@pytest.fixture(scope="module")
def corpora(shared: Path) -> list[Path]:
    return [shared / "data" / "news_dev", shared / "data" / "news_dev2"]


@pytest.fixture(scope="module")
def items(corpora: list[Path], tmp_path_factory: pytest.TempPathFactory) -> list[Item]:
    return load_items(corpora, read_article, tmp_path_factory.mktemp("corpora"))


@pytest.fixture(scope="module")
def pooled(items: list[Item]) -> FoldScores:
    return cross_validate(items, 5)[1]


def test_retraining_reproduces_the_committed_model(corpora: list[Path], items: list[Item]) -> None:
    committed = MODEL_PATH.read_text(encoding="utf-8")
    model = train(items, corpus_hash(corpora))
    assert model.corpus_hash == load_model().corpus_hash, "corpora changed: run make train"
    assert model.dumps() == committed, "run make train and commit the model file"


def test_model_file_holds_weights_not_text() -> None:
    model = load_model()
    names = {*model.event.weights, *model.background.weights}
    assert names
    for name in names:
        # A generic name or name=one lemma: no spaces, no sentences, no n-grams.
        assert re.fullmatch(r"[a-z0-9_]+(=[\w-]+)?", name), name


def test_cross_validated_gates(pooled: FoldScores) -> None:
    s = pooled.tallies["language:en"].summary()
    table = pooled.tallies["language:en"].table()
    assert s["f1_all"] >= 0.808, table
    assert s["f1_main"] >= 0.802, table
    assert s["f1_persons"] >= 0.804, table
    assert s["count_acc"] >= 0.851, table
    assert s["date_acc"] >= 0.737, table
    assert s["negative_fp"] == 0, table
    level = {round(lv, 2): p for lv, p, _r, _n in pooled.at_levels("language:en")}
    assert level[0.9] >= 0.933
    recall = {round(lv, 2): r for lv, _p, r, _n in pooled.at_levels("language:en")}
    assert recall[0.9] >= 0.451


def _item(name: str, persons: list[str], count: int | None = None) -> Item:
    event = {"type": "release", "persons": persons, "count": count, "date": None}
    return Item("c", {"id": name, "events": [event]}, None)


def test_folds_keep_a_story_together() -> None:
    items = [
        _item("a", ["Ihar Zmitrovich"]),
        _item("b", ["I. Zmitrovich", "Olga Perova"]),
        _item("c", ["Olga Perova"]),
        _item("d", [], count=17),
        _item("e", [], count=17),
        _item("f", ["Pavel Grint"]),
    ]
    split = folds(items, 3)
    fold_of = {i: n for n, f in enumerate(split) for i in f}
    assert fold_of[0] == fold_of[1] == fold_of[2]  # linked through Zmitrovich, then Perova
    assert fold_of[3] == fold_of[4]  # the same 17 released
    assert fold_of[5] != fold_of[0]  # unrelated texts are dealt apart


def test_decide_keeps_what_the_model_believes_and_names_why() -> None:
    model = DecisionModel(
        Head(-1.0, {"negated": -4.0, "headline": 3.0}), Head(-2.0, {"background_cue": 4.0})
    )

    def cand(**features: float) -> Candidate:
        return Candidate("en", "free", (0, 5), ExtractedEvent("release"), dict(features))

    kept = decide([cand(headline=1.0), cand(negated=1.0)], "2025-01-01", model)
    assert len(kept) == 1
    assert 0.5 < kept[0].confidence < 1
    assert "headline" in kept[0].reason
    assert not kept[0].background


def test_siblings_marks_a_candidate_that_may_tell_the_happening_of_another() -> None:
    def cand(kind: str, *names: str) -> Candidate:
        people = [PersonMention(n, 0, 1, "prisoner") for n in names]
        return Candidate("en", "free", (0, 5), ExtractedEvent(kind, persons=people), {})

    group, member = cand("sentence"), cand("sentence", "Ann Roe")  # "all seven" and one of them
    roe, lind = cand("arrest", "Ann Roe"), cand("arrest", "Bo Lind")  # two people's arrests
    again = cand("arrest", "Bo Lind", "Cy Moss")
    assert features(group, None, [group, member])["siblings"] == 1.0
    assert features(member, None, [group, member])["siblings"] == 1.0
    assert "siblings" not in features(roe, None, [roe, lind, group])  # no one in common
    assert features(lind, None, [roe, lind, again])["siblings"] == 1.0  # Bo Lind twice
    assert "siblings" not in features(group, None)  # alone


def test_negated_or_future_candidates_are_never_events() -> None:
    model = DecisionModel(Head(5.0, {}), Head(-5.0, {}))

    def cand(**features: float) -> Candidate:
        return Candidate("en", "free", (0, 5), ExtractedEvent("release"), dict(features))

    kept = decide([cand(), cand(negated=1.0), cand(future=1.0)], None, model)
    assert len(kept) == 1
    habit = {"filter=habitual": 1.0}  # "has regularly freed prisoners": no one happening
    assert decide([cand(**habit)], None, model) == []


def test_calibration_interpolates_between_knots_and_holds_flat_past_the_ends() -> None:
    calibrate = Calibration([(0.2, 0.1), (0.6, 0.5), (0.9, 0.95)])
    assert calibrate(0.05) == 0.1
    assert calibrate(0.4) == pytest.approx(0.3)
    assert calibrate(0.99) == 0.95
    assert Calibration()(0.42) == 0.42  # no knots: the score is its own confidence


def test_confidence_is_calibrated_but_the_score_decides() -> None:
    # The head gives 0.73 to a bare candidate; the calibration says such scores are events
    # 40% of the time. The event is kept (score over 0.5) and reported with confidence 0.4.
    model = DecisionModel(
        Head(1.0, {}), Head(-5.0, {}), calibration=Calibration([(0.5, 0.2), (0.9, 0.6)])
    )
    cand = Candidate("en", "free", (0, 5), ExtractedEvent("release"), {})
    (kept,) = decide([cand], None, model)
    assert kept.confidence == pytest.approx(0.2 + 0.4 * (model.event.score({}) - 0.5) / 0.4)
    assert "p=0.73" in kept.reason


def test_committed_model_carries_a_non_decreasing_calibration() -> None:
    points = load_model().calibration.points
    assert len(points) >= 2
    assert all(0.0 <= y <= 1.0 for _x, y in points)
    assert all(a[1] <= b[1] and a[0] <= b[0] for a, b in itertools.pairwise(points))


def test_binned_isotonic_pools_falling_runs_and_keeps_a_minimum_behind_each_knot() -> None:
    # Invented outcomes: low scores mostly false, a dip in the middle, high scores all true.
    scores = [0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9, 0.95]
    truth = [0, 1, 1, 1, 0, 0, 1, 1, 1, 1]
    calibrate = binned_isotonic(scores, truth, 2)
    # Runs of two: 0.5, 1.0, then 0.0 (falls, so pooled with the 1.0 run into 0.5), 1.0, 1.0.
    assert calibrate.points == [
        pytest.approx((0.15, 0.5)),
        pytest.approx((0.45, 0.5)),
        pytest.approx((0.75, 1.0)),
        pytest.approx((0.925, 1.0)),
    ]
    # Runs of three: 2/3 then 1/3 pool into 0.5; the last run takes the four left over.
    assert binned_isotonic(scores, truth, 3).points == [
        pytest.approx((0.35, 0.5)),
        pytest.approx((0.8375, 1.0)),
    ]
