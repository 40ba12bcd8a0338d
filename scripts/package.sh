#!/usr/bin/env bash
# Builds Facet's installers for this machine with jpackage (installers/pom.xml, profile "installers"):
#   Linux:   installers/target/installers/facet_VERSION_amd64.deb, and facet-VERSION-1.x86_64.rpm when
#            rpmbuild is installed; the app-image in installers/target/image/Facet
#   Windows: .msi (needs the WiX Toolset) and macOS: .dmg, from the same command in Git Bash / a shell there
# Extra arguments go to Maven, e.g. -Dinstaller.training=cli or -Dinstaller.aot=false.
# The AOT cache is trained on the window, so on Linux without a display the build runs under xvfb-run.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
cd "$root"
source ./scripts/use-jdk25.sh

mvn_cmd=(mvn -B -ntp -Pinstallers -pl installers -am -DskipTests package "$@")
if [ "$(uname -s)" = Linux ]; then
  for tool in fakeroot dpkg-deb; do
    command -v "$tool" >/dev/null || { echo "package: $tool is missing (apt-get install fakeroot dpkg-dev)" >&2; exit 1; }
  done
  if [ -z "${DISPLAY:-}" ] && [ -z "${WAYLAND_DISPLAY:-}" ]; then
    if command -v xvfb-run >/dev/null; then
      mvn_cmd=(xvfb-run --auto-servernum --server-args="-screen 0 1440x900x24" "${mvn_cmd[@]}")
    else
      echo "package: no display and no xvfb-run (apt-get install xvfb): the AOT cache is trained on" \
        "the commands only (facet aot-training) instead of also the window, so the window starts slower" >&2
    fi
  fi
fi
"${mvn_cmd[@]}"
echo "package: installers in installers/target/installers:"
ls -l installers/target/installers
