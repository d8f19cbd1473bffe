"""Mentions of one happening merge; the arrests of different named people stay apart."""

from __future__ import annotations

from prisonwatch.extract.context import Context
from prisonwatch.extract.mention import Mention
from prisonwatch.extract.merge import merge
from prisonwatch.extract.nlp import get_nlp

from .helpers import proposed


def test_two_named_arrests_in_one_sentence_are_two_events() -> None:
    text = "Police detained Ann Roe at the station, and Bo Lind was detained at his home."
    arrests = [e for e in proposed(text) if e.type == "arrest"]
    assert sorted([p.name for p in e.persons] for e in arrests) == [["Ann Roe"], ["Bo Lind"]]


def test_people_detained_together_are_one_event() -> None:
    arrests = [e for e in proposed("Police detained Ann Roe and Bo Lind in Minsk on Monday.")]
    assert [[p.name for p in e.persons] for e in arrests] == [["Ann Roe", "Bo Lind"]]


def _two_sentences(first_patient: list[str], ent: str) -> Context:
    """'<patient> was detained . Ann Roe was detained too .' parsed by hand."""
    n = len(first_patient)
    words = [*first_patient, "was", "detained", ".", "Ann", "Roe", "was", "detained", "too", "."]
    root1, root2 = n + 1, n + 6
    heads = [
        *([n - 1] * (n - 1)),
        root1,
        root1,
        root1,
        root1,
        n + 4,
        root2,
        root2,
        root2,
        root2,
        root2,
    ]
    deps = [*(["compound"] * (n - 1)), "nsubjpass", "auxpass", "ROOT", "punct"]
    deps += ["compound", "nsubjpass", "auxpass", "ROOT", "advmod", "punct"]
    pos = ["PROPN" if ent else "NOUN"] * n + ["AUX", "VERB", "PUNCT"]
    pos += ["PROPN", "PROPN", "AUX", "VERB", "ADV", "PUNCT"]
    ents = ([f"B-{ent}"] + [f"I-{ent}"] * (n - 1) if ent else ["O"] * n) + ["O"] * 3
    ents += ["B-PERSON", "I-PERSON", "O", "O", "O", "O"]
    vocab = get_nlp(()).vocab  # loads spaCy the way the package does
    from spacy.tokens import Doc

    doc = Doc(vocab, words=words, heads=heads, deps=deps, pos=pos, ents=ents)
    return Context(doc, None)


def _arrests(ctx: Context) -> list[Mention]:
    doc = ctx.doc
    roots = [t for t in doc if t.dep_ == "ROOT"]
    first = Mention("arrest", roots[0].i, False, 0, doc[roots[0].i + 1].idx + 1)
    roe = doc[roots[1].i - 3]
    second = Mention(
        "arrest",
        roots[1].i,
        False,
        roe.idx,
        len(doc.text),
        persons=[("Ann Roe", roe.idx, roe.idx + 7)],
    )
    return [first, second]


def test_arrest_of_a_misread_name_takes_in_no_one_else() -> None:
    # The parser read the first name as an organisation, so the first arrest names no one.
    ctx = _two_sentences(["Ivo", "Karsk"], "ORG")
    groups = merge(_arrests(ctx), ctx)
    assert [len(g.all()) for g in groups] == [1, 1]


def test_bare_arrest_of_an_unnamed_group_takes_in_the_named_one() -> None:
    ctx = _two_sentences(["students"], "")
    groups = merge(_arrests(ctx), ctx)
    assert [len(g.all()) for g in groups] == [2]
