"""Turn an input's bytes into text, or say clearly why they cannot be read as text."""

from __future__ import annotations

import codecs
import re

from charset_normalizer import from_bytes

from prisonwatch.errors import InputError
from prisonwatch.invisible import strip_invisible

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
# UTF-16 without a BOM: the share of decoded characters that must be printable, and the share
# that must be spaces or line breaks (prose has about 15 %; binary read as UTF-16 almost none).
_UTF16_PRINTABLE = 0.97
_UTF16_SPACES = 0.05


def utf16_without_bom(data: bytes) -> str | None:
    """Return ``utf-16-le`` or ``utf-16-be`` when BOM-less bytes read as prose in it, else None."""
    head = data[:8192]
    head = head[: len(head) - len(head) % 2]
    if len(head) < 8 or b"\x00" not in head:
        return None
    for codec in ("utf-16-le", "utf-16-be"):
        try:
            text = head.decode(codec)
        except UnicodeDecodeError:
            continue
        printable = sum(c.isprintable() or c in "\n\r\t" for c in text)
        spaces = sum(c.isspace() for c in text)
        if printable >= _UTF16_PRINTABLE * len(text) and spaces >= _UTF16_SPACES * len(text):
            return codec
    return None


def check_not_binary(data: bytes, source: str) -> None:
    """Raise ``InputError`` when ``data`` is empty or looks like a binary file."""
    if not data.strip():
        raise InputError(f"{source}: the input is empty; give a file or page that has text")
    for magic, what in _MAGIC.items():
        if data.startswith(magic):
            raise InputError(f"{source}: this is {what}, not HTML or text; convert it first")
    head = data[:8192]
    if head.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)) or utf16_without_bom(head):
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
    """Return ``data`` as text without invisible characters (zero-width spaces, soft hyphens)."""
    return strip_invisible(_decode(data, source, declared))


def _decode(data: bytes, source: str, declared: str | None) -> str:
    """Return ``data`` as text: UTF-8, a BOM, the declared charset, or a confident guess."""
    check_not_binary(data, source)
    if data.startswith(codecs.BOM_UTF8):
        data = data[len(codecs.BOM_UTF8) :]
    elif data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        try:
            return data.decode("utf-16")
        except UnicodeDecodeError:
            pass
    wide = utf16_without_bom(data)
    if wide is not None:
        try:
            return data[: len(data) - len(data) % 2].decode(wide)
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
