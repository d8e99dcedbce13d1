#!/usr/bin/env bash
# run-example.sh — set up, build, and score the bundled example cohort with
# its policy on the embedded engine (no server). Extra arguments go to
# `sopu score`, e.g. --top 5 --format csv.
set -euo pipefail
cd "$(dirname "$0")/.."
./scripts/setup-debian.sh >/dev/null
./scripts/build.sh build >/dev/null
build/bin/sopu validate examples/cohort.csv --policy examples/policy.json
build/bin/sopu score examples/cohort.csv --policy examples/policy.json --top 3 "$@"
