"""A throwaway PostgreSQL cluster for tests, started with the server programs on PATH."""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import tempfile
from pathlib import Path


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def _as_postgres_user(args: list[str]) -> list[str]:
    # initdb refuses root: run the server programs as the unprivileged 'nobody'.
    if os.geteuid() == 0:
        # runuser lives in /usr/sbin, which a minimal PATH may lack.
        runuser = shutil.which("runuser") or shutil.which("runuser", path="/usr/sbin:/sbin")
        return [runuser or "runuser", "-u", "nobody", "--", *args]
    return args


class Cluster:
    """One initdb'd cluster on 127.0.0.1 with trust authentication for user ``postgres``."""

    def __init__(self) -> None:
        self.dir = Path(tempfile.mkdtemp(prefix="pw-pg-"))
        self.port = _free_port()
        self.data = self.dir / "data"

    @staticmethod
    def available() -> bool:
        """Return True when initdb and pg_ctl are installed."""
        return bool(shutil.which("initdb") and shutil.which("pg_ctl"))

    def start(self) -> None:
        """Create and start the cluster."""
        if os.geteuid() == 0:
            shutil.chown(self.dir, "nobody")
        run = {"check": True, "capture_output": True}
        subprocess.run(
            _as_postgres_user(
                [
                    "initdb",
                    "-D",
                    str(self.data),
                    "-U",
                    "postgres",
                    "--auth=trust",
                    "-E",
                    "UTF8",
                    "--no-sync",
                    "--locale=C.UTF-8",
                ]
            ),
            **run,  # type: ignore[call-overload]
        )
        opts = f"-p {self.port} -k {self.dir} -c listen_addresses=127.0.0.1 -c fsync=off"
        subprocess.run(
            _as_postgres_user(
                [
                    "pg_ctl",
                    "-D",
                    str(self.data),
                    "-o",
                    opts,
                    "-l",
                    str(self.dir / "log"),
                    "-w",
                    "start",
                ]
            ),
            **run,  # type: ignore[call-overload]
        )

    def url(self, database: str = "postgres") -> str:
        """Return a SQLAlchemy URL for a database in this cluster."""
        return f"postgresql+psycopg://postgres@127.0.0.1:{self.port}/{database}"

    def stop(self) -> None:
        """Stop the cluster and remove its files."""
        subprocess.run(
            _as_postgres_user(["pg_ctl", "-D", str(self.data), "-m", "immediate", "stop"]),
            capture_output=True,
            check=False,
        )
        shutil.rmtree(self.dir, ignore_errors=True)
