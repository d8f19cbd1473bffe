"""Settings from the environment, every one prefixed ``PRISONWATCH_``."""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

from pydantic_settings import BaseSettings, SettingsConfigDict

# The session-signing key older installs shipped with; refused everywhere now.
DEFAULT_SECRET = "change-me-in-production"


class Settings(BaseSettings):
    """Environment-backed settings; the database defaults to a SQLite file in ``data_dir``."""

    model_config = SettingsConfigDict(env_prefix="PRISONWATCH_", extra="ignore")

    data_dir: Path = Path("data")
    database_url: str | None = None

    # Fetching web pages and feeds.
    user_agent: str = "prisonwatch/0.1 (+documentation of political prisoners; contact: admin)"
    fetch_timeout_s: float = 20.0
    fetch_max_bytes: int = 20_000_000
    fetch_retries: int = 3
    fetch_backoff_s: float = 0.5
    fetch_per_host: int = 1
    # Whole-request limit (connect, redirects, headers, body): a server trickling bytes is cut.
    # 60 s is three times the per-read timeout, ample for a 20 MB page on a slow link.
    fetch_deadline_s: float = 60.0
    # Fetch loopback, private and link-local addresses too (a local test server); off by default
    # so a feed or a redirect cannot make ingest read the machine's own or its network's pages.
    fetch_allow_private: bool = False
    # Comma-separated networks fetched although not public, e.g. "10.1.2.0/24"; none by default.
    fetch_allow_networks: str = ""
    # Largest input (file or page) accepted by ingest, in bytes.
    max_input_bytes: int = 60_000_000
    # Largest HTML page handed to trafilatura (its own limit is about 20 MB), in bytes.
    html_max_bytes: int = 20_000_000

    # Auto-accept thresholds per claim kind; None means every claim waits for a reviewer.
    auto_accept_event: float | None = None
    auto_accept_person: float | None = None
    auto_accept_name: float | None = None

    # Web.
    # Signs session cookies. None: generated once into data_dir/secret_key (mode 0600). Set it
    # (the same on every server process) when several processes serve one database.
    secret_key: str | None = None
    login_attempts_per_minute: int = 5
    # Comma-separated addresses or networks of reverse proxies whose X-Forwarded-For and
    # X-Forwarded-Proto are believed, e.g. "127.0.0.1"; none by default, so a client cannot
    # pick its own address (and so dodge the login limit) by sending the header itself.
    trusted_proxies: str = ""
    # Largest request body, in bytes, refused before it is read; the biggest form is a few KB.
    max_body_bytes: int = 1_000_000

    def url(self) -> str:
        """Return the database URL, defaulting to a SQLite file under ``data_dir``."""
        if self.database_url:
            return self.database_url
        return f"sqlite:///{(self.data_dir / 'prisonwatch.sqlite').as_posix()}"


@lru_cache(maxsize=1)
def get_settings() -> Settings:
    """Return the process-wide settings, read once from the environment."""
    return Settings()
