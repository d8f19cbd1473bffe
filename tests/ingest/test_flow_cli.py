"""``prisonwatch ingest`` runs the whole flow: documents, extraction, names, proposed claims."""

from __future__ import annotations

import json
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import func, select
from typer.testing import CliRunner

from prisonwatch.cli.main import app
from prisonwatch.db.engine import dispose_engines, session_scope
from prisonwatch.db.models import Claim, Document
from prisonwatch.settings import get_settings

SAMPLES = Path(__file__).resolve().parents[2] / "samples" / "articles"


@pytest.fixture
def data_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    monkeypatch.setenv("PRISONWATCH_DATA_DIR", str(tmp_path / "data"))
    monkeypatch.delenv("PRISONWATCH_DATABASE_URL", raising=False)
    get_settings.cache_clear()
    yield tmp_path / "data"
    dispose_engines()
    get_settings.cache_clear()


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    """Return a small folder of English articles that state events."""
    target = tmp_path / "articles"
    target.mkdir()
    for path in SAMPLES.glob("*.html"):
        shutil.copy(path, target / path.name)
    return target


def _claims() -> int:
    with session_scope(get_settings(), write=False) as session:
        return int(session.scalar(select(func.count()).select_from(Claim)) or 0)


def test_ingest_proposes_claims_and_again_adds_none(folder: Path, data_dir: Path) -> None:
    runner = CliRunner()
    first = runner.invoke(app, ["ingest", str(folder), "--json"])
    assert first.exit_code == 0, first.output
    flow = json.loads(first.stdout)["flow"]
    assert flow["claims_new"] > 0 and flow["events_new"] > 0
    assert flow["documents_extracted"] == 3
    claims = _claims()
    assert claims == flow["claims_new"]
    with session_scope(get_settings(), write=False) as session:
        states = set(session.scalars(select(Claim.state)))
        versions = set(session.scalars(select(Document.extracted_version)))
    assert states == {"proposed"}
    assert None not in versions
    again = runner.invoke(app, ["ingest", str(folder), "--json"])
    assert again.exit_code == 0, again.output
    data = json.loads(again.stdout)
    assert data["counts"]["unchanged"] == 3
    assert data["flow"]["claims_new"] == 0 and data["flow"]["documents_extracted"] == 0
    assert _claims() == claims


def test_no_extract_proposes_nothing(folder: Path, data_dir: Path) -> None:
    result = CliRunner().invoke(app, ["ingest", str(folder), "--no-extract", "--json"])
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert data["counts"]["new"] == 3
    assert "flow" not in data
    assert _claims() == 0
    with session_scope(get_settings(), write=False) as session:
        assert set(session.scalars(select(Document.extracted_version))) == {None}


def test_extraction_runs_later_for_documents_stored_without(folder: Path, data_dir: Path) -> None:
    runner = CliRunner()
    assert runner.invoke(app, ["ingest", str(folder), "--no-extract"]).exit_code == 0
    later = runner.invoke(app, ["ingest", str(folder), "--json"])
    data = json.loads(later.stdout)
    assert data["counts"]["unchanged"] == 3
    assert data["flow"]["documents_extracted"] == 3 and data["flow"]["claims_new"] > 0


def test_summary_shows_the_flow(folder: Path, data_dir: Path) -> None:
    result = CliRunner().invoke(app, ["ingest", str(folder)])
    assert result.exit_code == 0, result.output
    for label in ("claims proposed", "events new", "persons proposed", "ambiguous names"):
        assert label in result.stdout
    assert "claims auto-accepted" in result.stdout
