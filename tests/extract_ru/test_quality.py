"""Cross-validated gates on the Russian and Belarusian dev texts (news_dev + news_dev2).

The decision model is trained on k-1 folds of stories and scores the k-th, so these figures come
from texts the model did not see; the declared patterns, though, were written while reading these
same 14 texts, so unseen news may still score lower. Measured with
``prisonwatch eval ../shared/data/news_dev ../shared/data/news_dev2 --folds 5`` on this version,
pooled over folds: ru f1_all 0.826, main 0.867, persons 0.902, counts 0.889 (8 of 9), dates 1.0;
be f1_all 1.0, main 1.0, persons 0.97, counts 0.667; no events on negative texts, no failures.
Russian floors sit 0.03 under; Belarusian floors stay at 0.77 / 0.9 (five texts: one event moves
its F1 by about 0.1, so a floor 0.03 under 1.0 would fail on one event of parser noise).
"""

from __future__ import annotations

from pathlib import Path

import pytest

from prisonwatch.cli.reading import read_article
from prisonwatch.extract.training import FoldScores, cross_validate, load_items


@pytest.fixture(scope="module")
def pooled(shared: Path, tmp_path_factory: pytest.TempPathFactory) -> FoldScores:
    corpora = [shared / "data" / "news_dev", shared / "data" / "news_dev2"]
    items = load_items(corpora, read_article, tmp_path_factory.mktemp("corpora"))
    return cross_validate(items, 5)[1]


def test_russian_cross_validated_floor(pooled: FoldScores) -> None:
    tally = pooled.tallies["language:ru"]
    s = tally.summary()
    assert s["failures"] == 0, tally.failures
    assert s["negative_fp"] == 0
    assert s["f1_all"] >= 0.79, tally.table()
    assert s["f1_main"] >= 0.83, tally.table()
    assert s["f1_persons"] >= 0.87, tally.table()
    assert s["count_acc"] >= 0.85, tally.table()


def test_belarusian_cross_validated_floor(pooled: FoldScores) -> None:
    tally = pooled.tallies["language:be"]
    s = tally.summary()
    assert s["failures"] == 0, tally.failures
    assert s["negative_fp"] == 0
    assert s["f1_all"] >= 0.77, tally.table()
    assert s["f1_main"] >= 0.77, tally.table()
    assert s["f1_persons"] >= 0.9, tally.table()
