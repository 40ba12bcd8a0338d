#!/usr/bin/env bash
# The "Writes" benchmark of docs/benchmarks.md: deleting a user with 10,000 posts of 10 comments each, by
# Facet's emulated cascade (relationMode = "prisma") and by the database's foreign-key cascade, on an embedded
# PostgreSQL (or FACET_TEST_POSTGRES_URL) and a SQLite file. Prints median and best times and statements.
# Usage: ./scripts/bench-writes.sh [posts] [commentsPerPost] [rounds]   (default 10000 10 5)
# Never part of mvn verify: the benchmark is a main in data-access's test classes, run from here only.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
cd "$root"
source ./scripts/use-jdk25.sh

out="$root/bench-out"
mkdir -p "$out"
echo "bench-writes: compiling data-access and its test classes" >&2
mvn -B -q -ntp -pl data-access -am test-compile dependency:build-classpath \
  -Dmdep.outputFile="$out/data-access.classpath" -Dmdep.includeScope=test >&2
cp="data-access/target/test-classes:data-access/target/classes:model-loader/target/classes:$(cat "$out/data-access.classpath")"
java --enable-native-access=ALL-UNNAMED -cp "$cp" dev.facet.data.bench.CascadeDeleteBench "$@"
