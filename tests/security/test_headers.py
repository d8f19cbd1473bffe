"""Security headers on every response, 500s included; the API docs work offline under their CSP."""

from __future__ import annotations

import base64
import hashlib
import re
import shutil
import tempfile
import warnings
from pathlib import Path

import pytest

from prisonwatch.settings import Settings
from prisonwatch.web import create_app, urls
from tests.security.live import live

with warnings.catch_warnings():
    warnings.filterwarnings("ignore", message="Using `httpx` with `starlette.testclient`")
    from fastapi.testclient import TestClient

NAMES = ("Content-Security-Policy", "X-Content-Type-Options", "X-Frame-Options", "Referrer-Policy")


def _boom() -> None:
    raise RuntimeError("an invented fault")


@pytest.fixture
def client(sqlite_settings: Settings) -> TestClient:
    """Return a client of an app with one extra route that always crashes."""
    app = create_app(sqlite_settings)
    app.add_api_route("/boom", _boom)
    app.add_api_route(urls.api("/boom"), _boom)
    return TestClient(app, raise_server_exceptions=False)


@pytest.mark.parametrize(
    ("method", "path", "status"),
    [
        ("GET", "/", 200),
        ("GET", "/no/such/page", 404),
        ("GET", "/boom", 500),
        ("GET", urls.api("/boom"), 500),
        ("POST", urls.api("/review/claims/c1/accept"), 403),
        ("POST", urls.login(), 403),
        ("GET", urls.review(), 303),
        ("GET", urls.api("/openapi.json"), 200),
        ("GET", urls.STATIC + "/style.css", 200),
    ],
)
def test_every_response_has_the_headers(
    client: TestClient, method: str, path: str, status: int
) -> None:
    answer = client.request(method, path, follow_redirects=False)
    assert answer.status_code == status
    for name in NAMES:
        assert answer.headers.get(name), f"{name} missing on {method} {path}"
    assert "frame-ancestors 'none'" in answer.headers["Content-Security-Policy"]
    assert answer.headers["X-Content-Type-Options"] == "nosniff"
    assert "an invented fault" not in answer.text


def test_oversized_body_answer_has_the_headers(client: TestClient) -> None:
    answer = client.post(urls.login(), content=b"x" * 1_100_000)
    assert answer.status_code == 413
    assert all(answer.headers.get(name) for name in NAMES)


def _hash(script: str) -> str:
    return "'sha256-" + base64.b64encode(hashlib.sha256(script.encode()).digest()).decode() + "'"


def test_api_docs_are_served_offline_with_their_own_csp(client: TestClient) -> None:
    answer = client.get(urls.api("/docs"))
    assert answer.status_code == 200
    csp = answer.headers["Content-Security-Policy"]
    assert "unsafe-inline" not in csp.split("script-src", 1)[1].split(";", 1)[0]
    assert "frame-ancestors 'none'" in csp
    for script in re.findall(r"<script>(.*?)</script>", answer.text, flags=re.DOTALL):
        assert _hash(script) in csp
    sources = re.findall(r'(?:src|href)="([^"]+)"', answer.text)
    assert sources and all(s.startswith(urls.api("/docs/assets/")) for s in sources)
    for source in sources:
        assert client.get(source).status_code == 200
    # Other pages keep the strict policy.
    assert "sha256" not in client.get("/").headers["Content-Security-Policy"]


@pytest.mark.browser
def test_api_docs_render_in_chromium_without_csp_errors(sqlite_settings: Settings) -> None:
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service
    from selenium.webdriver.common.by import By
    from selenium.webdriver.support import expected_conditions
    from selenium.webdriver.support.wait import WebDriverWait

    if not (Path("/usr/bin/chromium").exists() and Path("/usr/bin/chromedriver").exists()):
        pytest.fail("Debian's chromium and chromium-driver are not installed")
    profile = tempfile.mkdtemp(prefix="pw-chromium-")
    options = webdriver.ChromeOptions()
    options.binary_location = "/usr/bin/chromium"
    for flag in ("--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage"):
        options.add_argument(flag)
    options.add_argument(f"--user-data-dir={profile}")
    options.set_capability("goog:loggingPrefs", {"browser": "ALL"})
    driver = webdriver.Chrome(options=options, service=Service("/usr/bin/chromedriver"))
    try:
        with live(create_app(sqlite_settings)) as (host, port):
            driver.get(f"http://{host}:{port}{urls.api('/docs')}")
            title = WebDriverWait(driver, 20).until(
                expected_conditions.presence_of_element_located(
                    (By.CSS_SELECTOR, ".swagger-ui .info .title")
                )
            )
            assert "prisonwatch" in title.text
            WebDriverWait(driver, 20).until(
                expected_conditions.presence_of_element_located((By.CSS_SELECTOR, ".opblock-tag"))
            )
            logs = [entry["message"] for entry in driver.get_log("browser")]
        assert not [m for m in logs if "Content Security Policy" in m], logs
    finally:
        driver.quit()
        shutil.rmtree(profile, ignore_errors=True)
