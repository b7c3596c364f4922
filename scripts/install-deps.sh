#!/usr/bin/env bash
# Install what building, running and testing Sổ Tiếp Dân needs on Debian/Ubuntu.
# Checks first and skips what is already there.
# Usage: scripts/install-deps.sh [--e2e] [--windows]
#   --e2e      the end-to-end tests' window, drivers and tools
#   --windows  building for Windows from Linux and checking it: the MinGW-w64 linker, NSIS
#              (makensis), wine, and the rustup target x86_64-pc-windows-gnu
set -euo pipefail
cd "$(dirname "$0")/.."

want_e2e=0
want_windows=0
for arg in "$@"; do
  case "$arg" in
    --e2e) want_e2e=1 ;;
    --windows) want_windows=1 ;;
    *) echo "unknown option: $arg" >&2; exit 2 ;;
  esac
done

sudo_cmd=()
[ "$(id -u)" -ne 0 ] && sudo_cmd=(sudo)

packages=(libwebkit2gtk-4.1-dev libgtk-3-dev libsoup-3.0-dev librsvg2-dev
  libayatana-appindicator3-dev libxdo-dev libssl-dev pkg-config file build-essential
  fonts-noto-core)
if [ "$want_e2e" = 1 ]; then
  # sqlite3: the audit e2e test edits a row behind the app's back.
  packages+=(webkit2gtk-driver xvfb xauth dbus-x11 imagemagick sqlite3)
fi
if [ "$want_windows" = 1 ]; then
  packages+=(gcc-mingw-w64-x86-64 nsis wine64 7zip)
fi

# The export tests print the docx and xlsx files with LibreOffice, read the PDF with
# poppler, and need Times New Roman's metrics with every Vietnamese letter: Liberation
# Serif 2 (the 1.x of fonts-liberation lacks ư, ơ and their tones). Without recommends:
# LibreOffice's pull in Java and the desktop.
export_packages=(libreoffice-writer-nogui libreoffice-calc-nogui poppler-utils fonts-liberation2)

not_installed() {
  local p
  for p in "$@"; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || echo "$p"
  done
}
mapfile -t missing < <(not_installed "${packages[@]}")
mapfile -t missing_export < <(not_installed "${export_packages[@]}")
if [ "${#missing[@]}" -gt 0 ] || [ "${#missing_export[@]}" -gt 0 ]; then
  "${sudo_cmd[@]}" apt-get update -qq
fi
if [ "${#missing[@]}" -gt 0 ]; then
  echo "==> apt-get install ${missing[*]}"
  DEBIAN_FRONTEND=noninteractive "${sudo_cmd[@]}" apt-get install -y -qq "${missing[@]}" >/dev/null
fi
if [ "${#missing_export[@]}" -gt 0 ]; then
  echo "==> apt-get install --no-install-recommends ${missing_export[*]}"
  DEBIAN_FRONTEND=noninteractive "${sudo_cmd[@]}" apt-get install -y -qq --no-install-recommends \
    "${missing_export[@]}" >/dev/null
fi

if ! command -v cargo >/dev/null 2>&1; then
  echo "Thiếu bộ công cụ Rust (cargo). Cài Rust 1.80 trở lên bằng rustup rồi chạy lại." >&2
  echo "Missing the Rust toolchain (cargo): install Rust >= 1.80 with rustup, then run again." >&2
  exit 1
fi
if [ "$want_windows" = 1 ] && ! rustup target list --installed 2>/dev/null | grep -qx x86_64-pc-windows-gnu; then
  echo "==> rustup target add x86_64-pc-windows-gnu"
  rustup target add x86_64-pc-windows-gnu
fi
if ! command -v node >/dev/null 2>&1 || [ "$(node -p 'process.versions.node.split(".")[0]')" -lt 20 ]; then
  echo "Cần Node.js 20 trở lên (Node.js >= 20 is required)." >&2
  exit 1
fi

if [ ! -d ui/node_modules ] || [ ui/package-lock.json -nt ui/node_modules/.package-lock.json ]; then
  echo "==> npm ci (ui)"
  (cd ui && npm ci --no-audit --no-fund)
fi

if [ "$want_e2e" = 1 ] && ! command -v tauri-driver >/dev/null 2>&1; then
  echo "==> cargo install tauri-driver 2.1.0"
  cargo install tauri-driver --version 2.1.0 --locked
fi
