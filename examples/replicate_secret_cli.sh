#!/usr/bin/env bash
# The AWS CLI tab of "Replicate a secret", docs/how-to/replicate.md, run from
# inside examples/. Run as one script, the sections replicate a secret to
# eu-west-1, then show the status of each of its replicas.
set -euo pipefail

# --8<-- [start:replicate]
aws secretsmanager replicate-secret-to-regions \
    --secret-id prod/orders/postgres --add-replica-regions Region=eu-west-1
# --8<-- [end:replicate]

# --8<-- [start:replication_status]
aws secretsmanager describe-secret --secret-id prod/orders/postgres \
    --query "ReplicationStatus[].[Region, Status, StatusMessage]" \
    --output text
# --8<-- [end:replication_status]
