"""The audit of examples/audit_secrets.py over accounts of 100, 300 and
1,000 secrets in moto: its wall time, and its API calls by operation.

Run with `make benchmark-audit`, which puts examples/ on PYTHONPATH. The
calls should be one ListSecrets per page of 100 secrets, and one
DescribeSecret and one GetResourcePolicy per secret: no more. moto runs in
this process: no network latency or throttling is measured, so the time
shows how the audit's own work grows, not how long AWS takes.
"""

import contextlib
import io
import math
import time

from tests.support.sandbox import use_fake_aws_environment

# The same sandbox as the tests: fake credentials, no AWS config files.
use_fake_aws_environment()

import audit_secrets
import boto3
from cost_estimate import dollars, estimate_monthly_cost
from moto import mock_aws

from tests.support.api_calls import counting_calls

ACCOUNT_SIZES = (100, 300, 1_000)
OPERATIONS = ("ListSecrets", "DescribeSecret", "GetResourcePolicy")


def audit(secrets: int) -> tuple[float, dict]:
    """Seconds and calls of one audit of an account of `secrets`."""
    with mock_aws():
        client = boto3.client("secretsmanager")
        for number in range(secrets):
            client.create_secret(
                Name=f"prod/app/key-{number:04}", SecretString="{}"
            )
        with (
            counting_calls() as calls,
            contextlib.redirect_stdout(io.StringIO()),
        ):
            start = time.perf_counter()
            with contextlib.suppress(SystemExit):  # every secret breaks a rule
                audit_secrets.main(["--json"])
            seconds = time.perf_counter() - start
    return seconds, calls


def main() -> None:
    print("The audit of one region in moto\n")
    print(
        f"{'Secrets':>8}{'List':>6}{'Describe':>10}{'Policy':>8}"
        f"{'Calls':>7}{'Expected':>10}{'Seconds':>9}{'ms/secret':>11}"
        f"{'Cost/run':>10}"
    )
    for secrets in ACCOUNT_SIZES:
        seconds, calls = audit(secrets)
        total = sum(calls.values())
        expected = math.ceil(secrets / 100) + 2 * secrets
        cost = estimate_monthly_cost(api_calls=total).api_calls
        print(
            f"{secrets:>8,}"
            + "".join(
                f"{calls[operation]:>{width},}"
                for operation, width in zip(
                    OPERATIONS, (6, 10, 8), strict=True
                )
            )
            + f"{total:>7,}{expected:>10,}{seconds:>9.2f}"
            f"{1000 * seconds / secrets:>11.2f}{dollars(cost):>10}"
        )
    print(
        "\nExpected: one ListSecrets per 100 secrets, plus a DescribeSecret "
        "and a\nGetResourcePolicy per secret. Time per secret stays flat "
        "when the audit\ngrows linearly with the account."
    )


if __name__ == "__main__":
    main()
