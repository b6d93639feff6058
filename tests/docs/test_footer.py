"""Every page names the versions of boto3 and moto the snippets were tested
with, as requirements.lock pins them: read at build time, never typed in.

mkdocs.yml reads them from the environment, which the tests' builds
(tests/support/sites.py) and `make` fill from the lock; the theme's footer
shows them (overrides/partials/copyright.html).
"""

import subprocess
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from tests.support.paths import PAGES, ROOT
from tests.support.sites import VERIFIED_WITH, locked_version, page_url

# Prints what `make` passes to mkdocs, when given after the Makefile.
SHOW_VERSIONS = "show-versions:\n\t@echo " + " ".join(
    f"$${variable}" for variable in VERIFIED_WITH.values()
)


def shown_versions(site: Path, path: str) -> dict[str, str]:
    html = (site / path).read_text()
    footer = BeautifulSoup(html, "html.parser").find("footer")
    return {
        span["data-package"]: span.get_text()
        for span in footer.select("[data-verified-with] [data-package]")
    }


@pytest.mark.parametrize("site", ["mkdocs_site", "zensical_site"])
def test_every_page_names_the_locked_boto3_and_moto(
    request: pytest.FixtureRequest, site: str
):
    built = request.getfixturevalue(site)
    locked = {package: locked_version(package) for package in VERIFIED_WITH}
    paths = [f"{page_url(page)}index.html" for page in PAGES] + ["404.html"]

    wrong = {
        path: shown
        for path in paths
        if (shown := shown_versions(built, path)) != locked
    }

    assert not wrong, f"the lock pins {locked}; pages show: {wrong}"


def test_make_passes_the_locked_versions_to_the_build():
    shown = subprocess.run(
        ["make", "--silent", "-f", "Makefile", "-f", "-", "show-versions"],
        input=SHOW_VERSIONS + "\n",
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=True,
    ).stdout.split()

    assert shown == [locked_version(package) for package in VERIFIED_WITH]
