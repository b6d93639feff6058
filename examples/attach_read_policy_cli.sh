#!/usr/bin/env bash
# The AWS CLI tab of docs/policies.md, run from inside examples/.
set -euo pipefail

# --8<-- [start:attach_read_policy]
ROLE_NAME=orders-api  # the Lambda function's execution role
SECRET_NAME=prod/orders/postgres
REGION=us-west-2  # the secret's region
ACCOUNT_ID=$(aws sts get-caller-identity --query Account --output text)

DOCUMENT=$(sed -e "s|REGION|$REGION|" -e "s|ACCOUNT_ID|$ACCOUNT_ID|" \
    -e "s|SECRET_NAME|$SECRET_NAME|" read_secret_policy.json)
POLICY_ARN=$(aws iam create-policy \
    --policy-name "read-${SECRET_NAME//\//-}" \
    --description "Read the secret $SECRET_NAME" \
    --policy-document "$DOCUMENT" \
    --query Policy.Arn --output text)
aws iam attach-role-policy --role-name "$ROLE_NAME" --policy-arn "$POLICY_ARN"
# --8<-- [end:attach_read_policy]
