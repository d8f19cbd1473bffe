"""Latency of the web pages and their JSON twins on a generated registry, and a short load test.

Run: .venv/bin/python -m benchmarks.web_bench [--persons 10000] [--events 100000]
"""

from __future__ import annotations

import argparse
import random
import socket
import statistics
import tempfile
import threading
import time
import warnings
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Any

import httpx
import uvicorn
from sqlalchemy import insert

from prisonwatch.db.engine import session_scope
from prisonwatch.db.migrate import upgrade
from prisonwatch.db.models import Claim, Deal, Document, Event, EventPerson, Person, PersonName
from prisonwatch.settings import Settings
from prisonwatch.web import create_app

GIVEN = [
    "Ales",
    "Maryia",
    "Ihar",
    "Pavel",
    "Mikola",
    "Ksenia",
    "Andrei",
    "Volha",
    "Siarhei",
    "Tatsiana",
    "Dzmitry",
    "Hanna",
    "Uladzimir",
    "Iryna",
    "Aliaksandr",
    "Natallia",
]
STEMS = [
    "Kaval",
    "Bial",
    "Losik",
    "Rabk",
    "Statk",
    "Lutsk",
    "Paczob",
    "Babar",
    "Sevyar",
    "Hrod",
    "Zhuk",
    "Marc",
    "Shar",
    "Kulesh",
    "Dashk",
    "Yarash",
    "Tsikh",
    "Navum",
    "Barys",
    "Lyav",
]
ENDS = ["enka", "iatski", "ava", "ovich", "evich", "ina", "uk", "ski", "ich", "ets"]
TYPES = ["arrest", "sentence", "release", "pardon", "transfer"]
BATCH = 5000


def _names(count: int, rng: random.Random) -> list[str]:
    surnames = [f"{s}{e}" for s in STEMS for e in ENDS]
    found: set[str] = set()
    while len(found) < count:
        double = rng.choice(["", "-" + rng.choice(surnames)])
        found.add(f"{rng.choice(GIVEN)} {rng.choice(surnames)}{double}")
    return sorted(found)


def _bulk(session: Any, model: Any, rows: list[dict[str, Any]]) -> None:
    for start in range(0, len(rows), BATCH):
        session.execute(insert(model), rows[start : start + BATCH])


