# --8<-- [start:create_execution_role]
from pathlib import Path

import boto3

ROLE_NAME = "orders-api"  # one role per function, named after it

iam = boto3.client("iam")
iam.create_role(
    RoleName=ROLE_NAME,
    AssumeRolePolicyDocument=Path("lambda_trust_policy.json").read_text(),
    Description="Execution role of the orders-api Lambda function",
)
# Lets the function write its logs to CloudWatch Logs.
iam.attach_role_policy(
    RoleName=ROLE_NAME,
    PolicyArn="arn:aws:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole",
)
# --8<-- [end:create_execution_role]
