"""Bulk ingest at archive scale: synthetic WARC files of news pages, a few percent on topic.

Run: .venv/bin/python -m benchmarks.bulk_bench [--pages 2000] [--files 4] [--relevant 0.03]
     [--stage-pages 240] [--memory 10000,100000] [--no-postgres] [--no-ray]

Reports in one run: documents/s end to end with the local engine and with Ray at 1 and 2
workers; the parallel stages alone (results/s of the engine on on-topic pages, no database) at
1 and 2 workers and their ratio; the registry stage (store, same-event matching, claims) in ms per
relevant document on PostgreSQL; the prefilter's rejection rate on the off-topic pages; and the
peak memory of the driver and of one worker for each page count of ``--memory`` (each in a
fresh process, so the figures do not mix).
"""

from __future__ import annotations

import argparse
import gzip
import json
import os
import random
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from benchmarks.ingest_bench import _sentence

# Words of pages about other things: a general news archive is mostly these.
_OFF_TOPIC = """
match season goals coach striker league cup final weather rain sunny forecast temperature
market shares index profit quarter earnings bank rates inflation recipe festival concert
film premiere album tour museum exhibition traffic road bridge school students university
election campaign budget parliament vote mayor city council transport airport flights
"""
OFF_TOPIC_WORDS = _OFF_TOPIC.split()
PAGE = """<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>{title}</title>
<meta property="og:site_name" content="Daily Example">
<meta property="article:published_time" content="{date}T08:00:00Z">
<link rel="canonical" href="{url}"><script>var cfg = {{ads: [{ads}]}};</script></head>
<body><header><nav><ul>{menu}</ul></nav></header><main><article><h1>{title}</h1>
{paragraphs}</article></main><footer><p>© 2025 Daily Example.</p></footer></body></html>"""


def _off_topic_sentence(rng: random.Random) -> str:
    return " ".join(rng.choices(OFF_TOPIC_WORDS, k=rng.randint(12, 24))).capitalize() + "."


def news_page(rng: random.Random, n: int, relevant: bool) -> tuple[str, bytes]:
    """Return the URL and HTML of one generated news page, on topic or about something else."""
    sentence = _sentence if relevant else _off_topic_sentence
    paragraphs = "".join(
        "<p>" + " ".join(sentence(rng) for _ in range(rng.randint(2, 4))) + "</p>"
        for _ in range(rng.randint(4, 9))
    )
    url = f"https://daily.example/{'world' if relevant else 'life'}/2025/{n:07d}"
    page = PAGE.format(
        title=sentence(rng)[:70].rstrip("."),
        date=f"2025-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}",
        url=url,
        ads=", ".join(f"{rng.random():.6f}" for _ in range(60)),
        menu="".join(
            f"<li><a href='/s/{i}'>{rng.choice(OFF_TOPIC_WORDS)}</a></li>" for i in range(40)
        ),
        paragraphs=paragraphs,
    )
    return url, page.encode("utf-8")


def _record(url: str, body: bytes, n: int) -> bytes:
    http = (
        b"HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=utf-8\r\n"
        + f"Content-Length: {len(body)}\r\n\r\n".encode()
        + body
    )
    head = (
        "WARC/1.0\r\nWARC-Type: response\r\n"
        f"WARC-Record-ID: <urn:uuid:00000000-0000-0000-0000-{n:012d}>\r\n"
        f"WARC-Target-URI: {url}\r\nWARC-Date: 2025-06-01T00:00:00Z\r\n"
        "Content-Type: application/http; msgtype=response\r\n"
        f"Content-Length: {len(http)}\r\n\r\n"
    ).encode()
    return head + http + b"\r\n\r\n"


