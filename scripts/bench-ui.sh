#!/usr/bin/env bash
# The window benchmark of docs/benchmarks.md ("Window: a model with 1,000,000 rows"), on a SQLite model of a million
# rows (made once with SchemaPusher and createMany, then kept in bench-out/ui/). Under Xvfb, with JavaFX's own GTK
# toolkit, it prints:
#  1. the time from opening the model's tab to the first rows drawn (one cold open, then warm ones);
#  2. the heap after scrolling from top to bottom;
#  3. the longest pause of the JavaFX thread while loading and scrolling;
#  4. the time from the start of a `java -jar facet.jar SCHEMA` process to its window shown.
# Usage: ./scripts/bench-ui.sh [--quick] [--jfr] [rows]
#   --quick  fewer runs and scroll steps (a smoke run); --jfr  also records bench-out/ui/window.jfr
# Never part of mvn verify: the benchmark is in the bench module, built only with -Pbench.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
cd "$root"
source ./scripts/use-jdk25.sh

rows=1000000
props=()
jfr=()
for a in "$@"; do
  case "$a" in
    --quick) props=(-Dbench.startups=3 -Dbench.opens=3 -Dbench.wheelFrames=120 -Dbench.dragSteps=50) ;;
    --jfr) jfr=(-XX:StartFlightRecording=filename="$root/bench-out/ui/window.jfr",settings=profile) ;;
    *) rows="$a" ;;
  esac
done
out="$root/bench-out/ui"
mkdir -p "$out"

echo "bench-ui: building facet.jar and the bench module" >&2
mvn -B -q -ntp -Pbench -pl app,bench -am package -DskipTests >&2

if ! command -v xvfb-run >/dev/null; then
  echo "bench-ui: needs xvfb-run (apt-get install xvfb)" >&2
  exit 1
fi
echo "bench-ui: machine load: $(cut -d' ' -f1-3 /proc/loadavg) (1, 5, 15 min), $(nproc) CPUs" >&2
# Java preferences (remembered grid layouts) go under bench-out, not the user's own.
xvfb-run -a -s "-screen 0 1440x900x24" \
  java "${jfr[@]}" "${props[@]}" -Djava.util.prefs.userRoot="$out/home/prefs" --enable-native-access=ALL-UNNAMED \
  -cp bench/target/benchmarks.jar dev.facet.bench.UiBenchmark "$out" "$rows" app/target/facet.jar
