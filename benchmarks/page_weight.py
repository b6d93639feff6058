"""What each page costs a reader's browser on first load.

Run with `make page-weight`. Builds the site and, as the baseline, a bare
Material for MkDocs site of one short page (the theme's defaults, with Google
Fonts off, as on our site); serves both on 127.0.0.1; and loads every page in
Chromium with an empty cache. Prints the bytes received, decoded, and the
requests made, beside the target: under 400 kB and 15 requests a page, and
splits the kilobytes into the theme's own files, the search index (the
whole site's text, which Material fetches on every first load) and the rest:
the page itself, its stylesheet and images.
"""

import contextlib
import sys
import tempfile
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlsplit

from playwright.sync_api import Browser, Error, Request, sync_playwright

from tests.support.browsing import (
    CHROMIUM,
    INSTALL_CHROMIUM,
    launch,
    reading,
    served,
)
from tests.support.paths import PAGES
from tests.support.sites import build_with_mkdocs, page_id, page_url

TARGET_KB = 400
TARGET_REQUESTS = 15
# Material's stylesheets, scripts and favicon, the same on every page.
THEME_FILES = (
    "/assets/stylesheets/",
    "/assets/javascripts/",
    "/assets/images/",
)
BASELINE_CONFIG = """\
site_name: Baseline
theme:
  name: material
  font: false
"""
BASELINE_PAGE = "# Baseline\n\nOne paragraph of text.\n"


def build_baseline(folder: Path) -> Path:
    (folder / "docs").mkdir()
    (folder / "docs/index.md").write_text(BASELINE_PAGE)
    (folder / "mkdocs.yml").write_text(BASELINE_CONFIG)
    return built(build_with_mkdocs(folder / "site", folder / "mkdocs.yml"))


def built(build) -> Path:
    if build.failure:
        sys.exit(f"the {build.builder} build failed:\n{build.failure}")
    return build.site


@dataclass
class Weight:
    """kB received (decoded bodies), by kind, and the requests made."""

    theme: float = 0
    search_index: float = 0
    page: float = 0
    requests: int = 0

    @property
    def total(self) -> float:
        return self.theme + self.search_index + self.page

    def add(self, path: str, size: int) -> None:
        kb = size / 1000
        if path.endswith("/search_index.json"):
            self.search_index += kb
        elif path.startswith(THEME_FILES):
            self.theme += kb
        else:
            self.page += kb


def weigh(browser: Browser, origin: str, path: str) -> Weight:
    with reading(browser, origin) as reader:
        requests: list[Request] = []
        reader.page.context.on("request", lambda r: requests.append(r))
        reader.open(path, settle=True)
        for problem in reader.problems:
            print(f"    ! {problem}")
        weight = Weight(requests=len(requests))
        for request in requests:
            response = request.response()
            # No body: a redirect, or a request that failed.
            with contextlib.suppress(Error):
                size = len(response.body()) if response else 0
                weight.add(urlsplit(request.url).path, size)
    return weight


def row(name: str, weight: Weight) -> str:
    over = [
        label
        for label, value, limit in [
            ("kB", weight.total, TARGET_KB),
            ("requests", weight.requests, TARGET_REQUESTS),
        ]
        if value >= limit
    ]
    flag = f"  over target ({', '.join(over)})" if over else ""
    return (
        f"  {name:<30} {weight.total:>6.1f} {weight.requests:>8}"
        f" {weight.theme:>6.1f} {weight.search_index:>6.1f}"
        f" {weight.page:>6.1f}{flag}"
    )


def main() -> None:
    if not CHROMIUM.is_file():
        sys.exit(INSTALL_CHROMIUM)
    with tempfile.TemporaryDirectory() as folder:
        site = built(build_with_mkdocs(Path(folder) / "site"))
        baseline_folder = Path(folder) / "baseline"
        baseline_folder.mkdir()
        baseline = build_baseline(baseline_folder)
        with (
            served(site) as origin,
            served(baseline) as baseline_origin,
            sync_playwright() as playwright,
        ):
            browser = launch(playwright)
            print(
                "First load, empty cache; target: under "
                f"{TARGET_KB} kB and {TARGET_REQUESTS} requests a page.\n"
            )
            print(
                f"  {'page':<30} {'kB':>6} {'requests':>8}"
                f" {'theme':>6} {'search':>6} {'page':>6}"
            )
            print(
                row(
                    "bare Material page (baseline)",
                    weigh(browser, baseline_origin, ""),
                )
            )
            for page in PAGES:
                print(
                    row(page_id(page), weigh(browser, origin, page_url(page)))
                )
            browser.close()


if __name__ == "__main__":
    main()
