# Sourced by the other scripts: points JAVA_HOME at a JDK 25 and puts it first on PATH.
# Honours an existing JAVA_HOME when it already is a JDK 25 or newer.
facet_java_major() { "$1/bin/java" -XshowSettings:properties -version 2>&1 | sed -n 's/^ *java.specification.version = \([0-9]*\).*/\1/p'; }
if [ -z "${JAVA_HOME:-}" ] || [ ! -x "$JAVA_HOME/bin/java" ] || [ "$(facet_java_major "$JAVA_HOME")" -lt 25 ] 2>/dev/null; then
  for candidate in /usr/lib/jvm/temurin-25-jdk-amd64 /usr/lib/jvm/temurin-25-jdk* /usr/lib/jvm/java-25-openjdk* /usr/lib/jvm/jdk-25*; do
    if [ -x "$candidate/bin/java" ]; then JAVA_HOME="$candidate"; break; fi
  done
fi
if [ -z "${JAVA_HOME:-}" ] || [ ! -x "$JAVA_HOME/bin/java" ] || [ "$(facet_java_major "$JAVA_HOME")" -lt 25 ] 2>/dev/null; then
  echo "Facet needs JDK 25: set JAVA_HOME to one (Temurin 25 is expected at /usr/lib/jvm/temurin-25-jdk-amd64)." >&2
  return 1 2>/dev/null || exit 1
fi
export JAVA_HOME
export PATH="$JAVA_HOME/bin:$PATH"
