"""Several ingests at once on one PostgreSQL database lose nothing and duplicate nothing.

Events are matched to those on record in the order documents reach the registry (under one
lock), and that order decides how retellings group: the same files ingested in another order
can give another number of events. So two ingests at once must store exactly what one ingest
stores when fed the documents in the order the two actually stored them (a serial order).
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from sqlalchemy import func, select

from prisonwatch.db.engine import dispose_engines, session_scope
from prisonwatch.db.models import Claim, Document, Event, IngestedInput, Person
from prisonwatch.settings import Settings
from tests.conftest import _new_pg_database
from tests.pgcluster import Cluster

REPO = Path(__file__).resolve().parents[2]
pytestmark = [pytest.mark.postgres, pytest.mark.slow]


def _ingest(folder: Path, url: str, tmp: Path) -> subprocess.Popen[str]:
    env = {**os.environ, "PRISONWATCH_DATABASE_URL": url, "PRISONWATCH_DATA_DIR": str(tmp)}
    args = [sys.executable, "-m", "prisonwatch.cli.main", "ingest", str(folder), "--json"]
    return subprocess.Popen(
        args, cwd=REPO, env=env, text=True, stdout=subprocess.PIPE, stderr=subprocess.PIPE
    )


def _counts(url: str) -> dict[str, int]:
    with session_scope(Settings(database_url=url), write=False) as session:
        found = {
            model.__tablename__: int(session.scalar(select(func.count()).select_from(model)) or 0)
            for model in (Document, Claim, Event, IngestedInput, Person)
        }
        keys = session.scalar(select(func.count(func.distinct(Claim.id))))
    dispose_engines()
    assert keys == found["claims"]
    return found


def _stored_order(url: str, sources: dict[str, Path]) -> list[Path]:
    """Return the sources in the order their documents reached the registry: by the first
    claim each document made (claims are stamped when made, under the matching lock)."""
    with session_scope(Settings(database_url=url), write=False) as session:
        rows = session.execute(
            select(Claim.document_id, func.min(Claim.created_at)).group_by(Claim.document_id)
        ).all()
    dispose_engines()
    first = {doc: when for doc, when in rows}
    ids = sorted(sources, key=lambda d: (d not in first, first.get(d) or 0, sources[d].name))
    return [sources[d] for d in ids]


def test_two_ingests_at_once_store_what_one_stores(
    pg_cluster: Cluster, pg_template: str, shared: Path, tmp_path: Path
) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    for path in sorted((REPO / "samples" / "articles").glob("*")):
        shutil.copy(path, folder / path.name)
    for path in sorted((shared / "data" / "news_dev" / "texts").glob("*.txt")):
        shutil.copy(path, folder / f"dev-{path.name}")
    together = _new_pg_database(pg_cluster, pg_template)
    runs = [_ingest(folder, together, tmp_path) for _ in range(2)]
    sources: dict[str, Path] = {}
    for run in runs:
        out, err = run.communicate(timeout=300)
        assert run.returncode == 0, err
        for item in json.loads(out)["items"]:
            if item["document_id"]:
                sources[item["document_id"]] = Path(item["source"])
    serial = tmp_path / "serial"
    serial.mkdir()
    ordered = _stored_order(together, sources)
    rest = sorted(set(folder.iterdir()) - set(ordered))  # inputs that gave no document
    for n, path in enumerate(ordered + rest):
        shutil.copy(path, serial / f"{n:03d}-{path.name}")
    alone = _new_pg_database(pg_cluster, pg_template)
    one = _ingest(serial, alone, tmp_path)
    _out, err = one.communicate(timeout=300)
    assert one.returncode == 0, err
    reference = _counts(alone)
    assert reference["documents"] >= 15 and reference["claims"] > 20
    assert _counts(together) == reference
