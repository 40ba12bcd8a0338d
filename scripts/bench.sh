#!/usr/bin/env bash
# The benchmarks of docs/benchmarks.md, on a generated schema of 1,000 models and 5,000 relations:
#  (a) warm time of one load in a running JVM (JMH: LoadBenchmark.load, and .parse for the parser alone);
#  (b) wall time of the whole `java -jar app/target/facet.jar validate` process (hyperfine when installed,
#      else a timed loop).
# Usage: ./scripts/bench.sh [--quick]   (--quick: fewer JMH iterations and process runs, for a smoke check)
# Never part of mvn verify: the bench module builds only with -Pbench.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
cd "$root"
source ./scripts/use-jdk25.sh

jmh_args=()
runs=20
if [ "${1:-}" = "--quick" ]; then
  jmh_args=(-wi 2 -i 3 -w 1s -r 1s)
  runs=5
fi

out="$root/bench-out"
mkdir -p "$out"
echo "bench: building facet.jar and the benchmarks" >&2
mvn -B -q -ntp -DskipTests install >&2
mvn -B -q -ntp -Pbench -pl bench -DskipTests package >&2

schema="$out/generated.prisma"
java -cp bench/target/benchmarks.jar dev.facet.bench.SchemaGenerator "$schema" 1000 5000
echo "bench: $schema: $(grep -c '^model ' "$schema") models, $(wc -l < "$schema") lines, $(wc -c < "$schema") bytes" >&2

echo "== (a) warm load time (JMH, ms per load)"
java --sun-misc-unsafe-memory-access=allow -jar bench/target/benchmarks.jar LoadBenchmark -rf json -rff "$out/jmh.json" "${jmh_args[@]}"

echo "== (b) facet validate process wall time"
facet=(java -jar app/target/facet.jar validate "$schema")
# A benchmark of a run that fails would mean nothing.
if ! "${facet[@]}" >/dev/null 2>"$out/validate.stderr"; then
  echo "bench: facet validate did not accept the generated schema:" >&2
  cat "$out/validate.stderr" >&2
  exit 1
fi
if command -v hyperfine >/dev/null 2>&1; then
  hyperfine --warmup 3 --runs "$runs" --export-json "$out/process.json" "${facet[*]}"
else
  echo "(hyperfine not installed, e.g. apt-get install -y hyperfine; timing $runs runs in a loop)"
  times=()
  for _ in $(seq "$runs"); do
    start=$(date +%s%N)
    "${facet[@]}" >/dev/null 2>&1
    times+=($(( ($(date +%s%N) - start) / 1000000 )))
  done
  printf '%s\n' "${times[@]}" | sort -n | awk '{ a[NR] = $1; s += $1 } END {
    printf "runs %d: min %d ms, median %d ms, mean %.0f ms, max %d ms\n", NR, a[1], a[int((NR + 1) / 2)], s / NR, a[NR] }'
fi
