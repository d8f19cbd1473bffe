"""A denial and a wish are two model features, not one ('plan' for both)."""

from __future__ import annotations

import pytest

from prisonwatch.extract.filters import irrealis
from prisonwatch.extract.mentions import flag_of
from prisonwatch.extract.nlp import get_nlp

CASES = [
    # (invented sentence, trigger word, expected flag)
    ("The ministry denied that its officers had detained the poet.", "detained", "denial"),
    ("The embassy rejected claims that it arrested the cameraman.", "arrested", "denial"),
    ("Her sister hopes that the court releases the teacher soon.", "releases", "plan"),
    ("The union demanded that the police free the drivers.", "free", "plan"),
]


@pytest.mark.parametrize(("text", "word", "flag"), CASES)
def test_governor_label(text: str, word: str, flag: str) -> None:
    doc = get_nlp(())(text)
    trigger = next(t for t in doc if t.text == word)
    why = irrealis(trigger, nominal=False)
    assert why is not None, text
    assert flag_of(why) == flag, why


def test_told_event_has_no_governor_label() -> None:
    doc = get_nlp(())("The police detained the poet in Minsk on Monday.")
    trigger = next(t for t in doc if t.text == "detained")
    assert irrealis(trigger, nominal=False) is None
