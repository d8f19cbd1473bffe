"""Match names to people across scripts, transliterations and Russian case endings."""

from __future__ import annotations

from prisonwatch.names.index import NameIndex
from prisonwatch.names.keys import skeleton
from prisonwatch.names.normalize import normalize_name, script_of_token
from prisonwatch.names.registry import RegistryEntry, load_registry_csv
from prisonwatch.names.result import Candidate, MatchResult
from prisonwatch.names.translit import transliterations

__all__ = [
    "Candidate",
    "MatchResult",
    "NameIndex",
    "RegistryEntry",
    "load_registry_csv",
    "normalize_name",
    "script_of_token",
    "skeleton",
    "transliterations",
]
