"""HTML to a clean document with trafilatura and htmldate: text, title, author, date, source."""

from __future__ import annotations

import logging
import re
from datetime import datetime
from typing import Any

from prisonwatch.documents import CleanDocument
from prisonwatch.errors import InputError
from prisonwatch.ingest.decode import check_not_binary, declared_charset, decode_bytes
from prisonwatch.ingest.meta import InputMeta
from prisonwatch.ingest.plain import finish, require_text
from prisonwatch.ingest.textclean import clean_text

# trafilatura refuses larger pages (its MAX_FILE_SIZE); say so instead of returning nothing.
HTML_MAX_BYTES = 20_000_000
_URL_DATE = re.compile(r"/((?:19|20)\d{2})[/-](0[1-9]|1[0-2])[/-](0[1-9]|[12]\d|3[01])(?:[/_.-]|$)")
_LOGGER = logging.getLogger("trafilatura.metadata")
_COPYRIGHT = r"(?:©|&copy;|&#169;|copyright|\(c\))\D{0,99}"


def url_date(url: str | None) -> str | None:
    """Return the YYYY-MM-DD date written in a URL path such as ``/2025/12/13/``."""
    match = _URL_DATE.search(url or "")
    return "-".join(match.groups()) if match else None


def _header_date(tree: Any) -> str | None:
    from htmldate.core import examine_header, json_search
    from htmldate.utils import Extractor
    from htmldate.validators import get_max_date, get_min_date

    options = Extractor(True, get_max_date(None), get_min_date(None), True, "%Y-%m-%d")
    result: str | None = examine_header(tree, options) or json_search(tree, options)
    return result


def date_with_source(
    found: str | None, header: str | None, url: str | None, html: str
) -> tuple[str | None, str | None]:
    """Return the published date and where it came from; a bare copyright year is unknown."""
    if header:
        return header, "meta"
    if not found:
        return None, None
    if found == url_date(url):
        return found, "url"
    year = found[:4]
    if found.endswith("-01-01") and re.search(_COPYRIGHT + year, html, re.IGNORECASE):
        return None, None
    return found, "text"


def _canonical(tree: Any) -> str | None:
    for xpath in ('.//link[@rel="canonical"]/@href', './/meta[@property="og:url"]/@content'):
        values = tree.xpath(xpath)
        if values and str(values[0]).startswith(("http://", "https://")):
            return str(values[0]).strip()
    return None


def _language(tree: Any) -> str | None:
    values = tree.xpath("/html/@lang") or tree.xpath(
        './/meta[@http-equiv="content-language"]/@content'
    )
    if not values:
        return None
    code = str(values[0]).strip().split("-")[0].split("_")[0].lower()
    return code if 2 <= len(code) <= 3 and code.isalpha() else None


def page_metadata(tree: Any, default_url: str | None, date_params: dict[str, Any]) -> Any:
    """Return trafilatura's metadata ``Document`` with only the fields ingest stores.

    The steps of ``trafilatura.metadata.extract_metadata`` for title, author, URL, hostname,
    date and site name, in its order and with its helpers, so the values are the same; the
    categories, tags and licence it also looks for (half its time) are left out.
    """
    from htmldate import find_date
    from trafilatura.metadata import (
        META_URL,
        examine_meta,
        extract_author,
        extract_domain,
        extract_meta_json,
        extract_sitename,
        extract_title,
        extract_url,
    )

    metadata = examine_meta(tree)
    if metadata.author and " " not in metadata.author:
        metadata.author = None
    try:
        metadata = extract_meta_json(tree, metadata)
    except Exception as err:  # as trafilatura: a bug in its JSON-LD reader costs the fields only
        _LOGGER.warning("error in JSON metadata extraction: %s", err)
    if not metadata.title:
        metadata.title = extract_title(tree)
    if not metadata.author:
        metadata.author = extract_author(tree)
    if not metadata.url:
        metadata.url = extract_url(tree, default_url)
    if metadata.url:
        metadata.hostname = extract_domain(metadata.url, fast=True)
    metadata.date = find_date(tree, **date_params, url=metadata.url)
    if not metadata.sitename:
        metadata.sitename = extract_sitename(tree)
    if metadata.sitename:
        metadata.sitename = metadata.sitename.lstrip("@")
        if (
            metadata.sitename
            and "." not in metadata.sitename
            and not metadata.sitename[0].isupper()
        ):
            metadata.sitename = metadata.sitename.title()
    elif metadata.url:
        match = META_URL.match(metadata.url)
        if match:
            metadata.sitename = match[1]
    metadata.filedate = date_params.get("max_date")
    metadata.clean_and_trim()
    return metadata


def html_document(data: bytes, meta: InputMeta) -> CleanDocument:
    """Return the clean document for an HTML page's bytes."""
    import trafilatura

    check_not_binary(data, meta.source)
    if len(data) > HTML_MAX_BYTES:
        raise InputError(
            f"{meta.source}: the page has {len(data) / 1e6:.0f} MB of HTML, more than the "
            f"{HTML_MAX_BYTES / 1e6:.0f} MB an article page can have; save the article alone"
        )
    html = decode_bytes(data, meta.source, declared_charset(data))
    tree = trafilatura.load_html(html)
    if tree is None:
        raise InputError(f"{meta.source}: this is not readable HTML; give an article page")
    canonical = _canonical(tree)
    language = _language(tree)
    header = _header_date(tree)
    date_params = {
        "extensive_search": True,
        "original_date": True,
        "max_date": datetime.now().strftime("%Y-%m-%d"),
    }
    # Read before the extraction, which works on a copy: the tree is as trafilatura reads it.
    metadata = page_metadata(tree, meta.url or canonical, date_params)
    result = trafilatura.bare_extraction(
        tree,
        url=meta.url or canonical or metadata.url,
        with_metadata=False,
        include_comments=False,
        include_tables=True,
    )
    if result is None or isinstance(result, dict):
        raise InputError(f"{meta.source}: no article text was found in this HTML page")
    text = require_text(clean_text(result.text or ""), meta.source)
    published, source = date_with_source(metadata.date, header, meta.url or canonical, html)
    doc = CleanDocument(
        text=text,
        title=metadata.title or None,
        author=metadata.author or None,
        publisher=metadata.sitename or metadata.hostname or None,
        published=published,
        published_source=source,
        language=language,
        url=meta.url,
        canonical_url=canonical,
        raw=data,
        raw_kind="html",
    )
    return finish(doc, meta)
