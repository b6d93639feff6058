# The Python tab of "Delete a secret at once", docs/how-to/delete.md.

# --8<-- [start:force_delete]
import boto3

secrets = boto3.client("secretsmanager")
secrets.delete_secret(
    SecretId="dev/orders/payments-api", ForceDeleteWithoutRecovery=True
)
# --8<-- [end:force_delete]
