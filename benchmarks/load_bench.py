"""Reads under a steady trickle of writes: 16 clients, one write a second, on a generated registry.

The server runs in its own process on 127.0.0.1 (loopback only); the clients send a fixed number
of reads and stop by themselves, or at the time limit. Each write adds a person through the
library, as ``prisonwatch persons add`` does, so the registry snapshot goes stale every second.

Run: .venv/bin/python -m benchmarks.load_bench [--persons 5000] [--events 20000] [--reads 3000]
     [--workers 2]   (the server's CPU time is reported beside the latencies: the machine may
     be shared, and CPU time is what a change to the server can move)
"""

from __future__ import annotations

import argparse
import os
import random
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from collections import Counter
from pathlib import Path

import httpx

from prisonwatch.db.engine import session_scope
from prisonwatch.db.migrate import upgrade
from prisonwatch.persons import NewPerson, create_person
from prisonwatch.settings import Settings
from prisonwatch.web.security import secret_key

SERVER = """
import sys, uvicorn
from prisonwatch.settings import Settings
from prisonwatch.web.security import secret_key
from prisonwatch.web import create_app
from prisonwatch.web.app import warm
app = create_app(Settings(data_dir=sys.argv[1]))
warm(app)
uvicorn.run(app, host="127.0.0.1", port=int(sys.argv[2]), log_level="warning")
"""
# ``serve --workers N``: N processes, each building its app from the environment.
SERVER_WORKERS = """
import os, sys, uvicorn
from prisonwatch.web.app import WORKERS_ENV
os.environ["PRISONWATCH_DATA_DIR"] = sys.argv[1]
os.environ[WORKERS_ENV] = sys.argv[3]
uvicorn.run("prisonwatch.web.app:served_app", factory=True, workers=int(sys.argv[3]),
            host="127.0.0.1", port=int(sys.argv[2]), log_level="warning")
"""


def _cpu_s(pid: int) -> float:
    """Return the user+sys CPU seconds of a process and its children that ended (Linux)."""
    try:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    except OSError:
        return float("nan")
    ticks = os.sysconf("SC_CLK_TCK")
    return sum(int(f) for f in fields[11:15]) / ticks


def _tree_cpu_s(pid: int) -> float:
    """Return the CPU seconds of a process and its live children (the worker processes)."""
    total = _cpu_s(pid)
    for child in Path(f"/proc/{pid}/task").glob("*/children"):
        for kid in child.read_text().split():
            total += _cpu_s(int(kid))
    return total


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def _wait_for(base: str, limit_s: float) -> None:
    deadline = time.monotonic() + limit_s
    while time.monotonic() < deadline:
        try:
            if httpx.get(base + "/", timeout=5).status_code == 200:
                return
        except httpx.HTTPError:
            pass
        time.sleep(0.2)
    raise SystemExit(f"the server at {base} did not answer within {limit_s:.0f} s")


def _paths(made: dict[str, list[str]], rng: random.Random) -> list[str]:
    people = rng.sample(made["person_ids"], 20)
    queries = [name.split()[1].split("-")[0] for name in rng.sample(made["names"], 20)]
    return (
        ["/"] * 10
        + ["/api/home"] * 5
        + [f"/persons?q={q}" for q in queries]
        + ["/persons?status=held&page=3", "/persons?country=Russia&since=2015", "/persons"]
        + [f"/persons/{p}" for p in people]
    )


def _writer(settings: Settings, stop: threading.Event, every_s: float, done: Counter[str]) -> None:
    number = 0
    while not stop.wait(every_s):
        number += 1
        try:
            with session_scope(settings) as session:
                create_person(
                    session,
                    NewPerson(name=f"Invented Load Person {number}", country="Belarus"),
                    actor="load-bench",
                    reason="load benchmark write",
                )
            done["writes"] += 1
        except Exception as exc:  # a failed write is a result to report, not a crash
            done["write errors"] += 1
            print(f"write {number} failed: {type(exc).__name__}: {exc}", file=sys.stderr)


