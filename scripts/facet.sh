#!/usr/bin/env bash
# Builds facet.jar when it is missing or older than the sources, then runs it with the given arguments.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
source "$root/scripts/use-jdk25.sh"
jar="$root/app/target/facet.jar"
if [ ! -f "$jar" ] || [ -n "$(find "$root" -path '*/src/main/*' -newer "$jar" -print -quit)" ]; then
  (cd "$root" && mvn -B -q -ntp -DskipTests install) >&2
fi
exec java --enable-native-access=ALL-UNNAMED -jar "$jar" "$@"
