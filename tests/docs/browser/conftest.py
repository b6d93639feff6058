"""The published build served on 127.0.0.1, and Chromium to read it.

One build (tests/docs/conftest.py), one server and one browser serve every
test here. Each test reads in a fresh browser context, so that what one
test stores (the palette, the chosen tab) does not reach the next.
"""

import os
from collections.abc import Iterator

import pytest
from browsing import (
    CHROMIUM,
    INSTALL_CHROMIUM,
    Reader,
    launch,
    reading,
    served,
)
from playwright.sync_api import Browser, sync_playwright
from sites import Build


@pytest.fixture(scope="session")
def browser() -> Iterator[Browser]:
    if not CHROMIUM.is_file():
        if os.environ.get("CI"):
            pytest.fail(INSTALL_CHROMIUM, pytrace=False)
        pytest.skip(INSTALL_CHROMIUM)
    with sync_playwright() as playwright:
        browser = launch(playwright)
        yield browser
        browser.close()


@pytest.fixture(scope="session")
def site_url(published_build: Build) -> Iterator[str]:
    with served(published_build.site_or_fail()) as origin:
        yield origin


@pytest.fixture
def reader(browser: Browser, site_url: str) -> Iterator[Reader]:
    with reading(browser, site_url) as reader:
        yield reader
