#!/usr/bin/env bash
# End-to-end tests of the `sopu` command line: exit codes and the exact lines
# staff see. Usage: cli_test.sh SOPU_BINARY REPO_DIR
set -uo pipefail
sopu="$1"
repo="$2"
data="$repo/tests/data/cli"
passed=0
failed=0

# expect NAME WANT_CODE WANT_FILE(stdout|stderr) PATTERN -- COMMAND...
# PATTERN is a fixed string that must appear as a whole line.
expect() {
  local name="$1" want_code="$2" stream="$3" pattern="$4"
  shift 5
  local out err code
  out=$(mktemp) err=$(mktemp)
  "$@" >"$out" 2>"$err"
  code=$?
  local file="$out"
  [[ "$stream" == "stderr" ]] && file="$err"
  if [[ "$code" -ne "$want_code" ]] || ! grep -qxF -- "$pattern" "$file"; then
    echo "FAIL $name: exit $code (want $want_code); looked for line: $pattern"
    echo "--- stdout"; head -40 "$out"; echo "--- stderr"; head -40 "$err"
    failed=$((failed + 1))
  else
    passed=$((passed + 1))
  fi
  rm -f "$out" "$err"
}

expect validate-example 0 stdout \
  "$repo/examples/cohort.csv: valid · 55 participants (15 mentors, 40 mentees) · 5 themes · policy valid" \
  -- "$sopu" validate "$repo/examples/cohort.csv" --policy "$repo/examples/policy.json"

expect validate-small-json 0 stdout \
  "$repo/examples/small-cohort.json: valid · 6 participants (2 mentors, 4 mentees) · 5 themes · policy valid" \
  -- "$sopu" validate "$repo/examples/small-cohort.json" --policy "$repo/examples/small-policy.json"

bad="$data/bad-cohort.csv"
expect bad-capacity 1 stderr "row 3, column D (capacity): must not be negative" \
  -- "$sopu" validate "$bad"
expect bad-level 1 stderr "row 4, column E (goal.lead): importance must be in 0..5" \
  -- "$sopu" validate "$bad"
expect bad-duplicate 1 stderr "row 5, column A (id): duplicates the id of row 4" \
  -- "$sopu" validate "$bad"
expect bad-no-goal 1 stderr "row 6: a mentee needs at least one goal above 0" \
  -- "$sopu" validate "$bad"
expect bad-count 1 stderr "4 problems" -- "$sopu" validate "$bad"
expect bad-score-computes-nothing 1 stderr \
  "$bad: the input has problems; nothing was computed." \
  -- "$sopu" score "$bad"

expect bad-theme 1 stderr \
  "row 1, column C (goal.Self leadership): may hold only letters, digits, '_' and '-'" \
  -- "$sopu" validate "$data/bad-theme.csv"
expect bad-theme-once 1 stderr "1 problem" -- "$sopu" validate "$data/bad-theme.csv"

bogus=$(mktemp --suffix=.json)
printf '{"participants": [], "bogus": 1}' >"$bogus"
expect bad-json 1 stderr \
  "$(basename "$bogus"): not a valid cohort file (protobuf JSON of sopu.v1.Cohort): an unknown field name; check the spelling against docs/json-format.md" \
  -- "$sopu" validate "$bogus"
expect bad-json-alone 1 stderr "1 problem" -- "$sopu" validate "$bogus"
rm -f "$bogus"

cells="$data/unreadable-cells.csv"
expect unreadable-cell 1 stderr "row 2, column C (capacity): not a number" \
  -- "$sopu" score "$cells"
expect unreadable-cell-and-validation 1 stderr "3 problems" \
  -- "$sopu" validate "$cells"

# Staff sheets: an Excel sep= line, a title and a blank row above Finnish
# headers, a form tool's and an e-mail column, an id with a no-break space.
staff="$data/staff-sheet.csv"
expect staff-sheet-valid 0 stdout \
  "$staff: valid · 3 participants (1 mentors, 2 mentees) · 1 themes" \
  -- "$sopu" validate "$staff"
expect staff-sheet-skipped-rows 0 stderr \
  "note: the header is row 3; the rows above it were skipped" \
  -- "$sopu" validate "$staff"
expect staff-sheet-ignored-columns 0 stderr \
  "note: ignored 2 columns sopu does not use: Aikaleima, Sähköposti" \
  -- "$sopu" validate "$staff"
expect sheet-for-csv 1 stderr \
  "sopu: $staff: --sheet is for .xlsx and .ods files; this is a CSV file" \
  -- "$sopu" validate "$staff" --sheet Taulukko1
