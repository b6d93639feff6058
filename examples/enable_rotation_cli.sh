#!/usr/bin/env bash
# The AWS CLI tab of docs/how-to/rotate.md, run from inside examples/.
set -euo pipefail

# --8<-- [start:enable_rotation]
SECRET_NAME=prod/orders/postgres
FUNCTION_NAME=rotate-orders-postgres  # rotate_postgres.py, deployed

ACCOUNT_ID=$(aws sts get-caller-identity --query Account --output text)
# Once per function: Secrets Manager may invoke it for this account's
# secrets. A second run fails with ResourceConflictException.
aws lambda add-permission --function-name "$FUNCTION_NAME" \
    --statement-id SecretsManagerRotation \
    --action lambda:InvokeFunction \
    --principal secretsmanager.amazonaws.com \
    --source-account "$ACCOUNT_ID"
FUNCTION_ARN=$(aws lambda get-function --function-name "$FUNCTION_NAME" \
    --query Configuration.FunctionArn --output text)

# Rotates once now, then every 30 days.
aws secretsmanager rotate-secret --secret-id "$SECRET_NAME" \
    --rotation-lambda-arn "$FUNCTION_ARN" \
    --rotation-rules AutomaticallyAfterDays=30
# --8<-- [end:enable_rotation]
