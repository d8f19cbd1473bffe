"""The prefilter blanks sentences without trigger words and keeps every offset."""

from __future__ import annotations

from prisonwatch.documents import CleanDocument
from prisonwatch.extract import extract
from prisonwatch.extract.prefilter import keep_event_sentences


def test_offsets_survive_and_event_sentences_stay() -> None:
    text = (
        "Headline about Minsk\n"
        "Markets were calm on Monday. Fuel prices fell. The weather was mild in the U.S. capital. "
        "Officials in Vilnius said nothing. Police detained 12 people on Tuesday. Trains ran late."
    )
    kept = keep_event_sentences(text)
    assert len(kept) == len(text)
    assert "Police detained 12 people on Tuesday." in kept
    assert "Officials in Vilnius said nothing." in kept  # the sentence before an event stays
    assert "Fuel prices fell." not in kept
    assert "Trains ran late." not in kept


def test_known_names_become_persons() -> None:
    doc = CleanDocument(text="Police detained Zmitser Dashkevich-Navumchyk in Minsk on Monday.")
    event = extract(doc, known_names=["Zmitser Dashkevich-Navumchyk"]).events[0]
    assert [p.name for p in event.persons] == ["Zmitser Dashkevich-Navumchyk"]


def test_parallel_extraction_matches_sequential() -> None:
    from prisonwatch.extract import extract_many

    docs = [
        CleanDocument(
            text=f"Police detained {n} people in Minsk on Tuesday.", published="2025-09-12"
        )
        for n in range(3, 9)
    ]
    one = [[e.to_json() for e in x.events] for x in extract_many(docs)]
    two = [[e.to_json() for e in x.events] for x in extract_many(docs, batch_size=2, n_process=2)]
    assert one == two
    assert [x.events[0].count for x in extract_many(docs)] == list(range(3, 9))
