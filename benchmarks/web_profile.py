"""CPU time per web request and per snapshot refresh, in process, on a generated registry.

A loaded machine inflates wall-clock latencies; CPU time (``time.process_time``) of one request
in the app's own test client is what a change to the pages can move. The snapshot and the name
index are measured after a write, as the load bench's writer makes them.

Run: .venv/bin/python -m benchmarks.web_profile [--persons 5000] [--events 20000] [--profile PATH]
"""

from __future__ import annotations

import argparse
import cProfile
import pstats
import random
import statistics
import tempfile
import time
from pathlib import Path

from fastapi.testclient import TestClient

from prisonwatch.db.engine import session_scope
from prisonwatch.db.migrate import upgrade
from prisonwatch.persons import NewPerson, create_person
from prisonwatch.settings import Settings
from prisonwatch.web import create_app
from prisonwatch.web.app import warm


def _write(settings: Settings, number: int) -> None:
    with session_scope(settings) as session:
        create_person(
            session,
            NewPerson(name=f"Invented Profile Person {number}", country="Belarus"),
            actor="web-profile",
            reason="profiling write",
        )


def _cpu_ms(action: object, rounds: int) -> tuple[float, float]:
    """Return the median CPU and wall milliseconds of ``rounds`` calls of ``action``."""
    cpu, wall = [], []
    for _ in range(rounds):
        started_cpu, started_wall = time.process_time(), time.perf_counter()
        action()  # type: ignore[operator]
        cpu.append((time.process_time() - started_cpu) * 1000)
        wall.append((time.perf_counter() - started_wall) * 1000)
    return statistics.median(cpu), statistics.median(wall)


def main() -> None:
    """Generate a registry, then print CPU ms per page and per refresh after a write."""
    from benchmarks.web_bench import generate

    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--persons", type=int, default=5_000)
    parser.add_argument("--events", type=int, default=20_000)
    parser.add_argument("--rounds", type=int, default=15)
    parser.add_argument("--profile", type=Path, help="Write a cProfile of the pages here.")
    args = parser.parse_args()
    settings = Settings(data_dir=Path(tempfile.mkdtemp(prefix="pw-web-profile-")))
    upgrade(settings)
    made = generate(settings, args.persons, args.events)
    app = create_app(settings)
    warm(app)
    rng = random.Random(5)
    person = rng.choice(made["person_ids"])
    query = rng.choice(made["names"]).split()[1].split("-")[0]
    pages = {
        "/": "/",
        "/api/home": "/api/home",
        "/persons?q=": f"/persons?q={query}",
        "/persons": "/persons",
        "/persons?status": "/persons?status=held&page=3",
        "/persons/{id}": f"/persons/{person}",
    }
    profile = cProfile.Profile() if args.profile else None
    with TestClient(app) as client:
        for label, path in pages.items():
            assert client.get(path).status_code == 200, path
            if profile:
                profile.enable()
            cpu, wall = _cpu_ms(lambda path=path: client.get(path), args.rounds)
            if profile:
                profile.disable()
            print(f"{label:18} cpu {cpu:7.1f} ms  wall {wall:7.1f} ms")
        for number in range(3):
            _write(settings, number)
            with session_scope(settings, write=False) as session:
                cpu, wall = _cpu_ms(lambda session=session: app.state.snapshots.get(session), 1)
                print(f"snapshot refresh   cpu {cpu:7.1f} ms  wall {wall:7.1f} ms")
                cpu, wall = _cpu_ms(lambda session=session: app.state.names.get(session), 1)
                print(f"name index refresh cpu {cpu:7.1f} ms  wall {wall:7.1f} ms")
    if profile and args.profile:
        profile.dump_stats(args.profile)
        pstats.Stats(str(args.profile)).sort_stats("cumulative").print_stats(40)


if __name__ == "__main__":
    main()
