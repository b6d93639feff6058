"""The site, built once per pytest run by each builder."""

import tempfile
from collections.abc import Iterator
from pathlib import Path

import pytest
from sites import ROOT, Build, build_with_mkdocs, build_with_zensical


@pytest.fixture(scope="session")
def mkdocs_build(tmp_path_factory: pytest.TempPathFactory) -> Build:
    return build_with_mkdocs(tmp_path_factory.mktemp("site"))


@pytest.fixture(scope="session")
def zensical_build() -> Iterator[Build]:
    # Zensical writes only inside the folder that holds mkdocs.yml.
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
