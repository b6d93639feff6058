#!/usr/bin/env bash
# The AWS CLI commands of docs/how-to/store.md, run from inside examples/.
set -euo pipefail

# --8<-- [start:store_database_credentials]
aws secretsmanager create-secret \
    --name prod/orders/postgres \
    --description "Orders database (RDS PostgreSQL), user orders_app" \
    --secret-string file://database_secret.json
# --8<-- [end:store_database_credentials]

# --8<-- [start:store_other_secret]
read -rsp "API key: " API_KEY && echo
API_KEY=$API_KEY jq --null-input --compact-output '{api_key: env.API_KEY}' |
    aws secretsmanager create-secret \
        --name prod/orders/payments-api \
        --description "API key of the payment provider, used by the orders service" \
        --secret-string file:///dev/stdin
# --8<-- [end:store_other_secret]
