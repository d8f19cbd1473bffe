"""The relevance prefilter: declared words with invented examples; its recall on the dev sets."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from prisonwatch.ingest import IngestOptions, ingest
from prisonwatch.ingest.meta import InputMeta, Job, OffTopic
from prisonwatch.ingest.relevance import relevance, terms
from prisonwatch.ingest.stage import Processed, StageOptions, process_job
from tests.ingest.conftest import SessionFactory, article

# Invented pages about something else, one per language: none may pass.
OFF_TOPIC = {
    "en": "The home side won 3-1 on Saturday; the coach praised the young striker's pace.",
    "ru": "В субботу хозяева выиграли со счётом 3:1, тренер похвалил молодого нападающего.",
    "be": "У суботу гаспадары выйгралі з лікам 3:1, трэнер пахваліў маладога нападаючага.",
    "uk": "У суботу господарі виграли з рахунком 3:1, тренер похвалив молодого нападника.",
}


def test_every_declared_example_is_kept_for_its_stem() -> None:
    declared = terms()
    assert {t.language for t in declared} == {"en", "ru", "be", "uk"}
    for term in declared:
        verdict = relevance(term.example)
        assert verdict.keep and verdict.score >= 1, term
        words = term.example.lower().replace(".", " ").split()
        assert any(w.startswith(term.stem) for w in words), term


@pytest.mark.parametrize("language", sorted(OFF_TOPIC))
def test_pages_about_something_else_are_dropped(language: str) -> None:
    verdict = relevance(OFF_TOPIC[language])
    assert not verdict.keep and verdict.score == 0
    assert "no word" in verdict.reason


def test_the_reason_names_the_words_found() -> None:
    verdict = relevance("The court SENTENCED two activists; their lawyers will appeal.")
    assert verdict.keep and "sentenc" in verdict.reason


def test_a_stem_starts_a_word_not_any_substring() -> None:
    assert not relevance("The enterprise unveiled an approach to imprisonable loans.").keep
    assert relevance("Imprisoned? No: prisoners.").keep


@pytest.mark.parametrize("corpus", ["news_dev", "news_dev2"])
def test_keeps_every_text_with_a_gold_event(shared: Path, corpus: str) -> None:
    """Recall gate: the prefilter must never drop a text the gold says has an event."""
    root = shared / "data" / corpus
    dropped, checked = [], 0
    for line in (root / "gold.jsonl").read_text(encoding="utf-8").splitlines():
        gold = json.loads(line)
        if not gold["events"]:
            continue
        checked += 1
        text = (root / "texts" / f"{gold['id']}.txt").read_text(encoding="utf-8")
        if not relevance(text).keep:
            dropped.append(gold["id"])
    assert checked >= 10
    assert dropped == []


def test_the_stage_drops_an_off_topic_page_before_parsing() -> None:
    page = article(title="Cup final", extra="").encode()
    sport = b"<html><body><article><p>" + OFF_TOPIC["en"].encode() * 5 + b"</p></article></body>"
    options = StageOptions(prefilter=True, signature=False)
    kept = process_job(Job(page, InputMeta(source="a.html", kind="html")), options)
    dropped = process_job(Job(sport, InputMeta(source="sport.html", kind="html")), options)
    assert isinstance(kept, Processed)
    assert isinstance(dropped, OffTopic)
    assert dropped.reason.startswith("sport.html: off-topic")
    without = process_job(Job(sport, InputMeta(source="sport.html", kind="html")), StageOptions())
    assert isinstance(without, Processed)


def test_off_topic_inputs_are_counted_not_stored(tmp_path: Path, sessions: SessionFactory) -> None:
    (tmp_path / "a.html").write_text(article(), encoding="utf-8")
    (tmp_path / "sport.txt").write_text(OFF_TOPIC["en"] * 3, encoding="utf-8")
    options = IngestOptions(prefilter=True, skip_known=True)
    report = ingest([str(tmp_path)], options, sessions)
    assert report.counts()["new"] == 1 and report.counts()["off_topic"] == 1
    again = ingest([str(tmp_path)], options, sessions)
    assert again.counts()["known_input"] == 2 and again.counts()["off_topic"] == 1
    everything = ingest([str(tmp_path)], IngestOptions(skip_known=True), sessions)
    assert everything.counts()["new"] == 1 and everything.counts()["known_input"] == 1
