#!/usr/bin/env bash
# The AWS CLI tab of "From a script on your laptop", docs/how-to/retrieve.md.
set -euo pipefail

# --8<-- [start:read_secret]
aws secretsmanager get-secret-value --secret-id prod/orders/postgres \
    --query SecretString --output text
# --8<-- [end:read_secret]
