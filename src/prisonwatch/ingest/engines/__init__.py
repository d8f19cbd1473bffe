"""Where the pure stage runs: in this process and its worker pool, or on a Ray cluster."""

from __future__ import annotations

from prisonwatch.errors import InputError
from prisonwatch.ingest.engines.base import Engine, Result
from prisonwatch.ingest.stage import StageOptions

ENGINES = ("local", "ray")

__all__ = ["ENGINES", "Engine", "Result", "make_engine"]


def make_engine(
    name: str, workers: int | None, options: StageOptions, address: str | None = None
) -> Engine:
    """Return the engine called ``name``; Ray is imported only when it is the one asked for."""
    if name == "local":
        if address:
            raise InputError("--address names a Ray cluster: give it with --engine ray")
        from prisonwatch.ingest.engines.local import LocalEngine

        return LocalEngine(workers, options)
    if name == "ray":
        from prisonwatch.ingest.engines.ray import RayEngine

        return RayEngine(workers, options, address)
    raise InputError(f"--engine {name!r}: give one of {', '.join(ENGINES)}")
