"""Addresses readers arrive at: the original page's, and ones that do not
exist. The server answers as GitHub Pages does (tests/support/browsing.py)."""

import pytest
from playwright.sync_api import expect

from tests.support.browsing import Reader, accessibility_violations

# Where the page lived before this site (its front matter's permalink).
OLD_ADDRESS = "docs/cloud/aws-secret-manager"
MISSING = "docs/cloud/no-such-page"


@pytest.mark.parametrize(
    "path", [OLD_ADDRESS, f"{OLD_ADDRESS}/"], ids=["bare", "trailing-slash"]
)
def test_the_old_address_leads_to_the_overview(
    reader: Reader, site_url: str, path: str
):
    reader.open(path)

    expect(reader.page).to_have_url(f"{site_url}/")
    expect(reader.page.locator("article h1")).to_contain_text(
        "AWS Secrets Manager"
    )
    assert not reader.problems


def test_a_missing_page_says_so_and_offers_search_and_the_overview(
    reader: Reader, site_url: str
):
    page = reader.page

    response = reader.open(MISSING)

    assert response
    assert response.status == 404
    expect(page.locator("article h1")).to_have_text("Page not found")
    # Only the page itself is missing: its styles and scripts load.
    assert all(MISSING in problem for problem in reader.problems), (
        reader.problems
    )
    assert not accessibility_violations(page)
    expect(
        page.get_by_role("link", name="overview", exact=True)
    ).to_have_attribute("href", "/.")

    page.get_by_label("Search this site for").fill("GetSecretValue")
    page.get_by_role("button", name="Search", exact=True).click()

    expect(page).to_have_url(f"{site_url}/?q=GetSecretValue")
    expect(page.locator(".md-search-result__list > li").first).to_be_visible()
