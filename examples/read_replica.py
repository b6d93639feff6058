# The Python tab of "Read a replica", docs/how-to/replicate.md: a client in
# the replica's region reads the replica, by the primary secret's name.

# --8<-- [start:read_replica]
import json
import logging

import boto3

# At DEBUG, botocore logs each request and response whole, the secret
# included: keep it quieter wherever this code runs.
logging.getLogger("botocore").setLevel(logging.INFO)
secrets = boto3.client("secretsmanager", region_name="eu-west-1")
response = secrets.get_secret_value(SecretId="prod/orders/postgres")
credentials = json.loads(response["SecretString"])
print(response["ARN"])
print(credentials["username"])
# --8<-- [end:read_replica]
