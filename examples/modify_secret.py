# The Python tabs of docs/how-to/modify.md. Run as one script, the sections
# change a key, update the description, then roll the value back.

# --8<-- [start:set_one_key]
import json
import logging
import sys

import boto3

SECRET_NAME = "prod/orders/postgres"
KEY = "host"
VALUE = "orders-db-2.c9akciq32l5z.us-west-2.rds.amazonaws.com"

# At DEBUG, botocore logs each request and response whole, the secret
# included: keep it quieter wherever this code runs.
logging.getLogger("botocore").setLevel(logging.INFO)
secrets = boto3.client("secretsmanager")
current = secrets.get_secret_value(
    SecretId=SECRET_NAME, VersionStage="AWSCURRENT"
)
try:
    values = json.loads(current["SecretString"])
except json.JSONDecodeError as error:
    sys.exit(
        f"{SECRET_NAME} is not valid JSON ({error.msg}), so nothing was "
        "changed: correct it on the console's Plaintext tab first."
    )
values[KEY] = VALUE  # every other key keeps its value
secrets.put_secret_value(SecretId=SECRET_NAME, SecretString=json.dumps(values))
# --8<-- [end:set_one_key]

# --8<-- [start:update_description]
import boto3

secrets = boto3.client("secretsmanager")
secrets.update_secret(
    SecretId="prod/orders/postgres",
    Description=(
        "Orders database (RDS PostgreSQL, orders-db-2), user orders_app"
    ),
)
# --8<-- [end:update_description]

# --8<-- [start:roll_back]
import boto3

SECRET_NAME = "prod/orders/postgres"

secrets = boto3.client("secretsmanager")
versions = secrets.list_secret_version_ids(SecretId=SECRET_NAME)["Versions"]
version_with = {
    stage: version["VersionId"]
    for version in versions
    for stage in version["VersionStages"]
}
secrets.update_secret_version_stage(
    SecretId=SECRET_NAME,
    VersionStage="AWSCURRENT",
    MoveToVersionId=version_with["AWSPREVIOUS"],
    RemoveFromVersionId=version_with["AWSCURRENT"],
)
# A rotation leaves AWSPENDING on the version it made current. Left there,
# on a version no longer current, it makes AWS refuse the next rotation.
if version_with.get("AWSPENDING") == version_with["AWSCURRENT"]:
    secrets.update_secret_version_stage(
        SecretId=SECRET_NAME,
        VersionStage="AWSPENDING",
        RemoveFromVersionId=version_with["AWSPENDING"],
    )
# --8<-- [end:roll_back]
