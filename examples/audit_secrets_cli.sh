#!/usr/bin/env bash
# The command of docs/how-to/audit.md, run from inside examples/.
set -euo pipefail

# --8<-- [start:audit]
python audit_secrets.py --region us-west-2 --region eu-west-1
# --8<-- [end:audit]
