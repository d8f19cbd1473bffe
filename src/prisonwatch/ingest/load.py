"""Read one local file (.txt, .md, .html, .htm) into a clean document."""

from __future__ import annotations

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


def read_input(path: Path) -> bytes:
    """Return a file's bytes, or raise ``InputError`` saying why it cannot be read."""
    limit = get_settings().max_input_bytes
    try:
        if path.is_dir():
            raise InputError(
                f"{path}: this is a folder, not a file; name a file or ingest the folder"
            )
        size = path.stat().st_size
        if size > limit:
            raise InputError(
                f"{path}: the file has {size / 1e6:.0f} MB, more than the {limit / 1e6:.0f} MB "
                "limit (PRISONWATCH_MAX_INPUT_BYTES); split it or raise the limit"
            )
        return path.read_bytes()
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
