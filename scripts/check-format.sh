#!/usr/bin/env bash
# check-format.sh — fail when a C++ or proto file differs from clang-format.
set -euo pipefail
cd "$(dirname "$0")/.."
mapfile -t files < <(git ls-files '*.h' '*.cc' '*.proto' 2>/dev/null || true)
if [[ ${#files[@]} -eq 0 ]]; then
  mapfile -t files < <(find engine service tests benchmarks proto \
    -name '*.h' -o -name '*.cc' -o -name '*.proto')
fi
clang-format --dry-run --Werror "${files[@]}"
echo "format: ${#files[@]} files clean"
