"""Malformed JSONL dumps and registry CSVs: one ``file:line`` sentence each, never a traceback."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import func, select
from typer.testing import CliRunner

from prisonwatch.cli.main import app
from prisonwatch.db.engine import session_scope
from prisonwatch.db.migrate import head_revision
from prisonwatch.db.models import Person
from prisonwatch.settings import Settings, get_settings

runner = CliRunner()
HEADER = json.dumps({"format": "prisonwatch-dump", "version": 1, "schema": head_revision()})
PERSON = {
    "id": "per_invented000000000001",
    "primary_name": "Invented Person",
    "gender": None,
    "birth_date": None,
    "country": None,
    "attributes": {},
    "private_fields": [],
    "merged_into": None,
    "proposed": False,
    "created_at": "2025-01-02T03:04:05",
}


def _line(table: object, row: object) -> str:
    return json.dumps({"table": table, "row": row})


@pytest.fixture
def cli(settings: Settings, monkeypatch: pytest.MonkeyPatch) -> Iterator[Settings]:
    """Point the CLI at the test database."""
    monkeypatch.setenv("PRISONWATCH_DATA_DIR", str(settings.data_dir))
    monkeypatch.setenv("PRISONWATCH_DATABASE_URL", settings.url())
    get_settings.cache_clear()
    yield settings
    get_settings.cache_clear()


MALFORMED = {
    "not json": (HEADER + "\nthis is not json\n", ":2:", "not JSON"),
    "truncated": (HEADER + "\n" + _line("persons", PERSON)[:40], ":2:", "cut short"),
    "a list": (HEADER + "\n[1, 2]\n", ":2:", "expected"),
    "unknown table": (HEADER + "\n" + _line("prisons", PERSON) + "\n", ":2:", "unknown table"),
    "no table": (HEADER + '\n{"row": {}}\n', ":2:", "unknown table"),
    "row not an object": (HEADER + "\n" + _line("persons", [1]) + "\n", ":2:", "row"),
    "missing key": (
        HEADER + "\n" + _line("persons", {k: v for k, v in PERSON.items() if k != "id"}) + "\n",
        ":2:",
        "persons.id",
    ),
    "wrong type": (
        HEADER + "\n" + _line("persons", {**PERSON, "proposed": "yes"}) + "\n",
        ":2:",
        "persons.proposed",
    ),
    "bad date": (
        HEADER + "\n" + _line("persons", {**PERSON, "created_at": "last week"}) + "\n",
        ":2:",
        "persons.created_at",
    ),
    "unknown column": (
        HEADER + "\n" + _line("persons", {**PERSON, "shoe_size": 44}) + "\n",
        ":2:",
        "shoe_size",
    ),
    "nul in a name": (
        HEADER + "\n" + _line("persons", {**PERSON, "primary_name": "Inv\x00ented"}) + "\n",
        ":2:",
        "NUL",
    ),
    "not a dump": ('{"hello": 1}\n', ":1:", "not a prisonwatch dump"),
    "empty": ("", "", "empty"),
    "dangling reference": (
        HEADER + "\n" + _line("persons", {**PERSON, "merged_into": "per_nobody"}) + "\n",
        "",
        "rules",
    ),
}


@pytest.mark.parametrize("case", list(MALFORMED))
def test_malformed_dump_is_one_line(cli: Settings, tmp_path: Path, case: str) -> None:
    text, where, words = MALFORMED[case]
    dump = tmp_path / "dump.jsonl"
    dump.write_text(text, encoding="utf-8")
    result = runner.invoke(app, ["import", str(dump)])
    assert result.exit_code == 1, result.output
    assert result.exception is None or isinstance(result.exception, SystemExit), result.exception
    # Besides the line naming the database (see tests/foundation/test_cli_database.py).
    lines = [line for line in result.stdout.splitlines() if line.strip()]
    lines += [x for x in result.stderr.splitlines() if x.strip() and not x.startswith("database:")]
    assert len(lines) == 1, result.output
    assert lines[0].startswith(f"error: {dump}{where}"), lines[0]
    assert words in lines[0]
    with session_scope(cli) as session:
        assert session.scalar(select(func.count()).select_from(Person)) == 0


def test_a_good_dump_still_loads(cli: Settings, tmp_path: Path) -> None:
    dump = tmp_path / "dump.jsonl"
    dump.write_text(HEADER + "\n" + _line("persons", PERSON) + "\n", encoding="utf-8")
    result = runner.invoke(app, ["import", str(dump)])
    assert result.exit_code == 0, result.output


def test_csv_rows_after_a_bad_quote_are_reported(cli: Settings, tmp_path: Path) -> None:
    registry = tmp_path / "registry.csv"
    registry.write_text(
        'id,name\n1,Invented One\n2,"Invented "Two" Person\n3,Invented Three\n4,"Invented Four\n'
        "5,Invented Five\n",
        encoding="utf-8",
    )
    result = runner.invoke(app, ["import", str(registry)])
    assert result.exit_code == 1
    errors = [line for line in result.output.splitlines() if line.startswith("error:")]
    assert any(f"{registry}:3:" in line for line in errors), result.output
    assert any(f"{registry}:5:" in line and "5" in line for line in errors), result.output
    with session_scope(cli) as session:
        names = set(session.scalars(select(Person.primary_name)))
    assert {"Invented One", "Invented Three"} <= names


def test_nul_byte_in_a_csv_name_is_refused_with_a_line(cli: Settings, tmp_path: Path) -> None:
    registry = tmp_path / "registry.csv"
    # Past the first 4 KB, which are checked for binary files as a whole.
    good = "".join(f"{n},Invented Person {n}\n" for n in range(10, 400)).encode()
    registry.write_bytes(b"id,name\n" + good + b"1,Invented\x00One\n2,Invented Two\n")
    result = runner.invoke(app, ["import", str(registry)])
    assert result.exception is None or isinstance(result.exception, SystemExit)
    assert result.exit_code == 1
    assert f"{registry}:392:" in result.output and "NUL" in result.output
    with session_scope(cli) as session:
        names = set(session.scalars(select(Person.primary_name)))
    assert "Invented Two" in names and len(names) == 391
