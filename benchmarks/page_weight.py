"""What each page costs a reader's browser on first load.

Run with `make page-weight`. Builds the site and, as the baseline, a bare
Material for MkDocs site of one short page (the theme's defaults, with Google
Fonts off, as on our site); serves both on 127.0.0.1; and loads every page in
Chromium with an empty cache. For each page it prints what a reader downloads,
the bodies gzipped at level 6 as hosts such as GitHub Pages serve them, the
same decoded, and the requests made, of which those to other sites. The
decoded kilobytes split into the theme's own files, the search index (the
whole site's text, which Material fetches on every first load) and the rest:
the page itself, its stylesheet and images.

Targets: at most 1.7 times the bare page's gzipped weight, at most 15
requests, and none to another site.
"""

import contextlib
import gzip
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

# Of the bare Material page's gzipped kilobytes.
TARGET_GZIP_RATIO = 1.7
TARGET_REQUESTS = 15
GZIP_LEVEL = 6  # the level hosts commonly use
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
    """What a first load fetched: kB gzipped, kB decoded by kind, and the
    requests made, of which those to other sites (which the reader's
    browser refuses, see tests/support/browsing.py)."""

    gzip: float = 0
    theme: float = 0
    search_index: float = 0
    page: float = 0
    requests: int = 0
    elsewhere: int = 0

    @property
    def decoded(self) -> float:
        return self.theme + self.search_index + self.page

    def add(self, path: str, body: bytes) -> None:
        self.gzip += len(gzip.compress(body, compresslevel=GZIP_LEVEL)) / 1000
        kb = len(body) / 1000
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
        weight = Weight(
            requests=len(requests), elsewhere=len(reader.elsewhere)
        )
        for request in requests:
            response = request.response()
            # No body: a redirect, or a request that failed.
            with contextlib.suppress(Error):
                body = response.body() if response else b""
                weight.add(urlsplit(request.url).path, body)
    return weight


def row(name: str, weight: Weight, baseline: Weight) -> str:
    ratio = weight.gzip / baseline.gzip
    over = [
        label
        for label, over_target in [
            ("gzip kB", ratio > TARGET_GZIP_RATIO),
            ("requests", weight.requests > TARGET_REQUESTS),
            ("other sites", weight.elsewhere > 0),
        ]
        if over_target
    ]
    flag = f"  over target ({', '.join(over)})" if over else ""
    return (
        f"  {name:<30} {weight.gzip:>6.1f} {ratio:>5.2f}"
        f" {weight.decoded:>7.1f} {weight.requests:>8} {weight.elsewhere:>6}"
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
        baseline_site = build_baseline(baseline_folder)
        with (
            served(site) as origin,
            served(baseline_site) as baseline_origin,
            sync_playwright() as playwright,
        ):
            browser = launch(playwright)
            baseline = weigh(browser, baseline_origin, "")
            print(
                "First load, empty cache. Targets: at most "
                f"{TARGET_GZIP_RATIO} x the bare page's gzipped kB "
                f"({TARGET_GZIP_RATIO * baseline.gzip:.1f} kB), "
                f"{TARGET_REQUESTS} requests, no other site.\n"
            )
            print(
                f"  {'':<30} {'gzip':>6} {'x bare':>5} {'decoded':>7}"
                f" {'requests':>8} {'other':>6}"
                f" {'theme':>6} {'search':>6} {'page':>6}"
            )
            print(row("bare Material page (baseline)", baseline, baseline))
            for page in PAGES:
                weight = weigh(browser, origin, page_url(page))
                print(row(page_id(page), weight, baseline))
            browser.close()


if __name__ == "__main__":
    main()
