"""Subprocesses that run none of examples/, kept outside coverage.

Under `--cov`, coverage's subprocess patch traces every Python child it can
reach through the environment. A child that runs no example (a site build, an
inner pytest run, the AWS CLI, `make layer`) would only take up to twice as
long and measure nothing.
"""

import os
import shutil
from collections.abc import Mapping
from pathlib import Path


def untraced(environ: Mapping[str, str] = os.environ) -> dict[str, str]:
    """`environ` without coverage's settings."""
    return {k: v for k, v in environ.items() if not k.startswith("COVERAGE_")}


def untraced_programs(folder: Path, path: str, *programs: str) -> str:
    """A PATH whose `programs` run without coverage's settings: `folder`,
    holding a wrapper for each program found on `path`, then `path`. Python
    that a shell example runs itself is still measured."""
    folder.mkdir(parents=True, exist_ok=True)
    for program in programs:
        real = shutil.which(program, path=path)
        if real is None:
            continue  # the test that needs it says so (tools.require_tool)
        wrapper = folder / program
        wrapper.write_text(
            "#!/bin/sh\n"
            "unset $(env | sed -n 's/^\\(COVERAGE_[A-Z_]*\\)=.*/\\1/p')\n"
            f'exec "{real}" "$@"\n'
        )
        wrapper.chmod(0o755)
    return str(folder) + os.pathsep + path
