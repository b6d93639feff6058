#!/usr/bin/env bash
# The AWS CLI tabs of docs/how-to/delete.md, run from inside examples/. Run as
# one script, the sections schedule a secret's deletion, list the secrets
# pending deletion, then restore the secret.
set -euo pipefail

# --8<-- [start:schedule_deletion]
aws secretsmanager delete-secret --secret-id prod/orders/payments-api \
    --recovery-window-in-days 30
# --8<-- [end:schedule_deletion]

# --8<-- [start:list_scheduled]
aws secretsmanager list-secrets --include-planned-deletion \
    --query "SecretList[?DeletedDate].[Name]" --output text
# --8<-- [end:list_scheduled]

# --8<-- [start:restore_secret]
aws secretsmanager restore-secret --secret-id prod/orders/payments-api
# --8<-- [end:restore_secret]
