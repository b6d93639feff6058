"""Programs from the system that some tests need.

Without one, those tests are skipped with a note on how to install it; with
the CI variable set they fail instead, so that CI cannot pass by skipping.
"""

import os
import shutil

import pytest

JQ_HINT = (
    "The AWS CLI tabs that build or edit JSON use jq, which is not "
    "installed: `sudo apt-get install jq` on Debian or Ubuntu."
)


def require_tool(found: object, install_hint: str) -> None:
    """Skip the test, or fail it under CI, unless `found` is truthy."""
    if found:
        return
    if os.environ.get("CI"):
        pytest.fail(install_hint, pytrace=False)
    pytest.skip(install_hint)


def require_jq() -> None:
    require_tool(shutil.which("jq"), JQ_HINT)
