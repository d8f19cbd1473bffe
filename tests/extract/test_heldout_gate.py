"""Generalisation gate: figures on the held-out corpus written for this purpose (heldout/).

The corpus is 18 invented English news excerpts (wire copy, explainers, live blogs, press
releases; Belarus, Russia, Iran, Venezuela, Azerbaijan, Nicaragua, Hong Kong, Egypt, China),
annotated by the EVAL.md conventions. Before the generalisation work the reference scorer gave
f1_all 0.887, f1_main 0.865, persons 0.708, counts 0.875, dates 0.929; on this version f1_all
0.991, f1_main 0.976, persons 0.912, counts 0.882, dates 0.933, no negative events, no failure.
Floors sit about 0.03 under, for parser noise across platforms.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from prisonwatch.extract.reading import read_article

from prisonwatch.extract import extract
from prisonwatch.extract.scoring import Tally, score_corpus

HELDOUT = Path(__file__).parent / "heldout"


def run(path: Path, published: str | None) -> dict[str, Any]:
    return extract(read_article(path, published)).to_json()


@pytest.fixture(scope="module")
def heldout(tmp_path_factory: pytest.TempPathFactory) -> Tally:
    return score_corpus(HELDOUT, run, tmp_path_factory.mktemp("heldout"))


def test_heldout_corpus_shape() -> None:
    lines = (HELDOUT / "gold.jsonl").read_text(encoding="utf-8").splitlines()
    assert len(lines) >= 16
    assert all((HELDOUT / "texts" / f"{n:03d}.txt").is_file() for n in range(1, len(lines) + 1))


def test_heldout_floors(heldout: Tally) -> None:
    s = heldout.summary()
    assert s["failures"] == 0, heldout.failures
    assert s["negative_fp"] == 0
    assert s["f1_all"] >= 0.95, heldout.table()
    assert s["f1_main"] >= 0.94, heldout.table()
    assert s["f1_persons"] >= 0.88, heldout.table()
    assert s["count_acc"] >= 0.85, heldout.table()
    assert s["date_acc"] >= 0.90, heldout.table()
