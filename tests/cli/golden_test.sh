#!/usr/bin/env bash
# Golden outputs of the CLI: every case in golden_cases.sh is run and its exit
# code, standard output and standard error must equal the recorded file in
# tests/data/golden/ byte for byte (timings masked). The workflows moved
# between layers must not change what staff see.
# Usage: golden_test.sh SOPU_BINARY REPO_DIR [--update]
set -uo pipefail
sopu="$1"
repo="$2"
update="${3:-}"
EX="$repo/examples"
DATA="$repo/tests/data"
golden="$DATA/golden"
# shellcheck source=golden_cases.sh
source "$repo/tests/cli/golden_cases.sh"

# normalise: mask wall-clock figures and the repository path.
normalise() {
  sed -E -e 's/"(seconds[a-z_]*|time_to_best)": [0-9.e+-]+/"\1": T/g' \
    -e 's/found at [0-9.]+ s of [0-9.]+ s/found at T s of T s/' \
    -e "s|$repo|REPO|g"
}

failed=0
for entry in "${CASES[@]}"; do
  name="${entry%%|*}"
  args="${entry#*|}"
  args="${args//\$EX/$EX}"
  args="${args//\$DATA/$DATA}"
  actual=$(mktemp)
  # shellcheck disable=SC2086  # ARGS is a space-separated argument list
  {
    "$sopu" $args 2>"$actual.err"
    echo "exit $?"
    echo "--- stderr"
    cat "$actual.err"
  } | normalise >"$actual"
  rm -f "$actual.err"
  if [[ "$update" == "--update" ]]; then
    mv "$actual" "$golden/$name.out"
    continue
  fi
  if ! cmp -s "$actual" "$golden/$name.out"; then
    echo "FAIL $name: output differs from $golden/$name.out"
    diff "$golden/$name.out" "$actual" | head -20
    failed=$((failed + 1))
  fi
  rm -f "$actual"
done
echo "golden: ${#CASES[@]} cases, $failed failed"
[[ "$failed" -eq 0 ]]
