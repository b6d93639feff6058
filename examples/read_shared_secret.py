# Reading a secret that another account shares, on
# docs/how-to/cross-account.md: run with the credentials of the reader's
# role, in its own account.

# --8<-- [start:read_shared_secret]
import boto3

# The full ARN, as the owner printed it: a name alone would be looked up
# in this account, not in the owner's.
SECRET_ARN = (
    "arn:aws:secretsmanager:us-west-2:123456789012:secret:"
    "prod/orders/postgres-AbCdEf"
)

secrets = boto3.client("secretsmanager", region_name="us-west-2")
response = secrets.get_secret_value(SecretId=SECRET_ARN)
print(response["SecretString"])
# --8<-- [end:read_shared_secret]
