#!/usr/bin/env bash
# First start of the window on an empty home, under Xvfb: milliseconds from starting the process to its window being
# shown, to the demo being open in it (the title names the demo's schema: models listed, grids browsable), and to the
# demo being complete (every demo row in the database: the marker the demo writes then; the open grid reloads at that
# moment). See docs/benchmarks.md (Start-up of the demo).
#   ./scripts/startup-demo.sh [RUNS] [JAR]        defaults: 5 runs of app/target/facet.jar
# Each run has a new empty home. Needs Xvfb and python3-xlib (apt-get install xvfb python3-xlib).
# Environment:
#   BUSY=N            keeps N cores busy while it measures: N loops `sh -c 'while :; do :; done'` at normal priority,
#                     started before the first run and ended after the last (the issue's "another process keeps
#                     both cores busy" is BUSY=2 on a 2-core machine)
#   AOT_CACHE=FILE    runs with -XX:AOTCache=FILE, as the installed launcher runs with the cache the installers train
#   FACET_JAVA=PATH   another java (the installed image's, e.g. /opt/facet/lib/runtime/bin/java)
#   JAVA_EXTRA="OPTS" JVM options added to the window's, to try one out (the AOT cache must be trained with them too)
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
runs=${1:-5}
jar=${2:-$root/app/target/facet.jar}
source "$root/scripts/launcher-options.sh"
read -ra java_options <<<"--enable-native-access=ALL-UNNAMED $(launcher_option launcher.logJavaOptions) $(window_java_options)"
[ -n "${AOT_CACHE:-}" ] && java_options+=(-XX:AOTCache="$AOT_CACHE")
read -ra extra <<<"${JAVA_EXTRA:-}"
java_options+=(${extra[@]+"${extra[@]}"})
java=${FACET_JAVA:-java}
python=
for candidate in python3 /usr/bin/python3; do
  if "$candidate" -c 'import Xlib' 2>/dev/null; then python=$candidate; break; fi
done
[ -n "$python" ] || { echo "startup-demo: python3-xlib is missing (apt-get install python3-xlib)" >&2; exit 1; }
command -v Xvfb >/dev/null || { echo "startup-demo: Xvfb is missing (apt-get install xvfb)" >&2; exit 1; }

display=":$((400 + RANDOM % 100))"
Xvfb "$display" -screen 0 1280x800x24 -nolisten tcp >/dev/null 2>&1 & xvfb=$!
homes=()
busy=()
trap 'kill $xvfb "${busy[@]}" 2>/dev/null || true; rm -rf "${homes[@]}"' EXIT
for _ in $(seq 1 "${BUSY:-0}"); do
  sh -c 'while :; do :; done' & busy+=($!)
done
echo "load average before: $(cut -d' ' -f1-3 /proc/loadavg); busy loops: ${#busy[@]}; java options: ${java_options[*]}"
sleep 1
for run in $(seq 1 "$runs"); do
  home=$(mktemp -d); homes+=("$home")
  # Java takes user.home from the password file, not from HOME: both point at the throw-away home.
  mapfile -t ms < <(env -u XDG_DATA_HOME -u XDG_CONFIG_HOME -u XDG_STATE_HOME HOME=$home JAVA_TOOL_OPTIONS="-Duser.home=$home" DISPLAY=$display \
    "$python" "$root/installers/src/test/first_window.py" --timeout 180 --linger 1 \
    --wait-title 'schema[.]prisma' --wait-file "$home/.local/share/facet/demo/.seeded" -- "$java" "${java_options[@]}" -jar "$jar")
  echo "run $run: window ${ms[0]:-none} ms, demo open ${ms[1]:-none} ms, demo complete ${ms[2]:-none} ms (load $(cut -d' ' -f1 /proc/loadavg))"
done
echo "load average: $(cut -d' ' -f1-3 /proc/loadavg)"
