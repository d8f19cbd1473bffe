"""Read one local file (.txt, .md, .html, .htm) into a clean document."""

from __future__ import annotations

import os
import stat
from pathlib import Path

from prisonwatch.documents import CleanDocument
from prisonwatch.errors import InputError
from prisonwatch.ingest.convert import to_document
from prisonwatch.ingest.meta import InputMeta
from prisonwatch.settings import get_settings

TEXT_SUFFIXES = (".txt", ".md", ".markdown", ".text")
HTML_SUFFIXES = (".html", ".htm", ".xhtml")


def kind_of(path: Path) -> str | None:
    """Return ``html`` or ``text`` for a file name, or None when ingest does not read it alone."""
    suffix = path.suffix.lower()
    if suffix in HTML_SUFFIXES:
        return "html"
    if suffix in TEXT_SUFFIXES:
        return "text"
    return None


def _kind_of_special(mode: int) -> str:
    if stat.S_ISFIFO(mode):
        return "a named pipe (FIFO)"
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return "a device"
    if stat.S_ISSOCK(mode):
        return "a socket"
    return "not a regular file"


def read_input(path: Path) -> bytes:
    """Return a file's bytes, or raise ``InputError`` saying why it cannot be read."""
    limit = get_settings().max_input_bytes
    try:
        if path.is_dir():
            raise InputError(
                f"{path}: this is a folder, not a file; name a file or ingest the folder"
            )
        mode = path.stat().st_mode
        if not stat.S_ISREG(mode):
            # Opening a FIFO blocks and a device never ends: refuse before opening.
            raise InputError(
                f"{path}: this is {_kind_of_special(mode)}, not a regular file; skipped"
            )
        size = path.stat().st_size
        if size > limit:
            raise InputError(
                f"{path}: the file has {size / 1e6:.0f} MB, more than the {limit / 1e6:.0f} MB "
                "limit (PRISONWATCH_MAX_INPUT_BYTES); split it or raise the limit"
            )
        # O_NONBLOCK: a file swapped for a FIFO after the check still cannot block the open.
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0))
        with os.fdopen(fd, "rb") as handle:
            if not stat.S_ISREG(os.fstat(handle.fileno()).st_mode):
                raise InputError(f"{path}: not a regular file; skipped")
            data = handle.read(limit + 1)
        if len(data) > limit:
            raise InputError(
                f"{path}: the file grew past the {limit / 1e6:.0f} MB limit while being read; "
                "ingest it again when it is complete"
            )
        return data
    except FileNotFoundError:
        raise InputError(f"{path}: no such file (or a broken link); check the path") from None
    except OSError as exc:
        raise InputError(
            f"{path}: cannot be read ({exc.strerror}); check its permissions"
        ) from None


def load_document(
    path: Path, published: str | None = None, language: str | None = None
) -> CleanDocument:
    """Return the clean document for a .txt, .md or .html file."""
    path = Path(path)
    kind = kind_of(path)
    if kind is None:
        raise InputError(
            f"{path}: unknown file type {path.suffix!r}; give a .html, .htm, .txt or .md file"
        )
    meta = InputMeta(source=str(path), kind=kind, published=published, language=language)
    return to_document(read_input(path), meta)
