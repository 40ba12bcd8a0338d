#!/usr/bin/env bash
# The reads benchmark of docs/benchmarks.md (issue: data access, reads; on MongoDB, issue 12):
#  - the data set: 1,000 users with 10 posts each, 3 tags per post, a profile per user (SQL: plus a 1,000,000-row table);
#  - 2,000 findMany requests (take 20, varying where, orderBy id, include posts→tags and profile);
#  - in-process: Facet's QueryEngine vs a hand-written baseline sending the same statements or commands;
#    on MongoDB also the commands per request at 1,000 and 2,000 users;
#  - whole process: `facet query` reading the 2,000 requests (start-up included), timed with hyperfine, after a run
#    whose answers are checked (no error, one line per request, the first ones byte for byte as the in-process engine's);
#  - SQL: pages of 100 by cursor from anywhere in the 1,000,000-row table.
# Usage: ./scripts/bench-query.sh [postgres|sqlite|mongodb ...] [rows]     (default: postgres, 1000000 rows)
#   Several kinds run one after another, and one summary of all ends the output:
#   ./scripts/bench-query.sh mongodb postgres 100000   # MongoDB's figures next to PostgreSQL's
#   rows: the SQL cursor table. BENCH_RUNS: runs per timed command (default 5). BENCH_TIMED: on MongoDB, how many of
#   the 2,000 requests are timed in-process against the baseline (default 200; the test server is slow, see the doc);
#   BENCH_REQUESTS: on MongoDB, fewer than the 2,000 requests, for a quick try.
# Prisma 7 on the same database and request file: see tools/prisma-compare/README.md.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
cd "$root"
source ./scripts/use-jdk25.sh
kinds=()
rows=1000000
for arg in "$@"; do
  case "$arg" in
    postgres|sqlite|mongodb) kinds+=("$arg") ;;
    *[!0-9]*|'') echo "usage: $0 [postgres|sqlite|mongodb ...] [rows]" >&2; exit 2 ;;
    *) rows="$arg" ;;
  esac
