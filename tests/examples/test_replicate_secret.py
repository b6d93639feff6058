"""examples/replicate_secret.py and replicate_secret_cli.sh: the Python and
AWS CLI tabs of "Replicate a secret", docs/how-to/replicate.md. Run as one
script, each tab's sections replicate a secret to another region, then show
the status of each replica."""

import json

import pytest

from tests.support.aws import tabs
from tests.support.documented import DATABASE_SECRET, REGION, REPLICA_REGION
from tests.support.replicas import (
    in_replica_region,
)

# On a shared endpoint, AWS refuses to delete a secret that has replicas.
pytestmark = pytest.mark.usefixtures("replicas_cleared")


def python_statuses(stdout: str) -> list[list[str]]:
    return [line.split(" ", 2) for line in stdout.splitlines()]


def cli_statuses(stdout: str) -> list[list[str]]:
    # replicate-secret-to-regions answers with JSON; the status is text.
    _, end = json.JSONDecoder().raw_decode(stdout)
    return [line.split("\t") for line in stdout[end:].split("\n") if line]


# How to read each tab's output: a region, status and message per replica.
STATUSES = {
    "replicate_secret.py": python_statuses,
    "replicate_secret_cli.sh": cli_statuses,
}


@pytest.fixture(params=tabs(*STATUSES))
def tab(request: pytest.FixtureRequest) -> str:
    return request.param


def test_tab_replicates_the_secret_and_shows_its_status(aws, tab):
    name = aws.create_database_secret(DATABASE_SECRET)
    primary = aws.client("secretsmanager").describe_secret(SecretId=name)

    result = aws.run_example(tab)

    # replication_status: one replica, in sync (moto is in sync at once).
    assert STATUSES[tab](result.stdout) == [
        [REPLICA_REGION, "InSync", "Replication succeeded"]
    ]
    # replicate: in the other region, a secret of the same name and value,
    # whose ARN differs only by its region, and which names its primary.
    replica = in_replica_region().describe_secret(SecretId=name)
    assert replica["ARN"] == primary["ARN"].replace(REGION, REPLICA_REGION)
    assert replica["PrimaryRegion"] == REGION
    value = in_replica_region().get_secret_value(SecretId=name)["SecretString"]
    assert json.loads(value) == aws.secret_json(name)
    # With no KmsKeyId, the replica is encrypted with aws/secretsmanager.
    described = aws.client("secretsmanager").describe_secret(SecretId=name)
    (status,) = described["ReplicationStatus"]
    assert status["KmsKeyId"] == "alias/aws/secretsmanager"


def test_tab_shows_a_replication_that_failed(aws, tab):
    name = aws.create_database_secret(DATABASE_SECRET)
    # The name is taken in the other region, by a secret that is no replica.
    in_replica_region().create_secret(Name=name, SecretString='{"x": "y"}')

    result = aws.run_example(tab)

    ((region, status, _message),) = STATUSES[tab](result.stdout)
    assert (region, status) == (REPLICA_REGION, "Failed")
    # That secret stays as it was: not overwritten, not made a replica.
    other = in_replica_region().get_secret_value(SecretId=name)
    assert other["SecretString"] == '{"x": "y"}'
    assert "PrimaryRegion" not in in_replica_region().describe_secret(
        SecretId=name
    )
