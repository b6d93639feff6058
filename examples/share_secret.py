# The Python tabs of docs/how-to/cross-account.md, run in the account that
# owns the secret. Run as one script, the sections encrypt the secret with a
# new key that the other account's role may use, then let that role read it.

# --8<-- [start:encrypt_with_shared_key]
from pathlib import Path

import boto3

SECRET_NAME = "prod/orders/postgres"
REGION = "us-west-2"  # the secret's region
READER_ACCOUNT = "444455556666"  # the account that reads the secret
READER_ROLE = "orders-reporting"  # the role there that reads it

account_id = boto3.client("sts").get_caller_identity()["Account"]
key_policy = (
    Path("cross_account_key_policy.json")
    .read_text()
    .replace("ACCOUNT_ID", account_id)
    .replace("READER_ACCOUNT", READER_ACCOUNT)
    .replace("READER_ROLE", READER_ROLE)
    .replace("REGION", REGION)
)
key = boto3.client("kms", region_name=REGION).create_key(
    Description=f"Secrets that account {READER_ACCOUNT} reads",
    Policy=key_policy,
)["KeyMetadata"]
boto3.client("secretsmanager", region_name=REGION).update_secret(
    SecretId=SECRET_NAME, KmsKeyId=key["Arn"]
)
print("Key for the reader's policy:", key["Arn"])
# --8<-- [end:encrypt_with_shared_key]

# --8<-- [start:attach_resource_policy]
from pathlib import Path

import boto3

SECRET_NAME = "prod/orders/postgres"
REGION = "us-west-2"  # the secret's region
READER_ACCOUNT = "444455556666"  # the account that reads the secret
READER_ROLE = "orders-reporting"  # the role there that reads it

resource_policy = (
    Path("cross_account_resource_policy.json")
    .read_text()
    .replace("READER_ACCOUNT", READER_ACCOUNT)
    .replace("READER_ROLE", READER_ROLE)
)
secrets = boto3.client("secretsmanager", region_name=REGION)
secret = secrets.put_resource_policy(
    SecretId=SECRET_NAME,
    ResourcePolicy=resource_policy,
    BlockPublicPolicy=True,  # refuse a policy that opens it to anyone
)
print("Secret for the reader's policy:", secret["ARN"])
# --8<-- [end:attach_resource_policy]
