"""Environments for Python subprocesses that run none of examples/."""

from collections.abc import Mapping


def untraced(environ: Mapping[str, str]) -> dict[str, str]:
    """`environ` without coverage's settings. Under `--cov`, coverage's
    subprocess patch traces every Python child; one that runs no example
    (a site build, an inner pytest run) would only take twice as long."""
    return {k: v for k, v in environ.items() if not k.startswith("COVERAGE_")}
