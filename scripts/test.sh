#!/usr/bin/env bash
# Runs every test of every module (unit, conformance against ../shared/corpus, CLI, layering).
# When the JDK has jpackage it also builds the installers module's app-image (no .deb/.rpm: those take
# minutes) and checks its launcher: --version, validate through it, its AOT cache (installers/README.md).
set -euo pipefail
cd "$(dirname "$0")/.."
source ./scripts/use-jdk25.sh
installers=()
if [ -x "$JAVA_HOME/bin/jpackage" ]; then
  # Trained on the commands only (`facet aot-training`): CI has no display, and the check is about the launcher, not start-up speed.
  installers=(-Pinstallers -Dinstaller.skipPackages=true -Dinstaller.training=cli)
fi
exec mvn -B -ntp verify "${installers[@]}" "$@"
