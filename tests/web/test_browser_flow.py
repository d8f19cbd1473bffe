"""The documenter's walk in a real Chromium: import a list, ingest news, review in bulk, publish."""

from __future__ import annotations

import threading
import time
from collections.abc import Iterator

import pytest
import uvicorn
from selenium import webdriver
from selenium.webdriver.common.by import By
from sqlalchemy import select
from tests.registry.test_imported import HEADER, ROWS
from tests.web.data import PASSWORD
from tests.web.test_browser import _free_port, _shot, browser  # noqa: F401 (a fixture)
from typer.testing import CliRunner

from prisonwatch.cli.main import app
from prisonwatch.db.engine import session_scope
from prisonwatch.db.migrate import upgrade
from prisonwatch.db.models import Person
from prisonwatch.settings import Settings, get_settings
from prisonwatch.users import add_user
from prisonwatch.web import create_app, urls

pytestmark = pytest.mark.browser

# An invented article about an invented person on the invented list.
ARTICLE = (
    "Belarus frees jailed teacher\n\n"
    "Minsk, 3 March 2025. The authorities in Belarus released the political prisoner Zoya "
    "Prydatnaya on 2 March 2025, her lawyer said on Monday. Prydatnaya had served almost four "
    "years of a four-year sentence in a penal colony.\n"
)


@pytest.fixture(scope="module")
def walked(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[Settings, str]]:
    """Import a list and ingest one article through the CLI; serve the result."""
    root = tmp_path_factory.mktemp("walk")
    settings = Settings(data_dir=root / "data", login_attempts_per_minute=1000)
    upgrade(settings)
    with session_scope(settings) as session:
        add_user(session, "rita", PASSWORD, role="reviewer")
    env = {"PRISONWATCH_DATA_DIR": str(settings.data_dir), "PRISONWATCH_DATABASE_URL": None}
    listing = root / "list.csv"
    listing.write_text(HEADER + ROWS[0] + "\n", encoding="utf-8")
    articles = root / "articles"
    articles.mkdir()
    (articles / "teacher-freed.txt").write_text(ARTICLE, encoding="utf-8")
    runner = CliRunner()
    get_settings.cache_clear()
    try:
        imported = runner.invoke(
            app,
            ["import", str(listing), "--scheme", "hrlist", "--title", "Invented list"],
            env=env,
        )
        assert imported.exit_code == 0, imported.output
        ingested = runner.invoke(app, ["ingest", str(articles)], env=env)
        assert ingested.exit_code == 0, ingested.output
    finally:
        get_settings.cache_clear()
    port = _free_port()
    config = uvicorn.Config(
        create_app(settings), host="127.0.0.1", port=port, log_level="warning", lifespan="off"
    )
    server = uvicorn.Server(config)
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 10
    while not server.started and time.monotonic() < deadline:
        time.sleep(0.05)
    assert server.started, "uvicorn did not start"
    yield settings, f"http://127.0.0.1:{port}"
    server.should_exit = True
    thread.join(timeout=5)


def _person_id(settings: Settings) -> str:
    with session_scope(settings, write=False) as session:
        return session.scalars(select(Person.id).where(Person.kind == "prisoner")).one()


def test_import_ingest_bulk_review_then_the_public_page(
    browser: webdriver.Chrome,  # noqa: F811
    walked: tuple[Settings, str],
) -> None:
    settings, server = walked
    person = _person_id(settings)
    browser.get(server + urls.person(person))
    # Before review: the list's arrest decides, and the page says so.
    assert "held" in browser.find_element(By.ID, "status").text
    assert "Invented list" in browser.find_element(By.ID, "status-basis").text
    assert "Waiting for review" in browser.page_source
    _shot(browser, "walk-1-imported")
    browser.get(server + urls.review())
    browser.find_element(By.ID, "username").send_keys("rita")
    browser.find_element(By.ID, "password").send_keys(PASSWORD)
    browser.find_element(By.ID, "login-submit").click()
    card = browser.find_element(By.CSS_SELECTOR, "li.card")
    assert "release" in card.text and "Belarus frees jailed teacher" in card.text
    _shot(browser, "walk-2-review-card")
    card.find_element(By.CSS_SELECTOR, "form.bulk-event button.accept").click()
    message = browser.find_element(By.ID, "message").text
    assert message.startswith("accepted") and "of event" in message
    assert "#card-" in browser.current_url  # back at the card, not at the top of the page
    _shot(browser, "walk-3-bulk-accepted")
    browser.get(server + urls.person(person))
    status = browser.find_element(By.ID, "status").text
    assert "released" in status and "2025-03-02" in status
    basis = browser.find_element(By.ID, "status-basis").text
    assert "release" in basis and "Belarus frees jailed teacher" in basis
    _shot(browser, "walk-4-public-person")