sheets="$repo/tests/data/sheets"
expect xlsx-notes 0 stderr \
  "note: read the first sheet, \"Osallistujat\", of 2 (Osallistujat, Ohjeet); choose another with --sheet" \
  -- "$sopu" validate "$sheets/openpyxl.xlsx"
expect xlsx-unknown-sheet 3 stderr \
  "sopu: $sheets/openpyxl.xlsx: no sheet named \"Nope\"; the sheets are: Osallistujat, Ohjeet" \
  -- "$sopu" match "$sheets/openpyxl.xlsx" --sheet Nope
expect ods-second-sheet 1 stderr \
  "row 1: missing column id; add an id column" \
  -- "$sopu" score "$sheets/libreoffice.ods" --sheet ohjeet
expect xlsx-damaged 1 stderr \
  "file: the file is damaged or incomplete (not a readable .xlsx or .ods archive); save it again from the spreadsheet program" \
  -- "$sopu" validate "$sheets/damaged-truncated.xlsx"

expect score-excluded 0 stdout \
  "  no allowed mentor: rule shared-language excludes all 2 mentors" \
  -- "$sopu" score "$data/no-swedish.csv"
expect score-csv 0 stdout \
  "a1;Väinö;1;m1;Äijä Öberg;1,0000;complement;1,0000;;;;;"$'\r' \
  -- "$sopu" score "$data/no-swedish.csv" --format csv
expect score-csv-comma 0 stdout \
  "a1,Väinö,1,m1,Äijä Öberg,1.0000,complement,1.0000,,,,,"$'\r' \
  -- "$sopu" score "$data/no-swedish.csv" --format csv --csv-style comma
expect score-json 0 stdout ' "engine_version": "0.1.0",' \
  -- "$sopu" score "$data/no-swedish.csv" --format json

expect match-example 0 stdout \
  "Policy: Tuottajakeskus mentorointi 2025 · objective optimal · optimal (proven)" \
  -- "$sopu" match "$repo/examples/cohort.csv" --policy "$repo/examples/policy.json"
expect match-stable 0 stdout \
  "Policy: Tuottajakeskus mentorointi 2025 · objective stable · stable (no blocking pair)" \
  -- "$sopu" match "$repo/examples/cohort.csv" --policy "$repo/examples/policy.json" --objective stable
expect match-unmatched 0 stdout \
  "a2       Elsa                     rule shared-language excludes all 2 mentors" \
  -- "$sopu" match "$data/no-swedish.csv"
lock=$(mktemp --suffix=.csv)
printf 'mentee_id;mentor_id\na1;m2\n' >"$lock"
expect match-lock 0 stdout \
  "a1       Väinö                    m2       Åsa Ek                   0.800  2     complement 0.80 [locked]" \
  -- "$sopu" match "$data/no-swedish.csv" --lock "$lock"
printf 'mentee_id;mentor_id\na1;m9\n' >"$lock"
expect match-bad-lock 1 stderr "$(basename "$lock") row 2, mentor_id: names no participant of the cohort" \
  -- "$sopu" match "$data/no-swedish.csv" --lock "$lock"
printf 'mentee_id;mentor_id\n;m1\na1;m9\n' >"$lock"
expect match-bad-lock-all-listed 1 stderr "$(basename "$lock") row 3, mentor_id: names no participant of the cohort" \
  -- "$sopu" match "$data/no-swedish.csv" --lock "$lock"
expect match-bad-lock-reader 1 stderr "$(basename "$lock") row 2: the mentee_id cell is empty" \
  -- "$sopu" match "$data/no-swedish.csv" --lock "$lock"
# A problem naming another entry of the list names its row too.
printf 'Mentee;mentor\na1;m1\n;\na1;m2\n' >"$lock"
expect match-lock-duplicate-located 1 stderr \
  "$(basename "$lock") row 4, mentee_id: the mentee is already in row 2" \
  -- "$sopu" match "$data/no-swedish.csv" --lock "$lock"
# Pair files are located the same way beside a JSON cohort.
printf 'mentee_id,mentor_id\na01,m01\nzz,m01\n' >"$lock"
expect match-lock-json-cohort 1 stderr \
  "$(basename "$lock") row 3, mentee_id: names no participant of the cohort" \
  -- "$sopu" match "$repo/examples/small-cohort.json" --lock "$lock"
rm -f "$lock"
previous=$(mktemp --suffix=.csv)
"$sopu" match "$repo/examples/cohort.csv" --policy "$repo/examples/policy.json" \
  --format csv -o "$previous"
expect match-previous-keeps-all 0 stdout \
  "Compared with the previous assignment: kept 40 · changed 0 · new 0 · dropped 0" \
  -- "$sopu" match "$repo/examples/cohort.csv" --policy "$repo/examples/policy.json" \
  --previous "$previous"
