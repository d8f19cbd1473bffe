"""A plain-text file without a headline keeps its file name as title."""

from __future__ import annotations

from prisonwatch.ingest.meta import InputMeta
from prisonwatch.ingest.plain import file_title, text_document

BODY = "Police in Hrodna detained two invented teachers on Tuesday, a rights group said.\n"


def test_a_file_without_headline_is_titled_by_its_name() -> None:
    doc = text_document(
        BODY.encode(), InputMeta(source="/data/news/hrodna-arrests.txt", kind="text")
    )
    assert doc.title == "hrodna-arrests.txt"


def test_a_headline_wins_and_web_addresses_give_no_title() -> None:
    text = "Two teachers detained in Hrodna\n\n" + BODY
    doc = text_document(text.encode(), InputMeta(source="/data/news/x.txt", kind="text"))
    assert doc.title == "Two teachers detained in Hrodna"
    assert file_title("https://example.org/news/1.txt") is None
    assert file_title("articles\\minsk.txt") == "minsk.txt"
