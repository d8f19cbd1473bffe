"""Words and sentences of Russian and Belarusian text, each with its character span."""

from __future__ import annotations

import re
from dataclasses import dataclass

# A word keeps inner hyphens and apostrophes (Кара-Мурза, сям'і, з’явіўся); numbers keep "2,5".
_TOKEN = re.compile(r"\d+(?:[.,]\d+)?(?:-[^\W\d_]+)?|[^\W\d_]+(?:[-'’ʼ][^\W\d_]+)*|[^\w\s]")
# A sentence ends at . ! ? … (and closing quotes) before a capital, a digit, a dash or a quote,
# or at a blank line or a line break (headlines, list items).
_SENTENCE_END = re.compile(r"(?<=[.!?…])[»\"”)]*\s+(?=[«\"„(—–-]?\s*[A-ZА-ЯЁІЎЄЇҐ0-9])|\n")
# Abbreviations that end in a period without ending the sentence.
_ABBREV = frozenset(
    [
        "ст",
        "ч",
        "г",
        "гг",
        "им",
        "обл",
        "р-на",
        "ул",
        "пр",
        "тыс",
        "млн",
        "млрд",
        "руб",
        "арт",
        "п",
        "см",
        "т.е",
        "др",
    ]
)


@dataclass(frozen=True)
class Token:
    """One word, number or punctuation mark with its span in the text."""

    text: str
    start: int
    end: int

    @property
    def lower(self) -> str:
        """Return the word in lower case with ё as е and the apostrophes unified."""
        return self.text.lower().replace("ё", "е").replace("’", "'").replace("ʼ", "'")

    @property
    def is_word(self) -> bool:
        """Return True for a word of letters."""
        return self.text[:1].isalpha()

    @property
    def is_title(self) -> bool:
        """Return True for a capitalised word."""
        return self.text[:1].isupper()


def tokenize(text: str, start: int = 0, end: int | None = None) -> list[Token]:
    """Return the tokens of ``text[start:end]`` with spans in ``text``."""
    stop = len(text) if end is None else end
    return [Token(m.group(), m.start(), m.end()) for m in _TOKEN.finditer(text, start, stop)]


def sentences(text: str) -> list[tuple[int, int]]:
    """Return the (start, end) spans of the sentences of ``text``, blank ones left out."""
    spans: list[tuple[int, int]] = []
    start = 0
    for match in _SENTENCE_END.finditer(text):
        before = text[start : match.start()].rstrip()
        last_word = re.search(r"(\w+)\.$", before)
        if match.group() != "\n" and last_word and last_word.group(1).lower() in _ABBREV:
            continue
        if last_word and len(last_word.group(1)) == 1 and last_word.group(1).isupper():
            continue  # an initial: "А. Лукашенко"
        spans.append((start, match.start()))
        start = match.end()
    spans.append((start, len(text)))
    out = []
    for s, e in spans:
        while s < e and text[s].isspace():
            s += 1
        while e > s and text[e - 1].isspace():
            e -= 1
        if e > s:
            out.append((s, e))
    return out
