"""Each diagram's source is text in diagrams/; readers see SVGs rendered
from it, one for each colour scheme, committed in docs/assets.

The SVGs are rendered ahead of time (`make diagrams`) rather than by a
script in the reader's browser, which Material would load from a CDN.
"""

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from tests.support.paths import DOCS, ROOT

DIAGRAMS = ROOT / "diagrams"
ASSETS = DOCS / "assets"
SCHEMES = {"light": "#only-light", "dark": "#only-dark"}
NAMES = sorted(source.stem for source in DIAGRAMS.glob("*.d2"))
SVGS = [f"{name}-{scheme}.svg" for name in NAMES for scheme in SCHEMES]
# The only URLs an SVG may hold: XML namespaces, which are never fetched.
NAMESPACES = {"http://www.w3.org/2000/svg", "http://www.w3.org/1999/xlink"}


@pytest.fixture(scope="module")
def rendered(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The SVGs as `make diagrams` renders them now, in a fresh folder."""
    output = tmp_path_factory.mktemp("diagrams")
    venv_bin = str(Path(sys.executable).parent)
    subprocess.run(
        ["sh", str(DIAGRAMS / "render.sh"), str(output)],
        env=os.environ | {"PATH": venv_bin + os.pathsep + os.environ["PATH"]},
        capture_output=True,
        check=True,
        timeout=60,
    )
    return output


def test_there_is_a_diagram():
    assert "overview" in NAMES


@pytest.mark.parametrize("svg", SVGS)
def test_committed_svg_is_what_its_source_renders_to(rendered, svg):
    committed = ASSETS / svg
    assert committed.is_file(), f"docs/assets/{svg} is missing"
    assert committed.read_bytes() == (rendered / svg).read_bytes(), (
        f"docs/assets/{svg} is stale: run `make diagrams` and commit it"
    )


@pytest.mark.parametrize("svg", SVGS)
def test_svg_loads_nothing_from_elsewhere(svg):
    urls = set(re.findall(r"https?://[^\"')\s]+", (ASSETS / svg).read_text()))
    assert urls <= NAMESPACES


@pytest.mark.parametrize("name", NAMES)
def test_a_page_shows_each_scheme_its_own_svg(published_site, name):
    shown = {
        Path(image["src"]).name
        for page in published_site.rglob("*.html")
        for image in BeautifulSoup(page.read_text(), "html.parser").find_all(
            "img"
        )
    }
    for scheme, fragment in SCHEMES.items():
        assert f"{name}-{scheme}.svg{fragment}" in shown
