#!/usr/bin/env bash
# Installs the .deb that build-deb.sh made, checks the installed Lankit as a coordinator's laptop
# would run it, and removes it again. Run as root (CI is): it installs and removes a package.
#   1. apt-get install ./lankit_<version>_amd64.deb
#   2. the installed command "lankit" prints its version with an empty environment (its own Java, no PATH)
#   3. the runtime holds the modules the kit needs; the launcher bounds the heap
#   4. a headless master on 127.0.0.1 (temporary data and key folders) answers /api/v1/info,
#      runs in one process (it does not start itself again), and stops on SIGTERM without warnings
#   5. apt-get remove: the package, its files, its menu entry and its command are gone
# Usage: launcher/linux/check-deb.sh [path/to/lankit_<version>_amd64.deb]
set -euo pipefail
cd "$(dirname "$0")/../.."

app=/opt/lankit/bin/Lankit
menu_entry=/usr/share/applications/lankit.desktop
on_path=/usr/bin/lankit
wait_seconds=60

fail() {
  echo "check-deb: FAILED: $*" >&2
  exit 1
}
step() {
  echo "check-deb: $*"
}

deb=${1:-$(ls target/installer/lankit_*_amd64.deb 2>/dev/null | head -n 1 || true)}
[ -n "$deb" ] && [ -f "$deb" ] || fail "no .deb to check; build one first with launcher/linux/build-deb.sh"
deb=$(realpath "$deb")
[ "$(id -u)" = 0 ] || fail "run as root: this script installs and removes the lankit package"
command -v curl >/dev/null 2>&1 || fail "curl is missing (apt-get install curl)"
if dpkg -s lankit >/dev/null 2>&1; then
  fail "lankit is installed already; this check installs and removes it, so remove it first: apt-get remove -y lankit"
fi

tmp=$(mktemp -d)
master=""
installed=""
cleanup() {
  if [ -n "$master" ] && kill -0 "$master" 2>/dev/null; then kill -KILL "$master" 2>/dev/null || true; fi
  # a failed check leaves no package behind either
  if [ -n "$installed" ] && dpkg -s lankit >/dev/null 2>&1; then apt-get remove --purge -y -qq lankit >/dev/null 2>&1 || true; fi
  rm -rf "$tmp"
}
trap cleanup EXIT

step "installing $deb"
installed=yes
# apt fetches the libraries the package depends on (X11, ALSA, fonts); a machine that never ran
# apt-get update has no package lists to find them in, so a first failure updates them once
if ! DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$deb" >"$tmp/install.log" 2>&1; then
  apt-get update -qq >/dev/null 2>&1 || true
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$deb" >"$tmp/install.log" 2>&1 \
    || { cat "$tmp/install.log" >&2; fail "apt-get install $deb failed (output above)"; }
fi
[ -x "$app" ] || fail "$app is not there after the install"
[ "$(readlink "$on_path")" = "$app" ] || fail "$on_path does not point to $app"
[ -f "$menu_entry" ] || fail "no menu entry $menu_entry after the install"
grep -q '^Exec=/opt/lankit/bin/Lankit' "$menu_entry" || fail "$menu_entry does not start $app"
icon=$(sed -n 's/^Icon=//p' "$menu_entry")
[ -f "$icon" ] || fail "the menu entry's icon $icon is missing"

step "installed version"
expected=$(dpkg-deb -f "$deb" Version | sed 's/-[0-9]*$//')
version=$(env -i HOME="$tmp/home" "$on_path" --version 2>&1) || fail "$on_path --version failed: $version"
case "$version" in
  *"$expected"*) step "  $version" ;;
  *) fail "$on_path --version printed '$version', expected it to contain $expected" ;;
esac

step "runtime modules and JVM options"
modules=$(/opt/lankit/lib/runtime/bin/java --list-modules)
for needed in java.desktop java.net.http java.sql jdk.crypto.ec jdk.localedata jdk.unsupported; do
  echo "$modules" | grep -q "^$needed@" || fail "the bundled runtime lacks $needed"
done
grep -q 'java-options=-Xmx192m' /opt/lankit/lib/app/Lankit.cfg || fail "the launcher does not bound the heap (-Xmx192m in /opt/lankit/lib/app/Lankit.cfg)"
grep -q 'java-options=-Dlankit.jvm=bounded' /opt/lankit/lib/app/Lankit.cfg || fail "the launcher lacks -Dlankit.jvm=bounded: the kit would start itself again"

step "headless master on 127.0.0.1"
mkdir -p "$tmp/home" "$tmp/keys"
env -i HOME="$tmp/home" LANKIT_KEY_HOME="$tmp/keys" \
  "$app" --headless --role master --bind 127.0.0.1 --port 0 --https-port 0 --data-dir "$tmp/data" >"$tmp/master.log" 2>&1 &
master=$!
port=""
for _ in $(seq 1 "$wait_seconds"); do
  port=$(sed -n 's|^Join URL: http://127\.0\.0\.1:\([0-9]*\)/join.*|\1|p' "$tmp/master.log")
  [ -n "$port" ] && break
  kill -0 "$master" 2>/dev/null || { cat "$tmp/master.log" >&2; fail "the installed master stopped before printing its join URL (output above)"; }
  sleep 1
done
[ -n "$port" ] || { cat "$tmp/master.log" >&2; fail "no join URL on 127.0.0.1 within $wait_seconds s (output above)"; }
info=$(curl -fsS --max-time 10 "http://127.0.0.1:$port/api/v1/info") || fail "GET http://127.0.0.1:$port/api/v1/info failed"
case "$info" in
  *'"app":"lankit"'*'"role":"master"'* | *'"role":"master"'*'"app":"lankit"'*) step "  /api/v1/info: $info" ;;
  *) fail "/api/v1/info answered '$info', expected a lankit master" ;;
esac
children=$(ps -o pid= --ppid "$master" | tr -d ' ' || true)
[ -z "$children" ] || fail "the installed app started another process ($children): the launcher's options should keep it in one JVM"

step "stopping the master (SIGTERM)"
kill -TERM "$master"
stopped=""
for _ in $(seq 1 30); do
  kill -0 "$master" 2>/dev/null || { stopped=yes; break; }
  sleep 1
done
[ -n "$stopped" ] || fail "the master did not stop within 30 s of SIGTERM"
code=0
wait "$master" || code=$?
master=""
[ "$code" = 0 ] || [ "$code" = 143 ] || { cat "$tmp/master.log" >&2; fail "the master exited with code $code (output above)"; }
if grep -E '\[(WARN|ERROR) *\]|WARN |ERROR |Exception' "$tmp/master.log" >&2; then
  fail "the master's output has warnings or errors (lines above)"
fi

step "removing the package"
apt-get remove --purge -y -qq lankit >"$tmp/remove.log" 2>&1 || { cat "$tmp/remove.log" >&2; fail "apt-get remove lankit failed (output above)"; }
installed=""
! dpkg -s lankit >/dev/null 2>&1 || fail "dpkg still lists lankit as installed"
[ ! -e /opt/lankit ] || fail "/opt/lankit is still there after the removal: $(find /opt/lankit | head -n 5 | tr '\n' ' ')"
[ ! -e "$menu_entry" ] || fail "the menu entry $menu_entry is still there after the removal"
[ ! -e "$on_path" ] && [ ! -L "$on_path" ] || fail "$on_path is still there after the removal"
step "OK: installed, ran, answered /api/v1/info, stopped and removed"
