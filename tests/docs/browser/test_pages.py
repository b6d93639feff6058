"""Every page, as a reader's browser gets it: whole, from this site alone,
and accessible in both colour schemes.

One reader opens the pages in turn, each once for the three tests on it, and
keeps the site's assets in its cache after the first page, as readers do.
"""

from collections.abc import Iterator

import pytest
from playwright.sync_api import Browser

from tests.support.browsing import Reader, accessibility_violations, reading
from tests.support.paths import PAGES
from tests.support.sites import page_id, page_url


@pytest.fixture(scope="module")
def site_reader(browser: Browser, site_url: str) -> Iterator[Reader]:
    with reading(browser, site_url) as reader:
        yield reader


@pytest.fixture(scope="module", params=PAGES, ids=page_id)
def opened(
    request: pytest.FixtureRequest, site_reader: Reader
) -> Iterator[Reader]:
    """The reader, having just opened the page in the light scheme."""
    site_reader.forget_problems()
    response = site_reader.open(page_url(request.param), settle=True)
    assert response, request.param
    assert response.ok, f"{request.param}: {response.status}"
    yield site_reader
    # The dark scheme, once chosen, would stay on for the next page.
    light = site_reader.page.get_by_title("Switch to light mode")
    if light.is_visible():
        light.click()


def test_page_loads_whole_and_from_this_site_alone(opened: Reader):
    assert not opened.problems, f"{opened.page.url}:\n" + "\n".join(
        opened.problems
    )


def test_page_has_no_serious_accessibility_violations(opened: Reader):
    violations = accessibility_violations(opened.page)

    assert not violations, f"{opened.page.url}:\n" + "\n".join(violations)


def test_page_has_enough_contrast_in_the_dark_scheme(opened: Reader):
    """Only the colours change with the scheme: axe checks contrast."""
    opened.page.get_by_title("Switch to dark mode").click()

    violations = accessibility_violations(
        opened.page, runOnly=["color-contrast", "link-in-text-block"]
    )

    assert not violations, f"{opened.page.url}, dark:\n" + "\n".join(
        violations
    )
