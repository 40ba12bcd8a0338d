#!/usr/bin/env bash
# The window benchmark of docs/benchmarks.md ("Window: a model with 1,000,000 rows"), on a SQLite model of a million
# rows (made once with SchemaPusher and createMany, then kept in bench-out/ui/). Under Xvfb, with JavaFX's own GTK
# toolkit, it prints:
#  1. the time from opening the model's tab to the first rows drawn (one cold open, then warm ones);
#  2. the heap after scrolling from top to bottom;
#  3. the longest pause of the JavaFX thread while loading and scrolling;
#  4. the time from the start of a `java -jar facet.jar SCHEMA` process to its window shown.
# It measures the window as it is run: with the window's JVM options (as scripts/facet.sh and the installed launcher
# give them) and, like the installed app, an AOT cache trained the way the installers train theirs (facet
# aot-training --window, ended after 30 s), made once per build in bench-out/ui/window.aot.
# Usage: ./scripts/bench-ui.sh [--quick] [--jfr] [--no-aot] [--mongo] [--jvm=OPTION...] [--no-build] [-Dbench.x=y...] [rows]
#   --quick  fewer runs and scroll steps (a smoke run); --jfr  also records bench-out/ui/window.jfr and reads it against the long gaps (gaps-jfr.txt);
#   --no-aot without the AOT cache (as `java -jar facet.jar` runs)
#   --jvm=OPTION  a JVM option added to the window's (benchmark, start-up runs and the cache's training alike), to try one
#            out against the same build: interleave runs with and without it (A/B under the same load)
#   --no-build  run the jars as they are (after a first run, for A/B series)
#   -Dbench.x=y  a property of UiBenchmark (e.g. -Dbench.waitSeconds=600: how long an open may take before the run fails)
#   --mongo  the same window run on MongoDB: ROWS (default 200,000) documents with embedded documents on mongo-java-server,
#            started in a process of its own and filled on each run; no start-up runs; also prints the server's own time
#            for the first page (driver round trips, without Facet)
# Environment:
#   BUSY=N   keeps N cores busy while the window is measured (not while its AOT cache is trained): N loops
#            `sh -c 'while :; do :; done'` at normal priority, as scripts/startup-demo.sh starts them; issue 15's
#            "a machine that is doing something else too". BUSY=1 on a 2-core machine leaves the window one core.
# Never part of mvn verify: the benchmark is in the bench module, built only with -Pbench.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
cd "$root"
source ./scripts/use-jdk25.sh

rows=
mongo=false
props=()
jfr=()
aot=true
build=true
extra=()
for a in "$@"; do
  case "$a" in
    --quick) props+=(-Dbench.startups=3 -Dbench.opens=3 -Dbench.wheelFrames=120 -Dbench.dragSteps=50) ;;
    --jfr) jfr=(-XX:StartFlightRecording=filename="$root/bench-out/ui/window.jfr",settings="$root/bench-out/ui/gaps.jfc") ;;
    --no-aot) aot=false ;;
    --mongo) props+=(-Dbench.mongo=true); mongo=true ;;
    --jvm=*) extra+=("${a#--jvm=}") ;;
    --no-build) build=false ;;
    -D*) props+=("$a") ;;
    *) rows="$a" ;;
  esac
done
if [ -z "$rows" ]; then if [ "$mongo" = true ]; then rows=200000; else rows=1000000; fi; fi
# The window's JVM options, from the file scripts/facet.sh and the installers take them from.
source ./scripts/launcher-options.sh
read -ra window_options <<<"$(window_java_options)"
window_options+=(${extra[@]+"${extra[@]}"})
out="$root/bench-out/ui"
mkdir -p "$out"

