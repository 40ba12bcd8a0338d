#!/usr/bin/env bash
# Installs Facet's .deb on this machine the way a user would (apt-get install ./facet_*.deb), checks the
# installed `facet` command and the desktop integration, then removes the package and checks it is gone.
#   sudo ./scripts/test-deb.sh [path/to/facet_VERSION_amd64.deb]
# Without a path it takes installers/target/installers/facet_*.deb, building it with scripts/package.sh
# when there is none. Needs root (apt-get). When Xvfb is installed and `facet` opens a window, it also
# starts the window with an empty home and checks that nothing was extracted to ~/.openjfx.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
cd "$root"

fail() { echo "test-deb: FAIL: $*" >&2; exit 1; }
ok() { echo "test-deb: ok: $*"; }

[ "$(id -u)" = 0 ] || fail "needs root for apt-get (sudo $0)"
deb=${1:-}
if [ -z "$deb" ]; then
  deb=$(ls installers/target/installers/facet_*.deb 2>/dev/null | head -n 1 || true)
  if [ -z "$deb" ]; then
    ./scripts/package.sh
    deb=$(ls installers/target/installers/facet_*.deb | head -n 1)
  fi
fi
deb=$(realpath "$deb")
installed() { [ "$(dpkg-query -W -f='${db:Status-Status}' facet 2>/dev/null)" = installed ]; }
if installed; then
  fail "a facet package is installed already; remove it first (apt-get remove facet)"
fi
expected="facet $(sed -n 's:^  <version>\(.*\)</version>:\1:p' pom.xml | head -n 1)"

work=$(mktemp -d)
xvfb_pid=
made_dirs=()
cleanup() {
  [ -n "$xvfb_pid" ] && kill "$xvfb_pid" 2>/dev/null || true
  if installed; then DEBIAN_FRONTEND=noninteractive apt-get remove --purge -y -qq facet >/dev/null 2>&1 || true; fi
  for dir in "${made_dirs[@]}"; do rmdir "$dir" 2>/dev/null || true; done
  rm -rf "$work"
}
trap cleanup EXIT
# A home of its own: no settings or demo data from an earlier run, and ~/.openjfx can be checked.
# Java takes user.home from the password file, not from HOME: the window's run below sets both.
export HOME="$work/home"
mkdir -p "$HOME"

install_deb() {
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$deb" >"$work/apt.log" 2>&1 || { cat "$work/apt.log" >&2; fail "apt-get install"; }
}
remove_deb() {
  DEBIAN_FRONTEND=noninteractive apt-get remove --purge -y -qq facet >"$work/apt.log" 2>&1 || { cat "$work/apt.log" >&2; fail "apt-get remove"; }
}

echo "test-deb: installing $deb ($(du -h "$deb" | cut -f1))"
# A machine without an XDG menu (containers, servers) must take the package too, without a menu entry.
# Such a machine then stands in for a desktop: it gets the two folders xdg-desktop-menu wants.
menu_dirs=(/etc/xdg/menus /usr/share/desktop-directories)
if [ ! -d "${menu_dirs[0]}" ] || [ ! -d "${menu_dirs[1]}" ]; then
  install_deb
  facet --version >/dev/null || fail "facet --version on a machine without an XDG menu"
  remove_deb
  ok "installs and removes on a machine without an XDG menu (no ${menu_dirs[*]})"
  for dir in "${menu_dirs[@]}"; do
    if [ ! -d "$dir" ]; then mkdir -p "$dir"; made_dirs+=("$dir"); fi
  done
fi
install_deb
ok "installed $(dpkg-query -W -f='${Package} ${Version}, ${Installed-Size} kB' facet)"

# The command on the PATH: postinst's script, which starts bin/facet-cli for the commands and bin/Facet else.
hash -r
[ "$(command -v facet)" = /usr/bin/facet ] || fail "facet on the PATH is '$(command -v facet || true)', not /usr/bin/facet"
[ -f /usr/bin/facet ] && [ ! -L /usr/bin/facet ] && [ -x /usr/bin/facet ] || fail "/usr/bin/facet is not postinst's script: $(ls -l /usr/bin/facet)"
sh -n /usr/bin/facet || fail "/usr/bin/facet is not a valid sh script"
ok "/usr/bin/facet is postinst's script"

