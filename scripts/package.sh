#!/usr/bin/env bash
# Builds what a ward installs, from Linux, into dist/:
#   SoTiepDan_<version>_x64-setup.exe  the Windows installer (the project's own NSIS script,
#                                       packaging/windows/installer.nsi, compiled by makensis)
#   so-tiep-dan_<version>_amd64.deb     the Debian/Ubuntu package (Tauri CLI, offline)
#   SHA256SUMS                          checksums of both
# Usage: scripts/package.sh [--debug] [--no-deb]
#   --debug   debug builds, named *-DEBUG.* (scripts/test.sh checks these; never ship one)
#   --no-deb  the Windows installer only
# Needs scripts/install-deps.sh --windows (MinGW-w64, NSIS, 7-Zip for the listing, wine for
# the installer's check). Nothing
# is downloaded at build time: no WebView2 bootstrapper is fetched or bundled.
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="$HOME/.cargo/bin:$PATH"
target_dir="${CARGO_TARGET_DIR:-$PWD/target}"

profile=release
want_deb=1
for arg in "$@"; do
  case "$arg" in
    --debug) profile=debug ;;
    --no-deb) want_deb=0 ;;
    *) echo "unknown option: $arg" >&2; exit 2 ;;
  esac
done
cargo_profile=()
[ "$profile" = release ] && cargo_profile=(--release)

scripts/install-deps.sh --windows

# Version, publisher and identifier come from the workspace; the versions must agree.
conf() { node -p "require('./src-tauri/tauri.conf.json').$1"; }
version="$(conf version)"
publisher="$(conf bundle.publisher)"
identifier="$(conf identifier)"
for manifest in Cargo.toml src-tauri/Cargo.toml; do
  v="$(sed -n 's/^version = "\(.*\)"$/\1/p' "$manifest" | head -1)"
  if [ "$v" != "$version" ]; then
    echo "version mismatch: $manifest says $v, tauri.conf.json says $version" >&2
    exit 1
  fi
done

echo "==> UI build (the shell embeds ui/dist)"
(cd ui && npm run build)

echo "==> Windows: the app and the CLI ($profile, x86_64-pc-windows-gnu)"
# The debug builds carry line tables only (as in scripts/test-windows-cli.sh): MinGW links
# DWARF into the .exe, and full debug info makes the app and the CLI several times larger
# and slower to link and to pack. The release profile strips symbols (Cargo.toml).
# The CLI is built exactly as scripts/test-windows-cli.sh builds it, so the test command
# reuses that build; the app on its own, with the features it ships with.
win_build() {
  CARGO_PROFILE_DEV_DEBUG=line-tables-only \
    cargo build "${cargo_profile[@]}" --target x86_64-pc-windows-gnu "$@"
}
win_build -p tiepdan --bin tiepdan
win_build -p tiepdan-desktop --bin tiepdan-desktop --features tiepdan-desktop/custom-protocol
win_dir="$target_dir/x86_64-pc-windows-gnu/$profile"
for f in tiepdan-desktop.exe WebView2Loader.dll tiepdan.exe; do
  [ -f "$win_dir/$f" ] || { echo "missing $win_dir/$f" >&2; exit 1; }
done

mkdir -p dist
installer="dist/SoTiepDan_${version}_x64-setup.exe"
[ "$profile" = debug ] && installer="dist/SoTiepDan_${version}_x64-setup-DEBUG.exe"
echo "==> makensis packaging/windows/installer.nsi -> $installer"
# -WX: a warning is an error, so a mistake in the script stops the build.
makensis -V2 -WX -INPUTCHARSET UTF8 \
  -DVERSION="$version" -DPUBLISHER="$publisher" -DIDENTIFIER="$identifier" \
  -DAPP_EXE="$win_dir/tiepdan-desktop.exe" -DLOADER_DLL="$win_dir/WebView2Loader.dll" \
  -DCLI_EXE="$win_dir/tiepdan.exe" -DICON="$PWD/src-tauri/icons/icon.ico" \
  -DOUTFILE="$PWD/$installer" packaging/windows/installer.nsi
echo "==> the installer's files"
# Debian 12's 7zip names its program 7zz; 7-Zip reads NSIS installers.
sevenzip="$(command -v 7zz || command -v 7z)"
"$sevenzip" l "$installer" | sed -n '/^----/,/^----/p'
for f in tiepdan-desktop.exe WebView2Loader.dll tiepdan.exe; do
  "$sevenzip" l "$installer" | grep -q " $f\$" || { echo "the installer lacks $f" >&2; exit 1; }
done

echo "==> the installer under wine: install, update, uninstall (scripts/test-installer.sh)"
scripts/test-installer.sh "$installer"

outputs=("$installer")
if [ "$want_deb" = 1 ]; then
  echo "==> the .deb ($profile)"
  deb_args=()
  [ "$profile" = debug ] && deb_args=(--debug)
  deb="$(scripts/build-deb.sh "${deb_args[@]}")"
  name="$(basename "$deb")"
  [ "$profile" = debug ] && name="${name%.deb}-DEBUG.deb"
  cp "$deb" "dist/$name"
  outputs+=("dist/$name")
fi

(cd dist && sha256sum "${outputs[@]#dist/}" >SHA256SUMS && sha256sum -c SHA256SUMS)
ls -l "${outputs[@]}" dist/SHA256SUMS
