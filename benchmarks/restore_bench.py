"""How long a dump restore holds the write lock per batch, and what batching costs it.

Generates a registry (``benchmarks.web_bench.generate``), exports its dump, then restores it into
fresh SQLite databases, once per batch size, while a writer thread takes the write lock every
0.2 s (as logins and accepts do). Prints, per batch size: rows a second, CPU seconds (user+sys
of this process), the longest a batch held the lock, and the writer's longest wait.

Run: .venv/bin/python -m benchmarks.restore_bench [--persons 2000] [--events 8000]
     [--batches 50,200,500,2000,0]   (0: the whole dump in one transaction)
     [--doc-chars 0]   (> 0: every generated document's text made that long)
"""

from __future__ import annotations

import argparse
import io
import shutil
import tempfile
import threading
import time
from pathlib import Path

from sqlalchemy import text, update

from prisonwatch.db.engine import batch_scope, dispose_engines, session_scope
from prisonwatch.db.migrate import upgrade
from prisonwatch.db.models import Document
from prisonwatch.io.dump import export_dump
from prisonwatch.io.restore import import_dump
from prisonwatch.settings import Settings


def _writer(settings: Settings, stop: threading.Event, waits: list[float]) -> None:
    while not stop.is_set():
        started = time.monotonic()
        with session_scope(settings) as session:  # BEGIN IMMEDIATE: the write lock
            session.execute(text("SELECT 1"))
        waits.append(time.monotonic() - started)
        time.sleep(0.2)


def _restore(folder: Path, dump: Path, batch_rows: int) -> str:
    settings = Settings(data_dir=folder)
    upgrade(settings)
    holds: list[float] = []
    waits: list[float] = []
    stop = threading.Event()
    writer = threading.Thread(target=_writer, args=(settings, stop, waits), daemon=True)
    cpu, wall = time.process_time(), time.monotonic()
    writer.start()
    with batch_scope(settings) as batches:
        mark = [time.monotonic()]

        def commit() -> None:
            holds.append(time.monotonic() - mark[0])
            if batch_rows:
                batches.commit()
            mark[0] = time.monotonic()

        report = import_dump(batches.session, dump, commit=commit, batch_rows=batch_rows or 10**9)
    wall, cpu = time.monotonic() - wall, time.process_time() - cpu
    stop.set()
    writer.join()
    dispose_engines()
    shown = batch_rows or "all"
    return (
        f"batch {shown:>5}: {report.stored} rows in {wall:5.1f} s wall, {cpu:5.1f} s CPU "
        f"({report.stored / wall:6.0f} rows/s), {report.batches:4d} batches, longest hold "
        f"{max(holds[2:], default=0) * 1000:6.0f} ms, writer's longest wait "
        f"{max(waits) * 1000:6.0f} ms"
    )


def main() -> int:
    """Generate, export, restore once per batch size; print one line per size."""
    from benchmarks.web_bench import generate

    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--persons", type=int, default=2_000)
    parser.add_argument("--events", type=int, default=8_000)
    parser.add_argument("--batches", default="50,200,500,2000,0")
    parser.add_argument("--doc-chars", type=int, default=0)
    args = parser.parse_args()
    folder = Path(tempfile.mkdtemp(prefix="pw-restore-bench-"))
    try:
        source = Settings(data_dir=folder / "source")
        upgrade(source)
        generate(source, args.persons, args.events)
        if args.doc_chars:
            with session_scope(source) as session:
                session.execute(
                    update(Document).values(
                        text="An invented long report. " * (args.doc_chars // 25)
                    )
                )
        out = io.StringIO()
        with session_scope(source, write=False) as session:
            rows = export_dump(session, out)
        dump = folder / "dump.jsonl"
        dump.write_text(out.getvalue(), encoding="utf-8")
        dispose_engines()
        print(f"dump: {rows} rows, {dump.stat().st_size / 1e6:.1f} MB")
        for size in (int(s) for s in args.batches.split(",")):
            print(_restore(folder / f"restore-{size}", dump, size), flush=True)
    finally:
        shutil.rmtree(folder, ignore_errors=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
