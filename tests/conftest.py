"""Every test runs in the sandbox of tests/support/sandbox.py: fake
credentials, a fixed region, no network beyond loopback. The fixtures in
tests/support/ are plugins, so any test can ask for them by name."""

import pytest

# Before the plugins import the package: a failing check there shows values.
pytest.register_assert_rewrite("tests.support")

pytest_plugins = [
    "tests.support.sandbox",
    "tests.support.live",
    "tests.support.shared",
    "tests.support.aws",
    "tests.support.layer",
    "tests.support.postgres",
    "tests.support.replicas",
    "tests.support.sites",
    "tests.support.browsing",
]
