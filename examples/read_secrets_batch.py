# The Python tab of "Read several secrets in one call", on
# docs/how-to/retrieve.md. Run as one script, the sections read two secrets
# by name, then every secret whose name starts with prod/orders/.

# --8<-- [start:by_name]
import logging

import boto3

# At DEBUG, botocore logs each response whole, the secrets included: keep it
# quieter wherever this code runs.
logging.getLogger("botocore").setLevel(logging.INFO)
secrets = boto3.client("secretsmanager")
response = secrets.batch_get_secret_value(
    SecretIdList=["prod/orders/postgres", "prod/orders/payments-api"]
)
# Each secret's value is in its SecretString (or SecretBinary).
read = [secret["Name"] for secret in response["SecretValues"]]
# A secret that cannot be read is reported in Errors, not raised.
errors = {
    error["SecretId"]: error["ErrorCode"] for error in response["Errors"]
}
print("Read:", ", ".join(read))
print("Cannot read:", errors or "none")
# --8<-- [end:by_name]

# --8<-- [start:by_filter]
import logging

import boto3

logging.getLogger("botocore").setLevel(logging.INFO)  # as above
secrets = boto3.client("secretsmanager")
request = {
    "Filters": [{"Key": "name", "Values": ["prod/orders/"]}],
    "MaxResults": 20,  # the most one call returns
}
read, errors = [], {}
while True:
    response = secrets.batch_get_secret_value(**request)
    read += [secret["Name"] for secret in response["SecretValues"]]
    errors |= {
        error["SecretId"]: error["ErrorCode"] for error in response["Errors"]
    }
    if "NextToken" not in response:
        break
    request["NextToken"] = response["NextToken"]
print("Read:", ", ".join(read))
print("Cannot read:", errors or "none")
# --8<-- [end:by_filter]
