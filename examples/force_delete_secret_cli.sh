#!/usr/bin/env bash
# The AWS CLI tab of "Delete a secret at once", docs/how-to/delete.md.
set -euo pipefail

# --8<-- [start:force_delete]
aws secretsmanager delete-secret --secret-id dev/orders/payments-api \
    --force-delete-without-recovery
# --8<-- [end:force_delete]
