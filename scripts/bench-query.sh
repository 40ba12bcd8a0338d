#!/usr/bin/env bash
# The reads benchmark of docs/benchmarks.md (issue: data access, reads):
#  - the data set: 1,000 users with 10 posts each, 3 tags per post, a profile per user, plus a 1,000,000-row table;
#  - 2,000 findMany requests (take 20, varying where, orderBy id, include posts→tags and profile);
#  - in-process: Facet's QueryEngine vs a hand-written JDBC baseline running the same statements;
#  - whole process: `facet query` reading the 2,000 requests (start-up included), timed with hyperfine;
#  - pages of 100 by cursor from anywhere in the 1,000,000-row table.
# Usage: ./scripts/bench-query.sh [postgres|sqlite] [rows]     (default: postgres, 1000000)
# Prisma 7 on the same database and request file: see tools/prisma-compare/README.md.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
cd "$root"
source ./scripts/use-jdk25.sh
kind="${1:-postgres}"
rows="${2:-1000000}"
out="$root/bench-out/query-$kind"
mkdir -p "$out"

mvn -B -q -ntp -DskipTests install >&2
mvn -B -q -ntp -Pbench -pl bench -DskipTests package >&2

# Keep the embedded server running while the process runs are timed: start the benchmark in the
# background, and wait until it has written its files and printed its in-process figures.
log="$out/benchmark.log"
java -Dfacet.bench.hold=true -cp bench/target/benchmarks.jar dev.facet.bench.QueryBenchmark "$out" "$kind" "$rows" > "$log" 2>&1 &
bench_pid=$!
trap 'kill $bench_pid 2>/dev/null || true' EXIT
until grep -q "^cursor pages" "$log" 2>/dev/null; do
  if ! kill -0 $bench_pid 2>/dev/null; then cat "$log" >&2; exit 1; fi
  sleep 2
done
grep -E "^(seeded|in-process|cursor)" "$log"

url="$(cat "$out/url.txt")"
run=(java -jar "$root/app/target/facet.jar" query --schema "$out/schema.prisma" --url "$url")
(cd "$out" && "${run[@]}" < requests.jsonl > responses.jsonl)
if grep -q '"error"' "$out/responses.jsonl"; then echo "bench: facet query answered with errors" >&2; exit 1; fi
echo "== facet query, whole process, 2,000 requests"
if command -v hyperfine >/dev/null 2>&1; then
  (cd "$out" && hyperfine --warmup 1 --runs 5 --export-json process.json "${run[*]} < requests.jsonl > /dev/null")
else
  start=$(date +%s%N); (cd "$out" && "${run[@]}" < requests.jsonl > /dev/null); end=$(date +%s%N)
  echo "one run: $(( (end - start) / 1000000 )) ms"
fi
kill $bench_pid 2>/dev/null || true
