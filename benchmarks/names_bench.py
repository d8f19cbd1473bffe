"""Name matcher speed and accuracy: mentions/s, p99 latency, build time, and nomenklatura beside it.

Run: .venv/bin/python -m benchmarks.names_bench [--queries 5000] [--sizes 10000,100000]
     .venv/bin/python -m benchmarks.names_bench --quality   # top-1 and false links only
"""

from __future__ import annotations

import argparse
import importlib.util
import random
import statistics
import sys
import tempfile
import time
from pathlib import Path
from types import ModuleType

from prisonwatch.names import NameIndex, RegistryEntry, transliterations
from prisonwatch.names.store import cache_path, cached_index


def _words(text: str) -> list[str]:
    return text.split()


SHARED = Path(__file__).resolve().parents[2] / "shared"
GIVEN_M = _words("Аляксандр Алесь Андрэй Віктар Сяргей Ігар Дзмітрый Мікалай Уладзімір Павел Яўген")
GIVEN_F = _words("Марыя Святлана Вольга Таццяна Наталля Ірына Алена Вікторыя Ганна Юлія Марына")
STEMS = _words(
    "Кавал Лукаш Бандар Кузьм Сакал Шапав Мельн Карп Грыб Лісоў Жук Шыл Тарас Руд Бялоў Кухар "
    "Ганчар Пракоп Мікуш Драздоў Сцепан Навум Зайц Шчарб Дубр Мароз Лабан Гурын Красоў Багдан "
    "Цярэш Ярош Гайдук Мацкев Радзев Паўлав Ляўков Жданов Сідар Кірэев Мароч Пятроў Белавус"
)
SUFFIX_M = ["енка", "евіч", "овіч", "скі", "ук", "чык", "аў", "ец", "ка", "ін"]
SUFFIX_F = ["енка", "евіч", "овіч", "ская", "ук", "чык", "ава", "ец", "ка", "іна"]
SYSTEMS = ["bgn_pcgn_by", "national_2007", "polish", "german", "press_ru", "icao_9303"]


def synthetic_people(n: int, seed: int = 11) -> list[tuple[str, str]]:
    """Return ``n`` distinct Belarusian-style names in Cyrillic, with ids."""
    rnd = random.Random(seed)
    names: set[str] = set()
    while len(names) < n:
        female = rnd.random() < 0.5
        given = rnd.choice(GIVEN_F if female else GIVEN_M)
        stem = rnd.choice(STEMS) + rnd.choice(STEMS).lower()[:3] * (rnd.random() < 0.9)
        names.add(f"{given} {stem}{rnd.choice(SUFFIX_F if female else SUFFIX_M)}")
    return [(f"p{i:06d}", name) for i, name in enumerate(sorted(names))]


def _latin(cyrillic: str, system: str) -> str:
    return " ".join(transliterations(token)[system] for token in cyrillic.split())


def synthetic_queries(people: list[tuple[str, str]], n: int, seed: int = 5) -> list[str]:
    """Return mentions of registry people in other spellings, in Cyrillic and in Latin."""
    rnd = random.Random(seed)
    queries = []
    for _ in range(n):
        _, name = rnd.choice(people)
        system = rnd.choice([*SYSTEMS, "cyrillic"])
        queries.append(name if system == "cyrillic" else _latin(name, system))
    return queries


def measure(index: NameIndex, queries: list[str]) -> tuple[float, float]:
    """Return mentions per second and p99 latency in milliseconds (wall clock)."""
    rate, p99, _, _ = measure_both(index, queries)
    return rate, p99


