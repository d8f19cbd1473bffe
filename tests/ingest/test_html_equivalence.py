"""``html_document`` gives the recorded output on varied pages: speed-ups must not change it."""

from __future__ import annotations

import json

import pytest

from tests.ingest.html_pages import FIXTURE, Case, cases, output

_CASES = cases()
_EXPECTED = json.loads(FIXTURE.read_text(encoding="utf-8"))


def test_every_page_is_recorded() -> None:
    assert sorted(case.name for case in _CASES) == sorted(_EXPECTED)
    assert len(_CASES) >= 40


@pytest.mark.parametrize("case", _CASES, ids=[case.name for case in _CASES])
def test_same_output(case: Case) -> None:
    assert output(case) == _EXPECTED[case.name]
