"""A dump restore commits in batches: other writers get in, a re-run finishes a stopped restore.

Every check compares the restored database's dump with the original, byte for byte.
"""

from __future__ import annotations

import io
import os
import signal
import subprocess
import sys
import threading
import time
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import func, select, update
from sqlalchemy.exc import OperationalError

from prisonwatch.db.engine import batch_scope, dispose_engines, session_scope
from prisonwatch.db.migrate import upgrade
from prisonwatch.db.models import Document, Person
from prisonwatch.errors import ConflictError, InputError, UnavailableError
from prisonwatch.io import restore
from prisonwatch.io.dump import dump_tables, export_dump
from prisonwatch.io.registry_csv import import_registry_csv
from prisonwatch.io.restore import RestoreReport, import_dump
from prisonwatch.persons import NewPerson, create_person
from prisonwatch.settings import Settings
from tests.conftest import _new_pg_database
from tests.hostile.test_import_batches import _write_list

REPO = Path(__file__).resolve().parents[2]


def _export(settings: Settings) -> str:
    out = io.StringIO()
    with session_scope(settings, write=False) as session:
        export_dump(session, out)
    return out.getvalue()


@pytest.fixture
def dump(settings: Settings, tmp_path: Path) -> Path:
    """Return a dump of an invented registry: a list of 40, a merged person, a near copy."""
    listing = _write_list(tmp_path / "list.csv", 40)
    with session_scope(settings) as session:
        import_registry_csv(session, listing, scheme="invented")
        kept = create_person(session, NewPerson(name="Invented Keeper"), actor="t", reason="r")
        gone = create_person(session, NewPerson(name="Invented Keepr"), actor="t", reason="r")
        session.flush()
        gone.merged_into = kept.id
        session.add(Document(id="d" * 32, text="An invented article."))
        session.flush()
        session.add(Document(id="c" * 32, text="An invented article!", near_duplicate_of="d" * 32))
    path = tmp_path / "dump.jsonl"
    path.write_text(_export(settings), encoding="utf-8")
    return path


@pytest.fixture
def target(settings: Settings, request: pytest.FixtureRequest, tmp_path: Path) -> Settings:
    """Return a fresh, empty database of the same kind as ``settings``."""
    if settings.database_url is None:
        url = f"sqlite:///{(tmp_path / 'target' / 'prisonwatch.sqlite').as_posix()}"
    else:
        url = _new_pg_database(
            request.getfixturevalue("pg_cluster"), request.getfixturevalue("pg_template")
        )
    fresh = Settings(data_dir=tmp_path / "target", database_url=url)
    upgrade(fresh)
    return fresh


def _restore(settings: Settings, path: Path, batch_rows: int) -> RestoreReport:
    with batch_scope(settings) as batches:
        return import_dump(batches.session, path, commit=batches.commit, batch_rows=batch_rows)


def _rows(path: Path) -> int:
    return len(path.read_text(encoding="utf-8").splitlines()) - 1


def _persons(settings: Settings) -> int:
    with session_scope(settings, write=False) as session:
        return int(session.scalar(select(func.count()).select_from(Person)) or 0)


def _stored(settings: Settings) -> int:
    """Return the rows stored in all the dump's tables."""
    with session_scope(settings, write=False) as session:
        return sum(
            int(session.scalar(select(func.count()).select_from(table)) or 0)
            for table in dump_tables()
        )


def test_a_big_dump_is_more_rows_than_one_batch(dump: Path) -> None:
    # The tests below need several batches of 20 and self-references set at the end.
    text_ = dump.read_text(encoding="utf-8")
    assert _rows(dump) > 10 * 20
    assert '"merged_into":"per_' in text_ and '"near_duplicate_of":"ddd' in text_


