"""A fresh install makes and keeps its own random session key; weak keys are refused."""

from __future__ import annotations

import stat
import warnings
from pathlib import Path

import pytest

from prisonwatch.errors import ConfigError
from prisonwatch.settings import DEFAULT_SECRET, Settings
from prisonwatch.web import create_app, urls
from prisonwatch.web.security import COOKIE, KEY_FILE, Sessions, secret_key

with warnings.catch_warnings():
    warnings.filterwarnings("ignore", message="Using `httpx` with `starlette.testclient`")
    from fastapi.testclient import TestClient


def test_fresh_install_makes_a_private_random_key_once(tmp_path: Path) -> None:
    settings = Settings(data_dir=tmp_path / "data")
    first = secret_key(settings)
    path = settings.data_dir / KEY_FILE
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    assert len(first) >= 60 and len(set(first)) > 20
    assert secret_key(settings) == first
    # Another install gets another key.
    assert secret_key(Settings(data_dir=tmp_path / "other")) != first


def test_a_cookie_signed_with_the_stored_key_survives_a_restart(tmp_path: Path) -> None:
    settings = Settings(data_dir=tmp_path / "data")
    with TestClient(create_app(settings)) as client:
        client.get(urls.login())
        cookie = client.cookies[COOKIE]
    assert Sessions(secret_key(settings))._signer.loads(cookie)["csrf"]


@pytest.mark.parametrize(
    ("key", "words"),
    [
        (DEFAULT_SECRET, "old published default"),
        ("x", "1 characters"),
        ("k" * 31, "fewer than 32"),
        ("ab" * 40, "too few characters"),
    ],
)
def test_weak_keys_are_refused(tmp_path: Path, key: str, words: str) -> None:
    settings = Settings(data_dir=tmp_path / "data", secret_key=key)
    with pytest.raises(ConfigError) as caught:
        create_app(settings)
    assert words in caught.value.message
    assert "PRISONWATCH_SECRET_KEY" in caught.value.message


def test_weak_or_exposed_key_file_is_refused(tmp_path: Path) -> None:
    settings = Settings(data_dir=tmp_path / "data")
    secret_key(settings)
    path = settings.data_dir / KEY_FILE
    path.chmod(0o644)
    with pytest.raises(ConfigError, match="chmod 600"):
        secret_key(settings)
    path.write_text("short\n")
    path.chmod(0o600)
    with pytest.raises(ConfigError, match="fewer than 32"):
        secret_key(settings)


def test_strong_key_from_the_environment_is_used_and_nothing_is_written(tmp_path: Path) -> None:
    key = "Zq8-" + "".join(chr(ord("a") + i % 26) for i in range(40))
    settings = Settings(data_dir=tmp_path / "data", secret_key=key)
    assert secret_key(settings) == key
    assert not (settings.data_dir / KEY_FILE).exists()
