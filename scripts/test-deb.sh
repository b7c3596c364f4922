#!/usr/bin/env bash
# The .deb, installed and launched: builds it with the Tauri CLI (offline), installs it
# with apt-get, starts the INSTALLED /usr/bin/tiepdan-desktop under Xvfb through
# tauri-driver, reads the first screen (the first-start dialog of an empty register) over
# WebDriver, then removes the package.
# Usage: scripts/test-deb.sh [--release | FILE.deb]
#   (debug by default: it reuses the e2e step's build; FILE.deb: test that package, built
#   already, e.g. by scripts/package.sh --debug in scripts/test.sh)
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="$HOME/.cargo/bin:$PATH"
target_dir="${CARGO_TARGET_DIR:-$PWD/target}"

profile=debug
tauri_args=(--debug)
deb=
case "${1:-}" in
  "") ;;
  --release) profile=release; tauri_args=() ;;
  *.deb) deb="$(realpath "$1")" ;;
  *) echo "unknown option: $1" >&2; exit 2 ;;
esac

sudo_cmd=()
[ "$(id -u)" -ne 0 ] && sudo_cmd=(sudo)

if [ -z "$deb" ]; then
  deb="$(scripts/build-deb.sh "${tauri_args[@]}")"
  echo "==> built $deb ($profile)"
fi
[ -f "$deb" ] || { echo "no such package: $deb" >&2; exit 1; }
dpkg-deb --info "$deb" | sed -n 's/^ \(Package\|Version\|Architecture\|Depends\):/  \1:/p'
dpkg-deb --contents "$deb" | awk '{print "  " $6}'
package="$(dpkg-deb --field "$deb" Package)"

remove() { DEBIAN_FRONTEND=noninteractive "${sudo_cmd[@]}" apt-get remove -y -qq "$package" >/dev/null || true; }
trap remove EXIT
echo "==> apt-get install $deb"
DEBIAN_FRONTEND=noninteractive "${sudo_cmd[@]}" apt-get install -y -qq "$deb" >/dev/null
app=/usr/bin/tiepdan-desktop
[ -x "$app" ] || { echo "FAIL: $app is not installed" >&2; exit 1; }
version="$(dpkg-deb --field "$deb" Version)"
[ "$(/usr/bin/tiepdan --version)" = "tiepdan $version" ] || { echo "FAIL: /usr/bin/tiepdan is not the CLI $version" >&2; exit 1; }
echo "ok: /usr/bin/tiepdan $version (the command line) is installed beside the app"
ls -l "$app" /usr/share/applications/*.desktop 2>/dev/null | grep -i tiep || true

echo "==> launch the installed app under Xvfb and read its first screen"
mkdir -p e2e/out
rc=0
E2E_PORT=5920 setsid --wait timeout --kill-after=10 300 xvfb-run -a -s "-screen 0 1280x800x24" \
  dbus-run-session -- node e2e/installed-app.mjs "$app" </dev/null || rc=$?
if [ "$rc" -ne 0 ]; then
  echo "FAIL: the installed app (exit $rc); the driver's log ends with:" >&2
  tail -n 30 e2e/out/driver-5920.log >&2 || true
  exit "$rc"
fi

echo "==> apt-get remove $package"
remove
trap - EXIT
[ ! -e "$app" ] && [ ! -e /usr/bin/tiepdan ] || { echo "FAIL: the program is still there after apt-get remove" >&2; exit 1; }
echo "ok: installed, launched, read and removed"
