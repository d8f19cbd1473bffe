"""Fetch pages politely with httpx: timeouts, a size cap, retries on 5xx, one request per host."""

from __future__ import annotations

import threading
import time
from dataclasses import dataclass
from urllib.parse import urlsplit

import httpx

from prisonwatch.errors import InputError
from prisonwatch.settings import Settings, get_settings

_MAX_REDIRECTS = 10


@dataclass(frozen=True)
class FetchConfig:
    """How pages are fetched; built from the settings unless a caller (a test) gives its own."""

    user_agent: str
    timeout_s: float
    max_bytes: int
    retries: int
    backoff_s: float
    per_host: int

    @classmethod
    def from_settings(cls, settings: Settings | None = None) -> FetchConfig:
        """Return the fetch configuration that the settings describe."""
        s = settings or get_settings()
        return cls(
            user_agent=s.user_agent,
            timeout_s=s.fetch_timeout_s,
            max_bytes=min(s.fetch_max_bytes, s.max_input_bytes),
            retries=s.fetch_retries,
            backoff_s=s.fetch_backoff_s,
            per_host=s.fetch_per_host,
        )


@dataclass(frozen=True)
class Fetched:
    """One fetched page: the final URL after redirects, its content type and body."""

    url: str
    final_url: str
    content_type: str
    body: bytes


class Fetcher:
    """An httpx client that limits requests per host; safe to share between threads."""

    def __init__(self, config: FetchConfig) -> None:
        self.config = config
        self._client = httpx.Client(
            headers={"User-Agent": config.user_agent},
            timeout=httpx.Timeout(config.timeout_s),
            follow_redirects=True,
            max_redirects=_MAX_REDIRECTS,
        )
        self._lock = threading.Lock()
        self._hosts: dict[str, threading.BoundedSemaphore] = {}

    def __enter__(self) -> Fetcher:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def close(self) -> None:
        """Close the underlying connection pool."""
        self._client.close()

    def _host_slot(self, url: str) -> threading.BoundedSemaphore:
        host = urlsplit(url).netloc.lower()
        with self._lock:
            if host not in self._hosts:
                self._hosts[host] = threading.BoundedSemaphore(max(1, self.config.per_host))
            return self._hosts[host]

    def fetch(self, url: str) -> Fetched:
        """Return the page at ``url``, retrying 5xx answers and dropped connections with backoff."""
        attempts = max(0, self.config.retries) + 1
        for attempt in range(attempts):
            last = attempt == attempts - 1
            try:
                with self._host_slot(url):
                    return self._get(url)
            except _Retryable as exc:
                if last:
                    raise InputError(
                        f"{url}: {exc.reason} after {attempts} tries; try later"
                    ) from None
            time.sleep(self.config.backoff_s * 2**attempt)
        raise AssertionError("unreachable")  # pragma: no cover

    def _get(self, url: str) -> Fetched:
        try:
            with self._client.stream("GET", url) as response:
                if response.status_code >= 500:
                    raise _Retryable(f"the server answered {response.status_code}")
                if response.status_code >= 400:
                    raise InputError(
                        f"{url}: the server answered {response.status_code} "
                        f"{response.reason_phrase}; check the address"
                    )
                body = self._read_capped(url, response)
                return Fetched(
                    url=url,
                    final_url=str(response.url),
                    content_type=response.headers.get("content-type", "").lower(),
                    body=body,
                )
        except httpx.TimeoutException:
            raise _Retryable(f"no answer within {self.config.timeout_s:g} s") from None
        except httpx.TooManyRedirects:
            raise InputError(
                f"{url}: more than {_MAX_REDIRECTS} redirects; check the address"
            ) from None
        except (httpx.ConnectError, httpx.RemoteProtocolError, httpx.ReadError) as exc:
            raise _Retryable(f"the connection failed ({type(exc).__name__})") from None
        except httpx.InvalidURL:
            raise InputError(f"{url}: not a valid URL; check the address") from None

    def _read_capped(self, url: str, response: httpx.Response) -> bytes:
        declared = response.headers.get("content-length")
        limit = self.config.max_bytes
        if declared and declared.isdigit() and int(declared) > limit:
            raise InputError(f"{url}: the page is larger than {limit / 1e6:g} MB; not fetched")
        chunks: list[bytes] = []
        size = 0
        for chunk in response.iter_bytes():
            size += len(chunk)
            if size > limit:
                raise InputError(f"{url}: the page is larger than {limit / 1e6:g} MB; not fetched")
            chunks.append(chunk)
        return b"".join(chunks)


class _Retryable(Exception):
    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason
