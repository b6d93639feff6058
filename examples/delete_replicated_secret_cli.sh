#!/usr/bin/env bash
# The AWS CLI tab of "Delete a replicated secret", docs/how-to/replicate.md,
# run from inside examples/: remove the secret's replicas, in every region,
# then schedule its deletion.
set -euo pipefail

# --8<-- [start:delete_replicated_secret]
# AWS refuses to delete a primary secret while it still has replicas.
regions=$(aws secretsmanager describe-secret --secret-id prod/orders/postgres \
    --query "not_null(ReplicationStatus[].Region, '')" --output text)
if [ -n "$regions" ]; then
    # $regions unquoted: one argument per region.
    aws secretsmanager remove-regions-from-replication \
        --secret-id prod/orders/postgres --remove-replica-regions $regions
fi
aws secretsmanager delete-secret --secret-id prod/orders/postgres \
    --recovery-window-in-days 30
# --8<-- [end:delete_replicated_secret]
