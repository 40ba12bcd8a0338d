#!/usr/bin/env bash
# Measures the installed Facet's start-up: time from starting the command to its window being shown
# (the X server maps the top-level window titled "Facet"), under Xvfb. See docs/benchmarks.md.
#   ./scripts/startup-time.sh [RUNS] [COMMAND...]        defaults: 10 runs of /opt/facet/bin/Facet
#   EXTRA_JAVA_OPTIONS=-XX:AOTMode=off ./scripts/startup-time.sh    the same without the AOT cache
# Run 1 has an empty home: the first start, which also creates and seeds the demo database.
# The other runs reuse that home, as every later start of an installed app does.
# Needs Xvfb and python3-xlib (apt-get install xvfb python3-xlib).
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
runs=${1:-10}
shift || true
command=("$@")
[ ${#command[@]} -gt 0 ] || command=(/opt/facet/bin/Facet)
command -v Xvfb >/dev/null || { echo "startup-time: Xvfb is missing (apt-get install xvfb)" >&2; exit 1; }
# Debian's python3-xlib belongs to the system Python, which a pyenv or venv python3 may hide.
python=
for candidate in python3 /usr/bin/python3; do
  if "$candidate" -c 'import Xlib' 2>/dev/null; then python=$candidate; break; fi
done
[ -n "$python" ] || { echo "startup-time: python3-xlib is missing (apt-get install python3-xlib)" >&2; exit 1; }

home=$(mktemp -d)
display=":$((300 + RANDOM % 100))"
Xvfb "$display" -screen 0 1440x900x24 -nolisten tcp >/dev/null 2>&1 & xvfb=$!
trap 'kill $xvfb 2>/dev/null || true; rm -rf "$home"' EXIT
sleep 1

times=()
for run in $(seq 1 "$runs"); do
  # The first run seeds the demo; give it time to finish before the next start.
  linger=1; [ "$run" = 1 ] && linger=10
  # Java takes user.home from the password file, not from HOME: both point at the throw-away home.
  ms=$(HOME=$home JAVA_TOOL_OPTIONS="-Duser.home=$home ${EXTRA_JAVA_OPTIONS:-}" DISPLAY=$display "$python" "$root/installers/src/test/first_window.py" --linger "$linger" -- "${command[@]}")
  label="later start"; [ "$run" = 1 ] && label="first start (empty home)"
  echo "run $run: ${ms} ms  $label"
  [ "$run" = 1 ] || times+=("$ms")
  sleep 1
done
if [ ${#times[@]} -gt 0 ]; then
  printf '%s\n' "${times[@]}" | sort -n | awk '{ a[NR] = $1 } END {
    printf "later starts (%d): min %d ms, median %d ms, max %d ms\n", NR, a[1], a[int((NR + 1) / 2)], a[NR] }'
fi
echo "load average: $(cut -d' ' -f1-3 /proc/loadavg)"
