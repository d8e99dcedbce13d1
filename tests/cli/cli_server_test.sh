#!/usr/bin/env bash
# `sopu --server`: every engine command run against sopud gives the same
# output and exit code as the embedded engine (timings aside), input
# problems are still located by row and column, a batch spreads over two
# servers, and server failures exit 5 with a clear message.
# Usage: cli_server_test.sh SOPU_BINARY SOPUD_BINARY REPO_DIR
set -uo pipefail
sopu="$1"
sopud="$2"
repo="$3"
work=$(mktemp -d)
passed=0
failed=0
pids=()
cleanup() {
  for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null; done
  wait 2>/dev/null
  rm -rf "$work"
}
trap cleanup EXIT

# start_server LOG [FLAGS...]: starts sopud on a free loopback port and sets
# `port` (not in a subshell, so that cleanup can stop it), polling its log
# for the "listening on" line; gives up when sopud exits, or after 120 s (a
# hang guard: it takes milliseconds).
start_server() {
  local log="$1"
  shift
  "$sopud" --listen 127.0.0.1:0 "$@" >"$log" 2>&1 &
  local pid=$!
  pids+=("$pid")
  for _ in $(seq 1200); do
    port=$(sed -n 's/.*listening on [^ ]*:\([0-9]*\) .*/\1/p' "$log")
    [[ -n "$port" ]] && return
    kill -0 "$pid" 2>/dev/null || break
    sleep 0.1
  done
  echo "sopud did not start" >&2
  cat "$log" >&2
  exit 1
}

# same NAME FILTER -- ARGS...: runs `sopu ARGS` embedded and with --server;
# stdout (passed through FILTER, a sed script), stderr and exit codes must
# agree.
same() {
  local name="$1" filter="$2"
  shift 3
  "$sopu" "$@" >"$work/a.out" 2>"$work/a.err"
  local a=$?
  "$sopu" --server "127.0.0.1:$port1" "$@" >"$work/b.out" 2>"$work/b.err"
  local b=$?
  if [[ "$a" -ne "$b" ]] ||
    ! diff <(sed "$filter" "$work/a.out") <(sed "$filter" "$work/b.out") \
      >"$work/diff" ||
    ! diff "$work/a.err" "$work/b.err" >>"$work/diff"; then
    echo "FAIL $name: exit $a embedded, $b with --server"
    head -20 "$work/diff"
    failed=$((failed + 1))
  else
    passed=$((passed + 1))
  fi
}

# expect NAME WANT_CODE PATTERN -- COMMAND...: exit code and a line of
# stderr that starts with PATTERN (empty: the exit code only).
expect() {
  local name="$1" want_code="$2" pattern="$3"
  shift 4
  "$@" >"$work/out" 2>"$work/err"
  local code=$?
  if [[ "$code" -ne "$want_code" ]] || { [[ -n "$pattern" ]] &&
    ! cut -c"1-${#pattern}" "$work/err" | grep -qxF -- "$pattern"; }; then
    echo "FAIL $name: exit $code (want $want_code); looked for: $pattern"
    head -10 "$work/err"
    failed=$((failed + 1))
  else
    passed=$((passed + 1))
  fi
}

start_server "$work/s1.log" && port1=$port
start_server "$work/s2.log" && port2=$port
echo "canary-token-5f3a" >"$work/token"
echo "wrong-token" >"$work/wrong"
start_server "$work/s3.log" --token-file "$work/token" && port3=$port
ex="$repo/examples"
cli="$repo/tests/data/cli"
none='s/^$//'
timing='s/[0-9.]* s\b/T/g; /"seconds/d; /"rounds"/d; /"iterations"/d; s/(time limit\|(round limit/(limit/'

same validate-example "$none" -- validate "$ex/cohort.csv" --policy "$ex/policy.json"
same validate-json "$none" -- validate "$ex/cohort.csv" --format json
same validate-bad "$none" -- validate "$cli/bad-cohort.csv"
same score-table "$none" -- score "$ex/cohort.csv" --policy "$ex/policy.json"
same score-csv "$none" -- score "$ex/cohort.csv" --format csv --top 2
same score-bad "$none" -- score "$cli/bad-cohort.csv"
same match-table "$none" -- match "$ex/cohort.csv" --policy "$ex/policy.json"
same match-json "$none" -- match "$ex/cohort.csv" --policy "$ex/policy.json" --format json
same match-fair "$none" -- match "$ex/cohort.csv" --objective fair --format csv
same match-stable "$none" -- match "$ex/cohort.csv" --objective stable
same pairs "$none" -- pairs "$ex/cohort.csv"
same explain-pair "$none" -- explain "$ex/cohort.csv" --policy "$ex/policy.json" --pair m02,a01
same explain-pair-json "$none" -- explain "$ex/cohort.csv" --pair m01,a05 --format json
same explain-group "$none" -- explain "$ex/cohort.csv" --policy "$ex/groups-policy.json" \
  --role mentee --group a01,a02,a03,a04
