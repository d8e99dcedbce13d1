#!/usr/bin/env bash
# lint.sh [BUILD_DIR] — clang-tidy (settings in .clang-tidy, warnings are
# errors) over every engine and service source, using BUILD_DIR's
# compile_commands.json (default: build/, made by scripts/build.sh).
set -euo pipefail
cd "$(dirname "$0")/.."
dir="${1:-build}"
mapfile -t files < <(git ls-files 'engine/*.cc' 'service/*.cc')
printf '%s\n' "${files[@]}" |
  xargs -P "$(nproc)" -n 4 clang-tidy -p "$dir" --quiet 2>&1 |
  { grep -vE '^[0-9]+ warnings? generated|^Suppressed [0-9]+ warnings|^Use -header-filter|^Use -system-headers' || true; } |
  tee /tmp/sopu-lint.log
if grep -qE '(warning|error):' /tmp/sopu-lint.log; then
  echo "lint: clang-tidy found problems"
  exit 1
fi
echo "lint: ${#files[@]} files clean"
