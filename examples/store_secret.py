# Each section is a complete script a reader can copy on its own, hence the
# repeated imports.

# --8<-- [start:store_database_credentials]
import json
import logging

import boto3

# At DEBUG, botocore logs each request and response whole, the secret
# included: keep it quieter wherever this code runs.
logging.getLogger("botocore").setLevel(logging.INFO)
secrets = boto3.client("secretsmanager")

# json.load fails here, before anything is stored, if the file is not JSON.
with open("database_secret.json") as file:
    credentials = json.load(file)

secrets.create_secret(
    Name="prod/orders/postgres",
    Description="Orders database (RDS PostgreSQL), user orders_app",
    SecretString=json.dumps(credentials),
)
# --8<-- [end:store_database_credentials]

# --8<-- [start:store_other_secret]
import json
import logging

import boto3

# At DEBUG, botocore logs each request and response whole, the secret
# included: keep it quieter wherever this code runs.
logging.getLogger("botocore").setLevel(logging.INFO)
secrets = boto3.client("secretsmanager")
secrets.create_secret(
    Name="prod/orders/payments-api",
    Description="API key of the payment provider, used by the orders service",
    SecretString=json.dumps({"api_key": "EXAMPLE-replace-with-the-real-key"}),
)
# --8<-- [end:store_other_secret]
