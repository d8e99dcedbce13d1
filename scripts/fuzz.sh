#!/usr/bin/env bash
# fuzz.sh [SECONDS] [TARGET...] — build the libFuzzer targets of fuzz/ with
# clang-14 (-fsanitize=fuzzer,address,undefined) in build-fuzz/ and run each
# for SECONDS (default 60) over a copy of its seed corpus (fuzz/corpus/<t>/
# is never written). Prints each target's last libFuzzer stats line and a
# table (execs, exec/s, cov, ft, corpus, crashes). Crash reproducers are left
# in build-fuzz/findings/<target>/; the grown corpus in build-fuzz/corpus/.
# Needs clang-14 and libclang-rt-14-dev (libFuzzer's runtime). docs/fuzzing.md.
# Environment: SOPU_FUZZ_JOBS (ninja jobs, default 1).
set -euo pipefail
cd "$(dirname "$0")/.."
seconds="${1:-60}"
shift || true
targets=("$@")
if [[ ${#targets[@]} -eq 0 ]]; then
  targets=(fuzz_requests fuzz_cohort_csv fuzz_pair_list)
fi
if ! command -v clang++-14 >/dev/null ||
  ! ls /usr/lib/llvm-14/lib/clang/*/lib/linux/libclang_rt.fuzzer-x86_64.a \
    >/dev/null 2>&1; then
  echo "fuzz.sh: needs clang-14 and libclang-rt-14-dev (apt-get install" \
    "clang-14 libclang-rt-14-dev)" >&2
  exit 2
fi

export CCACHE_BASEDIR="${CCACHE_BASEDIR:-$PWD}" CCACHE_NOHASHDIR=1
dir=build-fuzz
CXX=clang++-14 cmake -S . -B "$dir" -G Ninja -DCMAKE_BUILD_TYPE=Release \
  -DCMAKE_CXX_FLAGS=-gline-tables-only -DSOPU_FUZZ=ON \
  -DSOPU_BUILD_TESTS=ON -DSOPU_BUILD_BENCHMARKS=OFF >/dev/null
ninja -C "$dir" -j "${SOPU_FUZZ_JOBS:-1}" "${targets[@]}"

export ASAN_OPTIONS=detect_leaks=1:abort_on_error=1
export UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1
summary=()
status=0
for t in "${targets[@]}"; do
  work="$dir/corpus/$t"
  findings="$dir/findings/$t"
  rm -rf "$work"
  mkdir -p "$work" "$findings"
  cp fuzz/corpus/"$t"/* "$work"/ 2>/dev/null || true
  log="$dir/$t.log"
  echo "== $t: ${seconds}s"
  set +e
  "$dir/bin/$t" -max_total_time="$seconds" -rss_limit_mb=2048 -timeout=5 \
    -print_final_stats=1 -artifact_prefix="$findings/" "$work" >"$log" 2>&1
  rc=$?
  set -e
  stats=$(grep -E '^#[0-9]+' "$log" | tail -n 1 || true)
  echo "$stats"
  execs=$(sed -nE 's/^stat::number_of_executed_units: *([0-9]+)/\1/p' "$log")
  speed=$(sed -nE 's/^stat::average_exec_per_sec: *([0-9]+)/\1/p' "$log")
  cov=$(sed -nE 's/.* cov: ([0-9]+).*/\1/p' <<<"$stats")
  ft=$(sed -nE 's/.* ft: ([0-9]+).*/\1/p' <<<"$stats")
  corpus=$(sed -nE 's/.* corp: ([0-9]+).*/\1/p' <<<"$stats")
  crashes=$(find "$findings" -type f | wc -l)
  if [[ $rc -ne 0 || $crashes -ne 0 ]]; then
    status=1
    echo "$t: FINDING (exit $rc), see $log and $findings/"
  fi
  summary+=("$(printf '| %s | %s | %s | %s | %s | %s | %s |' "$t" \
    "${execs:-?}" "${speed:-?}" "${cov:-?}" "${ft:-?}" "${corpus:-?}" \
    "$crashes")")
done

echo
echo "| target | execs | exec/s | cov | ft | corpus | crashes |"
echo "|---|---|---|---|---|---|---|"
printf '%s\n' "${summary[@]}"
exit "$status"
