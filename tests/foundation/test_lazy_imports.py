"""A simple command loads only what it needs: no extractor, web stack, charts or Ray."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

from prisonwatch.settings import Settings

# Each of these takes a large share of a second to import, and no listing needs it.
HEAVY = (
    "spacy",
    "thinc",
    "numpy",
    "matplotlib",
    "fastapi",
    "starlette",
    "uvicorn",
    "jinja2",
    "ray",
    "alembic",
    "trafilatura",
    "lxml",
    "httpx",
    "sklearn",
)
HEAVY_OWN = ("prisonwatch.extract", "prisonwatch.web", "prisonwatch.ingest", "prisonwatch.names")

PROBE = """
import json, sys
from prisonwatch.cli.main import main
try:
    main(sys.argv[2:])
except SystemExit as exc:
    assert exc.code in (0, None), exc.code
with open(sys.argv[1], "w") as out:
    json.dump(sorted(sys.modules), out)
"""


def _loaded(settings: Settings, tmp_path: Path, *args: str) -> list[str]:
    out = tmp_path / "modules.json"
    env = {**os.environ, "PRISONWATCH_DATA_DIR": str(settings.data_dir)}
    env.pop("PRISONWATCH_DATABASE_URL", None)
    done = subprocess.run(
        [sys.executable, "-c", PROBE, str(out), *args],
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    modules: list[str] = json.loads(out.read_text(encoding="utf-8"))
    return modules


def test_persons_list_loads_nothing_heavy(sqlite_settings: Settings, tmp_path: Path) -> None:
    modules = _loaded(sqlite_settings, tmp_path, "persons", "list", "--limit", "1")
    assert "prisonwatch.persons" in modules  # the probe really ran the command
    heavy = [m for m in modules if m.split(".")[0] in HEAVY or m.startswith(HEAVY_OWN)]
    assert heavy == []
