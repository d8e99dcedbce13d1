#!/usr/bin/env bash
# test.sh [--sanitize] — set up, build with warnings as errors, check the
# formatting, and run every test. With --sanitize: a separate Debug build
# under AddressSanitizer + UBSan (build-asan/) runs the tests instead.
set -euo pipefail
cd "$(dirname "$0")/.."
./scripts/setup-debian.sh >/dev/null

if [[ "${1:-}" == "--sanitize" ]]; then
  SOPU_BUILD_TYPE=Debug ./scripts/build.sh build-asan -DSOPU_SANITIZE=ON \
    -DSOPU_BUILD_BENCHMARKS=OFF
  export ASAN_OPTIONS=detect_leaks=1:abort_on_error=1
  export UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1
  export LSAN_OPTIONS="suppressions=$PWD/scripts/lsan.supp:print_suppressions=0"
  ctest --test-dir build-asan --output-on-failure --parallel "$(nproc)"
  exit 0
fi

./scripts/check-format.sh
./scripts/build.sh build
ctest --test-dir build --output-on-failure --parallel "$(nproc)"
