"""What each page costs a reader's browser on first load.

Run with `make page-weight`. Builds the site and, as the baseline, a bare
Material for MkDocs site of one short page (the theme's defaults, with Google
Fonts off, as on our site); serves both on 127.0.0.1; and loads every page in
Chromium with an empty cache. Prints the bytes received, decoded, and the
requests made, beside the target: under 400 kB and 15 requests a page.
"""

import contextlib
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "tests/docs"))

from browsing import CHROMIUM, INSTALL_CHROMIUM, launch, reading, served
from playwright.sync_api import Browser, Error, Request, sync_playwright
from sites import PAGES, build_with_mkdocs, page_id, page_url

TARGET_KB = 400
TARGET_REQUESTS = 15
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


def weigh(browser: Browser, origin: str, path: str) -> tuple[float, int]:
    """kB received (decoded bodies) and requests made, loading `path`."""
    with reading(browser, origin) as reader:
        requests: list[Request] = []
        reader.page.context.on("request", lambda r: requests.append(r))
        reader.open(path, settle=True)
        for problem in reader.problems:
            print(f"    ! {problem}")
        received = 0
        for request in requests:
            response = request.response()
            # No body: a redirect, or a request that failed.
            with contextlib.suppress(Error):
                received += len(response.body()) if response else 0
    return received / 1000, len(requests)


def row(name: str, kb: float, requests: int) -> str:
    over = [
        label
        for label, value, limit in [
            ("kB", kb, TARGET_KB),
            ("requests", requests, TARGET_REQUESTS),
        ]
        if value >= limit
    ]
    flag = f"  over target ({', '.join(over)})" if over else ""
    return f"  {name:<34} {kb:>8.1f} {requests:>9}{flag}"


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
            print(f"  {'page':<34} {'kB':>8} {'requests':>9}")
            print(
                row(
                    "bare Material page (baseline)",
                    *weigh(browser, baseline_origin, ""),
                )
            )
            for page in PAGES:
                print(
                    row(page_id(page), *weigh(browser, origin, page_url(page)))
                )
            browser.close()


if __name__ == "__main__":
    main()