same explain-bad-id "$none" -- explain "$ex/cohort.csv" --group a01,a01
same groups "$timing" -- groups "$ex/cohort.csv" --policy "$ex/groups-policy.json" \
  --role mentee --size 4-6 --seed 3 --rounds 10 --time-limit 60
same groups-json "$timing" -- groups "$ex/cohort.csv" --policy "$ex/groups-policy.json" \
  --role mentee --size 4-6 --seed 3 --rounds 10 --time-limit 60 --format json
same groups-infeasible "$timing" -- groups "$ex/cohort.csv" --policy "$ex/groups-policy.json" \
  --role mentee --size 50-60

# A batch over two servers: the same report, and both servers took rounds.
"$sopu" gen --history --count 12 --mentors 20 --mentees 50 --out "$work/hist" >/dev/null
"$sopu" bench "$work/hist" --policy "$ex/policy.json" --format csv >"$work/a.csv"
"$sopu" --server "127.0.0.1:$port1,localhost:$port2" bench "$work/hist" \
  --policy "$ex/policy.json" --jobs 4 --format csv >"$work/b.csv"
code=$?
# Every column but `seconds` (found by its header).
cut_seconds() {
  awk -F, 'NR == 1 { for (i = 1; i <= NF; i++) if ($i == "seconds") s = i }
           { $s = ""; print }' OFS=, "$1"
}
calls1=$(grep -c 'Match' "$work/s1.log")
calls2=$(grep -c 'Match' "$work/s2.log")
if [[ "$code" -ne 0 ]] || ! diff <(cut_seconds "$work/a.csv") <(cut_seconds "$work/b.csv") >/dev/null ||
  [[ "$calls2" -eq 0 ]]; then
  echo "FAIL bench-two-servers: exit $code; Match calls $calls1 / $calls2"
  diff <(cut_seconds "$work/a.csv") <(cut_seconds "$work/b.csv") | head
  failed=$((failed + 1))
else
  passed=$((passed + 1))
fi

# Failures of the call itself.
free_port=$(/usr/bin/python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
expect unreachable 5 "sopu: cannot reach the server at 127.0.0.1:$free_port: " \
  -- "$sopu" --server "127.0.0.1:$free_port" match "$ex/cohort.csv"
expect bench-unreachable 5 "sopu: cannot reach the server at 127.0.0.1:$free_port: " \
  -- "$sopu" --server "127.0.0.1:$free_port" bench "$work/hist" --policy "$ex/policy.json"
if ! grep -q "; no report was written$" "$work/err" || [[ -s "$work/out" ]]; then
  echo "FAIL bench-unreachable-writes-nothing"
  failed=$((failed + 1))
fi
expect token-accepted 0 "" \
  -- "$sopu" --server "127.0.0.1:$port3" --token-file "$work/token" validate "$ex/cohort.csv"
expect token-wrong 5 \
  "sopu: the server at 127.0.0.1:$port3 did not accept the token (see --token-file)" \
  -- "$sopu" --server "127.0.0.1:$port3" --token-file "$work/wrong" validate "$ex/cohort.csv"
expect token-missing 5 \
  "sopu: the server at 127.0.0.1:$port3 did not accept the token (see --token-file)" \
  -- "$sopu" --server "127.0.0.1:$port3" validate "$ex/cohort.csv"
if grep -qF canary-token "$work/s3.log"; then
  echo "FAIL token-never-logged"
  failed=$((failed + 1))
fi
expect local-only 2 \
  "sopu: --server applies to validate, score, match, pairs, groups, explain and bench; this command runs locally" \
  -- "$sopu" --server "127.0.0.1:$port1" gen --mentors 2 --mentees 2
expect bad-list 2 "sopu: --server: an empty address in the list" \
  -- "$sopu" --server "127.0.0.1:$port1,,x:1" match "$ex/cohort.csv"

# Names never reach the server's log (it logs ids and counts only).
name=$(sed -n '2p' "$ex/cohort.csv" | cut -d';' -f2)
if [[ -n "$name" ]] && grep -qF -- "$name" "$work/s1.log" "$work/s2.log"; then
  echo "FAIL no-names-in-log: a participant's name appears in a server log"
  failed=$((failed + 1))
else
  passed=$((passed + 1))
fi

echo "$passed passed, $failed failed"
[[ "$failed" -eq 0 ]]
