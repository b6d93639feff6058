"""Replicas of a secret in REPLICA_REGION, for the tests of
docs/how-to/replicate.md; a stand-in for StopReplicationToReplica, the one
call of that page that moto does not implement; and the clean-up of a secret
that has replicas, which AWS deletes only once they are gone."""

import json
from collections.abc import Iterator
from contextlib import contextmanager
from typing import NamedTuple
from unittest import mock

import boto3
import pytest
from moto.secretsmanager.responses import SecretsManagerResponse

from tests.support.documented import REPLICA_REGION


def in_replica_region():
    """A Secrets Manager client in REPLICA_REGION."""
    return boto3.client("secretsmanager", region_name=REPLICA_REGION)


def replicate(secret_id: str) -> str:
    """Replicate the secret, in the test's region, to REPLICA_REGION; return
    the replica's ARN."""
    boto3.client("secretsmanager").replicate_secret_to_regions(
        SecretId=secret_id, AddReplicaRegions=[{"Region": REPLICA_REGION}]
    )
    return in_replica_region().describe_secret(SecretId=secret_id)["ARN"]


def force_delete(secrets, secret_id: str) -> None:
    """Delete the secret at once, with `secrets`, a client in its region.
    AWS refuses while it has replicas: remove them first, which deletes
    them."""
    described = secrets.describe_secret(SecretId=secret_id)
    regions = [s["Region"] for s in described.get("ReplicationStatus", [])]
    if regions:
        secrets.remove_regions_from_replication(
            SecretId=secret_id, RemoveReplicaRegions=regions
        )
    secrets.delete_secret(SecretId=secret_id, ForceDeleteWithoutRecovery=True)


@pytest.fixture
def replicas_cleared(aws) -> Iterator[None]:
    """Afterwards, on a shared endpoint, delete the secrets the test stored
    in REPLICA_REGION itself, not as replicas: the `aws` fixture deletes
    those of its own region, and their replicas with them. Under the
    in-process mock, all goes with the mock."""
    yield
    if not aws.name_prefix:
        return
    replicas = in_replica_region()
    # The name filter matches more loosely than the prefix.
    filters = [{"Key": "name", "Values": [aws.name_prefix]}]
    for secret in replicas.list_secrets(Filters=filters)["SecretList"]:
        # A replica names the region of its primary, and goes with it.
        stored_here = secret.get("PrimaryRegion", REPLICA_REGION) == (
            REPLICA_REGION
        )
        if secret["Name"].startswith(aws.name_prefix) and stored_here:
            force_delete(replicas, secret["ARN"])


class Promotion(NamedTuple):
    """A StopReplicationToReplica request: the region it was sent to, and
    its parameters as they arrived, after the client validated them against
    its model of the API."""

    region: str
    parameters: dict


@contextmanager
def promotions() -> Iterator[list[Promotion]]:
    """Within it, moto, in process and in its server, takes
    StopReplicationToReplica requests: it records each one, and answers as
    AWS's API reference documents, with the ARN of the secret of that name
    in the region the request went to. It changes nothing: a stand-in
    cannot show what AWS does next, and the page says so."""
    received: list[Promotion] = []

    def stop_replication_to_replica(response: SecretsManagerResponse) -> str:
        parameters = json.loads(response.body)
        received.append(Promotion(response.region, parameters))
        secret = response.backend.describe_secret(parameters["SecretId"])
        return json.dumps({"ARN": secret.arn})

    with mock.patch.object(
        SecretsManagerResponse,
        "stop_replication_to_replica",
        stop_replication_to_replica,
        create=True,
    ):
        yield received
