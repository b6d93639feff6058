# The Python tabs of docs/how-to/delete.md. Run as one script, the sections
# schedule a secret's deletion, list the secrets pending deletion, then
# restore the secret.

# --8<-- [start:schedule_deletion]
import boto3

secrets = boto3.client("secretsmanager")
response = secrets.delete_secret(
    SecretId="prod/orders/payments-api", RecoveryWindowInDays=30
)
print(response["Name"], "will be deleted on", response["DeletionDate"].date())
# --8<-- [end:schedule_deletion]

# --8<-- [start:list_scheduled]
import boto3

secrets = boto3.client("secretsmanager")
pages = secrets.get_paginator("list_secrets").paginate(
    IncludePlannedDeletion=True
)
for page in pages:
    for secret in page["SecretList"]:
        if "DeletedDate" in secret:
            print(secret["Name"])
# --8<-- [end:list_scheduled]

# --8<-- [start:restore_secret]
import boto3

secrets = boto3.client("secretsmanager")
secrets.restore_secret(SecretId="prod/orders/payments-api")
# --8<-- [end:restore_secret]
