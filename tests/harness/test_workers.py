"""Tests that share a resource share an xdist worker (tests/support/shared.py).

pytest-xdist can stop honouring its groups without a word, as it did with
pytest 9.2 (pytest-dev/pytest-xdist#1386): two workers would then start the
same shared resource at once, and write dist/ or .cache/ together.
"""

import pytest

from tests.support.shared import shared_fixture


@shared_fixture
def resource_of_this_module() -> str:
    return "shared"


def test_tests_of_a_shared_fixture_are_one_xdist_group(
    request: pytest.FixtureRequest, resource_of_this_module: str
):
    if not getattr(request.config.option, "loadgroup", False):
        pytest.skip("checked under `make test`: xdist with --dist loadgroup")

    assert request.node.nodeid.endswith("@resource_of_this_module")
