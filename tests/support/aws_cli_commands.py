"""Which commands an AWS CLI has: one installed from a distribution can
predate an API, such as Debian 12's AWS CLI v2, 2.9.19, which has no
`secretsmanager batch-get-secret-value`: it predates the API."""

import functools
import subprocess


@functools.cache
def has_command(aws_cli: str, service: str, command: str) -> bool:
    """Whether the AWS CLI at `aws_cli` knows `aws <service> <command>`:
    asked for the command's input skeleton, which needs no request."""
    result = subprocess.run(
        [aws_cli, service, command, "--generate-cli-skeleton"],
        capture_output=True,
        check=False,
    )
    return result.returncode == 0
