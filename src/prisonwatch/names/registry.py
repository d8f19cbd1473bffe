"""Registry entries (a person's id, name and aliases) and the simple CSV they come in."""

from __future__ import annotations

import csv
from dataclasses import dataclass, field
from pathlib import Path

from prisonwatch.errors import InputError

REQUIRED_COLUMNS = ("id", "name")


@dataclass(frozen=True)
class RegistryEntry:
    """A person the matcher can link to: one name plus aliases (maiden names, pseudonyms)."""

    person_id: str
    name: str
    aliases: list[str] = field(default_factory=list)


def load_registry_csv(path: str | Path) -> list[RegistryEntry]:
    """Read a registry CSV with columns ``id,name,aliases`` (aliases separated by ``|``)."""
    path = Path(path)
    try:
        handle = path.open(newline="", encoding="utf-8-sig")
    except OSError as exc:
        raise InputError(f"cannot read registry {path}: {exc.strerror}; check the path") from exc
    with handle:
        reader = csv.DictReader(handle)
        columns = reader.fieldnames or []
        missing = [c for c in REQUIRED_COLUMNS if c not in columns]
        if missing:
            raise InputError(
                f"registry {path} has no {', '.join(missing)} column: "
                "give a CSV with a header row id,name,aliases"
            )
        entries = []
        for row in reader:
            if not (row.get("id") or "").strip() or not (row.get("name") or "").strip():
                continue
            aliases = [a.strip() for a in (row.get("aliases") or "").split("|") if a.strip()]
            entries.append(RegistryEntry(row["id"].strip(), row["name"].strip(), aliases))
    return entries
