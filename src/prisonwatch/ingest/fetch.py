"""Fetch pages politely with httpx: timeouts, a deadline, a size cap, public addresses only."""

from __future__ import annotations

import ipaddress
import socket
import threading
import time
import zlib
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any
from urllib.parse import urlsplit

import httpcore
import httpx

from prisonwatch.errors import InputError
from prisonwatch.settings import Settings, get_settings

_MAX_REDIRECTS = 10
_ENCODINGS = ("gzip", "x-gzip", "deflate")
# zlib's window bits that accept both a gzip and a zlib header.
_GZIP_OR_ZLIB = 32 + zlib.MAX_WBITS


@dataclass(frozen=True)
class FetchConfig:
    """How pages are fetched; built from the settings unless a caller (a test) gives its own."""

    user_agent: str
    timeout_s: float
    max_bytes: int
    retries: int
    backoff_s: float
    per_host: int
    # Whole-request limit: connecting, redirects, headers and body together.
    deadline_s: float = 60.0
    # Loopback, private, link-local and other non-public addresses are refused unless True.
    allow_private: bool = False
    # Networks fetched although not public, e.g. ("10.1.2.0/24",) for one intranet news host.
    allow_networks: tuple[str, ...] = ()

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
            deadline_s=s.fetch_deadline_s,
            allow_private=s.fetch_allow_private,
            allow_networks=tuple(n.strip() for n in s.fetch_allow_networks.split(",") if n.strip()),
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
        transport = httpx.HTTPTransport()
        # Every connection, the first and each redirect's, goes through the address check and
        # the deadline; the check sees the resolved address that is then connected to.
        transport._pool._network_backend = _GuardedBackend(
            config.allow_private, config.allow_networks
        )
        self._client = httpx.Client(
            headers={"User-Agent": config.user_agent, "Accept-Encoding": "gzip, deflate"},
            timeout=httpx.Timeout(config.timeout_s),
            follow_redirects=True,
            max_redirects=_MAX_REDIRECTS,
            transport=transport,
            trust_env=False,
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
        check_url(url)
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
        _deadline.at = time.monotonic() + self.config.deadline_s
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
        except NotPublic as exc:
            raise InputError(
                f"{url}: {exc}; only public addresses are fetched "
                "(set PRISONWATCH_FETCH_ALLOW_PRIVATE=true to allow others)"
            ) from None
        except _DeadlinePassed:
            raise InputError(
                f"{url}: not complete within the {self.config.deadline_s:g} s deadline; "
                "the server is too slow, try later"
            ) from None
        except httpx.TimeoutException:
            raise _Retryable(f"no answer within {self.config.timeout_s:g} s") from None
        except httpx.TooManyRedirects:
            raise InputError(
                f"{url}: more than {_MAX_REDIRECTS} redirects; check the address"
            ) from None
        except (httpx.ConnectError, httpx.RemoteProtocolError, httpx.ReadError) as exc:
            raise _Retryable(f"the connection failed ({type(exc).__name__})") from None
        except (httpx.InvalidURL, httpx.UnsupportedProtocol):
            raise InputError(f"{url}: not a valid http(s) URL; check the address") from None
        finally:
            _deadline.at = None

    def _read_capped(self, url: str, response: httpx.Response) -> bytes:
        declared = response.headers.get("content-length")
        limit = self.config.max_bytes
        too_large = InputError(f"{url}: the page is larger than {limit / 1e6:g} MB; not fetched")
        if declared and declared.isdigit() and int(declared) > limit:
            raise too_large
        encoding = response.headers.get("content-encoding", "").strip().lower()
        if encoding not in ("", "identity", *_ENCODINGS):
            raise InputError(f"{url}: the page is sent as {encoding!r}, which is not supported")
        # Decompressed here, never more than the limit: a small gzip bomb cannot fill memory.
        decoder = zlib.decompressobj(_GZIP_OR_ZLIB) if encoding in _ENCODINGS else None
        body = bytearray()
        try:
            for chunk in response.iter_raw():
                if decoder is None:
                    body += chunk
                else:
                    body += decoder.decompress(chunk, limit + 1 - len(body))
                    if decoder.unconsumed_tail:
                        raise too_large
                if len(body) > limit:
                    raise too_large
        except zlib.error:
            raise InputError(f"{url}: the compressed page is damaged; try later") from None
        return bytes(body)


class _Retryable(Exception):
    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason


class NotPublic(Exception):
    """A host resolved to an address that is not on the public internet."""


class _DeadlinePassed(Exception):
    pass


class _Deadline(threading.local):
    at: float | None = None


# Per thread, since feed items are fetched by several threads through one client.
_deadline = _Deadline()


def check_url(url: str) -> None:
    """Refuse a URL that is not absolute http(s) with a host, naming it and what to do."""
    try:
        parts = urlsplit(url)
        host = parts.hostname
        parts.port  # noqa: B018 - raises ValueError for a port out of range
    except ValueError:
        raise InputError(f"{url!r}: not a valid URL; check the address") from None
    if parts.scheme.lower() not in ("http", "https"):
        what = f"a {parts.scheme}: link" if parts.scheme else "a relative link"
        raise InputError(f"{url!r}: {what}, not an http(s) URL; only web pages are fetched")
    if not host:
        raise InputError(f"{url!r}: no host name; check the address")


def public_reason(address: str) -> str | None:
    """Return why ``address`` is not a public internet address, or None when it is."""
    ip = ipaddress.ip_address(address.split("%", 1)[0])
    if isinstance(ip, ipaddress.IPv6Address) and ip.ipv4_mapped is not None:
        ip = ip.ipv4_mapped
    for kind in ("loopback", "link_local", "unspecified", "multicast", "private", "reserved"):
        if getattr(ip, f"is_{kind}"):
            return f"{address} is a {kind.replace('_', '-')} address"
    if not ip.is_global:
        return f"{address} is not a public address"
    return None


def _remaining(timeout: float | None) -> float | None:
    at = _deadline.at
    if at is None:
        return timeout
    left = at - time.monotonic()
    if left <= 0:
        raise _DeadlinePassed
    return left if timeout is None else min(timeout, left)


class _GuardedStream(httpcore.NetworkStream):
    """A connection whose reads and writes stop at the request's deadline."""

    def __init__(self, inner: httpcore.NetworkStream) -> None:
        self._inner = inner

    def read(self, max_bytes: int, timeout: float | None = None) -> bytes:
        left = _remaining(timeout)
        try:
            return self._inner.read(max_bytes, left)
        except httpcore.ReadTimeout:
            _remaining(timeout)  # the deadline, rather than the read timeout, when both passed
            raise

    def write(self, buffer: bytes, timeout: float | None = None) -> None:
        self._inner.write(buffer, _remaining(timeout))

    def close(self) -> None:
        self._inner.close()

    def start_tls(
        self, ssl_context: Any, server_hostname: str | None = None, timeout: float | None = None
    ) -> httpcore.NetworkStream:
        return _GuardedStream(
            self._inner.start_tls(ssl_context, server_hostname, _remaining(timeout))
        )

    def get_extra_info(self, info: str) -> Any:
        return self._inner.get_extra_info(info)


class _GuardedBackend(httpcore.SyncBackend):
    """Resolves each host once, refuses non-public addresses, then connects to the one checked."""

    def __init__(self, allow_private: bool, allow_networks: tuple[str, ...] = ()) -> None:
        self.allow_private = allow_private
        try:
            self.allowed = [ipaddress.ip_network(n, strict=False) for n in allow_networks]
        except ValueError as exc:
            raise InputError(
                f"fetch_allow_networks: {exc}; give networks like 10.1.2.0/24"
            ) from None

    def _refused(self, address: str) -> str | None:
        if self.allow_private:
            return None
        ip = ipaddress.ip_address(address.split("%", 1)[0])
        if any(ip.version == n.version and ip in n for n in self.allowed):
            return None
        return public_reason(address)

    def connect_tcp(
        self,
        host: str,
        port: int,
        timeout: float | None = None,
        local_address: str | None = None,
        socket_options: Iterable[Any] | None = None,
    ) -> httpcore.NetworkStream:
        left = _remaining(timeout)
        try:
            infos = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
        except OSError:
            raise httpcore.ConnectError(f"cannot resolve {host}") from None
        addresses = list(dict.fromkeys(str(info[4][0]) for info in infos))
        for address in addresses:
            why = self._refused(address)
            if why:
                shown = address if host.strip("[]") == address else f"{host} ({address})"
                raise NotPublic(why.replace(address, shown, 1))
        error: Exception = httpcore.ConnectError(f"no address for {host}")
        for address in addresses:
            try:
                stream = super().connect_tcp(
                    address, port, _remaining(left), local_address, socket_options
                )
            except httpcore.ConnectError as exc:
                error = exc
                continue
            return _GuardedStream(stream)
        raise error
