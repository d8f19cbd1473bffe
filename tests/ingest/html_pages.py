"""Varied HTML pages for the equivalence test of ``html_document``, and their recorded output.

Regenerate the fixture (only when the output is meant to change):
    .venv/bin/python -m tests.ingest.html_pages
"""

from __future__ import annotations

import json
import tempfile
from dataclasses import dataclass
from pathlib import Path

from benchmarks.ingest_bench import make_corpus

from prisonwatch.errors import InputError
from prisonwatch.ingest.html import html_document
from prisonwatch.ingest.meta import InputMeta

ROOT = Path(__file__).resolve().parents[2]
FIXTURE = Path(__file__).parent / "data" / "html_equivalence.json"
FIELDS = (
    "text",
    "title",
    "author",
    "publisher",
    "published",
    "published_source",
    "language",
    "url",
    "canonical_url",
    "urls",
)

_BODY = (
    "<p>Belarus freed 52 political prisoners on Thursday as part of a deal brokered by the "
    "United States, which lifted some sanctions on the national airline.</p>"
    "<p>It was another sign of a possible rapprochement between Washington and Minsk, a close "
    "ally of Russia that has faced Western isolation for years.</p>"
    "<p>Most of those freed were taken to Lithuania, and one opposition politician refused to "
    "leave the country and was later seen being driven away by masked men.</p>"
)
_RU_BODY = (
    "<p>Власти Беларуси освободили 52 политических заключенных в четверг в рамках сделки, "
    "заключенной при посредничестве США, которые сняли часть санкций с национальной "
    "авиакомпании.</p><p>Большинство освобожденных были вывезены в Литву, а один из "
    "оппозиционных политиков отказался покидать страну.</p><p>На сегодня в Беларуси 1378 "
    "политзаключенных, сообщают правозащитники.</p>"
)
_BE_BODY = (
    "<p>Улады Беларусі вызвалілі 52 палітычных вязняў у чацвер у рамках здзелкі, якую "
    "дапамаглі заключыць Злучаныя Штаты.</p><p>Большасць вызваленых вывезлі ў Літву, а адзін "
    "з апазіцыйных палітыкаў адмовіўся пакідаць краіну.</p>"
)


def _page(head: str = "", body: str = _BODY, lang: str = ' lang="en"', pre: str = "") -> str:
    return (
        f"<!DOCTYPE html><html{lang}><head><meta charset='utf-8'>{head}</head><body>"
        "<nav><a href='/'>Home</a> | <a href='/world'>World</a> | <a href='/sport'>Sport</a></nav>"
        f"<main><article>{pre}{body}</article></main>"
        "<footer><p>Share this article</p><p>Privacy policy</p></footer></body></html>"
    )


@dataclass(frozen=True)
class Case:
    """One page: a name, its bytes and the URL it was fetched from (if any)."""

    name: str
    data: bytes
    url: str | None = None
    published: str | None = None
    language: str | None = None
    publisher: str | None = None


def _crafted() -> list[Case]:
    t = "<title>Belarus frees 52 prisoners | Example News</title>"
    u = "utf-8"
    jsonld = (
        '<script type="application/ld+json">{"@context": "https://schema.org", '
        '"@type": "NewsArticle", "headline": "Belarus frees 52 prisoners in US deal", '
        '"datePublished": "2025-09-11T10:30:00+03:00", "dateModified": "2025-09-12T08:00:00Z",'
        ' "author": {"@type": "Person", "name": "Anna Kovalenko"}, '
        '"publisher": {"@type": "Organization", "name": "Baltic Wire"}}</script>'
    )
    graph = (
        '<script type="application/ld+json">{"@context": "https://schema.org", "@graph": ['
        '{"@type": "WebSite", "name": "Minsk Monitor", "url": "https://monitor.example/"}, '
        '{"@type": "Article", "headline": "Prisoners released", '
        '"datePublished": "2024-02-03", "author": [{"@type": "Person", "name": "Olga Petrova"},'
        ' {"@type": "Person", "name": "Pavel Ivanov"}]}]}</script>'
    )
    og = (
        '<meta property="og:title" content="Fifty-two prisoners walk free">'
        '<meta property="og:site_name" content="Open Graph Times">'
        '<meta property="og:url" content="https://ogtimes.example/world/fifty-two">'
        '<meta property="og:description" content="A deal brokered by Washington.">'
        '<meta property="og:image" content="https://ogtimes.example/img.jpg">'
        '<meta property="article:published_time" content="2025-06-21T12:00:00Z">'
        '<meta property="article:author" content="Mark Stone">'
        '<meta property="article:tag" content="Belarus"><meta name="keywords" content="a,b">'
    )
    cases = [
        Case("jsonld_date", _page(t + jsonld).encode(u)),
        Case("jsonld_graph", _page(graph).encode(u)),
        Case(
            "jsonld_invalid",
            _page(
                t + '<script type="application/ld+json">{"@type": '
                '"NewsArticle", "datePublished": </script>'
            ).encode(u),
        ),
        Case("og_tags", _page(t + og).encode(u)),
        Case(
            "byline_only",
            _page(
                t,
                pre="<h1>Belarus frees 52 prisoners</h1><p class='byline'>By John Smith, "
                "Vilnius</p>",
            ).encode(u),
        ),
        Case(
            "author_meta_and_rel",
            _page(
                t + '<meta name="author" content="Jane Reporter; Tom Writer">',
                pre="<a rel='author' href='/a/x'>Someone Else</a>",
            ).encode(u),
        ),
        Case(
            "time_datetime",
            _page(t, pre="<time datetime='2024-03-05T09:00'>5 March</time>").encode(u),
        ),
        Case("time_text", _page(t, pre="<time>March 5, 2024</time>").encode(u)),
        Case(
            "time_pubdate",
            _page(
                t, pre="<time class='entry-date published' datetime='2023-11-30'>30 Nov</time>"
            ).encode(u),
        ),
        Case(
            "copyright_only",
            _page(t, pre="").replace("Privacy policy", "© 2023 Example News").encode(u),
        ),
        Case(
            "copyright_entity",
            _page(t)
            .replace("Privacy policy", "&copy; 2022 Example News. All rights reserved.")
            .encode(u),
        ),
        Case("no_title", _page("").encode(u)),
        Case("no_title_h1", _page("", pre="<h1>Prisoners freed after talks</h1>").encode(u)),
        Case(
            "cyrillic_ru",
            _page(
                "<title>Освобождены 52 политзаключенных — Новости</title>"
                '<meta property="og:site_name" content="Новости">',
                body=_RU_BODY,
                lang=' lang="ru"',
                pre="<p class='date'>12 марта 2024</p>",
            ).encode(u),
        ),
        Case(
            "cyrillic_be",
            _page("<title>Вызвалілі 52 вязняў</title>", body=_BE_BODY, lang=' lang="be-BY"').encode(
                u
            ),
        ),
        Case("cyrillic_no_lang", _page("<title>Новости</title>", body=_RU_BODY, lang="").encode(u)),
        Case(
            "cp1251",
            _page(
                '<meta http-equiv="Content-Type" content="text/html; charset=windows-1251">'
                "<title>Освобождены политзаключенные</title>",
                body=_RU_BODY,
                lang="",
            )
            .replace("<meta charset='utf-8'>", "")
            .encode("cp1251"),
        ),
        Case("utf8_bom", b"\xef\xbb\xbf" + _page(t).encode(u)),
        Case(
            "url_date_only",
            _page(t).encode(u),
            url="https://news.example/2023/04/05/prisoners-freed",
        ),
        Case(
            "url_date_and_text",
            _page(t, pre="<p>Published April 5, 2023</p>").encode(u),
            url="https://news.example/2023/04/05/prisoners-freed",
        ),
        Case(
            "canonical_date",
            _page(t + '<link rel="canonical" href="https://news.example/2022/10/01/story">').encode(
                u
            ),
        ),
        Case(
            "canonical_relative",
            _page(
                t + '<link rel="canonical" href="/relative/path">'
                '<meta property="og:url" content="https://abs.example/x">'
            ).encode(u),
        ),
        Case(
            "content_language",
            _page(t + '<meta http-equiv="content-language" content="de-AT">', lang="").encode(u),
        ),
        Case("lang_bad", _page(t, lang=' lang="english"').encode(u)),
        Case("lang_underscore", _page(t, lang=' lang="en_GB"').encode(u)),
        Case("no_lang", _page(t, lang="").encode(u)),
        Case("meta_date", _page(t + '<meta name="date" content="2021-07-14">').encode(u)),
        Case(
            "itemprop_date",
            _page(t, pre="<span itemprop='datePublished' content='2020-08-09'>Aug 9</span>").encode(
                u
            ),
        ),
        Case("dc_date", _page(t + '<meta name="DC.date.issued" content="2019-05-06">').encode(u)),
        Case(
            "modified_only",
            _page(
                t + '<meta property="article:modified_time" content="2024-12-01T10:00:00Z">'
            ).encode(u),
        ),
        Case("text_date", _page(t, pre="<p>Posted on 14 February 2022 by staff</p>").encode(u)),
        Case(
            "future_date",
            _page(
                t + '<meta property="article:published_time" content="2091-01-01T00:00:00Z">'
            ).encode(u),
        ),
        Case(
            "table_and_lists",
            _page(
                t,
                body=_BODY + "<h2>Names</h2><ul><li>Ales Bialiatski</li><li>Maria "
                "Kalesnikava</li></ul><table><tr><th>Name</th><th>Years</th></tr><tr><td>"
                "Ihar Losik</td><td>15</td></tr></table><blockquote>We are free.</blockquote>",
            ).encode(u),
        ),
        Case(
            "comments",
            _page(
                t,
                body=_BODY + "<div id='comments' class='comments'><h3>Comments</h3>"
                "<p>Great news, finally some of them are out of prison today.</p></div>",
            ).encode(u),
        ),
        Case(
            "hostname_only",
            _page("<title>Prisoners freed</title>").encode(u),
            url="https://www.hostonly.example/news/freed",
        ),
        Case(
            "twitter_title",
            _page(
                '<meta name="twitter:title" content="Twitter headline here">'
                '<meta name="title" content="Meta title here">'
            ).encode(u),
        ),
        Case(
            "furniture_teasers",
            _page(
                t,
                body=_BODY + "<p>Read more</p><p>Minsk court jails activist</p>"
                "<p>Subscribe to our newsletter for daily updates</p>",
                pre="<p>Listen to this article</p><p>Share on Facebook</p>",
            ).encode(u),
        ),
        Case(
            "title_dash", _page("<title>Belarus frees prisoners - Vilnius Daily</title>").encode(u)
        ),
        Case(
            "two_articles",
            _page(
                t,
                body=_BODY + "</article><article><h2>Other</h2><p>Another short story "
                "about the weather in Minsk this week, with rain.</p>",
            ).encode(u),
        ),
        Case(
            "user_overrides",
            _page(t + jsonld).encode(u),
            url="https://x.example/a",
            published="2020-01-02",
            language="be",
            publisher="Given Publisher",
        ),
        Case("empty_article", _page(t, body="").encode(u)),
        Case("nav_only", b"<html><body><nav><a href='/'>Home</a></nav></body></html>"),
        Case(
            "fragment",
            b"<p>Just one paragraph of text about the prisoners in Minsk, "
            b"released this week after the talks in Vilnius ended.</p>",
        ),
    ]
    return cases