if [ ${#jfr[@]} -gt 0 ]; then
  # JFR's profile settings, with every wait of the FX thread of 1 ms or more, safepoints, compilations, class loading
  # and CPU-time samples (native code included): what `JfrGaps` needs to tell what a long gap waited on.
  jfr configure --input profile locking-threshold=1ms class-loading=true jdk.SafepointBegin#enabled=true \
    jdk.ThreadPark#threshold=1ms jdk.ThreadSleep#threshold=1ms jdk.Compilation#threshold=0ms \
    jdk.CPUTimeSample#enabled=true jdk.CPUTimeSample#throttle=5ms --output "$out/gaps.jfc" >/dev/null
fi
if [ "$build" = true ]; then
  echo "bench-ui: building facet.jar and the bench module" >&2
  mvn -B -q -ntp -Pbench -pl app,bench -am package -DskipTests >&2
fi

if ! command -v xvfb-run >/dev/null; then
  echo "bench-ui: needs xvfb-run (apt-get install xvfb)" >&2
  exit 1
fi
cache=()
if [ "$aot" = true ]; then
  # A cache per set of JVM options: the installers train theirs with the launcher's options.
  aot_file="$out/window.aot"
  if [ ${#extra[@]} -gt 0 ]; then aot_file="$out/window-$(echo "${extra[*]}" | md5sum | cut -c1-8).aot"; fi
  # Trained again after a build, and after the window's options changed (a cache trained with others may not load).
  if [ ! -f "$aot_file" ] || [ bench/target/benchmarks.jar -nt "$aot_file" ] || [ "$launcher_options_file" -nt "$aot_file" ]; then
    echo "bench-ui: training the window's AOT cache as the installers do (facet aot-training --window, 30 s)" >&2
    training_home="$(mktemp -d)"
    rm -f "$aot_file"
    xvfb-run -a -s "-screen 0 1440x900x24" java "${window_options[@]}" -XX:AOTCacheOutput="$aot_file" -Duser.home="$training_home" \
      --enable-native-access=ALL-UNNAMED -cp bench/target/benchmarks.jar dev.facet.app.FacetCommand aot-training --window \
      > "$out/aot-training.log" 2>&1 &
    training=$!
    sleep 30
    # SIGTERM to the JVM, not to xvfb-run (which would take the display away): a normal exit writes the cache.
    for pid in $(pgrep -f "AOTCacheOutput=$aot_file"); do
      [ "$(ps -o comm= -p "$pid")" = java ] && kill -TERM "$pid"
    done
    wait "$training" || true
    for _ in $(seq 120); do [ -f "$aot_file" ] && break; sleep 1; done
    [ -f "$aot_file" ] || { echo "bench-ui: the training run wrote no AOT cache (see $out/aot-training.log)" >&2; exit 1; }
    rm -rf "$training_home"
  fi
  cache=(-XX:AOTCache="$aot_file")
fi
busy=()
trap 'kill "${busy[@]}" 2>/dev/null || true' EXIT
for _ in $(seq 1 "${BUSY:-0}"); do
  sh -c 'while :; do :; done' & busy+=($!)
done
echo "bench-ui: machine load: $(cut -d' ' -f1-3 /proc/loadavg) (1, 5, 15 min), $(nproc) CPUs; busy loops: ${#busy[@]}; JVM options: ${window_options[*]} ${cache[*]}" >&2
# Java preferences (remembered grid layouts) go under bench-out, not the user's own.
xvfb-run -a -s "-screen 0 1440x900x24" \
  java "${window_options[@]}" "${cache[@]}" "${jfr[@]}" "${props[@]}" -Dbench.windowJvmOptions="${window_options[*]}" \
  -Djava.util.prefs.userRoot="$out/home/prefs" --enable-native-access=ALL-UNNAMED \
  -cp bench/target/benchmarks.jar dev.facet.bench.UiBenchmark "$out" "$rows" app/target/facet.jar
if [ ${#jfr[@]} -gt 0 ] && [ "$mongo" = false ]; then
  # What the recording says happened in each gap of 50 ms or more.
  java -cp bench/target/benchmarks.jar dev.facet.bench.JfrGaps "$out/window.jfr" "$out/gaps.txt" > "$out/gaps-jfr.txt"
  echo "bench-ui: what the JVM recorded in the long gaps: $out/gaps-jfr.txt" >&2
fi
