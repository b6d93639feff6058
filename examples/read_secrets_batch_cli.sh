#!/usr/bin/env bash
# The AWS CLI tab of "Read several secrets in one call",
# docs/how-to/retrieve.md, run from inside examples/. Run as one script, the
# sections read two secrets by name, then the secrets whose names start with
# prod/orders/.
set -euo pipefail

# --8<-- [start:by_name]
# Each secret's value is in SecretValues[].SecretString (or SecretBinary).
aws secretsmanager batch-get-secret-value \
    --secret-id-list prod/orders/postgres prod/orders/payments-api \
    --query "{Read: SecretValues[].Name, CannotRead: Errors[].[SecretId, ErrorCode]}"
# --8<-- [end:by_name]

# --8<-- [start:by_filter]
# At most 20 a call: a NextToken other than null means more matched; run the
# command again with --next-token and that value to read them.
aws secretsmanager batch-get-secret-value \
    --filters Key=name,Values=prod/orders/ --max-results 20 \
    --query "{Read: SecretValues[].Name, CannotRead: Errors[].[SecretId, ErrorCode], NextToken: NextToken}"
# --8<-- [end:by_filter]
