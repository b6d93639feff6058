#!/usr/bin/env bash
# The AWS CLI tab of "Read a replica", docs/how-to/replicate.md, run from
# inside examples/: the AWS CLI, in the replica's region, reads the replica
# by the primary secret's name. jq gets the value on its standard input.
set -euo pipefail

# --8<-- [start:read_replica]
aws secretsmanager get-secret-value --secret-id prod/orders/postgres \
    --region eu-west-1 --output json |
    jq -r '.ARN, (.SecretString | fromjson | .username)'
# --8<-- [end:read_replica]
