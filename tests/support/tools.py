"""Programs from the system that some tests need.

Without one, those tests are skipped with a note on how to install it; with
the CI variable set they fail instead, so that CI cannot pass by skipping.
"""

import functools
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

JQ_HINT = (
    "The AWS CLI tabs that build or edit JSON use jq, which is not "
    "installed: `sudo apt-get install jq` on Debian or Ubuntu."
)


AWS_CLI_V2_HINT = (
    "The AWS CLI tabs run under AWS CLI v1 (from the virtualenv) and v2, "
    "which is not installed: `sudo apt-get install awscli` on Debian 12, "
    "or AWS's installer (docs.aws.amazon.com/cli/latest/userguide/"
    "getting-started-install.html)."
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


def require_aws_cli_v2() -> str:
    """The path of an AWS CLI v2 on PATH: the virtualenv's `aws` is v1."""
    found = aws_cli_v2()
    require_tool(found, AWS_CLI_V2_HINT)
    return found


@functools.cache
def aws_cli_v2() -> str | None:
    venv_bin = Path(sys.executable).parent
    for folder in os.environ["PATH"].split(os.pathsep):
        program = Path(folder, "aws")
        if Path(folder) == venv_bin or not os.access(program, os.X_OK):
            continue
        version = subprocess.run(
            [program, "--version"], capture_output=True, text=True
        )
        if version.stdout.startswith("aws-cli/2."):
            return str(program)
    return None
