"""Build the site from docs/ and read back what a reader sees on each page.

Two builders read the same docs/ and mkdocs.yml: MkDocs with Material for
MkDocs, which publishes the site, and Zensical, its successor. Each builds
once per pytest run, for the tests that ask for its fixture.
"""

import functools
import re
import subprocess
import sys
import tempfile
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import NamedTuple

import pytest
from bs4 import BeautifulSoup, Tag

from tests.support.paths import DOCS, LOCK, ROOT
from tests.support.shared import shared_fixture
from tests.support.untraced import untraced

NOT_RUN = "data-not-run"
HEADINGS = ["h1", "h2", "h3", "h4", "h5", "h6"]
# Zensical colours its messages even when they go to a file.
ANSI_ESCAPE = re.compile(r"\x1b\[[0-9;]*m")
# The footer names the versions the snippets were verified with: mkdocs.yml
# reads them from these variables, which `make` sets from the lock too.
VERIFIED_WITH = {"boto3": "VERIFIED_BOTO3", "moto": "VERIFIED_MOTO"}


def page_id(page: Path) -> str:
    return str(page.relative_to(ROOT))


def page_url(page: Path) -> str:
    """Where the page built from `page` is, from the site's root:
    ``how-to/store/`` for docs/how-to/store.md, ``""`` for docs/index.md."""
    relative = page.relative_to(DOCS).with_suffix("")
    if relative.name == "index":
        relative = relative.parent
    return "" if relative == Path() else f"{relative.as_posix()}/"


def locked_version(package: str) -> str:
    """The version requirements.lock pins `package` to."""
    pin = re.search(
        rf"^{re.escape(package)}==([^\s;]+)", LOCK.read_text(), re.MULTILINE
    )
    if not pin:
        raise LookupError(f"requirements.lock pins no {package}")
    return pin.group(1)


@dataclass(frozen=True)
class Build:
    """A site folder, and the builder's output if the build failed."""

    builder: str
    site: Path
    failure: str | None

    def site_or_fail(self) -> Path:
        """The site, for tests that read it; one test reports the failure."""
        if self.failure:
            pytest.fail(
                f"the site did not build with {self.builder}: see "
                f"test_site_builds_with_{self.builder.lower()}",
                pytrace=False,
            )
        return self.site


def build_with_mkdocs(site: Path, config: Path | None = None) -> Build:
    """Build docs/ with mkdocs.yml, or another site with its `config`."""
    config_file = ["--config-file", str(config)] if config else []
    return _build(
        "MkDocs",
        site,
        ["mkdocs", "build", "--strict", "--site-dir", str(site), *config_file],
    )


def build_with_zensical(site: Path) -> Build:
    """Zensical has no --site-dir: mkdocs.yml reads SITE_DIR, which must be
    inside the repository. --clean drops what earlier builds cached."""
    return _build(
        "Zensical",
        site,
        ["zensical", "build", "--strict", "--clean"],
        SITE_DIR=str(site),
    )


def _build(builder: str, site: Path, args: list[str], **env: str) -> Build:
    verified_with = {
        variable: locked_version(package)
        for package, variable in VERIFIED_WITH.items()
    }
    result = subprocess.run(
        [sys.executable, "-m", *args],
        cwd=ROOT,
        # Material's end-of-life notice would bury the warning that failed.
        env=untraced() | {"NO_MKDOCS_2_WARNING": "1"} | verified_with | env,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
        check=False,
    )
    output = ANSI_ESCAPE.sub("", result.stdout)
    return Build(builder, site, output if result.returncode else None)


def html_files(site: Path) -> set[str]:
    return {str(path.relative_to(site)) for path in site.rglob("*.html")}


@functools.cache
def article(site: Path, page: Path) -> Tag:
    """The page's content as built from `page`, without header, navigation,
    table of contents or footer. Parsed once: callers must not change it."""
    html = (site / page_url(page) / "index.html").read_text()
    return BeautifulSoup(html, "html.parser").find("article")


class CodeBlock(NamedTuple):
    text: str
    # The reason in the fence's data-not-run attribute, if it has one.
    not_run: str | None
    # The heading the block is under, to name the block in a failure.
    heading: str


class Heading(NamedTuple):
    level: str
    anchor: str
    text: str


def rendered_code_blocks(site: Path, page: Path) -> list[CodeBlock]:
    """Each code block on the page built from `page`."""
    blocks = []
    for pre in article(site, page).find_all("pre"):
        heading = pre.find_previous(HEADINGS)
        blocks.append(
            CodeBlock(
                text=pre.get_text().strip("\n"),
                not_run=pre.parent.get(NOT_RUN),
                heading=heading_text(heading) if heading else "",
            )
        )
    return blocks


def rendered_headings(site: Path, page: Path) -> list[Heading]:
    """Each heading on the page built from `page`, with its anchor."""
    return [
        Heading(heading.name, heading.get("id", ""), heading_text(heading))
        for heading in article(site, page).find_all(HEADINGS)
    ]


def heading_text(heading: Tag) -> str:
    """What the heading says, without the permalink the theme appends."""
    return " ".join(
        " ".join(
            text
            for text in heading.find_all(string=True)
            if not text.find_parent("a", class_="headerlink")
        ).split()
    )


@pytest.fixture(scope="session")
def mkdocs_build(tmp_path_factory: pytest.TempPathFactory) -> Build:
    return build_with_mkdocs(tmp_path_factory.mktemp("site"))


@shared_fixture
def zensical_build() -> Iterator[Build]:
    # Zensical writes only inside the folder that holds mkdocs.yml, and
    # keeps its cache in .cache/ there: one build at a time.
    with tempfile.TemporaryDirectory(prefix="site-zensical-", dir=ROOT) as d:
        yield build_with_zensical(Path(d))


@pytest.fixture
def mkdocs_site(mkdocs_build: Build) -> Path:
    return mkdocs_build.site_or_fail()


@pytest.fixture
def zensical_site(zensical_build: Build) -> Path:
    return zensical_build.site_or_fail()


@pytest.fixture(scope="session")
def published_build(mkdocs_build: Build) -> Build:
    """The build readers get, which the drift guard and the browser tests
    check. Moving to Zensical means asking for `zensical_build` here."""
    return mkdocs_build


@pytest.fixture
def published_site(published_build: Build) -> Path:
    return published_build.site_or_fail()
