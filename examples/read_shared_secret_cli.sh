#!/usr/bin/env bash
# The AWS CLI tab of "Read it from the other account",
# docs/how-to/cross-account.md: run with the credentials of the reader's
# role, in its own account.
set -euo pipefail

# --8<-- [start:read_shared_secret]
# The full ARN, as the owner printed it: a name alone would be looked up
# in this account, not in the owner's.
SECRET_ARN=arn:aws:secretsmanager:us-west-2:123456789012:secret:prod/orders/postgres-AbCdEf

aws secretsmanager get-secret-value --region us-west-2 \
    --secret-id "$SECRET_ARN" --query SecretString --output text
# --8<-- [end:read_shared_secret]
