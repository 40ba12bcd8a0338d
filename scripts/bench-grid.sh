#!/usr/bin/env bash
# The grid benchmarks of issue 16 in docs/benchmarks.md ("Export of 1,000,000 rows" and "Record panel: a to-many
# relation of 10,000 records"), on SQLite databases made once in bench-out/grid/ (as bench-ui.sh makes its own), with
# JavaFX's GTK toolkit under Xvfb:
#   export  the grid's export of 1,000,000 rows to CSV, in a JVM limited to 300 MB of heap (-Xmx300m): rows per second,
#           the heap, the FX thread's pauses meanwhile; the file is checked to hold every row, then removed
#   panel   the record panel expanding a relation of 10,000 records, ten times on ten venues: time to the first
#           records drawn, the FX thread's longest pause
# Usage: ./scripts/bench-grid.sh [export|panel|all]   (default all)
# Never part of mvn verify: the benchmark is in the bench module, built only with -Pbench.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
cd "$root"
source ./scripts/use-jdk25.sh
what="${1:-all}"
out="$root/bench-out/grid"
mkdir -p "$out"
echo "bench-grid: building the bench module" >&2
mvn -B -q -ntp -Pbench -pl bench -am package -DskipTests >&2
command -v xvfb-run >/dev/null || { echo "bench-grid: needs xvfb-run (apt-get install xvfb)" >&2; exit 1; }
# The window's JVM options, from the file scripts/facet.sh, bench-ui.sh and the installers take them from.
source ./scripts/launcher-options.sh
read -ra window_options <<<"$(window_java_options)"
run() {
  echo "bench-grid: $1 ($(uptime)); JVM options: ${window_options[*]} ${*:2}" >&2
  # Preferences (remembered layouts) under bench-out, not the user's own.
  xvfb-run -a -s "-screen 0 1440x900x24" java "${window_options[@]}" "${@:2}" -Djava.util.prefs.userRoot="$out/home/prefs" \
    --enable-native-access=ALL-UNNAMED -cp bench/target/benchmarks.jar dev.facet.ui.grid.GridFeatureBenchmark "$1" "$out" \
    | tee "$out/$1.txt"
}
if [ "$what" = export ] || [ "$what" = all ]; then run export -Xmx300m; fi
if [ "$what" = panel ] || [ "$what" = all ]; then run panel; fi
