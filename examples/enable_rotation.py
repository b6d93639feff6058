# --8<-- [start:enable_rotation]
import boto3

SECRET_NAME = "prod/orders/postgres"
FUNCTION_NAME = "rotate-orders-postgres"  # rotate_postgres.py, deployed

account_id = boto3.client("sts").get_caller_identity()["Account"]
awslambda = boto3.client("lambda")
# Once per function: Secrets Manager may invoke it for this account's
# secrets. A second run fails with ResourceConflictException.
awslambda.add_permission(
    FunctionName=FUNCTION_NAME,
    StatementId="SecretsManagerRotation",
    Action="lambda:InvokeFunction",
    Principal="secretsmanager.amazonaws.com",
    SourceAccount=account_id,
)
function = awslambda.get_function(FunctionName=FUNCTION_NAME)

# Rotates once now, then every 30 days.
boto3.client("secretsmanager").rotate_secret(
    SecretId=SECRET_NAME,
    RotationLambdaARN=function["Configuration"]["FunctionArn"],
    RotationRules={"AutomaticallyAfterDays": 30},
)
# --8<-- [end:enable_rotation]
