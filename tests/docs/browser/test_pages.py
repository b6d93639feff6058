"""Every page, as a reader's browser gets it: whole, from this site alone,
and accessible in both colour schemes.

A reader reads each page once for the three tests on it: it opens the page
in the light scheme, has axe-core check it, switches to the dark scheme for
axe's contrast rules, and waits until the page has made all its requests.
The three tests of a page share an xdist group, so that one worker reads
it; each worker's reader keeps the site's assets in its cache after its
first page, as readers do.
"""

from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
from playwright.sync_api import Browser

from tests.support.browsing import Reader, accessibility_violations, reading
from tests.support.paths import PAGES
from tests.support.sites import page_id, page_url

# Only the colours change with the scheme: in the dark one, axe checks them.
CONTRAST_RULES = ["color-contrast", "link-in-text-block"]


@dataclass(frozen=True)
class PageReading:
    url: str
    problems: list[str]
    light_violations: list[str]
    dark_violations: list[str]


def read(reader: Reader, page: Path) -> PageReading:
    reader.forget_problems()
    response = reader.open(page_url(page))
    assert response, page_id(page)
    assert response.ok, f"{page_id(page)}: {response.status}"
    light = accessibility_violations(reader.page)
    reader.page.get_by_title("Switch to dark mode").click()
    dark = accessibility_violations(reader.page, runOnly=CONTRAST_RULES)
    # The dark scheme, once chosen, would stay on for the next page.
    reader.page.get_by_title("Switch to light mode").click()
    # What the page fetches after its load event (the search index) counts
    # too. By now it is usually done, and this returns at once.
    reader.page.wait_for_load_state("networkidle")
    return PageReading(reader.page.url, list(reader.problems), light, dark)


# Per session, not per module: xdist runs other modules' tests in between,
# which would tear a module's fixtures down and have the pages read again.
@pytest.fixture(scope="session")
def site_reader(browser: Browser, site_url: str) -> Iterator[Reader]:
    with reading(browser, site_url) as reader:
        yield reader


@pytest.fixture(scope="session")
def readings() -> dict[Path, PageReading]:
    return {}


# Each test runs once for each page. The marks of a fixture's params do not
# reach the tests, so the pages are given here, to every test of the module.
pytestmark = pytest.mark.parametrize(
    "page_reading",
    [
        pytest.param(
            page,
            id=page_id(page),
            marks=pytest.mark.xdist_group(page_id(page)),
        )
        for page in PAGES
    ],
    indirect=True,
)


@pytest.fixture
def page_reading(
    request: pytest.FixtureRequest,
    site_reader: Reader,
    readings: dict[Path, PageReading],
) -> PageReading:
    page = request.param
    if page not in readings:
        readings[page] = read(site_reader, page)
    return readings[page]


def test_page_loads_whole_and_from_this_site_alone(page_reading: PageReading):
    assert not page_reading.problems, f"{page_reading.url}:\n" + "\n".join(
        page_reading.problems
    )


def test_page_has_no_serious_accessibility_violations(
    page_reading: PageReading,
):
    violations = page_reading.light_violations

    assert not violations, f"{page_reading.url}:\n" + "\n".join(violations)


def test_page_has_enough_contrast_in_the_dark_scheme(
    page_reading: PageReading,
):
    violations = page_reading.dark_violations

    assert not violations, f"{page_reading.url}, dark:\n" + "\n".join(
        violations
    )
