#!/usr/bin/env bash
# The AWS CLI tabs of docs/how-to/modify.md, run from inside examples/. Run as
# one script, the sections change a key, update the description, then roll
# the value back.
set -euo pipefail

# --8<-- [start:set_one_key]
SECRET_NAME=prod/orders/postgres
KEY=host
VALUE=orders-db-2.c9akciq32l5z.us-west-2.rds.amazonaws.com

# The secret never goes on a command line, where any local user could read
# it: jq takes it on standard input and the new value from its environment.
CURRENT=$(aws secretsmanager get-secret-value --secret-id "$SECRET_NAME" \
    --version-stage AWSCURRENT --query SecretString --output text)
UPDATED=$(KEY=$KEY VALUE=$VALUE jq --compact-output \
    '.[env.KEY] = env.VALUE' <<<"$CURRENT") &&
    printf '%s' "$UPDATED" | aws secretsmanager put-secret-value \
        --secret-id "$SECRET_NAME" --secret-string file:///dev/stdin
# --8<-- [end:set_one_key]

# --8<-- [start:update_description]
aws secretsmanager update-secret --secret-id prod/orders/postgres \
    --description "Orders database (RDS PostgreSQL, orders-db-2), user orders_app"
# --8<-- [end:update_description]

# --8<-- [start:roll_back]
SECRET_NAME=prod/orders/postgres

read -r CURRENT PREVIOUS PENDING < <(aws secretsmanager \
    list-secret-version-ids --secret-id "$SECRET_NAME" --output text --query "[
        Versions[?contains(VersionStages, 'AWSCURRENT')].VersionId | [0],
        Versions[?contains(VersionStages, 'AWSPREVIOUS')].VersionId | [0],
        Versions[?contains(VersionStages, 'AWSPENDING')].VersionId | [0]]")
aws secretsmanager update-secret-version-stage --secret-id "$SECRET_NAME" \
    --version-stage AWSCURRENT --move-to-version-id "$PREVIOUS" \
    --remove-from-version-id "$CURRENT"
# A rotation leaves AWSPENDING on the version it made current. Left there,
# on a version no longer current, it makes AWS refuse the next rotation.
if [ "$PENDING" = "$CURRENT" ]; then
    aws secretsmanager update-secret-version-stage --secret-id "$SECRET_NAME" \
        --version-stage AWSPENDING --remove-from-version-id "$CURRENT"
fi
# --8<-- [end:roll_back]
