#!/usr/bin/env bash
# The AWS CLI tabs of docs/how-to/cross-account.md, run from inside examples/
# in the account that owns the secret. Run as one script, the sections
# encrypt the secret with a new key that the other account's role may use,
# then let that role read it.
set -euo pipefail

# --8<-- [start:encrypt_with_shared_key]
SECRET_NAME=prod/orders/postgres
REGION=us-west-2  # the secret's region
READER_ACCOUNT=444455556666  # the account that reads the secret
READER_ROLE=orders-reporting  # the role there that reads it
ACCOUNT_ID=$(aws sts get-caller-identity --query Account --output text)

KEY_ARN=$(sed -e "s|ACCOUNT_ID|$ACCOUNT_ID|" \
        -e "s|READER_ACCOUNT|$READER_ACCOUNT|" \
        -e "s|READER_ROLE|$READER_ROLE|" -e "s|REGION|$REGION|" \
        cross_account_key_policy.json |
    aws kms create-key --region "$REGION" --policy file:///dev/stdin \
        --description "Secrets that account $READER_ACCOUNT reads" \
        --query KeyMetadata.Arn --output text)
aws secretsmanager update-secret --region "$REGION" \
    --secret-id "$SECRET_NAME" --kms-key-id "$KEY_ARN" >/dev/null
echo "Key for the reader's policy: $KEY_ARN"
# --8<-- [end:encrypt_with_shared_key]

# --8<-- [start:attach_resource_policy]
SECRET_NAME=prod/orders/postgres
REGION=us-west-2  # the secret's region
READER_ACCOUNT=444455556666  # the account that reads the secret
READER_ROLE=orders-reporting  # the role there that reads it

SECRET_ARN=$(sed -e "s|READER_ACCOUNT|$READER_ACCOUNT|" \
        -e "s|READER_ROLE|$READER_ROLE|" cross_account_resource_policy.json |
    aws secretsmanager put-resource-policy --region "$REGION" \
        --secret-id "$SECRET_NAME" --resource-policy file:///dev/stdin \
        --block-public-policy --query ARN --output text)
echo "Secret for the reader's policy: $SECRET_ARN"
# --8<-- [end:attach_resource_policy]
