# The Python tab of "Delete a replicated secret", docs/how-to/replicate.md:
# remove the secret's replicas, in every region, then schedule its deletion.

# --8<-- [start:delete_replicated_secret]
import boto3

secrets = boto3.client("secretsmanager")  # in the primary secret's region
name = "prod/orders/postgres"
# AWS refuses to delete a primary secret while it still has replicas.
described = secrets.describe_secret(SecretId=name)
regions = [
    replica["Region"] for replica in described.get("ReplicationStatus", [])
]
if regions:
    secrets.remove_regions_from_replication(
        SecretId=name, RemoveReplicaRegions=regions
    )
response = secrets.delete_secret(SecretId=name, RecoveryWindowInDays=30)
print(response["Name"], "will be deleted on", response["DeletionDate"].date())
# --8<-- [end:delete_replicated_secret]
