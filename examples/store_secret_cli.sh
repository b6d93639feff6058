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
aws secretsmanager create-secret \
    --name prod/orders/payments-api \
    --description "API key of the payment provider, used by the orders service" \
    --secret-string '{"api_key": "EXAMPLE-replace-with-the-real-key"}'
# --8<-- [end:store_other_secret]
