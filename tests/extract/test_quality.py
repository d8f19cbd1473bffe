"""The seed stays complete: every event, nothing beyond, and the deal that ties them.

Quality floors on the dev corpora are cross-validated: see test_training.py.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from prisonwatch.cli.reading import read_article
from prisonwatch.extract import extract
from prisonwatch.extract.scoring import match


def run(path: Path, published: str | None) -> dict[str, Any]:
    return extract(read_article(path, published)).to_json()


def test_seed_every_event_and_its_deal(shared: Path) -> None:
    seed = shared / "data" / "seed"
    gold = json.loads((seed / "expected.json").read_text(encoding="utf-8"))
    out = run(seed / gold["file"], gold.get("published"))
    for line in gold["boilerplate_absent"]:
        assert line not in out["document"]["text"]
    pairs = match(out["events"], gold["events"], lenient=False)
    assert sorted(j for _, j in pairs) == list(range(len(gold["events"])))
    assert len(pairs) == len(out["events"]), "no event beyond the gold"
    pred_of = {j: i for i, j in pairs}
    for deal in gold["deals"]:
        wanted = {pred_of[j] for j in deal["events"]}
        assert any(wanted <= set(d["events"]) for d in out["deals"]), out["deals"]
    release = out["events"][pred_of[0]]
    assert release["count"] == 123
    assert release["actor"] == "Alexander Lukashenko"
