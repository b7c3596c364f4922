#!/usr/bin/env bash
# The Windows installer, run under wine (it is a 64-bit NSIS installer): a silent per-user
# install puts the app, WebView2Loader.dll and the CLI in %LOCALAPPDATA%\Programs\So Tiep Dan
# with Start-menu and desktop shortcuts and an entry in "Apps"; the installed CLI makes a
# register and a backup in the app's data folder; installing again (an update) keeps them;
# the silent uninstall removes the program and keeps the register and its backups.
# Usage: scripts/test-installer.sh dist/SoTiepDan_<version>_x64-setup.exe
# (the WebView2 runtime is missing under wine: the silent install goes on past that check.)
set -euo pipefail
cd "$(dirname "$0")/.."
installer="$(realpath "$1")"
wine=/usr/lib/wine/wine64
[ -x "$wine" ] || wine="$(command -v wine64 || command -v wine)"
version="$(node -p 'require("./src-tauri/tauri.conf.json").version')"
identifier="$(node -p 'require("./src-tauri/tauri.conf.json").identifier')"

work="$(mktemp -d)"
cleanup() {
  WINEPREFIX="$work/prefix" wineserver -k 2>/dev/null || true
  rm -rf "$work"
}
trap cleanup EXIT
# winemenubuilder off: the shortcuts stay inside the prefix, not in this machine's menus.
export WINEPREFIX="$work/prefix" WINEDEBUG=-all WINEARCH=win64 WINEDLLOVERRIDES="mscoree,mshtml=;winemenubuilder.exe=d"
unset DISPLAY
"$wine" wineboot --init >/dev/null 2>&1
wineserver -w
# The installed CLI needs ProcessPrng, which wine 8.0 lacks (see test-windows-cli.sh).
x86_64-w64-mingw32-gcc -O2 -shared -o "$WINEPREFIX/drive_c/windows/system32/bcryptprimitives.dll" \
  packaging/windows/bcryptprimitives.c packaging/windows/bcryptprimitives.def -ladvapi32

w() { "$wine" "$@" </dev/null; }
unix() { w winepath -u "$1" 2>/dev/null | tr -d '\r'; }
winenv() { w cmd /c echo "%$1%" | tr -d '\r'; }
fail() { echo "FAIL: $*" >&2; exit 1; }

# Wine links the profile's Desktop to this machine's home folder: a real folder instead,
# so the desktop shortcut is written (and removed) inside the prefix only.
profile="$(unix "$(winenv USERPROFILE)")"
if [ -L "$profile/Desktop" ]; then rm "$profile/Desktop" && mkdir "$profile/Desktop"; fi

w "$installer" /S
wineserver -w
instdir="$(unix "$(winenv LOCALAPPDATA)\\Programs\\So Tiep Dan")"
for f in tiepdan-desktop.exe WebView2Loader.dll tiepdan.exe go-cai-dat.exe; do
  [ -f "$instdir/$f" ] || fail "$f is not installed in $instdir"
done
start_menu="$(unix "$(winenv APPDATA)\\Microsoft\\Windows\\Start Menu\\Programs")"
desktop="$(unix "$(winenv USERPROFILE)\\Desktop")"
[ -f "$start_menu/Sổ Tiếp Dân.lnk" ] || fail "no Start-menu shortcut"
[ -f "$desktop/Sổ Tiếp Dân.lnk" ] || fail "no desktop shortcut"
key='HKCU\Software\Microsoft\Windows\CurrentVersion\Uninstall\'"$identifier"
w reg query "$key" /v DisplayVersion | grep -q "$version" || fail "no Apps entry with version $version"
echo "ok: installed per user in $instdir, shortcuts and the Apps entry ($version)"

cli="$(winenv LOCALAPPDATA)\\Programs\\So Tiep Dan\\tiepdan.exe"
# Asked up to three times: under wine, the installed CLI once did not answer with its
# version in CI, and the same installer passed three reruns; what it said is now shown.
said=""
for _ in 1 2 3; do
  said="$(w "$cli" --version | tr -d '\r')"
  [ "$said" = "tiepdan $version" ] && break
  sleep 2
done
[ "$said" = "tiepdan $version" ] || fail "the installed CLI is not version $version (it said: \"$said\")"
data="$(winenv APPDATA)\\$identifier"
w cmd /c mkdir "$data"
w "$cli" --db "$data\\tiepdan.sqlite3" init --unit-name "phường Việt Hòa" >/dev/null
w "$cli" --db "$data\\tiepdan.sqlite3" backup >/dev/null
data_unix="$(unix "$data")"
ls "$data_unix"/sao-luu/* >/dev/null 2>&1 || fail "no backup in $data_unix/sao-luu"

# The app running (its .exe held open, as Windows holds a running program's): an update
# stops with exit code 2 and replaces nothing; an uninstall removes nothing.
x86_64-w64-mingw32-gcc -O2 -municode -o "$work/hold-open.exe" packaging/windows/tests/hold-open.c
app_win="$(winenv LOCALAPPDATA)\\Programs\\So Tiep Dan\\tiepdan-desktop.exe"
app_before="$(stat -c %Y:%s "$instdir/tiepdan-desktop.exe")"
"$wine" "$work/hold-open.exe" "$app_win" 120 >"$work/held.txt" 2>/dev/null </dev/null &
holder=$!
for _ in $(seq 60); do grep -q held "$work/held.txt" 2>/dev/null && break; sleep 0.5; done
grep -q held "$work/held.txt" || fail "could not hold the app's file open"
rc=0
w "$installer" /S || rc=$?
[ "$rc" = 2 ] || fail "an update with the app open exited with $rc, not 2"
[ "$(stat -c %Y:%s "$instdir/tiepdan-desktop.exe")" = "$app_before" ] || fail "the update touched the open app"
# The uninstaller runs from a copy of itself in Temp (Au_.exe): wait for that copy to end.
w "$instdir/go-cai-dat.exe" /S
sleep 2
for _ in $(seq 60); do pgrep -f 'Au_\.exe' >/dev/null || break; sleep 0.5; done
[ -f "$instdir/tiepdan-desktop.exe" ] && [ -f "$instdir/tiepdan.exe" ] && [ -f "$instdir/go-cai-dat.exe" ] \
  || fail "an uninstall with the app open removed files"
w reg query "$key" /v DisplayVersion >/dev/null 2>&1 || fail "an uninstall with the app open removed the Apps entry"
kill "$holder" 2>/dev/null || true
wineserver -k 2>/dev/null || true
wineserver -w
echo "ok: with the app open, an update stops (exit code 2) and an uninstall removes nothing"

w "$installer" /S
wineserver -w
[ -f "$data_unix/tiepdan.sqlite3" ] || fail "installing again lost the register"
echo "ok: installing again (an update) keeps the register"

w "$instdir/go-cai-dat.exe" /S
wineserver -w
[ ! -e "$instdir/tiepdan-desktop.exe" ] || fail "the uninstaller left the program"
[ ! -e "$start_menu/Sổ Tiếp Dân.lnk" ] && [ ! -e "$desktop/Sổ Tiếp Dân.lnk" ] || fail "the uninstaller left a shortcut"
if w reg query "$key" >/dev/null 2>&1; then fail "the uninstaller left the Apps entry"; fi
[ -f "$data_unix/tiepdan.sqlite3" ] || fail "the uninstaller deleted the register"
ls "$data_unix"/sao-luu/* >/dev/null 2>&1 || fail "the uninstaller deleted the backups"
echo "ok: the silent uninstall removes the program and keeps the register and its backups"
echo "installer: 4 passed, 0 failed"
