"""Every test here runs inside moto: the `aws` fixture of
tests/support/aws.py, which also runs the examples. And every test checks
that no example logged a secret's value (tests/support/logs.py)."""

import pytest

from tests.support.logs import holding, logging_everything


@pytest.fixture(autouse=True)
def inside_moto(aws):
    """Each test's AWS calls, and its examples', reach only moto."""


@pytest.fixture(autouse=True)
def nothing_secret_logged(request: pytest.FixtureRequest, inside_moto, aws):
    """The root logger at DEBUG for the whole test; afterwards, no record an
    example emitted may hold a value of any secret the test can see."""
    with logging_everything() as logged:
        yield
    if request.node.get_closest_marker("shows_secret_values"):
        return
    records = {f"record {n}": text for n, text in enumerate(logged.texts, 1)}
    leaks = holding(records, aws.secret_values())
    if leaks:
        pytest.fail(
            "An example logged a secret's value at DEBUG, where a Lambda "
            f"function's log level can be set ({len(leaks)} records). Keep "
            'botocore below DEBUG: logging.getLogger("botocore")'
            ".setLevel(logging.INFO).",
            pytrace=False,
        )
