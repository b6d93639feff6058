# --8<-- [start:attach_read_policy]
from pathlib import Path

import boto3

ROLE_NAME = "orders-api"  # the Lambda function's execution role
SECRET_NAME = "prod/orders/postgres"
REGION = "us-west-2"  # the secret's region

account_id = boto3.client("sts").get_caller_identity()["Account"]
document = (
    Path("read_secret_policy.json")
    .read_text()
    .replace("REGION", REGION)
    .replace("ACCOUNT_ID", account_id)
    .replace("SECRET_NAME", SECRET_NAME)
)

iam = boto3.client("iam")
policy = iam.create_policy(
    PolicyName="read-" + SECRET_NAME.replace("/", "-"),
    Description=f"Read the secret {SECRET_NAME}",
    PolicyDocument=document,
)
iam.attach_role_policy(RoleName=ROLE_NAME, PolicyArn=policy["Policy"]["Arn"])
# --8<-- [end:attach_read_policy]
