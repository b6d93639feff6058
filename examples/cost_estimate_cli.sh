#!/usr/bin/env bash
# The command of docs/costs.md, run from inside examples/.
set -euo pipefail

# --8<-- [start:estimate]
python cost_estimate.py --secrets 25 --api-calls 1000000
# --8<-- [end:estimate]