rm -f "$previous"

expect pairs 0 stdout \
  "p5       Eve                      no allowed peer; rule shared-language excludes 4 of 4" \
  -- "$sopu" pairs "$data/peers.csv"
expect pairs-summary 0 stdout \
  "Paired 4 of 5 peers · total 2.000 · mean 1.000 · worst 1.000" \
  -- "$sopu" pairs "$data/peers.csv"

expect missing-file 3 stderr "sopu: $data/nope.csv: no such file" \
  -- "$sopu" score "$data/nope.csv"
expect usage 2 stderr "--top: Value 0 not in range 1 to 1000" \
  -- "$sopu" score "$data/no-swedish.csv" --top 0

out_file=$(mktemp -d)/scores.csv
"$sopu" score "$repo/examples/cohort.csv" --policy "$repo/examples/policy.json" \
  --format csv -o "$out_file"
code=$?
if [[ "$code" -eq 0 && -s "$out_file" && $(wc -l <"$out_file") -gt 40 ]]; then
  passed=$((passed + 1))
else
  echo "FAIL output-file: exit $code; $out_file missing or short"
  failed=$((failed + 1))
fi

# Groups: infeasible rules are explained, not searched.
expect groups-infeasible 1 stdout \
  "  - 3 members with region Varsinais-Suomi cannot form groups of 4-6" \
  -- "$sopu" groups "$repo/examples/cohort.csv" --role mentee --size 4-6 --key region
expect groups-example 0 stdout \
  "Policy: Työnohjausryhmät 2025 · groups · every rule holds" \
  -- "$sopu" groups "$repo/examples/cohort.csv" --policy "$repo/examples/groups-policy.json" \
  --role mentee --size 4-6 --max-per-organisation 1 --rounds 2 --time-limit 60
expect groups-rule-checked 0 stdout "  ok at most 1 per organisation" \
  -- "$sopu" groups "$repo/examples/cohort.csv" --policy "$repo/examples/groups-policy.json" \
  --role mentee --size 4-6 --max-per-organisation 1 --rounds 2 --time-limit 60
together=$(mktemp --suffix=.csv)
printf 'first_id;second_id\na01;a02\na03;zz\n' >"$together"
expect groups-together-located 1 stderr \
  "$(basename "$together") row 3, second_id: no participant has this id" \
  -- "$sopu" groups "$repo/examples/cohort.csv" --role mentee --size 4-6 \
  --together "$together"
# The pair file's own problems and the request's, in one run (as match).
printf 'first_id;second_id\na01;a02\n;a03\na04;a04\n' >"$together"
expect groups-together-reader-problem 1 stderr \
  "$(basename "$together") row 3: the first_id cell is empty" \
  -- "$sopu" groups "$repo/examples/cohort.csv" --role mentee --size 4-6 \
  --together "$together"
expect groups-together-request-problem 1 stderr \
  "$(basename "$together") row 4: needs two different participants" \
  -- "$sopu" groups "$repo/examples/cohort.csv" --role mentee --size 4-6 \
  --together "$together"
rm -f "$together"
expect groups-usage 2 stderr "sopu: --size: expected MIN-MAX (e.g. 4-6) or N" \
  -- "$sopu" groups "$repo/examples/cohort.csv" --size 4-x
# --groups takes what the handler takes (engine/common/limits.h).
expect groups-count-limit 2 stderr "--groups: Value 10001 not in range 0 to 10000" \
  -- "$sopu" groups "$repo/examples/cohort.csv" --role mentee --groups 10001

# The grouping benchmark interface: the printed objective must equal an
# independent re-evaluation of the written groups on the instance file, and
# every group must hold exactly 12 of the 120 elements.
mdgp="$repo/tests/data/mdgp/RanReal_n120_ss_01.txt"
groups_file=$(mktemp)
line=$("$sopu" solve groups --mdgp "$mdgp" --rounds 1 --time-limit 0 \
  --groups-out "$groups_file")
