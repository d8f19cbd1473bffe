"""The name index kept on disk, keyed by the matcher's code and the registry's content.

Building the index of a large registry takes seconds (Russian case forms, keys of every spelling);
a run that finds the same registry loads it instead, and a run that finds only new people or new
names on known people loads it and adds them. Any other change (a name removed, a person merged
away, a new matcher version) rebuilds it. The file is a pickle the project itself wrote in its
own data folder; it is never read from anywhere else.
"""

from __future__ import annotations

import hashlib
import logging
import os
import pickle
import tempfile
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache
from importlib import metadata, resources
from pathlib import Path

from prisonwatch.names.index import NameIndex, paused_gc
from prisonwatch.names.registry import RegistryEntry, load_registry_csv
from prisonwatch.tunables import TUNABLES, tunable

log = logging.getLogger(__name__)
Snapshot = dict[str, tuple[str, tuple[str, ...]]]


@dataclass
class Stored:
    """What the cache file holds: the registry it was built from and the index."""

    snapshot: Snapshot
    index: NameIndex


@cache
def code_version() -> str:
    """Return a hash of everything the index depends on besides the registry."""
    digest = hashlib.sha256()
    package = resources.files("prisonwatch.names")
    for item in sorted(package.iterdir(), key=lambda p: p.name):
        if item.name.endswith((".py", ".tsv")):
            digest.update(item.name.encode())
            digest.update(item.read_bytes())
    for t in TUNABLES:
        if t.name.startswith("names."):
            digest.update(f"{t.name}={t.default}".encode())
    for package_name in ("pymorphy3", "pymorphy3-dicts-ru", "pyicu"):
        try:
            digest.update(metadata.version(package_name).encode())
        except metadata.PackageNotFoundError:
            digest.update(b"-")
    return digest.hexdigest()[:16]


def snapshot_of(entries: Iterable[RegistryEntry]) -> Snapshot:
    """Return the registry's content as the cache compares it."""
    return {e.person_id: (e.name, tuple(e.aliases)) for e in entries}


def _grows(old: Snapshot, new: Snapshot) -> bool:
    """Return whether ``new`` only adds people, or names to people, to ``old``."""
    for pid, (name, aliases) in old.items():
        now = new.get(pid)
        if now is None or now[0] != name or not set(aliases) <= set(now[1]):
            return False
    return True


def cache_path(cache_dir: Path, label: str) -> Path:
    """Return the cache file for one registry (``label`` names its database) and this code."""
    tag = hashlib.sha256(label.encode()).hexdigest()[:12]
    return cache_dir / f"name-index-{tag}-{code_version()}.pickle"


def _load(path: Path) -> Stored | None:
    try:
        with path.open("rb") as handle, paused_gc():
            stored = pickle.load(handle)
    except FileNotFoundError:
        return None
    except Exception as exc:  # A torn or foreign file is rebuilt, never trusted.
        log.warning("name index cache %s unreadable (%s): rebuilding it", path, exc)
        return None
    return stored if isinstance(stored, Stored) else None


def _save(path: Path, stored: Stored) -> None:
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=".name-index-", suffix=".tmp")
        with os.fdopen(fd, "wb") as handle:
            pickle.dump(stored, handle, protocol=pickle.HIGHEST_PROTOCOL)
        os.replace(tmp, path)
        # Older versions of the same registry's cache are of no further use.
        for old in path.parent.glob(path.name.rsplit("-", 1)[0] + "-*.pickle"):
            if old != path:
                old.unlink(missing_ok=True)
    except OSError as exc:
        log.warning("name index cache %s not written (%s); the index works without it", path, exc)


def cache_min() -> float:
    """Return the fewest registry people whose index is kept on disk."""
    return tunable("names.index_cache_min")


def cached_index(entries: list[RegistryEntry], cache_dir: Path, label: str) -> NameIndex:
    """Return the index over ``entries``, from the cache file when it still fits the registry.

    A registry smaller than the names.index_cache_min tunable builds faster than a cache file
    loads, so it is built and nothing is written.
    """
    if len(entries) < cache_min():
        return NameIndex.build(entries)
    path = cache_path(cache_dir, label)
    current = snapshot_of(entries)
    stored = _load(path)
    if stored is not None and stored.snapshot == current:
        return stored.index
    if stored is not None and _grows(stored.snapshot, current):
        index = stored.index
        for entry in entries:
            if stored.snapshot.get(entry.person_id) != current[entry.person_id]:
                index.add(entry)
    else:
        index = NameIndex.build(entries)
    _save(path, Stored(current, index))
    return index


CSV_CACHES_KEPT = 4  # Registry files most recently matched against whose indexes stay on disk.


def csv_index(path: Path, cache_dir: Path) -> NameIndex:
    """Return the index over a registry CSV, kept on disk under the hash of the file's content.

    The same content under any path (a copy, a fresh temporary file) loads the kept index; the
    indexes of the few registry files used last are kept, older ones removed.
    """
    entries = load_registry_csv(path)
    try:
        digest = hashlib.sha256(path.read_bytes()).hexdigest()
    except OSError:  # Read once just above; gone since: build without the cache.
        return NameIndex.build(entries)
    folder = cache_dir / "registry-csv"
    index = cached_index(entries, folder, f"csv:{digest}")
    used = cache_path(folder, f"csv:{digest}")
    try:
        if used.exists():
            used.touch()
        kept = sorted(folder.glob("name-index-*.pickle"), key=_mtime, reverse=True)
        for old in kept[CSV_CACHES_KEPT:]:
            old.unlink(missing_ok=True)
    except OSError as exc:
        log.warning("name index cache %s not tidied (%s); the index works without it", folder, exc)
    return index


def _mtime(path: Path) -> float:
    try:
        return path.stat().st_mtime
    except OSError:
        return 0.0