version=$(facet --version 2>"$work/err") || fail "facet --version failed: $(cat "$work/err")"
[ "$version" = "$expected" ] || fail "facet --version printed '$version', expected '$expected'"
[ ! -s "$work/err" ] || fail "facet --version wrote to stderr: $(cat "$work/err")"
ok "facet --version: $version"

# The AOT caches record the jars' sizes and times; dpkg must have kept them, or every start is slow.
# The JVM's final flags also show which launcher /usr/bin/facet started: --version the window's (C2, G1 or
# what the JVM picks, facet.aot), validate the command line's (C1, serial collector, facet-cli.aot).
flags() {
  JAVA_TOOL_OPTIONS="-XX:AOTMode=on -XX:+PrintFlagsFinal" facet "$@" >"$work/flags" 2>"$work/err" ||
    fail "facet $* cannot use its AOT cache (-XX:AOTMode=on): $(cat "$work/err")"
}
has_flag() { grep -Eq "^ *[a-z]+ +$1 += $2 " "$work/flags"; }
flags --version
has_flag AOTCache '/opt/facet/lib/app/facet\.aot' || fail "facet --version does not run with facet.aot: $(grep -E ' AOTCache ' "$work/flags")"
has_flag TieredStopAtLevel 4 || fail "facet --version runs without C2: $(grep -E ' TieredStopAtLevel ' "$work/flags")"
flags validate resources/demo/schema.prisma
has_flag AOTCache '/opt/facet/lib/app/facet-cli\.aot' || fail "facet validate does not run with facet-cli.aot: $(grep -E ' AOTCache ' "$work/flags")"
has_flag TieredStopAtLevel 1 && has_flag UseSerialGC true || fail "facet validate does not run with C1 alone and the serial collector"
ok "facet --version: bin/Facet with facet.aot; facet validate: bin/facet-cli with facet-cli.aot, C1, serial collector (-XX:AOTMode=on)"

# Arguments pass through the launcher: validate, push and query on a copy of the demo schema.
mkdir -p "$work/shop"
cp resources/demo/schema.prisma "$work/shop/schema.prisma"
(cd "$work" && facet validate shop/schema.prisma) >"$work/out" 2>&1 || fail "facet validate on the demo schema: $(cat "$work/out")"
grep -q "is valid" "$work/out" || fail "facet validate did not say the schema is valid: $(cat "$work/out")"
ok "facet validate shop/schema.prisma: $(tail -n 1 "$work/out")"
printf 'model Broken {\n  id Int @id\n  other Missing\n}\n' >"$work/broken.prisma"
status=0
facet validate --no-color "$work/broken.prisma" >"$work/out" 2>&1 || status=$?
[ "$status" = 1 ] || fail "facet validate on a broken schema exited $status, expected 1: $(cat "$work/out")"
ok "facet validate on a broken schema: exit 1, $(grep -m 1 -i error "$work/out")"
facet push --schema "$work/shop/schema.prisma" >"$work/out" 2>&1 || fail "facet push (SQLite): $(cat "$work/out")"
ok "facet push: $(tail -n 1 "$work/out")"
answer=$(echo '{"model": "Customer", "action": "count"}' | facet query --schema "$work/shop/schema.prisma" 2>"$work/err") ||
  fail "facet query: $(cat "$work/err")"
[ "$answer" = '{"data":0}' ] || fail "facet query count printed '$answer', expected {\"data\":0}"
ok "facet query (SQLite, the sqlite-jdbc native of the slimmed jar): $answer"

# Desktop integration: menu entry, MIME type, icons.
desktop=/usr/share/applications/facet-Facet.desktop
[ -f "$desktop" ] || fail "no $desktop"
grep -qx 'Categories=Development;Database;' "$desktop" || fail "$desktop is not in the Development category"
grep -qx 'MimeType=text/x-prisma' "$desktop" || fail "$desktop does not list text/x-prisma"
grep -qx 'Exec=/opt/facet/bin/Facet %f' "$desktop" || fail "$desktop does not pass the file: $(grep Exec "$desktop")"
if command -v desktop-file-validate >/dev/null; then
  desktop-file-validate "$desktop" || fail "desktop-file-validate $desktop"
