"""Real-world checks of the site-furniture filter: this sentence is in, that boilerplate is out."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from prisonwatch.ingest.load import load_document
from prisonwatch.ingest.textclean import clean_text

SENTENCE = re.compile(r"(?<=[.!?”\"])\s+(?=[A-ZА-ЯЁІЎ“\"])")

# (file, a sentence that must stay, boilerplate that must go)
CASES = [
    ("002.txt", "Речь идет о 14 женщинах и 16 мужчинах", "подпишитесь на канал Еврорадио"),
    ("002.txt", "На сегодня в Беларуси 1378 политзаключенных.", "Подписаться можно тут"),
    ("013.txt", "In December 2021, he was sentenced to 14 years", "Skip to main content"),
    ("013.txt", "Source: Nasha Niva", "Read more about the U.S.–Belarus deal"),
    ("013.txt", "Statkevich first became active", "‘If Donald is willing’"),
    ("025.txt", "Belarus on Tuesday detained at least 24 people", "Enjoying ad-free content?"),
    ("025.txt", "Belarus Detains 24 People Across Country", "Our journalism is banned in Russia"),
    ("025.txt", "says there are 1,415 political prisoners", "This commitment costs us $10,000"),
    ("028.txt", "Editor's note: This is a developing story.", "become a member now"),
    ("028.txt", "26 prisoners had been exchanged by Russia", "Edit post"),
    ("028.txt", "Turkey confirmed its role as mediators", "This audio is created with AI"),
    ("032.txt", "HAVANA TIMES – In the early hours of Thursday", "Photo: courtesy"),
    ("039.txt", "Ihar Charhinets, Director General of Belavia", 'Фото: "Белавиа"'),
]


def _sentences(text: str) -> list[str]:
    return [s.strip() for line in text.split("\n") for s in SENTENCE.split(line) if s.strip()]


def test_seed_keeps_every_sentence_and_drops_boilerplate(shared: Path) -> None:
    seed = shared / "data" / "seed"
    expected = json.loads((seed / "expected.json").read_text(encoding="utf-8"))
    raw = (seed / "belarus-release-123.txt").read_text(encoding="utf-8")
    doc = load_document(seed / "belarus-release-123.txt")
    for line in expected["boilerplate_absent"]:
        assert line not in doc.text
    article = raw.split("Popular Categories")[0]
    for sentence in _sentences(article):
        assert sentence in doc.text


@pytest.mark.parametrize(("name", "kept", "dropped"), CASES)
def test_news_sentence_in_boilerplate_out(shared: Path, name: str, kept: str, dropped: str) -> None:
    doc = load_document(shared / "data" / "news_dev" / "texts" / name)
    assert kept in doc.text
    assert dropped not in doc.text


def test_news_texts_lose_no_sentence_lines(shared: Path) -> None:
    """Every line ending a sentence (article prose) survives, except known promotion lines."""
    promotions = {"подпишитесь", "Подписаться", "ad-free", "disabled all ads", "Your support"}
    promotions |= {"Our journalism", "funded by our readers", "Gift a membership", "Фото:"}
    for path in sorted((shared / "data" / "news_dev" / "texts").glob("*.txt")):
        cleaned = clean_text(path.read_text(encoding="utf-8"))
        for line in path.read_text(encoding="utf-8").split("\n"):
            line = line.strip()
            if line.endswith((".", "”", '"')) and not any(p in line for p in promotions):
                assert line in cleaned, f"{path.name}: lost {line!r}"


def test_collection_date_line_is_metadata(shared: Path) -> None:
    doc = load_document(shared / "data" / "news_dev" / "texts" / "020.txt")
    assert doc.text.startswith("HOMEL, Belarus")
    assert (doc.published, doc.published_source) == ("2022-08-03", "meta")
    assert (
        load_document(shared / "data" / "news_dev" / "texts" / "020.txt", "2022-08-04").published
        == "2022-08-04"
    )


@pytest.mark.parametrize(
    ("text", "cleaned"),
    [
        ("Menu\nHome | News | World | Sport\n\nBody sentence.\n\nShare\nTweet", "Body sentence."),
        ("Body one.\nRelated\nHeadline one\nHeadline two", "Body one."),
        ("Body one.\nREAD MORE: Something happened\nBody two.", "Body one.\n\nBody two."),
        ("Body one.\nRelated\nA sentence that ends.", "Body one.\n\nA sentence that ends."),
        ("Body ends here.Exit mobile version", "Body ends here."),
        (" date 2024-01-02 Body.", "date 2024-01-02 Body."),
    ],
)
def test_clean_text_rules(text: str, cleaned: str) -> None:
    assert clean_text(text) == cleaned
