"""List, per cross-validated text, the gold persons the extractor missed and why.

Usage: .venv/bin/python scripts/missed_persons.py [LANG] [-v] (default LANG en; run from the
repository root with ../shared/data beside it). Each gold (type, surname key) that no predicted
event holds falls in one class:

- event type missed: no predicted event of the type (no candidate / candidate rejected);
- not a person: the article's context reads no name with that surname key;
- person on a rejected candidate of the type: the model turned down the event that held it;
- attached to another type: a predicted event of another type holds the name;
- not attached: the name was read, but no event of the type took it.

It prints names and text ids only, to the terminal; nothing is written to the repository.
"""

from __future__ import annotations

import sys
import tempfile
from collections import Counter
from pathlib import Path
from typing import Any

from prisonwatch.cli.reading import read_article
from prisonwatch.extract.context import build_context
from prisonwatch.extract.english import limit
from prisonwatch.extract.flow import finish
from prisonwatch.extract.model import ExtractedEvent
from prisonwatch.extract.nlp import get_nlp, unwrap
from prisonwatch.extract.prefilter import keep_event_sentences
from prisonwatch.extract.scoring import LENIENT, TYPES, surname_key
from prisonwatch.extract.training import folds, load_items, train

CORPORA = [Path("../shared/data/news_dev"), Path("../shared/data/news_dev2")]


def _kind(name: str) -> str:
    return LENIENT.get(name, name)


def _why(
    key: tuple[str, str], preds: list[dict[str, Any]], cands: list[ExtractedEvent], read: set[str]
) -> str:
    kind, surname = key
    predicted = {_kind(p["type"]) for p in preds}
    on_candidates = {(_kind(c.type), surname_key(p.name)) for c in cands for p in c.persons}
    if kind not in predicted:
        has = any(_kind(c.type) == kind for c in cands)
        return "event type missed" + (" (candidate rejected)" if has else " (no candidate)")
    if surname not in read:
        return "not a person"
    if key in on_candidates:
        return "person on a rejected candidate of the type"
    if surname in {surname_key(n) for p in preds for n in p.get("persons") or []}:
        return "attached to another type"
    return "not attached"


def main(argv: list[str]) -> None:
    """Print the missed gold persons of one language's texts, cross-validated in 5 folds."""
    language = next((a for a in argv if not a.startswith("-")), "en")
    verbose = "-v" in argv
    with tempfile.TemporaryDirectory() as tmp:
        items = load_items(CORPORA, read_article, Path(tmp))
    classes: Counter[str] = Counter()
    found = total = 0
    for held in folds(items, 5):
        model = train([it for i, it in enumerate(items) if i not in set(held)])
        for i in held:
            item = items[i]
            if item.language != language or item.proposal is None:
                continue
            events = finish(item.proposal, model).to_json()["events"]
            preds = [e for e in events if e.get("type") in TYPES]
            gold = {
                (_kind(g["type"]), surname_key(n)): n
                for g in item.gold["events"]
                for n in g.get("persons", [])
            }
            got = {(_kind(p["type"]), surname_key(n)) for p in preds for n in p["persons"]}
            document = item.proposal.document
            text, _cut = limit(document.text or "")
            ctx = build_context(get_nlp(())(keep_event_sentences(unwrap(text))), document.published)
            read = {surname_key(n) for n in ctx.person_at.values()}
            cands = [c.proposal for c in item.proposal.candidates]
            for key, name in gold.items():
                total += 1
                if key in got:
                    found += 1
                    continue
                why = _why(key, preds, cands, read)
                classes[why] += 1
                if verbose:
                    print(f"{item.key:18} {key[0]:17} {name!r:32} {why}")
    print(f"gold persons {total}, found {found}")
    for why, n in classes.most_common():
        print(f"{n:4} {why}")


if __name__ == "__main__":
    main(sys.argv[1:])