fi
[ ! -e /usr/share/applications/facet-facet-cli.desktop ] || fail "the command-line launcher has a menu entry of its own"
ok "menu entry $desktop (Development, text/x-prisma, Exec ... %f), none for facet-cli"
grep -q 'type="text/x-prisma"' /usr/share/mime/packages/*.xml 2>/dev/null || fail "text/x-prisma is not in /usr/share/mime/packages"
if command -v xdg-mime >/dev/null; then
  type=$(xdg-mime query filetype "$work/shop/schema.prisma" 2>/dev/null || true)
  handler=$(xdg-mime query default text/x-prisma 2>/dev/null || true)
  ok "xdg-mime: schema.prisma is '$type', opened by '$handler'"
  [ "$type" = text/x-prisma ] || fail "xdg-mime sees schema.prisma as '$type'"
fi
for size in 16 32 48 128 256 512; do
  [ -f "/usr/share/icons/hicolor/${size}x${size}/apps/facet.png" ] || fail "no ${size}px facet icon in the hicolor theme"
  [ -f "/usr/share/icons/hicolor/${size}x${size}/mimetypes/text-x-prisma.png" ] || fail "no ${size}px text-x-prisma icon"
done
ok "icons facet and text-x-prisma in the hicolor theme, 16 to 512 px"

# The window, when there is one: nothing may be extracted into the home.
if command -v Xvfb >/dev/null && command -v xdotool >/dev/null; then
  display=":$((200 + RANDOM % 100))"
  Xvfb "$display" -screen 0 1440x900x24 >/dev/null 2>&1 & xvfb_pid=$!
  sleep 1
  DISPLAY=$display JAVA_TOOL_OPTIONS="-Duser.home=$HOME" facet >"$work/gui.log" 2>&1 & app=$!
  window=
  for _ in $(seq 1 200); do
    window=$(DISPLAY=$display xdotool search --onlyvisible --name Facet 2>/dev/null | head -n 1 || true)
    [ -n "$window" ] && break
    kill -0 "$app" 2>/dev/null || break
    sleep 0.1
  done
  if [ -n "$window" ]; then
    sleep 3
    name=$(DISPLAY=$display xdotool getwindowname "$window" 2>/dev/null || echo Facet)
    wm_class=$(DISPLAY=$display xprop -id "$window" WM_CLASS 2>/dev/null | sed -n 's/.*= "\([^"]*\)".*/\1/p')
    kill "$app" 2>/dev/null || true
    wait "$app" 2>/dev/null || true
    [ -n "$(ls -A "$HOME")" ] || fail "the window wrote nothing into its home $HOME (user.home not taken?)"
    [ ! -e "$HOME/.openjfx" ] || fail "the window extracted JavaFX libraries to ~/.openjfx: $(ls -R "$HOME/.openjfx" | head)"
    ok "the window opened ('$name'); its fresh home has $(cd "$HOME" && find . -mindepth 1 -maxdepth 3 | grep -c .) entries and no ~/.openjfx"
    grep -qx "StartupWMClass=$wm_class" "$desktop" || fail "the window's WM_CLASS '$wm_class' is not the menu entry's $(grep StartupWMClass "$desktop")"
    ok "the window's class $wm_class is the menu entry's StartupWMClass"
    if grep -Ei "exception|error|warning" "$work/gui.log" >/dev/null; then
      echo "test-deb: note: the window's output has warnings or errors:" >&2
      sed 's/^/  /' "$work/gui.log" | head -n 20 >&2
    fi
  else
    wait "$app" 2>/dev/null || true
    echo "test-deb: note: facet without arguments opened no window (no GUI in this build yet?); ~/.openjfx not checked"
  fi
  kill "$xvfb_pid" 2>/dev/null || true
  xvfb_pid=
else
  echo "test-deb: note: no Xvfb/xdotool (apt-get install xvfb xdotool): the window and ~/.openjfx not checked"
fi

# Removal takes everything with it.
remove_deb
hash -r
[ ! -e /usr/bin/facet ] && [ ! -L /usr/bin/facet ] || fail "/usr/bin/facet is still there after removal"
[ ! -e /opt/facet ] || fail "/opt/facet is still there after removal: $(find /opt/facet | head)"
[ ! -e "$desktop" ] || fail "$desktop is still there after removal"
[ ! -e /usr/share/icons/hicolor/48x48/apps/facet.png ] || fail "the facet icon is still there after removal"
ok "removed: no /usr/bin/facet, /opt/facet, menu entry or icons left"
echo "test-deb: PASS"
