# The Python tab of "Replicate a secret", docs/how-to/replicate.md. Run as
# one script, the sections replicate a secret to eu-west-1, then show the
# status of each of its replicas.

# --8<-- [start:replicate]
import boto3

secrets = boto3.client("secretsmanager")  # in the secret's own region
secrets.replicate_secret_to_regions(
    SecretId="prod/orders/postgres",
    AddReplicaRegions=[{"Region": "eu-west-1"}],
)
# --8<-- [end:replicate]

# --8<-- [start:replication_status]
import boto3

secrets = boto3.client("secretsmanager")
described = secrets.describe_secret(SecretId="prod/orders/postgres")
for replica in described.get("ReplicationStatus", []):
    print(replica["Region"], replica["Status"], replica.get("StatusMessage"))
# --8<-- [end:replication_status]
