#!/usr/bin/env bash
# mdgp_benchmark_test.sh SOPU REPO: benchmarks/mdgp_benchmark.py --tiny
# reaches every exact optimum of the bundled instances (tests/data/mdgp, a flat
# folder), and fails, saying where it looked, when it finds no instance.
set -euo pipefail
sopu="$1"
repo="$2"
bench="$repo/benchmarks/mdgp_benchmark.py"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

/usr/bin/python3 "$bench" --sopu "$sopu" --data "$repo/tests/data/mdgp" --tiny \
  >"$tmp/out" 2>&1 || { cat "$tmp/out"; echo "FAIL: --tiny on tests/data/mdgp"; exit 1; }
found=$(grep -c ' ref .* sopu .* gap  +0.0000 %' "$tmp/out" || true)
[ "$found" = 6 ] || { cat "$tmp/out"; echo "FAIL: expected 6 exact optima, got $found"; exit 1; }

mkdir "$tmp/empty"
cp "$repo/tests/data/mdgp/tiny_exact_optima.tsv" "$tmp/empty/"
if /usr/bin/python3 "$bench" --sopu "$sopu" --data "$tmp/empty" --tiny \
  >"$tmp/out" 2>&1; then
  cat "$tmp/out"; echo "FAIL: no instances found, yet exit 0"; exit 1
fi
grep -q "no instance found: 6 instances of .*tiny_exact_optima.tsv" "$tmp/out" ||
  { cat "$tmp/out"; echo "FAIL: the message does not say what was looked for"; exit 1; }
echo "mdgp_benchmark_test: ok"
