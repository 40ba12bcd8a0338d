#!/usr/bin/env bash
# Builds facet.jar when it is missing or older than the sources, then runs it with the given arguments.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
source "$root/scripts/use-jdk25.sh"
jar="$root/app/target/facet.jar"
if [ ! -f "$jar" ] || [ -n "$(find "$root" -path '*/src/main/*' -newer "$jar" -print -quit)" ]; then
  (cd "$root" && mvn -B -q -ntp -DskipTests install) >&2
fi
# The commands and the JVM options of both kinds of start live in one file, which the installers read too.
source "$root/scripts/launcher-options.sh"
# JVM warnings go to stderr, never into the output of facet query or validate; the AOT cache's own messages never
# reach the user at all (launcher.properties says why).
read -ra common <<<"--enable-native-access=ALL-UNNAMED $(launcher_option launcher.logJavaOptions)"
if [ -n "${1:-}" ] && [[ "|$(launcher_option launcher.commands)|" == *"|$1|"* ]]; then
    # A command lives for seconds: C1 alone and the serial collector spend far less CPU warming up than the
    # window's defaults (C2 and G1, which the window's long scrolls need), and an AOT cache trained on the
    # commands (the hidden `facet aot-training`) starts them with their classes loaded and linked.
    # Measured in docs/benchmarks.md (Reads); decision in docs/decisions/0006.
    read -ra cli <<<"$(launcher_option launcher.commandsJavaOptions)"
    cache="$root/app/target/facet-cli.aot"
    if [ ! -f "$cache" ] || [ "$jar" -nt "$cache" ]; then
      echo "facet.sh: training the command line's AOT cache (once per build of facet.jar)" >&2
      tmp="$cache.$$"
      if (cd "${TMPDIR:-/tmp}" && java "${cli[@]}" "${common[@]}" -XX:AOTCacheOutput="$tmp" -jar "$jar" aot-training >/dev/null 2>&1); then
        mv -f "$tmp" "$cache"
      else
        rm -f "$tmp"
        echo "facet.sh: no AOT cache (the training run failed); running without it" >&2
      fi
    fi
    [ -f "$cache" ] && cli+=(-XX:AOTCache="$cache")
    exec java "${cli[@]}" "${common[@]}" -jar "$jar" "$@"
fi
# The window keeps C2 and G1 (its long scrolls need them) with a short pause target: G1's default (200 ms) let its
# first young collections take 30 to 46 ms, each one a frame the user sees late (docs/benchmarks.md, Window).
# installers/pom.xml gives the installed window the same option; scripts/bench-ui.sh measures with it.
read -ra window <<<"$(window_java_options)"
# Like the installed app, the window starts from an AOT cache; here the first session after a build records what it
# uses, and the cache is made from that record after the window has closed, in the background: with the one-step
# -XX:AOTCacheOutput the JVM made the cache as the window closed, and closing took 15 s on a busy machine.
window_cache="$root/app/target/facet-window.aot"
case "${1:-}" in
  -h|--help|-V|--version|help|aot-training) ;;   # no window: neither trains nor needs the cache
  *)
    if [ -f "$window_cache" ] && [ ! "$jar" -nt "$window_cache" ]; then
      window+=(-XX:AOTCache="$window_cache")
    else
      echo "facet.sh: this session records the window's classes for its AOT cache (made in the background after it closes)" >&2
      record="$window_cache.$$.aotconf"
      status=0
      java "${window[@]}" "${common[@]}" -XX:AOTMode=record -XX:AOTConfiguration="$record" -jar "$jar" "$@" || status=$?
      if [ -f "$record" ]; then
        tmp="$window_cache.$$"
        # Detached and quiet: the terminal is the user's again at once; the next session uses the cache.
        (java "${window[@]}" "${common[@]}" -XX:AOTMode=create -XX:AOTConfiguration="$record" -XX:AOTCache="$tmp" -cp "$jar" \
            >/dev/null 2>&1 && mv -f "$tmp" "$window_cache"; rm -f "$record" "$tmp") </dev/null >/dev/null 2>&1 &
      fi
      exit "$status"
    fi
    ;;
esac
exec java "${window[@]}" "${common[@]}" -jar "$jar" "$@"
