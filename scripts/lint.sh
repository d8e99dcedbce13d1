#!/usr/bin/env bash
# lint.sh [BUILD_DIR] — clang-tidy (settings in .clang-tidy, warnings are
# errors) over every engine, service and fuzz source, using BUILD_DIR's
# compile_commands.json (default: build/, made by scripts/build.sh).
# Files whose preprocessed input was found clean before are skipped
# (scripts/tidy-cache.py); SOPU_TIDY_NO_CACHE=1 checks every file.
set -euo pipefail
cd "$(dirname "$0")/.."
dir="${1:-build}"
mapfile -t all < <(git ls-files 'engine/*.cc' 'service/*.cc' 'fuzz/*.cc')
keys=$(mktemp)
trap 'rm -f "$keys"' EXIT
if [[ "${SOPU_TIDY_NO_CACHE:-0}" == 1 ]]; then
  files=("${all[@]}")
else
  mapfile -t files < <(/usr/bin/python3 scripts/tidy-cache.py misses "$dir" "$keys" "${all[@]}")
fi
if [[ ${#files[@]} -gt 0 ]]; then
  printf '%s\n' "${files[@]}" |
    xargs -P "$(nproc)" -n 4 clang-tidy -p "$dir" --quiet 2>&1 |
    { grep -vE '^[0-9]+ warnings? generated|^Suppressed [0-9]+ warnings|^Use -header-filter|^Use -system-headers' || true; } |
    tee /tmp/sopu-lint.log
  if grep -qE '(warning|error):' /tmp/sopu-lint.log; then
    echo "lint: clang-tidy found problems"
    exit 1
  fi
  [[ "${SOPU_TIDY_NO_CACHE:-0}" == 1 ]] || /usr/bin/python3 scripts/tidy-cache.py store "$keys"
fi
echo "lint: ${#all[@]} files clean (${#files[@]} checked, $((${#all[@]} - ${#files[@]})) unchanged since a clean check)"