def cases() -> list[Case]:
    """Return every page of the test: generated, the repository's samples and crafted ones."""
    result: list[Case] = []
    with tempfile.TemporaryDirectory() as tmp:
        html_dir, _ = make_corpus(Path(tmp), 8, 0, seed=11)
        for path in sorted(html_dir.glob("*.html")):
            result.append(Case(f"generated_{path.stem}", path.read_bytes()))
    for path in sorted((ROOT / "samples" / "articles").glob("*.html")):
        result.append(Case(f"sample_{path.stem}", path.read_bytes()))
    return result + _crafted()


def output(case: Case) -> dict[str, object]:
    """Return what ``html_document`` makes of a page, or the error it raises."""
    meta = InputMeta(
        source=case.name,
        kind="html",
        url=case.url,
        published=case.published,
        language=case.language,
        publisher=case.publisher,
    )
    try:
        doc = html_document(case.data, meta)
    except InputError as exc:
        return {"error": exc.message}
    return {name: getattr(doc, name) for name in FIELDS}


def record() -> None:
    """Write the current output of every page to the fixture."""
    data = {case.name: output(case) for case in cases()}
    FIXTURE.parent.mkdir(parents=True, exist_ok=True)
    FIXTURE.write_text(json.dumps(data, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")


if __name__ == "__main__":
    record()
