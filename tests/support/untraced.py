"""Subprocesses that run none of examples/, kept outside coverage.

Under `--cov`, coverage's subprocess patch traces every Python child it can
reach through the environment. A child that runs no example (a site build, an
inner pytest run, the AWS CLI, `make layer`) would only take up to twice as
long and measure nothing. The AWS CLI's wrapper (command_lines.py) drops
the same settings.
"""

import os
from collections.abc import Mapping


def untraced(environ: Mapping[str, str] = os.environ) -> dict[str, str]:
    """`environ` without coverage's settings."""
    return {k: v for k, v in environ.items() if not k.startswith("COVERAGE_")}