def generate(settings: Settings, persons: int, events: int, seed: int = 7) -> dict[str, Any]:
    """Insert persons, documents, deals and accepted events straight into the tables."""
    rng = random.Random(seed)
    names = _names(persons, rng)
    person_ids = [f"per_{i:020d}" for i in range(persons)]
    docs = [f"{i:032x}" for i in range(max(1, events // 100))]
    deals = [f"deal_{i:015d}" for i in range(max(1, events // 1000))]
    with session_scope(settings) as session:
        _bulk(
            session,
            Person,
            [
                {
                    "id": pid,
                    "primary_name": name,
                    "country": rng.choice(["Belarus", "Russia"]),
                    "attributes": {},
                    "private_fields": [],
                    "proposed": False,
                }
                for pid, name in zip(person_ids, names, strict=True)
            ],
        )
        _bulk(
            session,
            PersonName,
            [
                {
                    "person_id": pid,
                    "name": name,
                    "script": "Latn",
                    "origin": "registry",
                    "kind": "name",
                }
                for pid, name in zip(person_ids, names, strict=True)
            ],
        )
        _bulk(
            session,
            Document,
            [
                {
                    "id": d,
                    "title": f"Report {i}",
                    "published": f"20{10 + i % 15}-0{1 + i % 9}-1{i % 9}",
                    "text": "The court released the prisoners. " * 20,
                    "language": "en",
                }
                for i, d in enumerate(docs)
            ],
        )
        _bulk(
            session,
            Deal,
            [
                {"id": d, "title": f"Deal {i}", "mediators": ["An Envoy"]}
                for i, d in enumerate(deals)
            ],
        )
        event_rows, link_rows, claim_rows = [], [], []
        per_person = max(1, events // persons)
        for index in range(events):
            pid = person_ids[(index // per_person) % persons]
            kind = TYPES[index % per_person % len(TYPES)]
            year = 2010 + (index // per_person) % 15 + (index % per_person) // len(TYPES)
            date = f"{year}-{1 + index % 12:02d}-{1 + index % 28:02d}"
            eid = f"evt_{index:016d}"
            event_rows.append(
                {
                    "id": eid,
                    "type": kind,
                    "date_value": date,
                    "date_precision": "day",
                    "count": 1 + index % 40,
                    "anchor_date": date,
                    "destination": [],
                    "target_country": "Belarus",
                    "background": False,
                    "deal_id": deals[index % len(deals)]
                    if kind == "release" and index % 7 == 0
                    else None,
                }
            )
            link_rows.append({"event_id": eid, "person_id": pid, "role": "affected"})
            claim_rows.append(
                {
                    "id": f"clm_{index:032x}",
                    "kind": "event",
                    "subject_type": "event",
                    "subject_id": eid,
                    "property": "facts",
                    "value": {"type": kind, "date_value": date},
                    "document_id": docs[index % len(docs)],
                    "span_start": 0,
                    "span_end": 33,
                    "quote": "The court released the prisoners.",
                    "confidence": 0.9,
                    "reason": "generated",
                    "state": "accepted",
                    "extractor_version": "bench",
                }
            )
        _bulk(session, Event, event_rows)
        _bulk(session, EventPerson, link_rows)
        _bulk(session, Claim, claim_rows)
    return {"person_ids": person_ids, "names": names}


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def _percentiles(timings: list[float]) -> tuple[float, float]:
    ordered = sorted(timings)
    p95 = ordered[min(len(ordered) - 1, round(0.95 * len(ordered)) - 1)]
    return statistics.median(ordered) * 1000, p95 * 1000


def measure(get: Callable[[str], httpx.Response], paths: list[str], rounds: int) -> list[float]:
    """Return the seconds each request took; refuse any answer but 200."""
    timings = []
    for index in range(rounds):
        path = paths[index % len(paths)]
        started = time.perf_counter()
        response = get(path)
        timings.append(time.perf_counter() - started)
        if response.status_code != 200:
            raise SystemExit(f"{path}: HTTP {response.status_code}: {response.text[:200]}")
    return timings


def load_test(base: str, paths: list[str], total: int, workers: int, limit_s: float) -> None:
    """Send ``total`` requests from ``workers`` threads within a time limit; print the rate."""
    errors = 0
    done = 0
    deadline = time.monotonic() + limit_s
    lock = threading.Lock()

    def one(index: int) -> None:
        nonlocal errors, done
        if time.monotonic() > deadline:
            return
        with httpx.Client(base_url=base, timeout=10) as http:
            ok = http.get(paths[index % len(paths)]).status_code == 200
        with lock:
            done += 1
            errors += 0 if ok else 1

    started = time.perf_counter()
    with ThreadPoolExecutor(workers) as pool:
        list(pool.map(one, range(total)))
    elapsed = time.perf_counter() - started
    print(
        f"load: {done}/{total} requests in {elapsed:.1f} s from {workers} threads: "
        f"{done / elapsed:.0f} requests/s, {errors} errors"
        + ("" if done == total else f", {total - done} unsent after {limit_s:.0f} s")
    )


def main() -> None:
    """Generate the registry, time each page and API call, then load-test a live server."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--persons", type=int, default=10_000)
    parser.add_argument("--events", type=int, default=100_000)
    parser.add_argument("--rounds", type=int, default=60, help="Requests timed per URL kind.")
    parser.add_argument("--load-requests", type=int, default=600)
    args = parser.parse_args()
    folder = Path(tempfile.mkdtemp(prefix="pw-web-bench-"))
    settings = Settings(data_dir=folder)
    upgrade(settings)
    started = time.perf_counter()
    made = generate(settings, args.persons, args.events)
    print(
        f"generated {args.persons} persons and {args.events} accepted events in "
        f"{time.perf_counter() - started:.1f} s ({settings.url()})"
    )
    rng = random.Random(3)
    people = rng.sample(made["person_ids"], 20)
    queries = [name.split()[1].split("-")[0] for name in rng.sample(made["names"], 20)]
    kinds = {
        "home": ["/"],
        "persons search": [f"/persons?q={q}" for q in queries],
        "persons filtered": ["/persons?status=held&page=3", "/persons?country=Russia&since=2015"],
        "person page": [f"/persons/{p}" for p in people],
    }
    app = create_app(settings)
    with warnings.catch_warnings():
        warnings.filterwarnings("ignore", message="Using `httpx`")
        from fastapi.testclient import TestClient
    with TestClient(app) as client:
        for label, paths in kinds.items():
            for twin, prefix in (("page", ""), ("API", "/api")):
                urls = [prefix + (p if p != "/" else "/home") if prefix else p for p in paths]
                first = time.perf_counter()
                client.get(urls[0])
                cold = (time.perf_counter() - first) * 1000
                p50, p95 = _percentiles(measure(client.get, urls, args.rounds))
                print(
                    f"{label:17} {twin:4}  p50 {p50:6.1f} ms  p95 {p95:6.1f} ms  "
                    f"(first call {cold:.0f} ms)"
                )
    port = _free_port()
    server = uvicorn.Server(
        uvicorn.Config(app, host="127.0.0.1", port=port, log_level="warning", lifespan="off")
    )
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    while not server.started:
        time.sleep(0.05)
    mixed = [p for paths in kinds.values() for p in paths]
    load_test(f"http://127.0.0.1:{port}", mixed, args.load_requests, workers=8, limit_s=60)
    server.should_exit = True
    thread.join(timeout=5)


if __name__ == "__main__":
    main()
