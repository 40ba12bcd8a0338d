#!/usr/bin/env bash
# Runs every test of every module (unit, conformance against ../shared/corpus, CLI, layering).
set -euo pipefail
cd "$(dirname "$0")/.."
source ./scripts/use-jdk25.sh
exec mvn -B -ntp verify "$@"