@pytest.mark.parametrize("settings", ["sqlite"], indirect=True)
def test_another_writer_gets_in_between_batches(
    settings: Settings, dump: Path, target: Settings
) -> None:
    outcome: dict[str, Any] = {}

    def run() -> None:
        try:
            outcome["report"] = _restore(target, dump, batch_rows=20)
        except BaseException as exc:  # reported by the assertion below
            outcome["error"] = exc
        outcome["finished"] = time.monotonic()

    restorer = threading.Thread(target=run)
    restorer.start()
    deadline = time.monotonic() + 60
    while _persons(target) == 0 and time.monotonic() < deadline and restorer.is_alive():
        time.sleep(0.02)
    started = time.monotonic()
    # A writer as the web is one: BEGIN IMMEDIATE takes SQLite's write lock, then a real write.
    with session_scope(target) as session:
        changed = session.execute(update(Person).values(proposed=Person.proposed)).rowcount
    wrote = time.monotonic()
    restorer.join(120)
    assert "error" not in outcome, outcome.get("error")
    assert changed > 0, "the writer ran before any batch was committed"
    assert wrote - started < 15, f"the other writer waited {wrote - started:.1f} s"
    # The write went in while the restore still had rows to store, not after it.
    assert wrote < outcome["finished"]
    report = outcome["report"]
    assert report.stored == _rows(dump) and report.batches == _rows(dump) // 20
    assert _export(target) == dump.read_text(encoding="utf-8")


def test_a_failure_at_row_n_keeps_whole_batches_and_a_rerun_completes(
    dump: Path, target: Settings, monkeypatch: pytest.MonkeyPatch
) -> None:
    real = restore._insert
    inserted: list[int] = []

    def failing(session: Any, rows: list[Any]) -> None:
        if sum(inserted) + len(rows) > 130:  # the batch holding row 130 fails, as a full disk
            raise OperationalError("INSERT", {}, Exception("database or disk is full"))
        inserted.append(len(rows))
        real(session, rows)

    monkeypatch.setattr(restore, "_insert", failing)
    with pytest.raises(UnavailableError) as caught:
        _restore(target, dump, batch_rows=20)
    said = caught.value.message
    assert "disk holding the database is full" in said
    # 6 batches of 20 committed: the header and rows 2-121 of the file.
    assert "the rows up to line 121 are stored (6 batches in this run)" in said, said
    assert "run the same command again" in said
    monkeypatch.setattr(restore, "_insert", real)
    assert _stored(target) == 120

    again = _restore(target, dump, batch_rows=20)
    assert again.found == 120
    assert again.stored == _rows(dump) - 120
    assert _export(target) == dump.read_text(encoding="utf-8")


