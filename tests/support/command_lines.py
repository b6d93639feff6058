"""What the shell examples put on command lines, where any local user can
read it (`ps`, /proc/<pid>/cmdline) and process auditing records it.

The shell examples run with a wrapper for `aws` and for `jq` first on PATH.
A wrapper writes the command line it was given into a file of its own (the
program and each argument, each ended by a NUL), then runs the real program
without coverage's settings: the AWS CLI is Python, none of it in examples/.
The `aws` wrapper also points the CLI at the test's endpoint, with
--endpoint-url: AWS CLI v2 before 2.13 ignores AWS_ENDPOINT_URL and would
call AWS itself. In a live run it tags each secret create-secret makes with
the run's id (live.py).
"""

import os
import shutil
from pathlib import Path

# A live run's tag on the secrets the AWS CLI creates (tests/support/live.py).
LIVE_RUN_TAG = (
    'if [ -n "$DOCS_LIVE_RUN_ID" ] && [ "$2" = create-secret ]; then\n'
    '    set -- "$@" --tags "Key=docs-live-run,Value=$DOCS_LIVE_RUN_ID"\n'
    "fi\n"
)


def recording_path(folder: Path, path: str, aws_cli: str) -> str:
    """A PATH that runs `aws` (the program `aws_cli`) and `jq` through
    wrappers kept in `folder`, which record into `folder / "argv"`, emptied
    first; the rest of `path` after them."""
    records = folder / "argv"
    shutil.rmtree(records, ignore_errors=True)
    records.mkdir(parents=True)
    # None in a live run against AWS itself.
    endpoint = ' ${AWS_ENDPOINT_URL:+--endpoint-url "$AWS_ENDPOINT_URL"}'
    real_programs = {
        "aws": (aws_cli, LIVE_RUN_TAG, endpoint),
        "jq": (shutil.which("jq", path=path), "", ""),
    }
    for program, (real, tagging, options) in real_programs.items():
        if real is None:
            continue  # the test that needs it says so (tools.require_tool)
        wrapper = folder / program
        wrapper.write_text(
            "#!/bin/sh\n"
            f'printf \'%s\\0\' {program} "$@" >"$(mktemp {records}/XXXXXX)"\n'
            "unset $(env | sed -n 's/^\\(COVERAGE_[A-Z_]*\\)=.*/\\1/p')\n"
            f"{tagging}"
            f'exec "{real}"{options} "$@"\n'
        )
        wrapper.chmod(0o755)
    return str(folder) + os.pathsep + path


def recorded(folder: Path) -> list[list[str]]:
    """Each command line the wrappers in `folder` recorded."""
    return [
        record.read_bytes().decode().split("\0")[:-1]
        for record in sorted((folder / "argv").iterdir())
    ]


def arguments_holding(
    command_lines: list[list[str]], values: set[str]
) -> list[str]:
    """Where any of `values` stands in a command line, as "program,
    argument N"; never the value itself."""
    return [
        f"{line[0]}, argument {number}"
        for line in command_lines
        for number, argument in enumerate(line[1:], start=1)
        if any(value in argument for value in values)
    ]
