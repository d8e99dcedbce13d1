#!/usr/bin/env bash
# build.sh [BUILD_DIR] [cmake options...] — configure and build sopu (Release,
# warnings as errors) with Ninja and ccache. Leaves sopu and sopud in
# BUILD_DIR/bin (default: build/).
set -euo pipefail
cd "$(dirname "$0")/.."
# Let clones in other folders share the compiler cache.
export CCACHE_BASEDIR="${CCACHE_BASEDIR:-$PWD}" CCACHE_NOHASHDIR=1
dir="${1:-build}"
shift || true
cmake -S . -B "$dir" -G Ninja -DCMAKE_BUILD_TYPE="${SOPU_BUILD_TYPE:-Release}" \
  -DSOPU_WERROR=ON "$@" >/dev/null
cmake --build "$dir" --parallel "$(nproc)"