def make_warcs(
    root: Path, pages: int, files: int, relevant: float = 0.03, seed: int = 11
) -> list[Path]:
    """Write ``pages`` generated pages into ``files`` .warc.gz files (one gzip member a record)."""
    rng = random.Random(seed)
    root.mkdir(parents=True, exist_ok=True)
    paths = [root / f"news-{i:04d}.warc.gz" for i in range(files)]
    per_file = -(-pages // files)
    n = 0
    for path in paths:
        with path.open("wb") as out:
            for _ in range(min(per_file, pages - n)):
                url, body = news_page(rng, n, rng.random() < relevant)
                out.write(gzip.compress(_record(url, body, n), 1))
                n += 1
    return [p for p in paths if p.stat().st_size]


def _settings(url: str | None, root: Path) -> object:
    from prisonwatch.db.migrate import upgrade
    from prisonwatch.settings import Settings

    settings = Settings(data_dir=root, database_url=url) if url else Settings(data_dir=root)
    upgrade(settings)
    return settings


def run_ingest(
    warcs: list[Path], settings: object, engine: str, workers: int, extract: bool = True
) -> tuple[float, dict[str, int], float]:
    """Return documents/s, counts and seconds of one ingest as the CLI runs it."""
    from prisonwatch.db.engine import dispose_engines, session_scope
    from prisonwatch.ingest import IngestOptions, ingest
    from prisonwatch.registry.flow import RegistryHook

    hook = RegistryHook(settings) if extract else None  # type: ignore[arg-type]
    options = IngestOptions(
        workers=workers,
        engine=engine,
        extract=extract,
        on_stored=hook,
        prefilter=True,
        skip_known=True,
        keep_items=False,
    )
    start = time.perf_counter()
    report = ingest([str(p) for p in warcs], options, lambda: session_scope(settings))  # type: ignore[arg-type]
    elapsed = time.perf_counter() - start
    dispose_engines()
    return report.total / elapsed, report.counts(), elapsed


def _jobs(warcs: list[Path]) -> Iterator[object]:
    from prisonwatch.ingest import IngestOptions
    from prisonwatch.ingest.sources import SourceReader

    yield from SourceReader(IngestOptions()).read([str(p) for p in warcs])


def stage_rate(warcs: list[Path], engine_name: str, workers: int) -> float:
    """Return stage results/s of the engine alone (no database), its start-up left out."""
    from prisonwatch.ingest.engines import make_engine
    from prisonwatch.ingest.stage import StageOptions

    options = StageOptions(extract=True, prefilter=True)
    engine = make_engine(engine_name, workers, options)
    items = list(_jobs(warcs))
    warm = max(16, len(items) // 10)
    count, start = 0, 0.0
    for _ in engine.run(iter(items)):  # type: ignore[arg-type]
        count += 1
        if count == warm:  # the workers are up and their models loaded
            start = time.perf_counter()
    return (count - warm) / (time.perf_counter() - start)


def stage_results(warcs: list[Path]) -> list[tuple[object, object]]:
    """Return the stage's results for the documents to store, made in this process.

    Each input is keyed as a bulk run keys it, so that writing it records its key too.
    """
    from dataclasses import replace

    from prisonwatch.ingest.resume import input_key
    from prisonwatch.ingest.stage import Processed, StageOptions, process_job

    options = StageOptions(extract=True, prefilter=True, signature=False)
    results: list[tuple[object, object]] = []
    for item in _jobs(warcs):
        result = process_job(item, options)  # type: ignore[arg-type]
        if isinstance(result, Processed):
            results.append((replace(item, key=input_key(item)), result))  # type: ignore[type-var]
    return results


@dataclass
class RegistryCost:
    """The registry stage per stored document: wall and CPU milliseconds, SQL statements."""

    wall_ms: float
    cpu_ms: float
    statements: float
    documents: int


def registry_ms(
    results: list[tuple[object, object]], settings: object, profile: Path | None = None
) -> RegistryCost:
    """Return what the main process spends per stored document (store, matching, claims).

    Only the writing of the stage's ``results`` is timed, on ``settings``: wall time, this
    process's CPU time (the database server's is not in it) and SQL statements. With
    ``profile``, cProfile's statistics (CPU time) of the timed part are written there.
    """
    import cProfile

    from sqlalchemy import event

    from prisonwatch.db.engine import dispose_engines, engine_for, session_scope
    from prisonwatch.ingest import IngestOptions
    from prisonwatch.ingest.batch import BatchWriter
    from prisonwatch.registry.flow import RegistryHook

    hook = RegistryHook(settings)  # type: ignore[arg-type]
    writer = BatchWriter(
        IngestOptions(extract=True, on_stored=hook, near_duplicates=False),
        None,
        lambda: session_scope(settings),  # type: ignore[arg-type]
    )
    # The first documents build the name index and load the models: once per run, not timed.
    warm, timed = results[:8], results[8:]
    writer.write(warm)  # type: ignore[arg-type]
    statements = [0]

    def count(*_: object) -> None:
        statements[0] += 1

    engine = engine_for(settings)  # type: ignore[arg-type]
    event.listen(engine, "before_cursor_execute", count)
    profiler = cProfile.Profile(time.process_time) if profile else None
    start, cpu = time.perf_counter(), time.process_time()
    if profiler:
        profiler.enable()
    for i in range(0, len(timed), 64):
        writer.write(timed[i : i + 64])  # type: ignore[arg-type]
    if profiler:
        profiler.disable()
        profiler.dump_stats(str(profile))
    elapsed, cpu = time.perf_counter() - start, time.process_time() - cpu
    event.remove(engine, "before_cursor_execute", count)
    dispose_engines()
    docs = max(1, len(timed))
    return RegistryCost(elapsed / docs * 1000, cpu / docs * 1000, statements[0] / docs, len(timed))


def _rss_mb(pid: int) -> float:
    try:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    except OSError:
        pass
    return 0.0


def _descendants(root: int) -> list[int]:
    parents: dict[int, int] = {}
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                fields = (entry / "stat").read_text().rsplit(")", 1)[1].split()
                parents[int(entry.name)] = int(fields[1])
            except (OSError, IndexError, ValueError):
                continue
    found, frontier = [], [root]
    while frontier:
        pid = frontier.pop()
        children = [c for c, p in parents.items() if p == pid]
        found.extend(children)
        frontier.extend(children)
    return found


class MemorySampler(threading.Thread):
    """Samples the resident memory of this process and of every process it started."""

    def __init__(self, every: float = 0.5) -> None:
        super().__init__(daemon=True)
        self.every = every
        self.driver = self.worker = self.total = 0.0
        self.done = threading.Event()

    def run(self) -> None:
        """Sample until stopped, keeping the peaks."""
        me = os.getpid()
        while not self.done.wait(self.every):
            driver = _rss_mb(me)
            workers = [_rss_mb(pid) for pid in _descendants(me)]
            self.driver = max(self.driver, driver)
            self.worker = max([self.worker, *workers])
            self.total = max(self.total, driver + sum(workers))


def memory_run(pages: int, engine: str, workers: int, extract: bool) -> dict[str, float]:
    """Generate ``pages`` pages, ingest them, and return the peak memory of each process kind."""
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        warcs = make_warcs(root / "warc", pages, max(1, pages // 2500))
        settings = _settings(None, root / "db")
        sampler = MemorySampler()
        sampler.start()
        rate, counts, seconds = run_ingest(warcs, settings, engine, workers, extract)
        sampler.done.set()
        sampler.join()
    return {
        "pages": pages,
        "docs_per_s": round(rate, 1),
        "seconds": round(seconds, 1),
        "driver_peak_mb": round(sampler.driver, 1),
        "worker_peak_mb": round(sampler.worker, 1),
        "all_processes_peak_mb": round(sampler.total, 1),
        "new": counts["new"],
        "off_topic": counts["off_topic"],
    }


def _memory_in_child(pages: int, engine: str, workers: int, extract: bool) -> dict[str, float]:
    args = [sys.executable, "-m", "benchmarks.bulk_bench", "--memory-child", str(pages)]
    args += ["--engine", engine, "--workers", str(workers)] + ([] if extract else ["--no-extract"])
    done = subprocess.run(args, capture_output=True, text=True, check=True)
    return json.loads(done.stdout.strip().splitlines()[-1])  # type: ignore[no-any-return]


def _postgres() -> tuple[object, str] | None:
    sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
    from tests.pgcluster import Cluster

    if not Cluster.available():
        return None
    cluster = Cluster()
    cluster.start()
    return cluster, cluster.url()


def main() -> None:
    """Generate the archives, run every measure, print one line each."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--pages", type=int, default=2000)
    parser.add_argument("--files", type=int, default=4)
    parser.add_argument("--relevant", type=float, default=0.03)
    parser.add_argument("--stage-pages", type=int, default=240, help="on-topic pages, stage alone")
    parser.add_argument("--memory", default="10000", help="page counts, comma separated")
    parser.add_argument("--no-postgres", action="store_true")
    parser.add_argument("--no-ray", action="store_true")
    parser.add_argument("--memory-only", action="store_true", help="only the memory lines")
    parser.add_argument(
        "--registry-only", action="store_true", help="only the registry stage lines"
    )
    parser.add_argument("--profile", type=Path, help="write cProfile stats of the registry here")
    parser.add_argument("--memory-child", type=int, help=argparse.SUPPRESS)
    parser.add_argument("--engine", default="local", help=argparse.SUPPRESS)
    parser.add_argument("--workers", type=int, default=2, help=argparse.SUPPRESS)
    parser.add_argument("--no-extract", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.memory_child:
        result = memory_run(args.memory_child, args.engine, args.workers, not args.no_extract)
        print(json.dumps(result))
        return
    print(f"cores: {os.cpu_count()}, load average: {os.getloadavg()[0]:.1f}")
    if args.registry_only:
        with tempfile.TemporaryDirectory() as tmp:
            on_topic = make_warcs(Path(tmp) / "on-topic", args.stage_pages, 2, 1.0, seed=5)
            registry(args, on_topic, Path(tmp))
        return
    if not args.memory_only:
        throughput(args)
    for pages in [int(p) for p in args.memory.split(",") if p]:
        result = _memory_in_child(pages, args.engine, args.workers, not args.no_extract)
        print(f"memory, {pages} pages, {args.engine} engine, {args.workers} workers: {result}")


def throughput(args: argparse.Namespace) -> None:
    """Print the throughput lines: engines end to end, stages alone, the registry stage."""
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        start = time.perf_counter()
        warcs = make_warcs(root / "warc", args.pages, args.files, args.relevant)
        size = sum(p.stat().st_size for p in warcs) / 1e6
        print(
            f"generated {args.pages} pages in {len(warcs)} WARC files ({size:.1f} MB gzip) "
            f"in {time.perf_counter() - start:.1f} s"
        )
        runs = [("local", 2)] + ([] if args.no_ray else [("ray", 1), ("ray", 2)])
        for engine, workers in runs:
            settings = _settings(None, root / f"db-{engine}-{workers}")
            rate, counts, seconds = run_ingest(warcs, settings, engine, workers)
            print(
                f"end to end, {engine} engine, {workers} worker(s): {rate:7.1f} docs/s "
                f"({seconds:.1f} s, start-up included)  new {counts['new']}, "
                f"off-topic {counts['off_topic']}, failed {counts['failed']}"
            )
            if engine == "local":
                rejected = counts["off_topic"] / max(1, len(list(_jobs(warcs))))
                print(
                    f"prefilter: {counts['off_topic']} pages skipped as off-topic ({rejected:.1%})"
                )
        # The parallel stages measured where their work is: on-topic pages (HTML, extraction).
        on_topic = make_warcs(root / "on-topic", args.stage_pages, 2, relevant=1.0, seed=5)
        stage = {}
        for engine, workers in [("local", 1), ("local", 2)] + (
            [] if args.no_ray else [("ray", 1), ("ray", 2)]
        ):
            stage[engine, workers] = stage_rate(on_topic, engine, workers)
            print(
                f"parallel stages alone (on-topic pages), {engine}, {workers} worker(s): "
                f"{stage[engine, workers]:7.1f} pages/s"
            )
        for engine in ("local", "ray"):
            if (engine, 2) in stage:
                ratio = stage[engine, 2] / stage[engine, 1]
                print(f"scaling 1 -> 2 workers, {engine}: {ratio:.2f}x")
        registry(args, on_topic, root)


def registry(args: argparse.Namespace, on_topic: list[Path], root: Path) -> None:
    """Print the registry stage lines: ms and SQL statements per document, per database."""
    runs: list[tuple[str, str | None]] = [("SQLite", None)]
    pg = None if args.no_postgres else _postgres()
    if args.no_postgres:
        pass
    elif pg is None:
        print("registry on PostgreSQL: skipped (no initdb/pg_ctl here)")
    else:
        runs.insert(0, ("PostgreSQL", str(pg[1])))
    results = stage_results(on_topic)
    try:
        for name, url in runs:
            settings = _settings(url, root / f"db-registry-{name}")
            profile = args.profile.with_suffix(f".{name}.prof") if args.profile else None
            cost = registry_ms(results, settings, profile)
            print(
                f"registry stage on {name}: {cost.wall_ms:.2f} ms/document wall, "
                f"{cost.cpu_ms:.2f} ms CPU in this process, {cost.statements:.1f} SQL "
                f"statements/document, over {cost.documents} documents"
            )
    finally:
        if pg is not None:
            pg[0].stop()  # type: ignore[attr-defined]


if __name__ == "__main__":
    main()
