"""Subprocesses that run none of examples/, kept outside coverage.

Under `--cov`, coverage's subprocess patch traces every Python child it can
reach through the environment. A child that runs no example (a site build, an
inner pytest run, the AWS CLI, `make layer`) would only take up to twice as
long and measure nothing. The AWS CLI's wrapper (command_lines.py) drops
the same settings.
"""

import os
import subprocess
import sys
from collections.abc import Mapping

from tests.support.paths import ROOT


def untraced(environ: Mapping[str, str] = os.environ) -> dict[str, str]:
    """`environ` without coverage's settings."""
    return {k: v for k, v in environ.items() if not k.startswith("COVERAGE_")}


def run_module(
    module: str, *args: str, env: Mapping[str, str]
) -> subprocess.CompletedProcess:
    """``python -m <module> <args>`` from the repository's root, with `env`,
    unmeasured; its exit status and output."""
    return subprocess.run(
        [sys.executable, "-m", module, *args],
        cwd=ROOT,
        env=untraced(env),
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )


def run_pytest(
    *args: str, env: Mapping[str, str]
) -> subprocess.CompletedProcess:
    """An inner pytest run: the outer run's tests cover examples/."""
    return run_module("pytest", "-p", "no:cacheprovider", *args, env=env)
