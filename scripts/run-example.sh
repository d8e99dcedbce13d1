#!/usr/bin/env bash
# run-example.sh — set up, build, and match the bundled example cohort with
# its policy on the embedded engine (no server): the proven-optimal pairing,
# every pair explained. Extra arguments go to `sopu match`, e.g.
# --objective fair or --format csv.
set -euo pipefail
cd "$(dirname "$0")/.."
./scripts/setup-debian.sh >/dev/null
./scripts/build.sh build >/dev/null
build/bin/sopu validate examples/cohort.csv --policy examples/policy.json
build/bin/sopu match examples/cohort.csv --policy examples/policy.json "$@"
