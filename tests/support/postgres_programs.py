"""Where PostgreSQL's server programs are: the one rule for the tests, the
Makefile and .ci/run.

The newest version of Debian's `postgresql` package
(/usr/lib/postgresql/<version>/bin), else any pg_ctl on PATH. Run as a
script, it prints that folder, or exits with 1 when there is none. Only the
standard library: it runs before the virtualenv exists.
"""

import shutil
import sys
from pathlib import Path

INSTALL_HINT = (
    "PostgreSQL's server programs (pg_ctl) were not found. The tests that "
    "connect to a real database start their own throwaway server: install "
    "it with `sudo apt-get install postgresql` on Debian or Ubuntu (no "
    "service needs to run), or put pg_ctl on PATH."
)


def find_bin_dir() -> Path | None:
    """The folder of the newest installed pg_ctl, if any."""
    installed = sorted(
        Path("/usr/lib/postgresql").glob("*/bin/pg_ctl"),
        key=lambda pg_ctl: float(pg_ctl.parent.parent.name),
    )
    if installed:
        return installed[-1].parent
    on_path = shutil.which("pg_ctl")
    return Path(on_path).parent if on_path else None


if __name__ == "__main__":
    bin_dir = find_bin_dir()
    if bin_dir is None:
        sys.exit(1)
    print(bin_dir)
