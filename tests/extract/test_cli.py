"""``prisonwatch extract`` and ``prisonwatch eval``: JSON format, text view, errors, scores."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from prisonwatch.cli.main import app, main

SEED = "data/seed/belarus-release-123.txt"


def test_extract_json_is_the_eval_document(shared: Path) -> None:
    result = CliRunner().invoke(app, ["extract", str(shared / SEED), "--format", "json"])
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert set(data) >= {"document", "events", "deals"}
    assert set(data["document"]) == {"title", "published", "language", "text"}
    text = data["document"]["text"]
    assert "Exit mobile version" not in text
    for event in data["events"]:
        assert set(event) >= {
            "type", "date", "count", "count_qualifier", "persons", "actor", "target_country",
            "destination", "object", "background", "evidence", "confidence", "reason",
        }  # fmt: skip
        for ev in event["evidence"]:
            assert text[ev["start"] : ev["end"]] == ev["quote"]


def test_extract_json_of_a_ukrainian_file_says_why(tmp_path: Path) -> None:
    path = tmp_path / "uk.txt"
    path.write_text("Влада звільнила тридцять політв'язнів, повідомляє правозахисний центр.")
    result = CliRunner().invoke(app, ["extract", str(path), "--format", "json"])
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert data["events"] == []
    assert data["document"]["language"] == "uk"
    assert data["skipped_reason"] == "language uk not supported yet"


def test_extract_json_of_a_russian_file_has_events(tmp_path: Path) -> None:
    path = tmp_path / "ru.txt"
    path.write_text("Лукашенко подписал указ о помиловании 30 политзаключенных.", encoding="utf-8")
    result = CliRunner().invoke(app, ["extract", str(path), "--format", "json"])
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert data["document"]["language"] == "ru"
    assert [(e["type"], e["count"]) for e in data["events"]] == [("pardon", 30)]


def test_extract_text_view_shows_quotes_and_reasons(shared: Path) -> None:
    result = CliRunner().invoke(app, ["extract", str(shared / SEED), "--published", "2025-12-13"])
    assert result.exit_code == 0, result.output
    assert "release count=123" in result.stdout
    assert "why: event p=" in result.stdout
    assert "deal: events" in result.stdout


def test_help_has_examples() -> None:
    for command in ("extract", "eval"):
        result = CliRunner().invoke(app, [command, "--help"])
        assert result.exit_code == 0
        assert "Example: prisonwatch " + command in result.stdout


@pytest.mark.parametrize(
    ("name", "content", "args"),
    [
        ("missing.txt", None, []),
        ("empty.txt", b"", []),
        ("table.xlsx", b"PK\x03\x04", []),
        ("ok.txt", b"Belarus freed 5 prisoners.", ["--published", "12/09/2025"]),
    ],
)
def test_bad_input_is_one_line(
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    name: str,
    content: bytes | None,
    args: list[str],
) -> None:
    path = tmp_path / name
    if content is not None:
        path.write_bytes(content)
    with pytest.raises(SystemExit) as exit_info:
        main(["extract", str(path), *args])
    assert exit_info.value.code == 1
    err = capsys.readouterr().err.strip()
    assert err.startswith("error:")
    assert len(err.splitlines()) == 1


def test_eval_prints_the_scorer_table(shared: Path, tmp_path: Path) -> None:
    corpus = tmp_path / "seed"
    (corpus / "texts").mkdir(parents=True)
    (corpus / "texts" / "belarus-release-123.txt").write_bytes((shared / SEED).read_bytes())
    gold = json.loads((shared / "data/seed/expected.json").read_text(encoding="utf-8"))
    (corpus / "gold.jsonl").write_text(json.dumps(gold) + "\n", encoding="utf-8")
    result = CliRunner().invoke(app, ["eval", str(corpus)])
    assert result.exit_code == 0, result.output
    assert "events/all" in result.stdout
    assert "f1_all=1.0" in result.stdout
