"""Bad input: empty text, no sentences, 5 MB, another language, numbers and dates only."""

from __future__ import annotations

import time

from prisonwatch.documents import CleanDocument
from prisonwatch.extract import extract


def run(text: str, published: str | None = None) -> object:
    return extract(CleanDocument(text=text, published=published))


def test_empty_text() -> None:
    result = run("")
    assert result.events == []  # type: ignore[attr-defined]
    assert result.skipped_reason == "empty text"  # type: ignore[attr-defined]
    assert run("   \n\n\t ").skipped_reason == "empty text"  # type: ignore[attr-defined]


def test_text_without_sentences() -> None:
    for text in ("....\n----\n!!!", "§§§ ### ***", "\u200b\u200b"):
        result = run(text)
        assert result.events == []  # type: ignore[attr-defined]


def test_five_megabytes_are_cut_and_read_fast() -> None:
    para = (
        "Police in Minsk detained at least 12 people on Tuesday, a rights group said. "
        "The weather was mild and markets were calm.\n"
    )
    text = para * (5_000_000 // len(para))
    started = time.perf_counter()
    result = run(text, "2025-09-12")
    assert result.truncated_at is not None  # type: ignore[attr-defined]
    assert result.truncated_at < len(text)  # type: ignore[attr-defined]
    assert result.events  # type: ignore[attr-defined]
    assert time.perf_counter() - started < 120


def test_ukrainian_text_is_skipped_with_a_reason() -> None:
    text = "Влада звільнила тридцять політв'язнів у четвер, повідомляє правозахисний центр."
    result = run(text)
    assert result.events == []  # type: ignore[attr-defined]
    assert result.language == "uk"  # type: ignore[attr-defined]
    assert result.skipped_reason == "language uk not supported yet"  # type: ignore[attr-defined]


def test_belarusian_text_is_read() -> None:
    text = "Лукашэнка вызваліў 52 палітвязні ў чацвер, паведамляе праваабарончы цэнтр «Вясна»."
    result = run(text)
    assert result.language == "be"  # type: ignore[attr-defined]
    assert result.skipped_reason is None  # type: ignore[attr-defined]


def test_numbers_and_dates_only() -> None:
    text = "\n".join(
        f"2024-0{m}-1{m} {m * 1234} 12/0{m}/2023 Monday, March {m}, 2021 {m}.5% 1,400 ${m}00"
        for m in range(1, 10)
    )
    result = run(text, "2025-09-12")
    assert result.events == []  # type: ignore[attr-defined]


def test_english_with_a_cyrillic_caption_is_read() -> None:
    text = 'Фото: "Белавиа"\nBelarus freed 52 political prisoners on Thursday, the opposition said.'
    result = run(text, "2025-09-12")
    assert result.language == "en"  # type: ignore[attr-defined]
    assert [e.type for e in result.events] == ["release"]  # type: ignore[attr-defined]
