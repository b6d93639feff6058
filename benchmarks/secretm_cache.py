"""1,000 warm invocations against moto: the old page's get_secret, which makes
a new session and client and calls GetSecretValue every time, beside secretm.

Run with `make benchmark`, which puts examples/ on PYTHONPATH. Prints the
API calls made, the median time of one get_secret, and what the calls would
cost per million invocations. moto runs in this process: no network latency,
throttling or cold start is measured.
"""

import json
import statistics
import time

from tests.support.sandbox import use_fake_aws_environment

# The same sandbox as the tests: fake credentials, no AWS config files.
use_fake_aws_environment()

import boto3
import botocore.client
from cost_estimate import dollars, estimate_monthly_cost
from moto import mock_aws

from tests.support.documented import DATABASE_SECRET, REGION

INVOCATIONS = 1_000


def old_page_get_secret() -> str:
    """The original page's sample, as it was: a client per call."""
    session = boto3.session.Session()
    client = session.client(service_name="secretsmanager", region_name=REGION)
    response = client.get_secret_value(SecretId=DATABASE_SECRET)
    return response["SecretString"]


class CallCounter:
    """Counts the AWS API calls made by every boto3 client."""

    def __init__(self) -> None:
        self.calls = 0
        self._make_api_call = botocore.client.BaseClient._make_api_call

    def __enter__(self) -> "CallCounter":
        counter, original = self, self._make_api_call

        def counted(client, operation_name, api_params):
            counter.calls += 1
            return original(client, operation_name, api_params)

        botocore.client.BaseClient._make_api_call = counted
        return self

    def __exit__(self, *exc_info) -> None:
        botocore.client.BaseClient._make_api_call = self._make_api_call


def measure(get_secret) -> tuple[int, float]:
    """API calls and median microseconds over INVOCATIONS warm calls."""
    get_secret()  # the cold start: the first call of a new environment
    timings = []
    with CallCounter() as counter:
        for _ in range(INVOCATIONS):
            start = time.perf_counter()
            get_secret()
            timings.append(time.perf_counter() - start)
    return counter.calls, statistics.median(timings) * 1e6


def main() -> None:
    # moto mocks only the clients created after it is imported, and secretm
    # creates its client on import.
    import secretm

    with mock_aws():
        boto3.client("secretsmanager").create_secret(
            Name=DATABASE_SECRET, SecretString=json.dumps({"password": "x"})
        )
        results = {
            "old page (client per call)": measure(old_page_get_secret),
            "secretm (cached)": measure(
                lambda: secretm.get_secret(DATABASE_SECRET)
            ),
        }

    print(f"{INVOCATIONS:,} warm invocations against moto\n")
    print(f"{'':<28}{'API calls':>10}{'median µs':>12}{'per 1M inv.':>13}")
    for label, (calls, median) in results.items():
        per_million = calls * 1_000_000 // INVOCATIONS
        cost = estimate_monthly_cost(api_calls=per_million).api_calls
        print(f"{label:<28}{calls:>10,}{median:>12,.1f}{dollars(cost):>13}")
    (_, uncached), (_, cached) = results.values()
    print(f"\nA cached get_secret is {uncached / cached:,.0f} times faster.")
    print(
        "secretm still calls AWS for each secret once every five minutes in "
        "each\nexecution environment, whatever the traffic: at most 12 calls "
        "an hour."
    )


if __name__ == "__main__":
    main()
