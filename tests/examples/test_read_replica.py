"""examples/read_replica.py and read_replica_cli.sh: the Python and AWS CLI
tabs of "Read a replica", docs/how-to/replicate.md. Each reads a replica in
its own region, under the primary secret's name, and prints the ARN it read
and the user name stored in it."""

import pytest

from tests.support.aws import tabs
from tests.support.documented import DATABASE_SECRET, REPLICA_REGION
from tests.support.replicas import (
    in_replica_region,
    replicate,
)

# On a shared endpoint, AWS refuses to delete a secret that has replicas.
pytestmark = pytest.mark.usefixtures("replicas_cleared")


@pytest.fixture(params=tabs("read_replica.py", "read_replica_cli.sh"))
def tab(request: pytest.FixtureRequest) -> str:
    return request.param


def test_tab_reads_the_replica_in_its_region(aws, tab):
    name = aws.create_database_secret(DATABASE_SECRET)
    replica_arn = replicate(name)

    result = aws.run_example(tab)

    assert result.stdout.splitlines() == [
        replica_arn,
        aws.secret_json(name)["username"],
    ]
    assert f":{REPLICA_REGION}:" in replica_arn


def test_a_replica_is_read_only_and_follows_its_primary(aws):
    name = aws.create_database_secret(DATABASE_SECRET)
    replicate(name)
    replica = in_replica_region()

    # Written in the primary's region, a new value reaches the replica
    # (at once in moto; AWS replicates it within moments).
    aws.client("secretsmanager").put_secret_value(
        SecretId=name, SecretString='{"password": "new-EXAMPLE-value"}'
    )
    value = replica.get_secret_value(SecretId=name)["SecretString"]
    assert value == '{"password": "new-EXAMPLE-value"}'
    # The replica refuses a write, and a rotation: both are the primary's.
    with pytest.raises(replica.exceptions.InvalidParameterException) as put:
        replica.put_secret_value(SecretId=name, SecretString="{}")
    assert "Call must be made in primary secret's region" in str(put.value)
    with pytest.raises(replica.exceptions.InvalidParameterException):
        replica.rotate_secret(SecretId=name)
