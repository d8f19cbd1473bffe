"""Turn an input's bytes into text, or say clearly why they cannot be read as text."""

from __future__ import annotations

import codecs
import re

from charset_normalizer import from_bytes

from prisonwatch.errors import InputError

# Leading bytes of common binary formats that people point ingest at by mistake.
_MAGIC = {
    b"%PDF": "a PDF",
    b"PK\x03\x04": "a ZIP/Office file",
    b"\x1f\x8b": "a gzip file",
    b"\x89PNG": "a PNG image",
    b"\xff\xd8\xff": "a JPEG image",
    b"GIF8": "a GIF image",
    b"\x7fELF": "an executable",
}
_CONTROL = re.compile(rb"[\x00-\x08\x0e-\x1a\x1c-\x1f]")
_HTML_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?([A-Za-z0-9_\-]+)""", re.IGNORECASE)
# Most chaos charset-normalizer may report before a guessed encoding is refused.
_MAX_CHAOS = 0.1


def check_not_binary(data: bytes, source: str) -> None:
    """Raise ``InputError`` when ``data`` is empty or looks like a binary file."""
    if not data.strip():
        raise InputError(f"{source}: the input is empty; give a file or page that has text")
    for magic, what in _MAGIC.items():
        if data.startswith(magic):
            raise InputError(f"{source}: this is {what}, not HTML or text; convert it first")
    head = data[:8192]
    if head.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return
    if b"\x00" in head or len(_CONTROL.findall(head)) > len(head) // 20:
        raise InputError(
            f"{source}: this is a binary file, not HTML or text; give a .html, .txt or .md file"
        )


def declared_charset(data: bytes) -> str | None:
    """Return the charset an HTML page declares in a ``<meta>`` tag, if any."""
    match = _HTML_CHARSET.search(data[:4096])
    return match.group(1).decode("ascii").lower() if match else None


def decode_bytes(data: bytes, source: str, declared: str | None = None) -> str:
    """Return ``data`` as text: UTF-8, a BOM, the declared charset, or a confident guess."""
    check_not_binary(data, source)
    if data.startswith(codecs.BOM_UTF8):
        data = data[len(codecs.BOM_UTF8) :]
    elif data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        try:
            return data.decode("utf-16")
        except UnicodeDecodeError:
            pass
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    if declared and declared.replace("-", "").replace("_", "") not in ("utf8", "utf16"):
        try:
            return data.decode(declared)
        except (LookupError, UnicodeDecodeError):
            pass
    guess = from_bytes(data[:200_000]).best()
    if guess is not None and guess.chaos <= _MAX_CHAOS:
        try:
            return data.decode(guess.encoding)
        except UnicodeDecodeError:
            pass
    raise InputError(
        f"{source}: the bytes are not UTF-8 and their encoding could not be told; "
        "save the file as UTF-8 and ingest it again"
    )
