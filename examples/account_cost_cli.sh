#!/usr/bin/env bash
# The command of docs/costs.md, run from inside examples/.
set -euo pipefail

# --8<-- [start:estimate]
python account_cost.py us-west-2 eu-west-1
# --8<-- [end:estimate]
