"""Reading CSV files with line numbers, and writing CSV cells no spreadsheet runs as formulas."""

from __future__ import annotations

import csv
import re
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import IO, Any

from prisonwatch.errors import InputError

MAX_CSV_BYTES = 500_000_000

# Spreadsheets run a cell starting with one of these as a formula (=HYPERLINK, +cmd, @SUM, ...).
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
_PLAIN_NUMBER = re.compile(r"[+-]?\d+(\.\d+)?")


def safe_cell(value: object) -> object:
    """Return a CSV cell with a leading apostrophe when a spreadsheet would run it as a formula.

    Example: ``=HYPERLINK("http://x")`` becomes ``'=HYPERLINK("http://x")``; ``-3`` stays ``-3``.
    """
    formula = isinstance(value, str) and value.startswith(FORMULA_STARTS)
    if formula and not _PLAIN_NUMBER.fullmatch(str(value)):
        return "'" + str(value)
    return value


class SafeDictWriter:
    """A ``csv.DictWriter`` that passes every cell through ``safe_cell``."""

    def __init__(self, out: IO[str], fieldnames: Iterable[str], **options: Any) -> None:
        self._writer = csv.DictWriter(out, fieldnames=list(fieldnames), **options)

    def writeheader(self) -> None:
        """Write the header line."""
        self._writer.writeheader()

    def writerow(self, row: Mapping[str, Any]) -> None:
        """Write one row with every formula-like cell neutralised."""
        self._writer.writerow({key: safe_cell(value) for key, value in row.items()})


@dataclass(frozen=True)
class CsvRow:
    """One record of a CSV file with the line it starts on."""

    line: int
    values: dict[str, str]


def read_text(path: Path) -> str:
    """Return a CSV file's text, or raise InputError naming the file and what to do."""
    try:
        size = path.stat().st_size
        if size > MAX_CSV_BYTES:
            raise InputError(f"{path}: {size} bytes is over the {MAX_CSV_BYTES} limit: split it")
        data = path.read_bytes()
    except OSError as exc:
        raise InputError(f"{path}: cannot read ({exc.strerror}): check the path") from exc
    if b"\x00" in data[:4096]:
        raise InputError(f"{path}: looks like a binary file, not CSV: export it as UTF-8 CSV")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise InputError(
            f"{path}: not UTF-8 text (byte {exc.start}): re-save the file as UTF-8 CSV"
        ) from exc


def read_rows(path: Path, required: tuple[str, ...]) -> tuple[list[str], Iterator[CsvRow]]:
    """Return the header and the rows of a CSV file that must have the ``required`` columns."""
    text = read_text(path)
    if not text.strip():
        raise InputError(f"{path}: the file is empty: give a CSV with a header line")
    reader = csv.reader(text.splitlines(keepends=True), strict=True)
    try:
        header = [h.strip() for h in next(reader)]
    except csv.Error as exc:
        raise InputError(f"{path}:1: unreadable header ({exc}): fix the first line") from exc
    missing = [c for c in required if c not in header]
    if missing:
        raise InputError(
            f"{path}: missing column(s) {', '.join(missing)}: the header must have "
            f"{','.join(required)}"
        )

    def rows() -> Iterator[CsvRow]:
        start = reader.line_num + 1
        while True:
            try:
                values = next(reader)
            except StopIteration:
                return
            except csv.Error as exc:
                yield CsvRow(start, {"__error__": f"malformed CSV ({exc})"})
                return
            if any(v.strip() for v in values):
                if len(values) != len(header):
                    yield CsvRow(
                        start,
                        {"__error__": f"{len(values)} fields where the header has {len(header)}"},
                    )
                else:
                    yield CsvRow(start, dict(zip(header, values, strict=True)))
            start = reader.line_num + 1

    return header, rows()