done
[ ${#kinds[@]} -gt 0 ] || kinds=(postgres)

# In the reactor, never installed: facet.jar and the benchmarks built from this checkout.
mvn -B -q -ntp -Pbench -pl app,bench -am -DskipTests package >&2

summary="$root/bench-out/query-summary.txt"
mkdir -p "$root/bench-out"
: > "$summary"
bench_pid=
trap '[ -z "$bench_pid" ] || kill $bench_pid 2>/dev/null || true' EXIT

# One kind: start its benchmark, which seeds the database, measures in-process and writes schema.prisma, url.txt,
# requests.jsonl and expected.jsonl, then holds the database (-Dfacet.bench.hold) while the processes are timed here.
bench_kind() {
  local kind="$1"
  local out="$root/bench-out/query-$kind"
  mkdir -p "$out"
  rm -f "$out/expected.jsonl" "$out/process.json"
  local main=(dev.facet.bench.QueryBenchmark "$out" "$kind" "$rows")
  [ "$kind" = mongodb ] && main=(dev.facet.bench.MongoQueryBenchmark "$out" "${BENCH_TIMED:-200}" "${BENCH_REQUESTS:-2000}")
  local log="$out/benchmark.log"
  echo "== $kind (log: $log)"
  java -Dfacet.bench.hold=true -cp bench/target/benchmarks.jar "${main[@]}" > "$log" 2>&1 &
  bench_pid=$!
  until grep -q "^ready" "$log" 2>/dev/null; do
    if ! kill -0 $bench_pid 2>/dev/null; then cat "$log" >&2; exit 1; fi
    sleep 2
  done
  grep -E "^(seeded|commands|Facet over|in-process|driver baseline|cursor)" "$log" | sed "s/^/$kind: /" | tee -a "$summary"

  local url
  url="$(cat "$out/url.txt")"
  local query=(query --schema "$out/schema.prisma" --url "$url")
  local run=(java -jar "$root/app/target/facet.jar" "${query[@]}")
  # The checked run: as many answer lines as requests, none an error, the first ones the in-process engine's bytes.
  (cd "$out" && "${run[@]}" < requests.jsonl > responses.jsonl)
  local requests answers errors expected
  requests=$(wc -l < "$out/requests.jsonl")
  answers=$(wc -l < "$out/responses.jsonl")
  errors=$(grep -c '"error"' "$out/responses.jsonl" || true)
  expected=$(wc -l < "$out/expected.jsonl")
  if [ "$answers" -ne "$requests" ] || [ "$errors" -ne 0 ]; then
    echo "bench: facet query gave $answers answers for $requests requests, $errors of them errors (see $out/responses.jsonl)" >&2; exit 1
  fi
  if ! head -n "$expected" "$out/responses.jsonl" | cmp -s - "$out/expected.jsonl"; then
    echo "bench: facet query's first $expected answers differ from the in-process engine's ($out/expected.jsonl)" >&2; exit 1
  fi
  echo "$kind: facet query answered all $requests requests without an error; its first $expected answers are byte for byte the in-process engine's" | tee -a "$summary"

  # The same file through every way Facet is started, and through Prisma 7 when it is installed:
  #  - scripts/facet.sh, the documented way to run Facet: for commands, C1, the serial collector and an AOT cache;
  #  - java -jar facet.jar: the JVM's defaults, no AOT cache (a jar cannot pass JVM options);
  #  - the launchers of the app-image (installers module, -Pinstallers): the installed app, with their AOT caches;
  #    bin/facet-cli (C1, serial collector) is what the installed `facet query` runs, bin/Facet has the window's options;
  #  - Prisma Client 7 with its driver adapter (tools/prisma-compare/bench.mjs; PRISMA_COMPARE_DIR, default
  #    /tmp/prisma-compare). Prisma 7 has no MongoDB.
  "$root/scripts/facet.sh" "${query[@]}" < /dev/null > /dev/null   # builds the command line's AOT cache once
  local names=("scripts/facet.sh query" "java -jar facet.jar query")
  local commands=("$root/scripts/facet.sh ${query[*]} < requests.jsonl" "${run[*]} < requests.jsonl")
  local launcher="$root/installers/target/image/Facet/bin/Facet"
  if [ -x "$launcher" ]; then
    names+=("bin/Facet query"); commands+=("$launcher ${query[*]} < requests.jsonl")
    if [ -x "${launcher%/*}/facet-cli" ]; then names+=("bin/facet-cli query"); commands+=("${launcher%/*}/facet-cli ${query[*]} < requests.jsonl"); fi
  else
    echo "bench: no app-image launcher ($launcher); build it with: mvn -Pinstallers -Dinstaller.skipPackages=true -DskipTests install" >&2
  fi
  local prisma_dir="${PRISMA_COMPARE_DIR:-/tmp/prisma-compare}"
  if [ "$kind" = mongodb ]; then
    :
  elif [ -d "$prisma_dir/node_modules/@prisma/client" ]; then
    local prisma=(node "$root/tools/prisma-compare/bench.mjs" --schema "$out/schema.prisma" --url "$url" --requests requests.jsonl --prisma-dir "$prisma_dir")
    (cd "$out" && "${prisma[@]}" > prisma-responses.jsonl)
    if cmp -s "$out/prisma-responses.jsonl" "$out/responses.jsonl"; then echo "$kind: Prisma 7 and Facet gave the same $requests answers" | tee -a "$summary"
    else echo "bench: Prisma 7's answers differ from Facet's (see $out/prisma-responses.jsonl)" >&2; fi
    names+=("Prisma 7"); commands+=("${prisma[*]}")
  else
    echo "bench: Prisma 7 not installed in $prisma_dir (tools/prisma-compare/README.md); timing Facet only" >&2
  fi
  echo "$kind: whole process, $requests requests, $(uptime | sed 's/.*load/load/') before the runs" | tee -a "$summary"
  local runs="${BENCH_RUNS:-5}"
  if command -v hyperfine >/dev/null 2>&1; then
    local named=()
    for name in "${names[@]}"; do named+=(--command-name "$name"); done
    (cd "$out" && hyperfine --warmup 1 --runs "$runs" --export-json process.json "${named[@]}" "${commands[@]}")
    # The process's own CPU (user + system) beside the wall clock: the database server's is not in it.
    jq -r --arg kind "$kind" '.results[] | "\($kind):   \(.command): \(.mean * 100 | round / 100) s ± \((.stddev // 0) * 100 | round / 100) (min \(.min * 100 | round / 100) s; CPU of the process \((.user + .system) * 10 | round / 10) s)"' \
      "$out/process.json" | tee -a "$summary"
  else
    local i
    for i in "${!commands[@]}"; do
      local total=0 best=0 r start end
      for ((r = 0; r < runs; r++)); do
        start=$(date +%s%N); (cd "$out" && bash -c "${commands[$i]}" > /dev/null); end=$(date +%s%N)
        total=$((total + end - start)); if [ "$best" -eq 0 ] || [ $((end - start)) -lt "$best" ]; then best=$((end - start)); fi
      done
      echo "$kind:   ${names[$i]}: mean $((total / runs / 1000000)) ms of $runs runs (min $((best / 1000000)) ms; no hyperfine)" | tee -a "$summary"
    done
  fi
  echo "$kind: $(uptime | sed 's/.*load/load/') after the runs" | tee -a "$summary"
  kill $bench_pid 2>/dev/null || true
  wait $bench_pid 2>/dev/null || true
  bench_pid=
}

for kind in "${kinds[@]}"; do bench_kind "$kind"; done
echo
echo "== summary ($(date -u '+%Y-%m-%d %H:%M UTC'), $(git rev-parse --short HEAD 2>/dev/null || echo '?'), $(nproc) cores; also in $summary)"
cat "$summary"