def run_load(
    base: str, paths: list[str], reads: int, clients: int, limit_s: float
) -> tuple[list[float], Counter[str], float]:
    """Send ``reads`` GETs from ``clients`` threads; return latencies, outcomes and seconds."""
    timings: list[float] = []
    outcomes: Counter[str] = Counter()
    lock = threading.Lock()
    counter = iter(range(reads))
    deadline = time.monotonic() + limit_s

    def client() -> None:
        with httpx.Client(base_url=base, timeout=30) as http:
            while time.monotonic() < deadline:
                with lock:
                    index = next(counter, None)
                if index is None:
                    return
                started = time.perf_counter()
                try:
                    status = str(http.get(paths[index % len(paths)]).status_code)
                except httpx.HTTPError as exc:
                    status = type(exc).__name__
                took = time.perf_counter() - started
                with lock:
                    timings.append(took)
                    outcomes[status] += 1

    started = time.perf_counter()
    threads = [threading.Thread(target=client, daemon=True) for _ in range(clients)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(limit_s + 30)
    return timings, outcomes, time.perf_counter() - started


def main() -> int:
    """Generate the registry, serve it, read under writes; print errors and p95; 1 if off target."""
    from benchmarks.web_bench import generate

    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--persons", type=int, default=5_000)
    parser.add_argument("--events", type=int, default=20_000)
    parser.add_argument("--reads", type=int, default=3_000)
    parser.add_argument("--clients", type=int, default=16)
    parser.add_argument("--write-every", type=float, default=1.0, help="Seconds between writes.")
    parser.add_argument("--limit", type=float, default=240.0, help="Seconds before giving up.")
    parser.add_argument("--target-p95-ms", type=float, default=300.0)
    parser.add_argument(
        "--workers", type=int, default=1, help="Server processes (serve --workers)."
    )
    args = parser.parse_args()
    folder = Path(tempfile.mkdtemp(prefix="pw-load-bench-"))
    settings = Settings(data_dir=folder)
    upgrade(settings)
    made = generate(settings, args.persons, args.events)
    port = _free_port()
    base = f"http://127.0.0.1:{port}"
    if args.workers > 1:
        secret_key(settings)  # made once here, not raced for by the worker processes
        command = [sys.executable, "-c", SERVER_WORKERS, str(folder), str(port), str(args.workers)]
    else:
        command = [sys.executable, "-c", SERVER, str(folder), str(port)]
    server = subprocess.Popen(command)
    stop = threading.Event()
    writes: Counter[str] = Counter()
    try:
        _wait_for(base, 120)
        writer = threading.Thread(
            target=_writer, args=(settings, stop, args.write_every, writes), daemon=True
        )
        writer.start()
        paths = _paths(made, random.Random(3))
        cpu_before = _tree_cpu_s(server.pid)
        timings, outcomes, seconds = run_load(base, paths, args.reads, args.clients, args.limit)
        server_cpu = _tree_cpu_s(server.pid) - cpu_before
    finally:
        stop.set()
        server.terminate()
        server.wait(10)
        shutil.rmtree(folder, ignore_errors=True)
    ordered = sorted(timings)
    p95 = ordered[max(0, round(0.95 * len(ordered)) - 1)] * 1000 if ordered else float("nan")
    errors = sum(n for status, n in outcomes.items() if status != "200")
    print(
        f"load: {len(timings)}/{args.reads} reads from {args.clients} clients in {seconds:.1f} s "
        f"({len(timings) / seconds:.0f}/s) with {writes['writes']} writes "
        f"({writes['write errors']} failed), on {args.persons} persons / {args.events} events"
    )
    per_read_ms = server_cpu * 1000 / max(1, len(timings))
    print(
        f"server CPU (user+sys) {server_cpu:.1f} s, {per_read_ms:.1f} ms a read (the writes' "
        f"refreshes included), {args.workers} process(es)"
    )
    print(
        f"errors {errors}  p50 {statistics.median(ordered) * 1000:.0f} ms  p95 {p95:.0f} ms  "
        f"max {ordered[-1] * 1000:.0f} ms  statuses {dict(outcomes)}"
    )
    ok = errors == 0 and len(timings) == args.reads and p95 < args.target_p95_ms
    print(
        f"target (0 errors, all reads, p95 < {args.target_p95_ms:.0f} ms): "
        + ("met" if ok else "NOT met")
    )
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
