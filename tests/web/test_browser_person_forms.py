"""In Chromium: a reviewer corrects a person from the person page's form."""

from __future__ import annotations

import pytest
from selenium import webdriver
from selenium.webdriver.common.by import By
from tests.web.data import PASSWORD, Built
from tests.web.test_browser import _shot

# The browser and server fixtures of the page tests, each started anew for this module.
from tests.web.test_browser import browser as browser
from tests.web.test_browser import server as server

from prisonwatch.web import urls

pytestmark = pytest.mark.browser


def test_a_reviewer_corrects_a_person_in_the_browser(
    browser: webdriver.Chrome,
    server: str,
    built: Built,
) -> None:
    page = server + urls.person(built.kalesnikava)
    browser.get(page)
    assert not browser.find_elements(By.ID, "person-edit")  # a visitor sees no form
    browser.get(server + urls.login(urls.person(built.kalesnikava)))
    browser.find_element(By.ID, "username").send_keys("rita")
    browser.find_element(By.ID, "password").send_keys(PASSWORD)
    browser.find_element(By.ID, "login-submit").click()
    browser.get(page)
    assert not browser.find_elements(By.ID, "person-delete")  # deleting needs an admin
    browser.find_element(By.CSS_SELECTOR, "#person-edit summary").click()
    country = browser.find_element(By.CSS_SELECTOR, "#person-edit input[name=country]")
    country.clear()
    country.send_keys("Invented Country")
    browser.find_element(By.CSS_SELECTOR, "#person-edit input[name=reason]").send_keys("typo")
    browser.find_element(By.ID, "person-save").click()
    message = browser.find_element(By.ID, "message").text
    _shot(browser, "person-edited")
    assert message.startswith("updated Maryia Kalesnikava: country")
    assert "Invented Country" in browser.find_element(By.CSS_SELECTOR, "dl.facts").text
