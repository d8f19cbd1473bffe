"""A long registry import commits in batches: other writers get in, an interrupt keeps batches."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import threading
import time
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import func, select

from prisonwatch.db.engine import batch_scope, dispose_engines, session_scope
from prisonwatch.db.migrate import upgrade
from prisonwatch.db.models import ExternalId
from prisonwatch.io.dump import iter_dump
from prisonwatch.io.registry_csv import HRG_COLUMNS, import_registry_csv
from prisonwatch.persons import NewPerson, create_person
from prisonwatch.settings import Settings
from tests.conftest import _new_pg_database

REPO = Path(__file__).resolve().parents[2]
STATUSES = ("active", "former", "died", "np")


def _write_list(path: Path, rows: int) -> Path:
    """Write an invented human-rights list of ``rows`` persons with arrests and sentences."""
    lines = [",".join(HRG_COLUMNS)]
    for n in range(rows):
        values = dict.fromkeys(HRG_COLUMNS, "")
        values.update(
            id=str(50_000 + n),
            name=f"Invented Person{n:05d} Testovich",
            status=STATUSES[n % 4],
            gender="mf"[n % 2],
            arrested=f"2021-{n % 12 + 1:02d}-{n % 27 + 1:02d}",
            penalty=f"{n % 9 + 1} years",
            verdict_date=f"2022-{n % 12 + 1:02d}-{n % 27 + 1:02d}",
        )
        if values["status"] == "former":
            values["release_date"] = "2024-09-11"
        lines.append(",".join(values[c] for c in HRG_COLUMNS))
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def _imported(settings: Settings) -> int:
    with session_scope(settings, write=False) as session:
        return int(session.scalar(select(func.count()).select_from(ExternalId)) or 0)


def _import(settings: Settings, path: Path, batch_rows: int) -> Any:
    with batch_scope(settings) as batches:
        return import_registry_csv(
            batches.session, path, commit=batches.commit, batch_rows=batch_rows
        )


def _canonical(settings: Settings) -> list[tuple[str, str]]:
    """Return the dump with generated person ids, row numbers, times and the audit log left out.

    Two databases that imported the same list hold the same canonical dump.
    """
    rows: list[dict[str, Any]] = []
    with session_scope(settings, write=False) as session:
        for line in list(iter_dump(session))[1:]:
            rows.append(json.loads(line))
    outside = {
        r["row"]["person_id"]: r["row"]["value"] for r in rows if r["table"] == "external_ids"
    }

    def clean(value: Any) -> Any:
        if isinstance(value, dict):
            return {k: clean(v) for k, v in value.items() if not k.endswith("_at")}
        if isinstance(value, list):
            return [clean(v) for v in value]
        if isinstance(value, str):
            for person_id, ext in outside.items():
                value = value.replace(person_id, f"<person {ext}>")
        return value

    kept = []
    for r in rows:
        if r["table"] in ("audit_log", "alembic_version"):
            continue
        row = {k: v for k, v in r["row"].items() if not (k == "id" and isinstance(v, int))}
        kept.append((r["table"], json.dumps(clean(row), sort_keys=True)))
    return sorted(kept)


@pytest.fixture
def fresh(settings: Settings, request: pytest.FixtureRequest, tmp_path: Path) -> Settings:
    """Return a second fresh database of the same kind, for an uninterrupted reference import."""
    if settings.database_url is None:
        other = Settings(data_dir=tmp_path / "other")
    else:
        url = _new_pg_database(
            request.getfixturevalue("pg_cluster"), request.getfixturevalue("pg_template")
        )
        other = Settings(data_dir=tmp_path / "other", database_url=url)
    upgrade(other)
    return other


def test_another_writer_gets_in_between_batches(settings: Settings, tmp_path: Path) -> None:
    path = _write_list(tmp_path / "list.csv", 400)
    outcome: dict[str, Any] = {}

    def run() -> None:
        try:
            outcome["report"] = _import(settings, path, batch_rows=20)
        except BaseException as exc:  # reported by the assertion below
            outcome["error"] = exc
        outcome["finished"] = time.monotonic()

    importer = threading.Thread(target=run)
    importer.start()
    deadline = time.monotonic() + 60
    while _imported(settings) == 0 and time.monotonic() < deadline and importer.is_alive():
        time.sleep(0.02)
    assert 0 < _imported(settings) < 400, "the first batch was not committed on its own"
    started = time.monotonic()
    with session_scope(settings) as session:  # a login or an accept, as the web writes
        create_person(
            session, NewPerson(name="Invented Reviewer Write"), actor="reviewer", reason="test"
        )
    wrote = time.monotonic()
    importer.join(120)
    assert "error" not in outcome, outcome.get("error")
    assert wrote - started < 15, f"the other writer waited {wrote - started:.1f} s"
    # The write went in while the import still had rows to store, not after it.
    assert wrote < outcome["finished"]
    assert outcome["report"].created == 400 and outcome["report"].batches == 19
    assert _imported(settings) == 400


def _cli_import(settings: Settings, path: Path) -> subprocess.Popen[str]:
    env = {
        **os.environ,
        "PRISONWATCH_DATA_DIR": str(settings.data_dir),
        "PRISONWATCH_DATABASE_URL": settings.url(),
    }
    code = (
        "import sys; from prisonwatch.cli.main import app; "
        "sys.argv = ['prisonwatch', 'import', sys.argv[1]]; app()"
    )
    return subprocess.Popen(
        [sys.executable, "-c", code, str(path)],
        cwd=REPO,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )


def _interrupt(settings: Settings, path: Path, sig: int) -> tuple[int, str]:
    """Start a CLI import, send ``sig`` once a batch is stored; return persons kept and stderr."""
    dispose_engines()
    proc = _cli_import(settings, path)
    try:
        deadline = time.monotonic() + 90
        while _imported(settings) == 0 and time.monotonic() < deadline:
            assert proc.poll() is None, proc.communicate()
            time.sleep(0.02)
        proc.send_signal(sig)
        _, err = proc.communicate(timeout=60)
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.wait()
    dispose_engines()
    return _imported(settings), err


@pytest.mark.parametrize("sig", [signal.SIGKILL, signal.SIGINT], ids=["kill", "ctrl-c"])
def test_interrupted_import_keeps_whole_batches_and_a_rerun_completes(
    settings: Settings, fresh: Settings, tmp_path: Path, sig: int
) -> None:
    from prisonwatch.tunables import tunable

    batch = int(tunable("import.batch_rows"))
    rows = 6 * batch
    path = _write_list(tmp_path / "list.csv", rows)
    kept, err = _interrupt(settings, path, sig)
    assert 0 < kept < rows, f"kept {kept} of {rows}: the import was not interrupted midway"
    assert kept % batch == 0, f"kept {kept} persons: not whole batches of {batch}"
    if sig == signal.SIGINT:
        said = " ".join(err.split())
        assert "Traceback" not in err, err
        assert f"rows up to line {kept + 1} were stored" in said, err
    again = _import(settings, path, batch_rows=batch)
    assert again.created == rows - kept
    assert again.errors == []
    _import(fresh, path, batch_rows=batch)
    assert _imported(settings) == rows
    assert _canonical(settings) == _canonical(fresh)