def measure_both(index: NameIndex, queries: list[str]) -> tuple[float, float, float, float]:
    """Return mentions/s and p99 ms by the wall clock, then the same by this thread's CPU time."""
    latencies, cpu_latencies = [], []
    started, cpu = time.perf_counter(), time.thread_time()
    for query in queries:
        t0, c0 = time.perf_counter(), time.thread_time_ns()
        index.match(query)
        latencies.append(time.perf_counter() - t0)
        cpu_latencies.append((time.thread_time_ns() - c0) / 1e9)
    total, total_cpu = time.perf_counter() - started, time.thread_time() - cpu
    p99 = statistics.quantiles(latencies, n=100)[98] * 1000
    cpu_p99 = statistics.quantiles(cpu_latencies, n=100)[98] * 1000
    return len(queries) / total, p99, len(queries) / total_cpu, cpu_p99


def speed(sizes: list[int], n_queries: int) -> None:
    """Print build time (wall and CPU), mentions/s and p99 latency for each registry size.

    The CPU time is this process's own: on a machine shared with other work it is what the
    build would take alone. The index is then written to a cache file and loaded back, as a
    second run over the same registry does.
    """
    for size in sizes:
        people = synthetic_people(size)
        entries = [RegistryEntry(pid, _latin(name, "passport_by"), []) for pid, name in people]
        started, cpu = time.perf_counter(), time.process_time()
        index = NameIndex.build(entries)
        build, build_cpu = time.perf_counter() - started, time.process_time() - cpu
        rate, p99, cpu_rate, cpu_p99 = measure_both(index, synthetic_queries(people, n_queries))
        print(
            f"registry={size:>7,} build={build:6.2f}s (cpu {build_cpu:5.2f}s) "
            f"mentions/s={rate:6.0f} (cpu {cpu_rate:6.0f}) p99={p99:5.2f}ms (cpu {cpu_p99:4.2f}ms)",
            flush=True,
        )
    with tempfile.TemporaryDirectory() as folder:
        cached_index(entries, Path(folder), "bench")  # writes the file
        started, cpu = time.perf_counter(), time.process_time()
        cached_index(entries, Path(folder), "bench")
        load, load_cpu = time.perf_counter() - started, time.process_time() - cpu
        size_mb = cache_path(Path(folder), "bench").stat().st_size / 1e6
    print(
        f"registry={len(entries):>7,} cached index: load={load:5.2f}s (cpu {load_cpu:5.2f}s) "
        f"file={size_mb:.0f} MB",
        flush=True,
    )


def _scorer() -> ModuleType | None:
    path = SHARED / "tools/score_names.py"
    if not path.exists():
        return None
    spec = importlib.util.spec_from_file_location("score_names", path)
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _nomenklatura_matcher(rows: list[tuple[str, str]]):  # type: ignore[no-untyped-def]
    """Return a function query -> person id or None using nomenklatura's default algorithm.

    nomenklatura has no in-memory blocker; candidates are the 20 registry names that rapidfuzz
    WRatio ranks highest on ASCII-folded text, then nomenklatura scores each pair and links the
    best at or above 0.7 (its documented match threshold in yente).
    """
    from followthemoney import model
    from nomenklatura.matching import DefaultAlgorithm, ScoringConfig
    from normality import ascii_text
    from rapidfuzz import fuzz, process

    config = ScoringConfig.defaults()

    def entity(eid: str, name: str):  # type: ignore[no-untyped-def]
        proxy = model.make_entity("Person")
        proxy.id = eid
        proxy.add("name", name)
        return proxy

    folded = [ascii_text(name) or "" for _, name in rows]
    entities = [entity(pid, name) for pid, name in rows]

    def match(query: str) -> str | None:
        probe = entity("query", query)
        hits = process.extract(ascii_text(query) or "", folded, scorer=fuzz.WRatio, limit=20)
        best, best_id = 0.0, None
        for _, _, i in hits:
            score = DefaultAlgorithm.compare(probe, entities[i], config).score
            if score > best:
                best, best_id = score, rows[i][0]
        return best_id if best >= 0.7 else None

    return match


