"""Every test here runs inside moto: the `aws` fixture of
tests/support/aws.py, which also runs the examples."""

import pytest


@pytest.fixture(autouse=True)
def inside_moto(aws):
    """Each test's AWS calls, and its examples', reach only moto."""
