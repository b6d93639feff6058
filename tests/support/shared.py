"""Session fixtures that all their tests share on one xdist worker.

`make test` spreads tests over the cores with pytest-xdist, and each worker
sets up session fixtures of its own. A fixture made with `shared_fixture`
writes outside a temporary folder (dist/, Zensical's .cache/) or is costly to
start twice (a PostgreSQL server): every test that uses it goes
to one worker, as an xdist group named after it.
"""

from collections.abc import Callable

import pytest

# In the order the plugins define them; a test using two takes the first.
SHARED: list[str] = []


def shared_fixture(function: Callable) -> Callable:
    """A session-scoped fixture whose tests run on one worker."""
    SHARED.append(function.__name__)
    return pytest.fixture(scope="session")(function)


# First, so that xdist's own hook on the worker sees the groups.
@pytest.hookimpl(tryfirst=True)
def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    for item in items:
        used = [name for name in SHARED if name in item.fixturenames]
        if used:
            item.add_marker(pytest.mark.xdist_group(used[0]))
