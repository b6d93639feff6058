# Reading a secret from a laptop, on docs/how-to/retrieve.md.

# --8<-- [start:read_secret]
import boto3

secrets = boto3.client("secretsmanager")
response = secrets.get_secret_value(SecretId="prod/orders/postgres")
print(response["SecretString"])
# --8<-- [end:read_secret]