def test_a_failure_in_the_last_transaction_is_finished_by_a_rerun(
    dump: Path, target: Settings, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Every row in one committed batch; the last transaction (self-references, sequences) fails.
    real = restore._reset_sequences

    def failing(session: Any, names: set[str] | None = None) -> None:
        if names is None:  # all of them: the last transaction
            raise OperationalError("SELECT setval", {}, Exception("database is locked"))
        real(session, names)

    monkeypatch.setattr(restore, "_reset_sequences", failing)
    with pytest.raises(UnavailableError, match="busy") as caught:
        _restore(target, dump, batch_rows=_rows(dump))
    assert f"the rows up to line {_rows(dump) + 1} are stored" in caught.value.message
    monkeypatch.undo()
    with session_scope(target, write=False) as session:
        assert session.scalar(select(func.count()).where(Person.merged_into.is_not(None))) == 0

    again = _restore(target, dump, batch_rows=_rows(dump))
    assert (again.found, again.stored) == (_rows(dump), 0)
    assert _export(target) == dump.read_text(encoding="utf-8")


def test_a_finished_restore_is_not_restored_twice(dump: Path, target: Settings) -> None:
    _restore(target, dump, batch_rows=50)
    with pytest.raises(ConflictError, match="already holds every row"):
        _restore(target, dump, batch_rows=50)
    assert _export(target) == dump.read_text(encoding="utf-8")


def test_a_stopped_restore_that_was_changed_meanwhile_is_refused(
    dump: Path, target: Settings, monkeypatch: pytest.MonkeyPatch
) -> None:
    real = restore._insert
    calls: list[int] = []

    def failing(session: Any, rows: list[Any]) -> None:
        calls.append(1)
        if len(calls) > 3:
            raise OperationalError("INSERT", {}, Exception("database is locked"))
        real(session, rows)

    monkeypatch.setattr(restore, "_insert", failing)
    with pytest.raises(UnavailableError):
        _restore(target, dump, batch_rows=20)
    monkeypatch.undo()
    assert _stored(target) == 3 * 20
    with session_scope(target) as session:  # someone used the half-restored database
        create_person(session, NewPerson(name="Invented Newcomer"), actor="t", reason="r")
    before = _export(target)
    with pytest.raises(ConflictError, match="not a restore of this dump stopped part-way"):
        _restore(target, dump, batch_rows=20)
    assert _export(target) == before


def test_a_broken_reference_stores_nothing(target: Settings, tmp_path: Path, dump: Path) -> None:
    # The dump's last person now refers to a person no row of the dump holds.
    lines = dump.read_text(encoding="utf-8").splitlines(keepends=True)
    # (The last person not merged already: the merged one's id may sort last.)
    last = max(
        i
        for i, line in enumerate(lines)
        if line.endswith('"table":"persons"}\n') and '"merged_into":null' in line
    )
    lines[last] = lines[last].replace('"merged_into":null', '"merged_into":"per_invented_nobody"')
    broken = tmp_path / "broken.jsonl"
    broken.write_text("".join(lines), encoding="utf-8")
    with pytest.raises(InputError, match=rf"broken.jsonl:{last + 1}: .*rules.*nothing was stored"):
        _restore(target, broken, batch_rows=20)
    assert _persons(target) == 0


def _child(settings: Settings, path: Path, batch_rows: int, stop_at: int) -> subprocess.Popen[str]:
    """Start a restore in a child process that says 'ready' and waits inside commit ``stop_at``.

    By then the batch it was about to commit is inserted, not committed: a kill there is a kill
    mid-transaction.
    """
    code = f"""
import sys, time
from pathlib import Path
from prisonwatch.db.engine import batch_scope
from prisonwatch.io.restore import import_dump
from prisonwatch.settings import Settings
settings = Settings(data_dir=Path(sys.argv[1]), database_url=sys.argv[2])
calls = []
with batch_scope(settings) as batches:
    def commit():
        calls.append(1)
        if len(calls) == {stop_at}:
            print("ready", flush=True)
            time.sleep(600)
        batches.commit()
    import_dump(batches.session, Path(sys.argv[3]), commit=commit, batch_rows={batch_rows})
"""
    return subprocess.Popen(
        [sys.executable, "-c", code, str(settings.data_dir), settings.url(), str(path)],
        cwd=REPO,
        env={**os.environ, "PYTHONPATH": str(REPO / "src")},
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )


def test_a_restore_killed_mid_transaction_is_finished_by_the_same_command(
    dump: Path, target: Settings, monkeypatch: pytest.MonkeyPatch
) -> None:
    from typer.testing import CliRunner

    from prisonwatch.cli.main import app
    from prisonwatch.settings import get_settings

    dispose_engines()
    # Commit 1 releases the read of the first check; commits 2-5 store 4 batches of 20.
    child = _child(target, dump, batch_rows=20, stop_at=6)
    try:
        assert child.stdout is not None
        line = child.stdout.readline()
        assert line.strip() == "ready", child.communicate(timeout=30)
        child.send_signal(signal.SIGKILL)
    finally:
        if child.poll() is None:
            child.kill()
        child.communicate(timeout=30)  # reaps it and closes its pipes
    assert _stored(target) == 4 * 20, "a kill mid-transaction keeps exactly the committed batches"
    dispose_engines()

    monkeypatch.setenv("PRISONWATCH_DATA_DIR", str(target.data_dir))
    monkeypatch.setenv("PRISONWATCH_DATABASE_URL", target.url())
    get_settings.cache_clear()
    try:
        result = CliRunner().invoke(app, ["import", str(dump)])
    finally:
        get_settings.cache_clear()
    assert result.exit_code == 0, result.output
    assert "80 stored by an earlier run" in result.output
    assert _export(target) == dump.read_text(encoding="utf-8")