code=$?
printed=$(sed -E 's/.*"objective": ([0-9.]+).*/\1/' <<<"$line")
check=$(awk 'NR == FNR { g[FNR - 1] = $1; size[$1]++; next }
             FNR > 1 && g[$1] == g[$2] { sum += $3 }
             END { bad = 0; for (k in size) if (size[k] != 12) bad = 1;
                   printf "%.3f %d %d", sum, bad, length(size) }' \
  "$groups_file" "$mdgp")
if [[ "$code" -eq 0 && "$check" == "$printed 0 10" ]]; then
  passed=$((passed + 1))
else
  echo "FAIL solve-groups: exit $code; printed $printed, re-evaluated $check"
  failed=$((failed + 1))
fi
rm -f "$groups_file"
bad_mdgp=$(mktemp)
printf '4 2 ss 2 2\n0 9 1\n' >"$bad_mdgp"
expect solve-groups-bad 1 stderr \
  "sopu: $bad_mdgp: line 2, token 2 \"9\": element id must be in 0..3" \
  -- "$sopu" solve groups --mdgp "$bad_mdgp"
rm -f "$bad_mdgp"

# The assignment benchmark interface on a 6 x 3 instance (capacities 2 2 1,
# x forbidden): the optimum matches 5 mentees for
# 0.25 + 0.75 + 0.875 + 0.75 + 0.875 = 3.500. The written pairs are checked
# against the instance file independently: allowed cells, each mentee once,
# capacities kept, and their scores summing to the printed objective.
assign="$repo/tests/data/golden/assign-6x3.txt"
pairs_file=$(mktemp)
line=$("$sopu" solve assignment --matrix "$assign" --assign-out "$pairs_file")
code=$?
check=$(awk 'NR == FNR { if (seen[$1]++) bad = 1; col[$1] = $2; used[$2]++;
                         n++; next }
             FNR == 1 { rows = $1 }
             FNR == 2 { for (j = 1; j <= NF; j++) cap[j - 1] = $j }
             FNR > 2 && (FNR - 3) in col {
               s = $(col[FNR - 3] + 1)
               if (s == "x" || s == "-inf") bad = 1; else sum += s }
             END { for (j in used) if (used[j] > cap[j]) bad = 1
                   printf "%.3f %d %d", sum, n, bad }' \
  "$pairs_file" "$assign")
if [[ "$code" -eq 0 && "$line" == *'"objective": 3.500, "matched": 5,'* &&
  "$check" == "3.500 5 0" ]]; then
  passed=$((passed + 1))
else
  echo "FAIL solve-assignment: exit $code; printed $line; pairs file gives $check"
  failed=$((failed + 1))
fi
rm -f "$pairs_file"
bad_assign=$(mktemp)
printf '2 2\n1 1\n0.5 x\n0.5 zz\n' >"$bad_assign"
expect solve-assignment-bad 1 stderr \
  "sopu: $bad_assign: line 4, token 2 \"zz\": expected a plain decimal number, x or -inf" \
  -- "$sopu" solve assignment --matrix "$bad_assign"
rm -f "$bad_assign"
expect solve-assignment-min-score-usage 2 stderr \
  "sopu: --min-score needs --objective max-score" \
  -- "$sopu" solve assignment --matrix "$assign" --min-score 0.5

# sopu -v logs counts and timings, never names, free text or profile values:
# every name, note, organisation, town and region of canary.csv holds
# CANARY. The canaries do reach standard output (names), so their absence
# from standard error is the program's doing.
# quiet_about_people NAME LOG_REGEX -- COMMAND...: exit 0, CANARY in stdout,
# never in stderr, and a stderr line matching LOG_REGEX (an extended regex).
quiet_about_people() {
  local name="$1" log="$2"
  shift 3
  local out err code
  out=$(mktemp) err=$(mktemp)
  "$@" >"$out" 2>"$err"
  code=$?
  if [[ "$code" -ne 0 ]] || ! grep -q CANARY "$out" || grep -q CANARY "$err" ||
    ! grep -qx "sopu: read cohort: 6 participants, 2 themes" "$err" ||
    ! grep -qxE -- "$log" "$err"; then
    echo "FAIL $name: exit $code; stderr must log counts and timings only"
    echo "--- stderr"; head -20 "$err"
    failed=$((failed + 1))
  else
    passed=$((passed + 1))
  fi
  rm -f "$out" "$err"
}
canary="$data/canary.csv"
quiet_about_people verbose-score 'sopu: scored 4 x 2 pairs in [0-9]+ ms' \
  -- "$sopu" -v score "$canary"
quiet_about_people verbose-match 'sopu: matched 4 of 4 mentees in [0-9]+ ms' \
  -- "$sopu" -v match "$canary" --format csv
quiet_about_people verbose-groups \
  'sopu: formed 2 groups of 4 of 4 members in [0-9]+\.[0-9] s' \
  -- "$sopu" -v groups "$canary" --role mentee --size 2 --key region \
  --spread organisation --rounds 1 --seed 1

# Past cohorts: gen, bench, calibrate (docs/past-cohorts.md).
work=$(mktemp -d)
"$sopu" gen --seed 7 -o "$work/a.csv" && "$sopu" gen --seed 7 -o "$work/b.csv"
if cmp -s "$work/a.csv" "$work/b.csv"; then
  passed=$((passed + 1))
else
  echo "FAIL gen-same-seed: two runs with --seed 7 differ"
  failed=$((failed + 1))
fi
expect gen-csv-validates 0 stdout \
  "$work/a.csv: valid · 55 participants (15 mentors, 40 mentees) · 5 themes · policy valid" \
  -- "$sopu" validate "$work/a.csv" --policy "$repo/examples/policy.json"
"$sopu" gen --history --count 2 --out "$work/p1" --seed 3 --mentors 10 --mentees 20
"$sopu" gen --history --count 2 --out "$work/p2" --seed 3 --mentors 10 --mentees 20
if diff -r "$work/p1" "$work/p2" >/dev/null; then
  passed=$((passed + 1))
else
  echo "FAIL gen-history-same-seed: two runs with --seed 3 differ"
  failed=$((failed + 1))
fi
expect gen-usage 2 stderr "sopu: --count needs --out DIR" \
  -- "$sopu" gen --count 3

hist="$repo/tests/data/history"
expect bench-reproduced 0 stdout '   "reproduced": 1,' \
  -- "$sopu" bench "$hist/tiny" --policy "$hist/complement.json" --format json
expect bench-historical-blocking 0 stdout '    "blocking_pairs": "2"' \
  -- "$sopu" bench "$hist/tiny" --policy "$hist/complement.json" --format json
expect bench-spearman 0 stdout '   "spearman": 0.86602540378443871' \
  -- "$sopu" bench "$hist/tiny" --policy "$hist/complement.json" --format json
mkdir "$work/bad"
sed 's/"mentorId": "m1", "rating": 5,/"mentorId": "zz", "rating": 7,/' \
  "$hist/tiny/tiny-round.json" >"$work/bad/bad.json"
expect bench-bad-mentor 1 stderr "pairs[1].mentor_id: no participant has this id" \
  -- "$sopu" bench "$work/bad" --policy "$hist/complement.json"
expect bench-bad-rating 1 stderr "pairs[1].rating: must be in 1..5" \
  -- "$sopu" bench "$work/bad" --policy "$hist/complement.json"
expect bench-report 0 stdout "<!DOCTYPE html>" \
  -- bash -c "'$sopu' bench '$work/p1' --policy '$repo/examples/policy.json' \
     --policy '$repo/examples/small-policy.json' --jobs 2 \
     --report '$work/r.html' >/dev/null && head -1 '$work/r.html'"

expect explain-pair 0 stdout "Score 0.765 · allowed" \
  -- "$sopu" explain "$repo/examples/cohort.csv" --policy "$repo/examples/policy.json" --pair m02,a01
expect explain-pair-sums 0 stdout "0.765" \
  -- bash -c "'$sopu' explain '$repo/examples/cohort.csv' --policy '$repo/examples/policy.json' \
     --pair m02,a01 | awk '/^  [a-z-]+ +[0-9.]+ +[0-9.]+\$/ { t += \$3 } END { printf \"%.3f\\n\", t }'"
expect explain-group 0 stdout "  a01      a02      0.377" \
  -- "$sopu" explain "$repo/examples/cohort.csv" --policy "$repo/examples/groups-policy.json" \
  --role mentee --group a01,a02,a03
expect explain-unknown-id 1 stderr "mentee_id: no participant has this id" \
  -- "$sopu" explain "$repo/examples/cohort.csv" --pair m02,zz
expect explain-needs-a-question 2 stderr "explain: give --pair or --group" \
  -- "$sopu" explain "$repo/examples/cohort.csv"

cp "$repo/examples/policy.json" "$work/policy.json"
expect calibrate-never-overwrites 2 stderr \
  "sopu: -o names the policy file itself; calibrate never overwrites a policy, choose another file" \
  -- "$sopu" calibrate "$work/p1" --policy "$work/policy.json" -o "$work/policy.json"
expect calibrate-proposes 0 stdout \
  "Proposed policy written to $work/proposed.json; review it before use ($work/policy.json is unchanged)." \
  -- "$sopu" calibrate "$work/p1" --policy "$work/policy.json" --folds 2 \
  -o "$work/proposed.json"
expect calibrate-proposal-validates 0 stdout \
  "$work/a.csv: valid · 55 participants (15 mentors, 40 mentees) · 5 themes · policy valid" \
  -- "$sopu" validate "$work/a.csv" --policy "$work/proposed.json"
rm -rf "$work"

echo "$passed passed, $failed failed"
[[ "$failed" -eq 0 ]]
