# The Python tabs of "Stop replicating a secret", docs/how-to/replicate.md.
# Each section is a script of its own: promote the replica in eu-west-1 to a
# standalone secret, or remove it.

# --8<-- [start:promote_replica]
import boto3

# Sent to the replica's region: the replica there becomes a secret of its own.
secrets = boto3.client("secretsmanager", region_name="eu-west-1")
response = secrets.stop_replication_to_replica(SecretId="prod/orders/postgres")
print(response["ARN"])
# --8<-- [end:promote_replica]

# --8<-- [start:remove_replica]
import boto3

secrets = boto3.client("secretsmanager")  # in the primary secret's region
secrets.remove_regions_from_replication(
    SecretId="prod/orders/postgres", RemoveReplicaRegions=["eu-west-1"]
)
# --8<-- [end:remove_replica]
