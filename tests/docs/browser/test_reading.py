"""What readers do on the site: search, switch tabs, copy a snippet, look at
the diagram, switch to the dark scheme. Each test is a new reader."""

import re
import urllib.parse

import pytest
from playwright.sync_api import Locator, Page, expect

from tests.support.browsing import Reader
from tests.support.code_blocks import example_blocks

# What a reader types, and the page that must come first for it. Pages whose
# subject a term names, but which other pages mention too, are boosted in
# their front matter.
SEARCHES = {
    "GetSecretValue": "how-to/retrieve/",
    "recovery window": "how-to/delete/",
    "ManageMasterUserPassword": "how-to/rds-managed/",
    "RotationFailed": "how-to/alarms/",
    "replicate": "how-to/replicate/",
    "BlockPublicPolicy": "how-to/cross-account/",
    "audit secrets": "how-to/audit/",
    "Lambda extension": "lambda-extension/",
    "VPC endpoint": "how-to/vpc/",
    "BatchGetSecretValue": "how-to/retrieve/",
}


@pytest.mark.parametrize(("query", "page_path"), SEARCHES.items())
def test_search_finds_the_page_first_and_highlights_the_terms(
    reader: Reader, query: str, page_path: str
):
    page = reader.page
    reader.open("")

    # Typed, key by key: Material searches on each key released.
    page.get_by_placeholder("Search").press_sequentially(query)
    first = page.locator(".md-search-result__link").first
    expect(first).to_have_attribute("href", re.compile(re.escape(page_path)))
    # Material adds ?h=<terms> to the results whose text holds the terms;
    # the whole query's, once the last key's results are shown.
    highlight = urllib.parse.quote_plus(query.lower())
    result = page.locator(
        f'.md-search-result__link[href*="{page_path}?h={highlight}"]'
    ).first
    expect(result).to_be_visible()
    result.click()

    expect(page).to_have_url(re.compile(re.escape(page_path)))
    marks = page.locator("article mark[data-md-highlight]")
    expect(marks.first).to_be_visible()
    terms = set(query.lower().split())
    for mark in marks.all_inner_texts():
        assert set(mark.lower().split()) <= terms, mark
    assert not reader.problems


def test_the_chosen_tab_stays_chosen_on_the_next_page(reader: Reader):
    page = reader.page
    cli_tabs = page.locator(
        "article .tabbed-labels > label", has_text="AWS CLI"
    )
    reader.open("how-to/store/")
    expect(tab_input(cli_tabs.first)).not_to_be_checked()

    cli_tabs.first.click()
    reader.open("policies/")

    assert cli_tabs.count(), "policies/ has no AWS CLI tab"
    for label in cli_tabs.all():
        expect(tab_input(label)).to_be_checked()


def tab_input(label: Locator) -> Locator:
    """The radio button that a content tab's label selects."""
    return label.page.locator(f"[id='{label.get_attribute('for')}']")


def test_the_copy_button_copies_exactly_the_snippet(reader: Reader):
    page = reader.page
    reader.open("how-to/store/")
    tabs = page.locator("article .tabbed-set").first
    tabs.locator(".tabbed-labels > label", has_text="Python").click()
    code = tabs.locator(".tabbed-block").nth(1).locator(".highlight")

    code.hover()
    code.get_by_title("Copy to clipboard").click()

    copied = page.evaluate("navigator.clipboard.readText()")
    snippet = example_blocks()[
        "examples/store_secret.py:store_database_credentials"
    ]
    assert copied == snippet


def test_the_overview_shows_its_diagram_as_svg_in_either_scheme(
    reader: Reader,
):
    page = reader.page
    reader.open("")

    light = shown_diagram(page)
    page.get_by_title("Switch to dark mode").click()
    dark = shown_diagram(page)

    assert light.startswith("svg") or light.endswith("#only-light"), light
    assert dark.startswith("svg") or dark.endswith("#only-dark"), dark
    assert not reader.problems


def shown_diagram(page: Page) -> str:
    """The one diagram the article shows now, drawn as SVG: inline, or an
    image file whose address may end in #only-light or #only-dark, which
    Material shows only in that scheme. Returns "svg" or the image's src."""
    diagrams = page.locator(
        "article svg:not(.md-icon svg, .twemoji svg), "
        'article img[src$=".svg"], article img[src*=".svg#"]'
    ).filter(visible=True)
    expect(diagrams).to_have_count(1)
    box = diagrams.bounding_box()
    assert box
    assert box["width"] >= 200
    assert box["height"] >= 100
    if diagrams.evaluate("element => element.tagName") == "svg":
        return "svg"
    # Each scheme's image is lazy: it loads once the scheme shows it.
    page.wait_for_function(
        "image => image.complete && image.naturalWidth > 0",
        arg=diagrams.element_handle(),
    )
    return diagrams.get_attribute("src")


def test_the_dark_scheme_is_kept_from_page_to_page(reader: Reader):
    page = reader.page
    scheme = page.locator("body")
    reader.open("")
    expect(scheme).to_have_attribute("data-md-color-scheme", "default")

    page.get_by_title("Switch to dark mode").click()
    expect(scheme).to_have_attribute("data-md-color-scheme", "slate")
    reader.open("how-to/store/")
    expect(scheme).to_have_attribute("data-md-color-scheme", "slate")

    page.get_by_title("Switch to light mode").click()
    reader.open("policies/")
    expect(scheme).to_have_attribute("data-md-color-scheme", "default")
