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
query=(query --schema "$out/schema.prisma" --url "$url")
run=(java -jar "$root/app/target/facet.jar" "${query[@]}")
(cd "$out" && "${run[@]}" < requests.jsonl > responses.jsonl)
if grep -q '"error"' "$out/responses.jsonl"; then echo "bench: facet query answered with errors" >&2; exit 1; fi

# The same file through every way Facet is started, and through Prisma 7 when it is installed:
#  - scripts/facet.sh, the documented way to run Facet: for commands, C1, the serial collector and an AOT cache;
#  - java -jar facet.jar: the JVM's defaults, no AOT cache (a jar cannot pass JVM options);
#  - the launchers of the app-image (installers module, -Pinstallers): the installed app, with their AOT caches;
#    bin/facet-cli (C1, serial collector) is what the installed `facet query` runs, bin/Facet has the window's options;
#  - Prisma Client 7 with its driver adapter (tools/prisma-compare/bench.mjs; PRISMA_COMPARE_DIR, default /tmp/prisma-compare).
"$root/scripts/facet.sh" "${query[@]}" < /dev/null > /dev/null   # builds the command line's AOT cache once
commands=("$root/scripts/facet.sh ${query[*]} < requests.jsonl" "${run[*]} < requests.jsonl")
launcher="$root/installers/target/image/Facet/bin/Facet"
if [ -x "$launcher" ]; then
  commands+=("$launcher ${query[*]} < requests.jsonl")
  if [ -x "${launcher%/*}/facet-cli" ]; then commands+=("${launcher%/*}/facet-cli ${query[*]} < requests.jsonl"); fi
else
  echo "bench: no app-image launcher ($launcher); build it with: mvn -Pinstallers -Dinstaller.skipPackages=true -DskipTests install" >&2
fi
prisma_dir="${PRISMA_COMPARE_DIR:-/tmp/prisma-compare}"
if [ -d "$prisma_dir/node_modules/@prisma/client" ]; then
  prisma=(node "$root/tools/prisma-compare/bench.mjs" --schema "$out/schema.prisma" --url "$url" --requests requests.jsonl --prisma-dir "$prisma_dir")
  (cd "$out" && "${prisma[@]}" > prisma-responses.jsonl)
  if cmp -s "$out/prisma-responses.jsonl" "$out/responses.jsonl"; then echo "Prisma 7 and Facet gave the same 2,000 answers"
  else echo "bench: Prisma 7's answers differ from Facet's (see $out/prisma-responses.jsonl)" >&2; fi
  commands+=("${prisma[*]}")
else
  echo "bench: Prisma 7 not installed in $prisma_dir (tools/prisma-compare/README.md); timing Facet only" >&2
fi
echo "== whole process, 2,000 requests"
if command -v hyperfine >/dev/null 2>&1; then
  (cd "$out" && hyperfine --warmup 1 --runs "${BENCH_RUNS:-5}" --export-json process.json "${commands[@]}")
else
  for c in "${commands[@]}"; do
    start=$(date +%s%N); (cd "$out" && bash -c "$c" > /dev/null); end=$(date +%s%N)
    echo "one run: $(( (end - start) / 1000000 )) ms: $c"
  done
fi
kill $bench_pid 2>/dev/null || true
