"""After a write, concurrent requests share one snapshot rebuild instead of each building one."""

from __future__ import annotations

import threading
import time
from typing import Any

import pytest

from prisonwatch.db.engine import session_scope
from prisonwatch.persons import NewPerson, create_person
from prisonwatch.registry import rebuild
from prisonwatch.registry.rebuild import SingleFlight
from prisonwatch.settings import Settings
from prisonwatch.web import queries
from tests.web.conftest import client_for
from tests.web.data import build


def test_sixteen_requests_after_a_write_cost_one_rebuild(
    sqlite_settings: Settings, monkeypatch: pytest.MonkeyPatch
) -> None:
    build(sqlite_settings)
    calls: list[float] = []
    real = queries.refresh

    def slow_build(session: Any, previous: Any) -> Any:
        calls.append(time.monotonic())
        time.sleep(0.5)  # a large registry: the rebuild (or patch) takes a while
        return real(session, previous)

    with client_for(sqlite_settings) as client:
        assert client.get("/").status_code == 200
        monkeypatch.setattr(queries, "refresh", slow_build)
        with session_scope(sqlite_settings) as session:
            create_person(session, NewPerson(name="Invented Newcomer"), actor="t", reason="t")
        answers: list[int] = []
        threads = [
            threading.Thread(target=lambda: answers.append(client.get("/").status_code))
            for _ in range(16)
        ]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join(60)
    assert answers == [200] * 16
    assert len(calls) == 1


def test_a_client_reads_its_own_write(sqlite_settings: Settings) -> None:
    build(sqlite_settings)
    with client_for(sqlite_settings) as client:
        before = client.get("/api/home").json()["counts"]
        with session_scope(sqlite_settings) as session:
            create_person(session, NewPerson(name="Invented Newcomer"), actor="t", reason="t")
        after = client.get("/api/home").json()["counts"]
    assert after != before


def test_stale_value_during_a_rebuild_and_a_cool_down_after_it(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    cache: SingleFlight[str] = SingleFlight(serve_stale=True)
    assert cache.get("db", 1, lambda: "v1") == "v1"
    entered, release = threading.Event(), threading.Event()

    def slow() -> str:
        entered.set()
        release.wait(10)
        return "v2"

    monkeypatch.setattr(rebuild, "COOLDOWN_FROM_S", 0.0)
    worker = threading.Thread(target=lambda: cache.get("db", 2, slow))
    worker.start()
    assert entered.wait(10)
    assert cache.get("db", 2, lambda: "other") == "v1"  # during the rebuild: the old value
    release.set()
    worker.join(10)
    assert cache.get("db", 2, lambda: "other") == "v2"
    assert cache.get("db", 3, lambda: "v3") == "v3"  # a caller alone reads fresh


def test_without_serve_stale_callers_wait_for_the_fresh_value() -> None:
    cache: SingleFlight[str] = SingleFlight(serve_stale=False)
    assert cache.get("db", 1, lambda: "v1") == "v1"
    assert cache.get("db", 2, lambda: "v2") == "v2"


def test_builds_run_with_the_collector_paused_and_restore_it() -> None:
    import gc

    from prisonwatch.registry.rebuild import collector_paused

    seen: list[bool] = []
    flight: SingleFlight[int] = SingleFlight()
    assert gc.isenabled()

    def build_value() -> int:
        seen.append(gc.isenabled())
        return 1

    flight.get("k", 1, build_value)
    assert seen == [False] and gc.isenabled()
    with collector_paused():
        with collector_paused():  # a second build at the same time
            assert not gc.isenabled()
        assert not gc.isenabled()  # still building: stays off until the last one ends
    assert gc.isenabled()
    gc.disable()
    try:
        with collector_paused():
            pass
        assert not gc.isenabled()  # turned off by someone else: left off
    finally:
        gc.enable()


def test_a_crowded_caller_rebuilds_on_a_thread_of_its_own() -> None:
    cache: SingleFlight[str] = SingleFlight(serve_stale=True)
    assert cache.get("db", 1, lambda: "v1") == "v1"
    entered, release = threading.Event(), threading.Event()
    builders: list[str] = []

    def in_background() -> str:
        builders.append(threading.current_thread().name)
        entered.set()
        release.wait(10)
        return "v2"

    def inline() -> str:
        raise AssertionError("a crowded caller must not rebuild on its own thread")

    cache._callers["db"] = 1  # another request in flight
    assert cache.get("db", 2, inline, in_background) == "v1"  # answered at once, stale
    assert entered.wait(10)
    assert builders == ["rebuild db"]
    assert cache.get("db", 2, inline, in_background) == "v1"  # one rebuild at a time
    release.set()
    for _ in range(100):
        if cache.peek("db") == "v2":
            break
        time.sleep(0.05)
    cache._callers["db"] = 0
    assert cache.get("db", 2, inline) == "v2"
    assert len(builders) == 1


def test_warming_puts_the_long_lived_values_out_of_the_collectors_reach(
    sqlite_settings: Settings,
) -> None:
    import gc

    from prisonwatch.web import create_app
    from prisonwatch.web.app import warm

    build(sqlite_settings)
    gc.unfreeze()
    try:
        warm(create_app(sqlite_settings))
        assert gc.get_freeze_count() > 0
    finally:
        gc.unfreeze()


def test_each_of_several_server_processes_takes_its_share_of_the_login_limits(
    sqlite_settings: Settings, monkeypatch: pytest.MonkeyPatch
) -> None:
    from prisonwatch.settings import get_settings
    from prisonwatch.web import create_app
    from prisonwatch.web.app import WORKERS_ENV, served_app

    one = create_app(sqlite_settings)
    monkeypatch.setenv("PRISONWATCH_DATA_DIR", str(sqlite_settings.data_dir))
    monkeypatch.setenv(WORKERS_ENV, "2")
    get_settings.cache_clear()
    try:
        two = served_app()
    finally:
        get_settings.cache_clear()
    assert two.state.login_limit.per_minute * 2 <= one.state.login_limit.per_minute
    assert two.state.lockout.failures * 2 <= one.state.lockout.failures
    assert two.state.lockout.failures >= 1
