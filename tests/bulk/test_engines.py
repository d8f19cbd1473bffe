"""The Ray engine gives the same registry as the local one: byte-identical dumps."""

from __future__ import annotations

import io
import shutil
import subprocess
import sys
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from benchmarks.bulk_bench import make_warcs

from prisonwatch.db.engine import dispose_engines, session_scope
from prisonwatch.db.migrate import upgrade
from prisonwatch.ingest import IngestOptions, ingest
from prisonwatch.ingest.report import IngestReport
from prisonwatch.io.dump import export_dump
from prisonwatch.registry.flow import RegistryHook
from prisonwatch.settings import Settings

REPO = Path(__file__).resolve().parents[2]
pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def ray_cluster() -> Iterator[None]:
    """Start one small local Ray for the whole file: its start-up costs seconds."""
    pytest.importorskip("ray")
    import ray

    from prisonwatch.ingest.engines.ray import start_local

    start_local(2)
    yield
    ray.shutdown()


@pytest.fixture
def inputs(tmp_path: Path, shared: Path) -> Path:
    """Return a folder of mixed inputs: articles, texts, web archives, off-topic and bad files."""
    folder = tmp_path / "inputs"
    folder.mkdir()
    for path in sorted((REPO / "samples" / "articles").glob("*")):
        shutil.copy(path, folder / path.name)
    for path in sorted((shared / "data" / "news_dev" / "texts").glob("*.txt"))[:6]:
        shutil.copy(path, folder / f"dev-{path.name}")
    make_warcs(folder / "warc", pages=60, files=2, relevant=0.2)
    (folder / "broken.html").write_bytes(b"%PDF-1.4 not a page")
    return folder


def _run(
    folder: Path, root: Path, engine: str, workers: int, reset: Callable[[], None]
) -> tuple[IngestReport, str]:
    settings = Settings(data_dir=root)
    upgrade(settings)
    reset()
    options = IngestOptions(
        workers=workers,
        engine=engine,
        extract=True,
        on_stored=RegistryHook(settings),
        prefilter=True,
        skip_known=True,
    )
    report = ingest([str(folder)], options, lambda: session_scope(settings))
    out = io.StringIO()
    with session_scope(settings, write=False) as session:
        export_dump(session, out)
    dispose_engines()
    return report, out.getvalue()


def test_ray_and_local_engines_dump_the_same_bytes(
    ray_cluster: None, inputs: Path, tmp_path: Path, deterministic: Callable[[], None]
) -> None:
    local, local_dump = _run(inputs, tmp_path / "local", "local", 1, deterministic)
    remote, remote_dump = _run(inputs, tmp_path / "ray", "ray", 2, deterministic)
    counts = local.counts()
    assert counts["new"] >= 15, [(i.status, i.reason) for i in local.items][:8]
    assert counts["new"] >= 15 and counts["off_topic"] >= 20 and counts["failed"] == 1
    assert '"table":"claims"' in local_dump
    assert remote.counts() == counts
    assert [i.source for i in remote.items] == [i.source for i in local.items]
    assert remote_dump == local_dump


def test_ray_engine_resumes_from_known_inputs(
    ray_cluster: None, inputs: Path, tmp_path: Path, deterministic: Callable[[], None]
) -> None:
    first, dump = _run(inputs, tmp_path / "db", "ray", 2, deterministic)
    again, dump_again = _run(inputs, tmp_path / "db", "ray", 2, deterministic)
    assert again.counts()["known_input"] == len(first.items) - first.counts()["failed"]
    assert again.counts()["new"] == 0
    assert dump_again == dump


def test_the_local_engine_never_imports_ray(tmp_path: Path) -> None:
    page = tmp_path / "a.txt"
    page.write_text("Police detained a reporter in Minsk on Monday, his lawyer said.\n")
    code = (
        "import sys\n"
        "from prisonwatch.cli.main import main\n"
        "sys.argv = ['prisonwatch', 'ingest', sys.argv[1], '--no-extract', '--json']\n"
        "try:\n    main()\nexcept SystemExit:\n    pass\n"
        "assert 'ray' not in sys.modules, 'ray was imported'\n"
        "print('no ray')\n"
    )
    env = {"PRISONWATCH_DATA_DIR": str(tmp_path / "data"), "PATH": "/usr/bin:/bin"}
    done = subprocess.run(
        [sys.executable, "-c", code, str(page)], capture_output=True, text=True, env=env
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip().endswith("no ray")