def side_by_side() -> None:
    """Print accuracy and speed of prisonwatch and nomenklatura on the dev name variants."""
    scorer = _scorer()
    if scorer is None:
        print("side by side: skipped (../shared/tools/score_names.py not found)")
        return
    try:
        import nomenklatura  # noqa: F401
    except ImportError:
        print("side by side: skipped, nomenklatura is not installed (pip install nomenklatura)")
        return
    people = scorer.load_variants(SHARED / "data/names/variants_dev.tsv")
    rows = scorer.registry_rows(people, scorer.distractors(10_000))
    queries = [(v, key) for key, names in people.items() for v in names[1:]]
    index = NameIndex.build(RegistryEntry(pid, name, []) for pid, name in rows)

    def ours(query: str) -> str | None:
        result = index.match(query)
        return result.person_id if result.status == "matched" else None

    figures = {}
    for label, match in (("prisonwatch", ours), ("nomenklatura", _nomenklatura_matcher(rows))):
        started = time.perf_counter()
        answers = [match(q) for q, _ in queries]
        took = time.perf_counter() - started
        correct = sum(a == key for a, (_, key) in zip(answers, queries, strict=True))
        wrong = sum(
            a is not None and a != key for a, (_, key) in zip(answers, queries, strict=True)
        )
        figures[label] = len(queries) / took
        print(
            f"{label:>12}: top1={correct / len(queries):.3f} wrong={wrong} "
            f"mentions/s={figures[label]:.0f} (dev variants, 10,000 distractors)",
            flush=True,
        )
    ratio = figures["prisonwatch"] / figures["nomenklatura"]
    print(f"speed ratio prisonwatch/nomenklatura = {ratio:.0f}x")


def quality() -> None:
    """Print top-1, wrong, ambiguous, none and false links on the dev files and the invented set.

    Closed set: each file's people plus the scorer's 10,000 distractors. Open set: each person
    removed in turn. Dense open set: every variant against this module's 10,000 made-up
    Belarusian names (stems glued to stems, so surnames one or two letters from real ones).
    """
    scorer = _scorer()
    if scorer is None:
        print("quality: skipped (../shared/tools/score_names.py not found)")
        return
    files = {
        "variants_dev": SHARED / "data/names/variants_dev.tsv",
        "variants_dev2": SHARED / "data/names/variants_dev2.tsv",
        "invented": Path(__file__).resolve().parents[1] / "tests/names/data/invented_variants.tsv",
    }

    def build(rows: list[tuple[str, str]]) -> NameIndex:
        return NameIndex.build(RegistryEntry(pid, name, []) for pid, name in rows)

    extra = scorer.distractors(10_000)
    dense = build(synthetic_people(10_000))
    for label, path in files.items():
        people = scorer.load_variants(path)
        index = build(scorer.registry_rows(people, extra))
        counts = dict.fromkeys(("correct", "wrong", "ambiguous", "none", "false", "dense"), 0)
        total = 0
        for key, names in people.items():
            open_set = build(scorer.registry_rows(people, extra, drop=key))
            for query in names[1:]:
                total += 1
                result = index.match(query)
                if result.status == "matched":
                    counts["correct" if result.person_id == key else "wrong"] += 1
                else:
                    counts[result.status] += 1
                counts["false"] += open_set.match(query).status == "matched"
            counts["dense"] += sum(dense.match(q).status == "matched" for q in names)
        print(
            f"{label}: queries={total} top1={counts['correct'] / total:.3f} "
            f"wrong={counts['wrong']} ambiguous={counts['ambiguous']} none={counts['none']} "
            f"open_set_false_links={counts['false']} dense_open_set_false_links={counts['dense']}",
            flush=True,
        )


def main() -> int:
    """Run the speed figures, then the side-by-side comparison."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--queries", type=int, default=5000)
    parser.add_argument("--sizes", default="10000,100000")
    parser.add_argument("--quality", action="store_true", help="Only the quality figures.")
    args = parser.parse_args()
    if args.quality:
        quality()
        return 0
    speed([int(s) for s in args.sizes.split(",")], args.queries)
    side_by_side()
    return 0


if __name__ == "__main__":
    sys.exit(main())
