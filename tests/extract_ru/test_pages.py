"""A Russian text end to end: ingest counts it, its page marks facts, a person shows its quote."""

from __future__ import annotations

import re
import sqlite3
import warnings
from pathlib import Path

import pytest
from typer.testing import CliRunner

from prisonwatch.cli.main import app
from prisonwatch.settings import Settings, get_settings
from prisonwatch.web import create_app

with warnings.catch_warnings():
    warnings.filterwarnings("ignore", message="Using `httpx` with `starlette.testclient`")
    from fastapi.testclient import TestClient

RUSSIAN = (
    "В Гродно освободили журналистку Анну Смирнову\n\n"
    "Власти Беларуси освободили журналистку Анну Смирнову и еще 12 политзаключенных, "
    "сообщил правозащитный центр.\n"
    "Погода в Гродно была теплой."
)
UKRAINIAN = "Влада звільнила дванадцять політв'язнів, повідомляє правозахисний центр у четвер."


def test_russian_text_from_ingest_to_pages(
    sqlite_settings: Settings, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    data = sqlite_settings.data_dir
    monkeypatch.setenv("PRISONWATCH_DATA_DIR", str(data))
    monkeypatch.setenv("PRISONWATCH_DATABASE_URL", sqlite_settings.url())
    get_settings.cache_clear()
    (tmp_path / "ru.txt").write_text(RUSSIAN, encoding="utf-8")
    (tmp_path / "uk.txt").write_text(UKRAINIAN, encoding="utf-8")
    runner = CliRunner()
    try:
        # The prefilter knows Ukrainian words: a Ukrainian text about prisoners is stored, unread.
        paths = [str(tmp_path / "ru.txt"), str(tmp_path / "uk.txt")]
        result = runner.invoke(app, ["ingest", *paths])
        assert result.exit_code == 0, result.output
        assert re.search(r"not read: language uk\W+1", result.output)
        assert re.search(r"documents extracted\W+1", result.output)
        _check_pages(data, runner)
    finally:
        get_settings.cache_clear()


def _check_pages(data: Path, runner: CliRunner) -> None:
    db = sqlite3.connect(next(data.glob("*.sqlite")))
    claims = [r[0] for r in db.execute("SELECT id FROM claims WHERE state = 'proposed'")]
    docs = dict(db.execute("SELECT language, id FROM documents").fetchall())
    person = db.execute("SELECT id FROM persons WHERE primary_name = 'Анна Смирнова'").fetchone()
    db.close()
    assert claims and person is not None
    assert runner.invoke(app, ["review", "accept", *claims]).exit_code == 0

    with TestClient(create_app(Settings(data_dir=data))) as client:
        page = client.get(f"/documents/{docs['ru']}").text
        marked = re.findall(r"<mark class=\"fact[^>]*>([^<]*)", page)
        assert any("освободили журналистку" in m for m in marked)
        assert "not read" not in page
        assert "not read: language uk" in client.get(f"/documents/{docs['uk']}").text
        timeline = client.get(f"/persons/{person[0]}").text
        assert "освободили журналистку Анну Смирнову" in timeline  # the quote, in Russian


def test_russian_names_link_to_latin_registry_persons(
    sqlite_settings: Settings, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("PRISONWATCH_DATA_DIR", str(sqlite_settings.data_dir))
    monkeypatch.setenv("PRISONWATCH_DATABASE_URL", sqlite_settings.url())
    get_settings.cache_clear()
    text = "Власти Беларуси освободили Марию Колесникову и еще 12 политзаключенных.\n"
    (tmp_path / "a.txt").write_text(text, encoding="utf-8")
    runner = CliRunner()
    try:
        assert runner.invoke(app, ["persons", "add", "Maria Kalesnikava"]).exit_code == 0
        result = runner.invoke(app, ["ingest", str(tmp_path / "a.txt")])
        assert result.exit_code == 0, result.output
        assert re.search(r"persons proposed\W+0", result.output)
        shown = runner.invoke(app, ["person", "Колесникова"])
        assert "Maria Kalesnikava" in shown.output
        assert "Мария Колесникова" in shown.output  # the Russian form, learned from the text
    finally:
        get_settings.cache_clear()
