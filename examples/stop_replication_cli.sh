#!/usr/bin/env bash
# The AWS CLI tabs of "Stop replicating a secret", docs/how-to/replicate.md,
# run from inside examples/. Each section is a script of its own: promote the
# replica in eu-west-1 to a standalone secret, or remove it.
set -euo pipefail

# --8<-- [start:promote_replica]
aws secretsmanager stop-replication-to-replica \
    --secret-id prod/orders/postgres --region eu-west-1 \
    --query ARN --output text
# --8<-- [end:promote_replica]

# --8<-- [start:remove_replica]
aws secretsmanager remove-regions-from-replication \
    --secret-id prod/orders/postgres --remove-replica-regions eu-west-1
# --8<-- [end:remove_replica]
