"""Serve a built site on 127.0.0.1 and read it in Chromium, as readers do.

Playwright drives Debian's Chromium (`apt-get install chromium`), not a
browser of its own. The browser reaches only the served site: a request to
any other origin is refused, and recorded as a problem.

One build, one server and one browser serve every browser test. Each
`reader` is a fresh browser context, so that what one test stores (the
palette, the chosen tab) does not reach the next.
"""

import functools
import os
import sys
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import (
    Browser,
    BrowserContext,
    ConsoleMessage,
    Page,
    Playwright,
    Request,
    Response,
    WebError,
    sync_playwright,
)

from tests.support.sites import Build
from tests.support.tools import require_tool

CHROMIUM = Path(os.environ.get("CHROMIUM", "/usr/bin/chromium"))
INSTALL_CHROMIUM = (
    f"Chromium is not at {CHROMIUM}. Install Debian's with "
    "`sudo apt-get install chromium`, or set CHROMIUM to the path of "
    "Chromium or Chrome."
)
CHROMIUM_ARGS = [
    # As root (CI) Chromium's sandbox cannot start; the pages are our own.
    "--no-sandbox",
    "--disable-gpu",
    # Containers give /dev/shm 64 MB, too little for Chromium.
    "--disable-dev-shm-usage",
    # Chromium's own traffic: updates, sync, field trials, first-run pages.
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    # Names resolve to nothing but loopback, as in the tests' sandbox.
    "--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1",
]
# axe-core's impact levels that fail a page; "minor" and "moderate" do not.
BLOCKING_IMPACTS = {"serious", "critical"}


class SiteHandler(SimpleHTTPRequestHandler):
    """Serves the site as GitHub Pages does: a missing path gets 404.html,
    and a folder without its trailing slash a redirect to it."""

    def send_error(self, code, message=None, explain=None) -> None:
        not_found = Path(self.directory) / "404.html"
        if code != 404 or not not_found.is_file():
            super().send_error(code, message, explain)
            return
        body = not_found.read_bytes()
        self.send_response(404)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(body)

    def log_message(self, format, *args) -> None:
        """Quiet: the browser reports what failed."""


class SiteServer(ThreadingHTTPServer):
    def handle_error(self, request, client_address) -> None:
        """Quiet when the browser hangs up, as it does on leaving a page
        before all of it arrived; any other error is printed."""
        if not isinstance(sys.exc_info()[1], ConnectionError):
            super().handle_error(request, client_address)


@contextmanager
def served(site: Path) -> Iterator[str]:
    """Serve `site` on 127.0.0.1 and a free port; yield its origin."""
    handler = functools.partial(SiteHandler, directory=str(site))
    server = SiteServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_port}"
    finally:
        server.shutdown()
        server.server_close()
        thread.join()


def launch(playwright: Playwright) -> Browser:
    return playwright.chromium.launch(
        executable_path=CHROMIUM, args=CHROMIUM_ARGS
    )


@contextmanager
def reading(browser: Browser, origin: str) -> Iterator["Reader"]:
    """A new reader of the site at `origin`: in the light colour scheme,
    with nothing stored yet, and allowed to use the clipboard."""
    context = browser.new_context(
        base_url=f"{origin}/",
        color_scheme="light",
        permissions=["clipboard-read", "clipboard-write"],
    )
    try:
        yield Reader(context, origin)
    finally:
        context.close()


def keep_to_origin(context: BrowserContext, origin: str) -> list[str]:
    """Refuse every request from `context` to another origin than
    `origin`; return the list that each refused URL is added to."""
    refused: list[str] = []

    def refuse(route) -> None:
        refused.append(route.request.url)
        route.abort("blockedbyclient")

    context.route(lambda url: not url.startswith(f"{origin}/"), refuse)
    return refused


class Reader:
    """A reader's browser on the served site, which records what went
    wrong: console errors, uncaught exceptions, failed requests, error
    responses, and requests to other origins (which are refused)."""

    def __init__(self, context: BrowserContext, origin: str) -> None:
        self.origin = origin
        self.errors: list[str] = []
        self.elsewhere = keep_to_origin(context, origin)
        context.on("console", self._console)
        context.on("weberror", self._web_error)
        context.on("requestfailed", self._request_failed)
        context.on("response", self._response)
        self.page: Page = context.new_page()

    def open(self, path: str, *, settle: bool = False) -> Response | None:
        """Go to `path` on the site and wait for its load event; to `settle`
        is to wait, too, until the page has made all its requests (the
        search index, for one): half a second with none."""
        response = self.page.goto(path)
        if settle:
            self.page.wait_for_load_state("networkidle")
        return response

    def forget_problems(self) -> None:
        self.errors.clear()
        self.elsewhere.clear()

    @property
    def problems(self) -> list[str]:
        return self.errors + [
            f"request to another origin: {url}" for url in self.elsewhere
        ]

    def _console(self, message: ConsoleMessage) -> None:
        if message.type == "error":
            self.errors.append(
                f"console error on {message.page.url}: {message.text}"
            )

    def _web_error(self, error: WebError) -> None:
        self.errors.append(f"uncaught exception: {error.error}")

    def _request_failed(self, request: Request) -> None:
        if request.url not in self.elsewhere:
            self.errors.append(f"{request.url} failed: {request.failure}")

    def _response(self, response: Response) -> None:
        if response.status >= 400:
            self.errors.append(f"{response.url} answered {response.status}")


def accessibility_violations(page: Page, **options) -> list[str]:
    """What axe-core finds serious or critical on the page as it is now,
    one line each; `options` go to axe.run (e.g. runOnly)."""
    results = Axe().run(
        page, options={"resultTypes": ["violations"]} | options
    )
    return [
        f"{violation['id']} ({violation['impact']}): {violation['help']}, at "
        + ", ".join(str(node["target"]) for node in violation["nodes"][:5])
        for violation in results.response["violations"]
        if violation["impact"] in BLOCKING_IMPACTS
    ]


@pytest.fixture(scope="session")
def browser() -> Iterator[Browser]:
    """Chromium, one per xdist worker: it starts in a quarter of a second,
    and the browser tests then spread over every core."""
    require_tool(CHROMIUM.is_file(), INSTALL_CHROMIUM)
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
