"""Quality gate: the protocol of ../shared/tools/score_names.py, run in-process and via the CLI."""

from __future__ import annotations

import importlib.util
import json
import subprocess
import sys
from pathlib import Path
from types import ModuleType

import pytest
from benchmarks.names_bench import synthetic_people

from prisonwatch.names import NameIndex, RegistryEntry

# Floors pinned a little under the measured figures: variants_dev 0.992 (the issue holds it at
# 0.97 or more), variants_dev2 0.993 (six nationalities, five scripts: one typo-level surname,
# Yanshin for Yashin, is ambiguous as no spelling rule explains it); 0 wrong, 0 false links.
FLOORS = {"variants_dev.tsv": 0.97, "variants_dev2.tsv": 0.97}
DISTRACTORS = 10_000


def _scorer(shared: Path) -> ModuleType:
    spec = importlib.util.spec_from_file_location("score_names", shared / "tools/score_names.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _index(rows: list[tuple[str, str]]) -> NameIndex:
    return NameIndex.build(RegistryEntry(pid, name, []) for pid, name in rows)


@pytest.mark.parametrize("variants", sorted(FLOORS))
def test_dev_variants_gate(shared: Path, variants: str) -> None:
    scorer = _scorer(shared)
    people = scorer.load_variants(shared / "data/names" / variants)
    extra = scorer.distractors(DISTRACTORS)
    index = _index(scorer.registry_rows(people, extra))
    correct = wrong = total = false_links = 0
    misses = []
    for key, names in people.items():
        for query in names[1:]:
            total += 1
            result = index.match(query)
            if result.status == "matched" and result.person_id == key:
                correct += 1
            elif result.status == "matched":
                wrong += 1
                misses.append(f"WRONG {query!r} -> {result.person_id}")
        open_set = _index(scorer.registry_rows(people, extra, drop=key))
        for query in names[1:]:
            result = open_set.match(query)
            if result.status == "matched":
                false_links += 1
                misses.append(f"FALSE-LINK {query!r} -> {result.person_id}")
    assert wrong == 0, misses
    assert false_links == 0, misses
    assert correct / total >= FLOORS[variants], f"top-1 {correct / total:.3f}"


def test_cli_speaks_the_scorer_format(shared: Path, tmp_path: Path) -> None:
    registry = tmp_path / "reg.csv"
    rows = ["id,name,aliases", "k,Maryia Kalesnikava,", "s,Siarhei Tsikhanouski,"]
    registry.write_text("\n".join([*rows, "t,Sviatlana Tsikhanouskaya,", ""]))
    queries = tmp_path / "q.txt"
    queries.write_text("Марии Колесниковой\nTikhanovsky\n\nSergei Tikhanovsky\n")
    exe = Path(sys.executable).with_name("prisonwatch")
    out = subprocess.run(
        [str(exe), "match", "--registry", str(registry), str(queries), "--explain"],
        capture_output=True,
        text=True,
        check=True,
        timeout=120,
    )
    answers = [json.loads(line) for line in out.stdout.splitlines()]
    assert [a["status"] for a in answers] == ["matched", "ambiguous", "none", "matched"]
    assert answers[0]["person_id"] == "k" and answers[3]["person_id"] == "s"
    assert all("candidates" in a and "reason" in a for a in answers)


@pytest.mark.parametrize(
    ("content", "message"),
    [("id,fullname\n1,X\n", "has no name column"), (None, "cannot read registry")],
)
def test_cli_bad_registry_is_one_line(tmp_path: Path, content: str | None, message: str) -> None:
    registry = tmp_path / "reg.csv"
    if content is not None:
        registry.write_text(content)
    queries = tmp_path / "q.txt"
    queries.write_text("Ales Bialiatski\n")
    exe = Path(sys.executable).with_name("prisonwatch")
    out = subprocess.run(
        [str(exe), "match", "--registry", str(registry), str(queries)],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert out.returncode == 1
    assert message in out.stderr and "Traceback" not in out.stderr


# Our own invented people (tests/names/data/invented_variants.tsv): Azerbaijani, Georgian, Crimean
# Tatar, Ukrainian, Russian and Belarusian names in the spellings and scripts the news uses. Their
# misses led to general rules (each with its own test), so this gate guards against regressions
# rather than measuring unseen people: 0.990 top-1, 0 wrong, 0 false links.
INVENTED = Path(__file__).parent / "data" / "invented_variants.tsv"
INVENTED_FLOOR = 0.96


def test_invented_variants_gate(shared: Path) -> None:
    scorer = _scorer(shared)
    people = scorer.load_variants(INVENTED)
    extra = scorer.distractors(DISTRACTORS)
    index = _index(scorer.registry_rows(people, extra))
    # One open set for all: every invented person removed, their variants must link nobody.
    open_set = _index(scorer.registry_rows({}, extra))
    correct = total = 0
    misses = []
    for key, names in people.items():
        for query in names[1:]:
            total += 1
            result = index.match(query)
            correct += result.status == "matched" and result.person_id == key
            if result.status == "matched" and result.person_id != key:
                misses.append(f"WRONG {query!r} -> {result.person_id}")
            if open_set.match(query).status == "matched":
                misses.append(f"FALSE-LINK {query!r}")
    assert not misses, misses
    assert correct / total >= INVENTED_FLOOR, f"top-1 {correct / total:.3f}"


# The names benchmark's made-up Belarusian registry is denser than the scorer's distractors:
# stems glued to stems give surnames one or two letters from real ones (Zhukkarskaia beside
# Zhukouskaya). Every variant of every person in the dev files and the invented set, with that
# person absent, must link nobody; 9 did before near surnames needed a spelling rule.
def test_dense_distractors_open_set(shared: Path) -> None:
    scorer = _scorer(shared)
    dense = _index(synthetic_people(DISTRACTORS))
    false_links = []
    for path in [*(shared / "data/names" / v for v in sorted(FLOORS)), INVENTED]:
        for names in scorer.load_variants(path).values():
            for query in names:
                result = dense.match(query)
                if result.status == "matched":
                    false_links.append(f"{query!r} -> {result.person_id}: {result.reason}")
    assert not false_links, false_links
