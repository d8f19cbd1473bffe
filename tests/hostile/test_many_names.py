"""A sentence naming thousands of people: the parse tree walks must not hit the recursion limit."""

from __future__ import annotations

import sys

from prisonwatch.extract.arguments import _walk
from prisonwatch.extract.nlp import _import_spacy
from prisonwatch.extract.timing import _phrase

_import_spacy()  # spaCy's own import raises a deprecation warning that this hides

from spacy.tokens import Doc  # noqa: E402
from spacy.vocab import Vocab  # noqa: E402


def _chain(count: int) -> Doc:
    """Return 'freed A , B , … and Z' parsed as spaCy's English parser does: a conjunct chain."""
    words, heads, deps = ["freed"], [0], ["ROOT"]
    previous = 0
    for n in range(count):
        words.append(f"Name{n}")
        heads.append(previous)  # the first name hangs on the verb, each next on the one before
        deps.append("dobj" if n == 0 else "conj")
        previous = len(words) - 1
        if n < count - 1:
            words.append(",")
            heads.append(previous)
            deps.append("punct")
    return Doc(Vocab(), words=words, heads=heads, deps=deps)


def test_walks_over_five_thousand_conjuncts() -> None:
    doc = _chain(5_000)
    first = doc[1]
    assert first.dep_ == "dobj" and len(list(first.children)) == 2  # ',' and the next name
    depth_needed = 5_000
    assert sys.getrecursionlimit() < depth_needed
    walked = _walk(first)
    assert len([t for t in walked if t.text.startswith("Name")]) == 5_000
    phrase = _phrase(first)
    assert [t.i for t in phrase] == [t.i for t in walked]


def test_walk_order_is_that_of_the_tree() -> None:
    doc = _chain(4)
    assert [t.text for t in _walk(doc[1])] == ["Name0", ",", "Name1", ",", "Name2", ",", "Name3"]
