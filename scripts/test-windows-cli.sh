#!/usr/bin/env bash
# The core on Windows: the CLI built for x86_64-pc-windows-gnu (debug profile) runs under
# wine with a register at a path with Vietnamese letters and spaces, imports an exchange
# file, and its report must equal the Linux build's byte for byte. Also opens a register
# in the app's data folder as Windows resolves it (%APPDATA%\<identifier>).
# Needs (scripts/install-deps.sh --windows): gcc-mingw-w64-x86-64, wine64, and the rustup
# target x86_64-pc-windows-gnu. Exits non-zero on any difference.
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="$HOME/.cargo/bin:$PATH"
target_dir="${CARGO_TARGET_DIR:-$PWD/target}"

wine=/usr/lib/wine/wine64
[ -x "$wine" ] || wine="$(command -v wine64 || command -v wine)"

echo "==> build the CLI for Linux and for Windows (debug)"
# The Linux CLI with the same features as the other cargo steps of scripts/test.sh, so
# nothing is compiled twice (the shell embeds ui/dist, so the UI must be built).
[ -f ui/dist/index.html ] || (cd ui && npm run build)
cargo build --workspace --bins --features tiepdan-desktop/custom-protocol
# Line tables only for the Windows debug builds: MinGW links DWARF into the .exe, and the
# default full debug info makes this CLI 143 MB (100 MB of it .debug_*) and the app
# several times larger, slower to link and to pack. scripts/package.sh --debug builds
# with the same setting, so it reuses this build.
CARGO_PROFILE_DEV_DEBUG=line-tables-only cargo build --target x86_64-pc-windows-gnu -p tiepdan --bin tiepdan
linux_cli="$target_dir/debug/tiepdan"
win_cli="$target_dir/x86_64-pc-windows-gnu/debug/tiepdan.exe"

work="$(mktemp -d)"
cleanup() {
  WINEPREFIX="$work/prefix" wineserver -k 2>/dev/null || true
  rm -rf "$work"
}
trap cleanup EXIT

echo "==> a fresh wine prefix with the ProcessPrng shim (wine 8.0 lacks bcryptprimitives.dll)"
export WINEPREFIX="$work/prefix" WINEDEBUG=-all WINEARCH=win64 WINEDLLOVERRIDES="mscoree,mshtml="
unset DISPLAY
"$wine" wineboot --init >/dev/null 2>&1
wineserver -w
x86_64-w64-mingw32-gcc -O2 -shared -o "$WINEPREFIX/drive_c/windows/system32/bcryptprimitives.dll" \
  packaging/windows/bcryptprimitives.c packaging/windows/bcryptprimitives.def -ladvapi32

win() { "$wine" "$win_cli" "$@" </dev/null; }

echo "==> the exchange file: the Linux CLI's demo data, exported"
"$linux_cli" --db "$work/demo.sqlite3" demo | tee "$work/demo.txt"
read -r from to < <(grep -o '20[0-9][0-9]-[0-9][0-9]-[0-9][0-9]' "$work/demo.txt" | head -2 | xargs)
"$linux_cli" --db "$work/demo.sqlite3" export "$work/exchange.json" >/dev/null

dir="$WINEPREFIX/drive_c/so tiep dan"
mkdir -p "$dir" "$work/linux"
cp "$work/exchange.json" "$dir/tệp trao đổi.json"
unit="phường Việt Hòa"

echo "==> Linux: init, import, report --json $from..$to"
"$linux_cli" --db "$work/linux/sổ.sqlite3" init --unit-name "$unit"
"$linux_cli" --db "$work/linux/sổ.sqlite3" import "$work/exchange.json"
"$linux_cli" --db "$work/linux/sổ.sqlite3" report --json --from "$from" --to "$to" >"$work/linux.json"

echo "==> Windows (wine): the same at C:\\so tiep dan\\sổ.sqlite3"
win --db 'C:\so tiep dan\sổ.sqlite3' init --unit-name "$unit"
win --db 'C:\so tiep dan\sổ.sqlite3' import 'C:\so tiep dan\tệp trao đổi.json'
win --db 'C:\so tiep dan\sổ.sqlite3' report --json --from "$from" --to "$to" >"$work/windows.json"
[ -f "$dir/sổ.sqlite3" ] || { echo "FAIL: the register is not at C:\\so tiep dan\\sổ.sqlite3" >&2; exit 1; }

if cmp -s "$work/linux.json" "$work/windows.json"; then
  echo "ok: the Windows report equals the Linux one byte for byte ($(wc -c <"$work/linux.json") bytes)"
else
  echo "FAIL: the Windows report differs from the Linux one:" >&2
  diff "$work/linux.json" "$work/windows.json" | head -40 >&2 || true
  exit 1
fi

echo "==> the app's data folder as Windows resolves it (%APPDATA%\\<identifier>)"
identifier="$(node -p 'require("./src-tauri/tauri.conf.json").identifier')"
appdata="$("$wine" cmd /c echo %APPDATA% </dev/null | tr -d '\r')"
case "$appdata" in
  [A-Za-z]:\\*) ;;
  *) echo "FAIL: %APPDATA% did not resolve: '$appdata'" >&2; exit 1 ;;
esac
"$wine" cmd /c mkdir "$appdata\\$identifier" </dev/null
win --db "$appdata\\$identifier\\tiepdan.sqlite3" init --unit-name "$unit"
win --db "$appdata\\$identifier\\tiepdan.sqlite3" import 'C:\so tiep dan\tệp trao đổi.json'
win --db "$appdata\\$identifier\\tiepdan.sqlite3" report --json --from "$from" --to "$to" >"$work/appdata.json"
unix_appdata="$("$wine" winepath -u "$appdata\\$identifier\\tiepdan.sqlite3" </dev/null 2>/dev/null | tr -d '\r')"
[ -f "$unix_appdata" ] || { echo "FAIL: no register at $unix_appdata" >&2; exit 1; }
cmp "$work/linux.json" "$work/appdata.json"
echo "ok: a register at $appdata\\$identifier\\tiepdan.sqlite3 gives the same report"
echo "windows-cli: 2 passed, 0 failed"
