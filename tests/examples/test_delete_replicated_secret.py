"""examples/delete_replicated_secret.py and delete_replicated_secret_cli.sh:
the Python and AWS CLI tabs of "Delete a replicated secret",
docs/how-to/replicate.md. Each removes the secret's replicas, then
schedules its deletion."""

import json

import pytest

from tests.support.aws import tabs
from tests.support.documented import DATABASE_SECRET
from tests.support.replicas import (
    in_replica_region,
    replicate,
)

# On a shared endpoint, AWS refuses to delete a secret that has replicas.
pytestmark = pytest.mark.usefixtures("replicas_cleared")


def python_deleted(stdout: str) -> str:
    return stdout.split(" will be deleted on ")[0]


def cli_deleted(stdout: str) -> str:
    # Each call answers with a JSON object, from a "{" line; delete-secret
    # answers last.
    last_answer = stdout[("\n" + stdout).rindex("\n{") :]
    return json.loads(last_answer)["Name"]


# How to read each tab's output: the name of the secret it deleted.
DELETED = {
    "delete_replicated_secret.py": python_deleted,
    "delete_replicated_secret_cli.sh": cli_deleted,
}


@pytest.fixture(params=tabs(*DELETED))
def tab(request: pytest.FixtureRequest) -> str:
    return request.param


@pytest.mark.parametrize(
    "replicated", [True, False], ids=["replicated", "not"]
)
def test_tab_removes_the_replicas_then_deletes_the_secret(
    aws, tab, replicated
):
    name = aws.create_database_secret(DATABASE_SECRET)
    if replicated:
        replicate(name)

    result = aws.run_example(tab)

    assert DELETED[tab](result.stdout) == name
    replicas = in_replica_region()
    with pytest.raises(replicas.exceptions.ResourceNotFoundException):
        replicas.describe_secret(SecretId=name)
    described = aws.client("secretsmanager").describe_secret(SecretId=name)
    assert "DeletedDate" in described  # scheduled, not gone
    assert described.get("ReplicationStatus", []) == []


def test_a_secret_with_replicas_cannot_be_deleted(aws):
    name = aws.create_database_secret(DATABASE_SECRET)
    replicate(name)
    secrets, replicas = aws.client("secretsmanager"), in_replica_region()

    # Neither the primary, while it has replicas, nor a replica: AWS and moto
    # answer both with InvalidParameterException and these messages.
    with pytest.raises(
        secrets.exceptions.InvalidParameterException
    ) as primary:
        secrets.delete_secret(SecretId=name, RecoveryWindowInDays=30)
    assert "that still has replica regions" in str(primary.value)
    with pytest.raises(
        replicas.exceptions.InvalidParameterException
    ) as replica:
        replicas.delete_secret(SecretId=name, RecoveryWindowInDays=30)
    assert "Operation not permitted on a replica secret" in str(replica.value)
    # Both are still there, as they were.
    assert "DeletedDate" not in secrets.describe_secret(SecretId=name)
    assert "DeletedDate" not in replicas.describe_secret(SecretId=name)
