"""examples/stop_replication.py and stop_replication_cli.sh: the Python and
AWS CLI tabs of "Stop replicating a secret", docs/how-to/replicate.md. Each
section runs alone: promote the replica to a standalone secret, or remove
it.

moto does not implement StopReplicationToReplica: the promotion runs against
a stand-in (tests/support/replicas.py), which shows only that each tab sends
a request that its client's model accepts, for that secret, to the replica's
region. What AWS does then rests on AWS's documentation."""

import pytest

from tests.support.aws import tabs
from tests.support.documented import DATABASE_SECRET, REPLICA_REGION
from tests.support.replicas import (
    Promotion,
    in_replica_region,
    promotions,
    replicate,
)

# On a shared endpoint, AWS refuses to delete a secret that has replicas.
pytestmark = pytest.mark.usefixtures("replicas_cleared")


@pytest.fixture(params=tabs("stop_replication.py", "stop_replication_cli.sh"))
def tab(request: pytest.FixtureRequest) -> str:
    return request.param


@pytest.mark.moto_only  # the stand-in is in the in-process moto
def test_tab_asks_the_replicas_region_to_promote_it(aws, tab):
    name = aws.create_database_secret(DATABASE_SECRET)
    replica_arn = replicate(name)

    with promotions() as received:
        result = aws.run_example(f"{tab}:promote_replica")

    assert received == [Promotion(REPLICA_REGION, {"SecretId": name})]
    # Each tab prints the ARN AWS answers with: the replica's.
    assert result.stdout.split() == [replica_arn]


def test_tab_removes_the_replica(aws, tab):
    name = aws.create_database_secret(DATABASE_SECRET)
    replicate(name)
    before = aws.secret_state(name)

    aws.run_example(f"{tab}:remove_replica")

    # Gone from its region; the primary has no replica left, and is as it was.
    replicas = in_replica_region()
    with pytest.raises(replicas.exceptions.ResourceNotFoundException):
        replicas.describe_secret(SecretId=name)
    described = aws.client("secretsmanager").describe_secret(SecretId=name)
    assert described.get("ReplicationStatus", []) == []
    assert aws.secret_state(name) == before
