"""A cheap relevance prefilter: does a page use any word of the subject, in any language?"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from importlib import resources

from prisonwatch.tunables import tunable


@dataclass(frozen=True)
class Term:
    """One declared word beginning, with its language and an invented example it matches."""

    language: str
    stem: str
    example: str


@dataclass(frozen=True)
class Relevance:
    """The prefilter's verdict on one page: kept or not, with its score and reason."""

    keep: bool
    score: int  # distinct stems found
    reason: str


@cache
def terms() -> tuple[Term, ...]:
    """Return the declared vocabulary of ``relevance_terms.tsv``."""
    text = resources.files("prisonwatch.ingest").joinpath("relevance_terms.tsv").read_text("utf-8")
    rows = [line.split("\t") for line in text.splitlines() if line and not line.startswith("#")]
    return tuple(Term(*row) for row in rows[1:])


def _trie(stems: list[str]) -> str:
    """Return a regular expression matching any of ``stems``, factored by common prefixes.

    Ten times faster than a flat alternation on a page; a stem that another one starts with
    is dropped (any word the longer one starts, the shorter one starts too).
    """
    tree: dict[str, dict] = {}
    for stem in stems:
        node = tree
        for char in stem:
            node = node.setdefault(char, {})
        node[""] = {}

    def build(node: dict[str, dict]) -> str:
        if "" in node:
            return ""
        alternatives = [re.escape(char) + build(child) for char, child in sorted(node.items())]
        return alternatives[0] if len(alternatives) == 1 else f"(?:{'|'.join(alternatives)})"

    return build(tree)


@cache
def _pattern() -> re.Pattern[str]:
    return re.compile(r"(?<!\w)(" + _trie(sorted({t.stem for t in terms()})) + ")")


def relevance(text: str) -> Relevance:
    """Return whether ``text`` (a page's text or markup) is worth parsing, and why."""
    found = sorted(set(_pattern().findall(text.lower())))
    need = int(tunable("ingest.relevance_min_stems"))
    if len(found) >= need:
        return Relevance(True, len(found), "subject words: " + ", ".join(found[:5]))
    if found:
        return Relevance(
            False, len(found), f"only {', '.join(found)}: fewer than {need} subject words"
        )
    return Relevance(False, 0, "no word about prisoners, arrests, trials or releases")
