"""The pages in a real headless Chromium (Debian's chromium and chromedriver), via Selenium."""

from __future__ import annotations

import shutil
import socket
import tempfile
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
import uvicorn
from selenium import webdriver
from selenium.webdriver.chrome.service import Service
from selenium.webdriver.common.by import By
from tests.web.conftest import ARTIFACTS
from tests.web.data import PASSWORD, XSS, Built

from prisonwatch.settings import Settings
from prisonwatch.web import create_app, urls

pytestmark = pytest.mark.browser

CHROMIUM = Path("/usr/bin/chromium")
DRIVER = Path("/usr/bin/chromedriver")
FLAGS = (
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-dev-shm-usage",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--window-size=1280,1000",
)


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


@pytest.fixture(scope="module")
def server(filled: tuple[Settings, Built]) -> Iterator[str]:
    """Serve the filled database with uvicorn on a free local port, in a thread."""
    port = _free_port()
    config = uvicorn.Config(
        create_app(filled[0]), host="127.0.0.1", port=port, log_level="warning", lifespan="off"
    )
    running = uvicorn.Server(config)
    thread = threading.Thread(target=running.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 10
    while not running.started and time.monotonic() < deadline:
        time.sleep(0.05)
    assert running.started, "uvicorn did not start"
    yield f"http://127.0.0.1:{port}"
    running.should_exit = True
    thread.join(timeout=5)


@pytest.fixture(scope="module")
def browser() -> Iterator[webdriver.Chrome]:
    """Start headless Chromium with a throwaway profile."""
    if not (CHROMIUM.exists() and DRIVER.exists()):
        pytest.fail("Debian's chromium and chromium-driver are not installed")
    profile = tempfile.mkdtemp(prefix="pw-chromium-")
    options = webdriver.ChromeOptions()
    options.binary_location = str(CHROMIUM)
    for flag in (*FLAGS, f"--user-data-dir={profile}"):
        options.add_argument(flag)
    driver = webdriver.Chrome(options=options, service=Service(str(DRIVER)))
    driver.set_page_load_timeout(20)
    # Clicks that submit forms return before the next page has loaded.
    driver.implicitly_wait(5)
    yield driver
    driver.quit()
    shutil.rmtree(profile, ignore_errors=True)


def _shot(driver: webdriver.Chrome, name: str) -> None:
    ARTIFACTS.mkdir(exist_ok=True)
    driver.save_screenshot(str(ARTIFACTS / f"web-{name}.png"))


def test_search_under_a_cyrillic_spelling(
    browser: webdriver.Chrome, server: str, built: Built
) -> None:
    browser.get(server + urls.persons())
    box = browser.find_element(By.ID, "q")
    box.send_keys("Колесникова")
    browser.find_element(By.ID, "search").click()
    _shot(browser, "search-cyrillic")
    link = browser.find_element(By.LINK_TEXT, "Maryia Kalesnikava")
    _shot(browser, "search-cyrillic")
    link.click()
    assert browser.find_element(By.ID, "person-name").text == "Maryia Kalesnikava"


def test_person_timeline_links_to_highlighted_evidence(
    browser: webdriver.Chrome, server: str, built: Built
) -> None:
    browser.get(server + urls.person(built.kalesnikava))
    steps = browser.find_elements(By.CSS_SELECTOR, "#timeline .step")
    assert len(steps) == 2
    assert "released" in browser.find_element(By.ID, "status").text
    _shot(browser, "timeline")
    steps[1].find_element(By.CSS_SELECTOR, "a.quote").click()
    selected = browser.find_elements(By.CSS_SELECTOR, "mark.fact.selected")
    assert selected and "released 18" in " ".join(m.text for m in selected)
    _shot(browser, "document-highlight")


def test_login_and_accept_a_claim(browser: webdriver.Chrome, server: str, built: Built) -> None:
    browser.get(server + urls.review())
    assert "/login" in browser.current_url
    browser.find_element(By.ID, "username").send_keys("rita")
    browser.find_element(By.ID, "password").send_keys(PASSWORD)
    browser.find_element(By.ID, "login-submit").click()
    claim = browser.find_element(By.ID, built.pending_claim)
    assert "Ihar Zhuk" in claim.text
    _shot(browser, "review-queue")
    claim.find_element(By.CSS_SELECTOR, "button.accept").click()
    assert "accepted" in browser.find_element(By.ID, "message").text
    _shot(browser, "review-accepted")
    browser.get(server + urls.person(built.zhuk))
    assert "released" in browser.find_element(By.ID, "status").text


def test_xss_attempt_shows_as_text(browser: webdriver.Chrome, server: str, built: Built) -> None:
    for path in (urls.document(built.document_id), urls.person(built.hidden), urls.persons(q=XSS)):
        browser.get(server + path)
        alerts_open = True
        try:
            browser.switch_to.alert.dismiss()
        except Exception:
            alerts_open = False
        assert not alerts_open, f"a script ran on {path}"
        assert browser.execute_script("return document.querySelectorAll('main script').length") == 0
    browser.get(server + urls.document(built.document_id))
    assert XSS in browser.find_element(By.ID, "document-text").text
    _shot(browser, "xss-as-text")
